import DynadotSim
import Foundation
import PortfolioStore
import Testing

/// Listings, Contacts and Orders driven in tmux against the simulator.
extension TUIEndToEndTests {
    @Test func listingsRepriceThreeAndUnlistOneThenPush() async throws {
        try await withSession { world, tmux in
            try sync(tmux)
            let listed = try PortfolioDatabase(path: world.databasePath).names(matching: PortfolioQuery(parsing: "sale:yes"))
            try #require(listed.count >= 4)
            try tmux.send("4")
            try tmux.waitFor(text: "Your listings · \(listed.count) for sale")
            try tmux.send("Space", "Space", "Space")
            try tmux.waitFor(text: "3 selected")
            try tmux.send("$")
            try tmux.waitFor(text: "3 domains: ")
            try tmux.type("77.50")
            try tmux.send("Enter")
            try tmux.waitFor(text: "queued sale terms on 3 domains")
            // The cursor is on the fourth listing now; nothing is selected.
            try tmux.send("U")
            try tmux.waitFor(text: "queued unlisting of 1 domain")
            let pending = try tmux.waitFor(text: "→ unlist")
            #expect(pending.components(separatedBy: "→ $77.50").count == 4)
            try tmux.send("7")
            try tmux.waitFor(text: "Plan: 4 changes in 4 API calls")
            try tmux.send("p")
            try tmux.waitFor(text: "[ Push ]")
            try tmux.send("y")
            try tmux.waitFor(text: "Last push: 4 of 4 done", timeout: 120)
            // The push has finished (not only its results arrived): `q` quits without asking.
            try tmux.waitFor(text: "pushed:", timeout: 120)

            let prices = world.server.state.read { account in listed.prefix(4).map { account.domain(named: $0)?.salePriceCents } }
            #expect(prices == [7750, 7750, 7750, nil])
            #expect(world.server.recentRequests.filter { $0.command == "set_for_sale" }.count == 4)
            try tmux.send("4")
            let after = try tmux.waitFor(text: "Your listings · \(listed.count - 1) for sale")
            #expect(after.components(separatedBy: "$77.50").count == 4)
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
    }

    @Test func contactAssignedTo150DomainsInTwoCalls() async throws {
        try await withSession { world, tmux in
            try sync(tmux)
            let store = try PortfolioDatabase(path: world.databasePath)
            let contact = try #require(try store.contacts().dropFirst().first)
            let names = try store.names(matching: .all, limit: 150)
            try tmux.send("Space")
            try tmux.waitFor(text: "1 selected")
            for _ in 0..<148 { try tmux.send("j") }
            try tmux.send("V")
            try tmux.waitFor(text: "150 selected")
            try tmux.send("5", "j", "A")
            try tmux.waitFor(text: "to the 150 selected domains")
            try tmux.send("Enter")
            // Domains already using the contact in every role need no change.
            let dialog = try tmux.waitFor(text: "set_whois calls")
            let changing = try #require(Self.number(after: "150 domains (", in: dialog))
            #expect(changing > 100)
            #expect(dialog.contains("150 domains (\(changing) change) — 2 set_whois calls"))
            try tmux.send("y")
            try tmux.waitFor(text: "queued contact \(contact.id) on \(changing) domains")
            try tmux.send("7")
            try tmux.waitFor(text: "Plan: \(changing) changes in 2 API calls")
            try tmux.send("p")
            try tmux.waitFor(text: "[ Push ]")
            try tmux.send("y")
            try tmux.waitFor(text: "Last push: \(changing) of \(changing) done", timeout: 120)
            // The push has finished (not only its results arrived): `q` quits without asking.
            try tmux.waitFor(text: "pushed:", timeout: 120)

            let calls = world.server.recentRequests.filter { $0.command == "set_whois" }
            #expect(calls.map(\.domainCount) == [100, changing - 100])
            let remote = world.server.state.read { account in names.map { account.domain(named: $0)?.contacts } }
            let id = Int(contact.id) ?? -1
            #expect(remote.allSatisfy { $0 == [id, id, id, id] })
            // The cache and the Contacts pane count the new contact on all 150.
            let usage = try #require(try store.contactUsage()[contact.id])
            #expect(usage.registrant >= 150 && usage.billing >= 150)
            try tmux.send("5")
            try tmux.waitFor("the new counts") { screen in
                screen.split(separator: "\n").contains { line in
                    let words = line.split(separator: " ").map(String.init)
                    return line.contains(contact.name) && words.suffix(4) == ["\(usage.registrant)", "\(usage.admin)", "\(usage.technical)", "\(usage.billing)"]
                }
            }
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
    }

    @Test func ordersShowTheRenewalsJustMade() async throws {
        try await withSession { world, tmux in
            try sync(tmux)
            let names = try PortfolioDatabase(path: world.databasePath).names(matching: .all, limit: 3)
            try tmux.send("Space", "Space", "Space")
            try tmux.waitFor(text: "3 selected")
            try tmux.send("+")
            try tmux.waitFor(text: ":renew 1")
            try tmux.send("Enter")
            try tmux.waitFor(text: "Renew (spends money)")
            try tmux.send("y")
            try tmux.waitFor(text: "queued renewal of 3 domains")
            try tmux.send("7", "p")
            try tmux.waitFor(text: "[ Push ]")
            try tmux.send("y")
            try tmux.waitFor(text: "Last push: 3 of 3 done", timeout: 120)
            // The push has finished (not only its results arrived): `q` quits without asking.
            try tmux.waitFor(text: "pushed:", timeout: 120)
            #expect(world.server.recentRequests.filter { $0.command == "renew" && $0.outcome == "success" }.count == 3)
            try tmux.send("r")
            try tmux.waitFor(text: "synced 300 domains")
            try tmux.send("6")
            let screen = try tmux.waitFor("the three renewals") { screen in names.allSatisfy { screen.contains("Renewal \($0) 1y") } }
            #expect(screen.contains("Completed"))
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
    }
}
