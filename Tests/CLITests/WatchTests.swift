import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// The watchlist through the CLI against the simulator (issue 18): add with
/// a note (also from `search --watch-add`), IDNs as punycode, `rm` only of
/// the names given, `refresh`, and `expiring --watch` for cron.
@Suite struct WatchTests {
    @Test func addListAndRemoveOnlyWhatIsNamed() async throws {
        try await withSimWorld(simConfiguration(domains: 5)) { _, world in
            let added = try await world.ok("watch", "add", "shop-watch.com", "bücher-watch.de", "--note", "for the shop")
            #expect(added.stdout.contains("watching"), "\(added.stdout)")
            let rows = try #require(try await world.ok("watch", "ls", "--json").json).list
            let ascii = Punycode.asciiName("bücher-watch.de")
            #expect(rows.compactMap { $0["name"]?.text } == [ascii, "shop-watch.com"].sorted())
            #expect(rows.first { $0["name"]?.text == ascii }?["name_unicode"]?.text == "bücher-watch.de")
            #expect(rows.allSatisfy { $0["note"]?.text == "for the shop" && $0["status"] == .null && $0["news"]?.list.isEmpty == true })
            // No argument never removes everything.
            let bare = try await world.run("watch", "rm")
            #expect(bare.status == 2)
            #expect(bare.stderr.contains("give the names to stop watching"), "\(bare.stderr)")
            // A name not watched is named; the others go.
            let removed = try await world.run("watch", "rm", "shop-watch.com", "never-watched.com")
            #expect(removed.status == 0)
            #expect(removed.stdout.contains("stopped watching shop-watch.com"), "\(removed.stdout)")
            #expect(removed.stderr.contains("not watched: never-watched.com"), "\(removed.stderr)")
            let onlyMissing = try await world.run("watch", "rm", "never-watched.com")
            #expect(onlyMissing.status == 1)
            #expect(try #require(try await world.ok("watch", "ls", "--json").json).list.count == 1)
            // A note with a control character is refused with the reason; nothing changes.
            let bad = try await world.run("watch", "add", "shop-watch.com", "--note", "x\u{1b}[2J")
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("control character"), "\(bad.stderr)")
            #expect(try #require(try await world.ok("watch", "ls", "--json").json).list.count == 1)
        }
    }

    @Test func refreshMarksNamesThatBecameAvailableAndExpiringWatchReportsThem() async throws {
        try await withSimWorld(simConfiguration(domains: 5)) { server, world in
            // Free names the registry holds as taken until the test lets one go.
            let taken = simNames(server, count: 2, prefix: "watch-cli", where: isAvailable)
            server.state.mutate { $0.takenNames.formUnion(taken) }
            // `search --watch-add` watches the names (with the note) and searches them.
            let searched = try await world.ok(arguments: ["search", "--watch-add", "--note", "dream names"] + taken)
            #expect(searched.stdout.contains("watching"), "\(searched.stdout)")
            #expect(server.requests("search").count == 2, "a regular account: one name per call")
            // Nothing refreshed yet: nothing to report, exit 0.
            let quiet = try await world.run("expiring", "--watch")
            #expect(quiet.status == 0, "\(quiet.stderr)")
            #expect(quiet.stdout.isEmpty)
            let first = try #require(try await world.ok("watch", "refresh", "--json").json).list
            #expect(first.count == 2 && first.allSatisfy { $0["status"]?.text == "taken" && $0["news"]?.list.isEmpty == true })
            #expect(first.allSatisfy { $0["note"]?.text == "dream names" })
            #expect(server.requests("search").count == 4)
            #expect(server.requests("get_open_auctions").count == 1)
            // The registry lets one name go.
            let freed = try #require(taken.first)
            server.state.mutate { _ = $0.takenNames.remove(freed) }
            let refreshed = try await world.ok("watch", "refresh")
            #expect(refreshed.stdout.contains("1 new"), "\(refreshed.stdout)")
            #expect(server.requests("get_open_auctions").count == 1, "a list younger than 15 minutes is not fetched again")
            let report = try await world.run("expiring", "--watch")
            #expect(report.status == 10)
            #expect(report.stdout.contains("\(freed)  became available"), "\(report.stdout)")
            #expect(report.stdout.contains("dream names"), "\(report.stdout)")
            let json = try await world.run("expiring", "--watch", "--json")
            #expect(json.status == 10)
            #expect(try #require(json.json).list.compactMap { $0["name"]?.text } == [freed])
            let bad = try await world.run("expiring", "--watch", "--ical")
            #expect(bad.status == 2)
        }
    }
}
