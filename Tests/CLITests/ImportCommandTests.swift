import DynadotAPI
import DynadotSim
import Foundation
import PortfolioStore
import Testing

/// Issue 16: `dynafolio import` prints a preview per field, queues one
/// operation (origin import), and exits 0 when it read the file, 2 when it
/// could not or `--strict` found a bad row.
@Suite("CLI import", .serialized)
struct ImportCommandTests {
    @Test("preview, --dry-run, --strict, --delimiter, --decimal and the exit codes; a second import queues nothing")
    func importCommand() async throws {
        try await withSimWorld(simConfiguration(domains: 30)) { _, world in
            try await world.ok("sync")
            let unlisted = try world.store().names(matching: PortfolioQuery(parsing: "sale:no"))
            let file = world.root.appendingPathComponent("prices.csv")
            let text = "Domain Name;Asking Price;Notes;Colour\r\n\(unlisted[0]);1.250,00;from the sheet;red\r\n\(unlisted[1]);0;;\r\nnot-cached.example;5;x;\r\n"
            try Data(text.utf8).write(to: file)
            func pending() throws -> Int { try world.store().intents(in: [.pending]).count }

            let dry = try await world.ok("import", file.path, "--dry-run")
            #expect(dry.stdout.contains("columns: Domain Name → domain, Asking Price → price, Notes → note"))
            #expect(dry.stdout.contains("Ignored columns: Colour"))
            #expect(dry.stdout.contains("line 4: 'not-cached.example' is not in the cache"))
            #expect(dry.stdout.contains("Dry run: nothing queued (2 changes would be)"))
            #expect(try pending() == 0)

            let strict = try await world.run("import", file.path, "--strict")
            #expect(strict.status == 2)
            #expect(strict.stderr.contains("--strict: 1 bad row; nothing queued"))
            #expect(try pending() == 0)

            let done = try await world.ok("import", file.path, "--delimiter", ";", "--decimal", ",")
            // Two changes (price and note) on one domain: the count names domains, not changes.
            #expect(done.stdout.contains("queued 2 changes from prices.csv as one operation for 1 domain."), "\(done.stdout)")
            let intents = try world.store().intents(in: [.pending])
            #expect(intents.count == 2)
            #expect(Set(intents.map(\.domain)) == [unlisted[0]])
            #expect(try world.store().operations(limit: 1).first?.origin == .import)

            let again = try await world.ok("import", file.path)
            #expect(again.stdout.contains("Nothing to queue"))
            #expect(try pending() == 2)

            let missing = try await world.run("import", world.root.appendingPathComponent("nope.csv").path)
            #expect(missing.status == 2)
            try Data("price,note\n5,x\n".utf8).write(to: file)
            let noDomain = try await world.run("import", file.path)
            #expect(noDomain.status == 2)
            #expect(noDomain.stderr.contains("no domain column"))
            let badOption = try await world.run("import", file.path, "--decimal", ";")
            #expect(badOption.status == 2)
        }
    }

    @Test("ls --csv carries every cached field, --fields picks columns, and importing the export back queues nothing")
    func exportRoundTrip() async throws {
        try await withSimWorld(simConfiguration(domains: 200)) { _, world in
            try await world.ok("sync")
            let export = try await world.ok("ls", "--csv")
            let header = export.stdout.split(separator: "\n").first.map(String.init) ?? ""
            for column in ["registered", "days_left", "sale_type", "sale_price", "sale_min_offer", "registrant_id", "tld"] {
                #expect(header.split(separator: ",").contains(Substring(column)), "\(column) missing from \(header)")
            }
            let file = world.root.appendingPathComponent("export.csv")
            try Data(export.stdout.utf8).write(to: file)
            let back = try await world.ok("import", file.path)
            #expect(back.stdout.contains("Nothing to queue"), "\(back.stdout)")
            #expect(!back.stdout.contains("bad row"), "\(back.stdout)")
            #expect(back.stdout.contains("sale listing"))
            #expect(try world.store().intents(in: [.pending]).isEmpty)

            let picked = try await world.ok("ls", "--csv", "--fields", "tld,name", "tld:com")
            #expect(picked.stdout.hasPrefix("tld,name\n"))
            let some = try #require(try world.store().names(matching: PortfolioQuery(parsing: "tld:com")).first)
            #expect(picked.stdout.contains("\ncom,\(some)\n"))
            let unknown = try await world.run("ls", "--csv", "--fields", "name,colour")
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("unknown field 'colour'"))
        }
    }
}
