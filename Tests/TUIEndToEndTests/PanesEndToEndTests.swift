import DynadotSim
import Foundation
import PortfolioStore
import Testing

/// The Expiries and DNS panes in the real binary, against the simulator.
extension TUIEndToEndTests {
    @Test func expiriesEnterOnAMonthFiltersTheDomainsPane() async throws {
        try await withSession(width: 100, height: 40) { _, tmux in
            try sync(tmux)
            try tmux.send("2")
            let chart = try tmux.waitFor(text: "█ auto-renew ░ other")
            // Rows under the header: Overdue, In grace, this month, next month, …
            let lines = chart.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let header = try #require(lines.firstIndex { $0.contains("Month") && $0.contains("Domains") })
            // The first month after this one with domains in it.
            var found: (offset: Int, label: String, count: Int)?
            for offset in 3..<20 {
                if let (label, count) = Self.monthRow(lines[header + 1 + offset]), count > 0 {
                    found = (offset, label, count)
                    break
                }
            }
            let (offset, label, count) = try #require(found)
            for _ in 0..<offset { try tmux.send("j") }
            try tmux.send("Enter")
            let filtered = try tmux.waitFor("the Domains pane filtered to \(label)") { $0.contains("/exp:\(label)") && $0.contains(" match") }
            #expect(Self.number(before: " match", in: filtered) == count)
            // Every row shown expires in that month.
            let rows = filtered.split(separator: "\n").filter { $0.range(of: #"^[ ●] [ •!] \S+\s+\d{4}-\d{2}-\d{2} "#, options: .regularExpression) != nil }
            #expect(!rows.isEmpty)
            for row in rows { #expect(row.contains(" \(label)-"), "\(row)") }
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
    }

    @Test func dnsAddMXAndTXTRefuseBadIPv4PushKeepsOldRecords() async throws {
        try await withSession(width: 120, height: 40) { world, tmux in
            try sync(tmux)
            let (domain, before) = try #require(world.server.state.read { account -> (String, [SimDNSRecord])? in
                for d in account.domains {
                    if case .dynadotDNS(_, let records) = d.nameServers, records.count >= 2 { return (d.name, records) }
                }
                return nil
            })
            try tmux.send("/")
            try tmux.type(domain)
            try tmux.send("Enter")
            try tmux.waitFor(text: " match")
            try tmux.send("3")
            // Fetched with get_dns in the background, then shown with its age.
            try tmux.waitFor(text: "\(domain) · Dynadot DNS · fetched")

            // An invalid IPv4 is refused in the form and nothing is queued.
            try tmux.send("a")
            try tmux.waitFor(text: "Add a record to \(domain)")
            try tmux.type("A")
            try tmux.send("Tab")
            try tmux.type("192.0.2.256")
            try tmux.send("Enter")
            try tmux.waitFor(text: "✗ an A record needs an IPv4 address")
            #expect(try tmux.capture().contains("queue 0"))
            try tmux.send("Escape")
            try tmux.waitFor("the form to close") { !$0.contains("Add a record") }

            // An MX with its priority, and a TXT with & and spaces kept verbatim.
            let txt = "verify=a&b  two spaces & more"
            try tmux.send("a")
            try tmux.waitFor(text: "Add a record to \(domain)")
            try tmux.type("MX")
            try tmux.send("Tab")
            try tmux.type("mx9.example.net")
            try tmux.send("Tab")
            try tmux.type("15")
            try tmux.send("Enter")
            try tmux.waitFor(text: "queue 1")
            try tmux.send("a")
            try tmux.waitFor(text: "Add a record to \(domain)")
            try tmux.type("txt")
            try tmux.send("Tab")
            try tmux.type(txt)
            try tmux.send("Enter")
            let diff = try tmux.waitFor(text: "Queued: +2")
            #expect(diff.contains("queue 1"))
            #expect(diff.contains(txt))

            try tmux.send("7")
            try tmux.waitFor(text: "records · 1 domain · 1 call")
            try tmux.send("p")
            try tmux.waitFor(text: "[ Push ]")
            try tmux.send("y")
            try tmux.waitFor(text: "Last push: 1 of 1 done", timeout: 120)
            // The push has finished (not only its results arrived): `q` quits without asking.
            try tmux.waitFor(text: "pushed:", timeout: 120)

            let after = world.server.state.read { account -> [SimDNSRecord]? in
                guard case .dynadotDNS(_, let records)? = account.domain(named: domain)?.nameServers else { return nil }
                return records
            }
            let records = try #require(after)
            #expect(records.contains(SimDNSRecord(type: "mx", value: "mx9.example.net", value2: "15")))
            #expect(records.contains { $0.type == "txt" && $0.value == txt && $0.subhost.isEmpty })
            for old in before { #expect(records.contains(old), "\(old) was kept") }
            #expect(records.count == before.count + 2)
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
    }

    /// `  2027-01      123    $2104.27 …` → ("2027-01", 123).
    static func monthRow(_ line: String) -> (String, Int)? {
        let words = line.split(separator: " ")
        guard words.count >= 2, words[0].range(of: #"^\d{4}-\d{2}$"#, options: .regularExpression) != nil,
              let count = Int(words[1]) else { return nil }
        return (String(words[0]), count)
    }
}
