import DynadotAPI
import DynadotSim
import Foundation
import PortfolioStore
import Testing

/// "Sync of 5,000 domains, then `ls --json` equals the simulator's state
/// field by field; a second sync with no remote change changes no row."
@Suite("CLI sync and ls", .serialized)
struct SyncListTests {
    @Test func syncOf5000MatchesSimulatorFieldByField() async throws {
        try await withSimWorld(simConfiguration(domains: 5000)) { server, world in
            let sync = try await world.ok("sync")
            #expect(sync.stdout.contains("synced 5000 domains"))
            let listed = try await world.ok("ls", "--json")
            let rows = domainsByName(listed.json)
            let (domains, folders) = server.state.read { account in
                (account.domains, Dictionary(account.folders.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
            }
            #expect(rows.count == domains.count)
            var mismatches: [String] = []
            for domain in domains {
                guard let row = rows[domain.name] else { mismatches.append("\(domain.name) missing"); continue }
                for (field, expected) in Self.expectedFields(domain, folders: folders) where row[field] != expected {
                    mismatches.append("\(domain.name) \(field): \(row[field].map { $0.serialized() } ?? "nil") ≠ \(expected.serialized())")
                }
                if row["pending"]?.list.isEmpty != true { mismatches.append("\(domain.name) has pending changes") }
            }
            #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5))")

            let before = try world.store().rows()
            let again = try await world.ok("sync")
            #expect(again.stdout.contains("(0 changed, 0 gone)"))
            let after = try world.store().rows()
            #expect(before == after, "a sync with no remote change rewrote rows")
        }
    }

    /// The `ls --json` fields the simulator's state implies, computed
    /// independently of the engine's mapping.
    static func expectedFields(_ d: SimDomain, folders: [Int: String]) -> [String: JSONValue] {
        let nsType: String
        var hosts: [String] = []
        switch d.nameServers {
        case .nameServers(let list, _):
            nsType = "nameservers"
            hosts = list.map { $0.lowercased() }.filter { !$0.isEmpty }
        case .parking: nsType = "parking"
        case .dynadotDNS: nsType = "dynadot_dns"
        case .forwarding: nsType = "forwarding"
        case .stealth: nsType = "stealth"
        case .hosting: nsType = "other"
        }
        let renew: String
        switch d.renewOption {
        case .autoRenew: renew = "auto"
        case .doNotRenew: renew = "donot"
        case .none: renew = "none"
        }
        var fields: [String: JSONValue] = [
            "name_unicode": .string(Punycode.unicodeName(d.name)),
            "expires": .string(isoDay(d.expirationMs)),
            "renew_option": .string(renew),
            "locked": .bool(d.locked),
            "privacy": .string(d.privacy),
            "folder": .string(d.folderId < 0 ? "" : folders[d.folderId] ?? ""),
            "ns_type": .string(nsType),
            "for_sale": .bool(d.salePriceCents != nil),
            "note": .string(d.note),
        ]
        if nsType == "nameservers" { fields["nameservers"] = .array(hosts.map { .string($0) }) }
        return fields
    }
}

/// YYYY-MM-DD in UTC.
func isoDay(_ ms: Int64) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(ms) / 1000))
    return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
}
