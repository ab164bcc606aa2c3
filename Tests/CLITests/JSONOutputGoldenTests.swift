import DynadotAPI
import DynadotSim
import Foundation
import PortfolioStore
import Testing

/// The exact bytes of `ls --json` and `show --json` (issue 11: the pinned
/// shapes must not move when the writer changes). A failing golden writes
/// the actual output to `/tmp/cli-json-goldens/NAME.json`.
@Suite("CLI --json goldens", .serialized)
struct JSONOutputGoldenTests {
    /// Text from the account that the JSON must escape: a slash, quotes, a
    /// backslash, ESC, DEL, a C1 CSI, a newline, and Unicode that stays.
    static let startedMs = UTCDate.nowMs()

    static let hostileNote = "a/b \"q\" \\ \u{1b}[31m é 漢 \u{7f}\u{9b}2J\n"

    @Test func lsAndShowJSONAreByteForByteThePinnedShapes() async throws {
        try await withSimWorld(simConfiguration(domains: 4, seed: 5)) { server, world in
            let names = server.state.read { $0.domains.map(\.name).sorted() }
            server.state.mutate { account in
                if let index = account.domains.firstIndex(where: { $0.name == names[0] }) { account.domains[index].note = Self.hostileNote }
                // A listed domain with a price, and an IDN (bücher.xyz).
                if let index = account.domains.firstIndex(where: { $0.name == names[2] }) {
                    account.domains[index].salePriceCents = 254_100
                    account.domains[index].name = "xn--bcher-kva.xyz"
                }
            }
            try await world.ok("sync", "--quiet")
            try await world.ok("set", "renew", "donot", "--domains", names[1])
            try await world.ok("set", "folder", "Ünïcode/Folder", "--create-folder", "--domains", names[1])
            let withDNS = server.state.read { account in
                account.domains.first { if case .dynadotDNS = $0.nameServers { return true } else { return false } }?.name
            }
            let ls = try await world.ok("ls", "--json")
            try Self.check(ls.stdout, Self.lsGolden, name: "ls")
            let show = try await world.ok("show", names[0], "--json")
            try Self.check(show.stdout, Self.showGolden, name: "show")
            let pending = try await world.ok("show", names[1], "--json")
            try Self.check(pending.stdout, Self.showPendingGolden, name: "show-pending")
            if let withDNS {
                try await world.ok("dns", "show", withDNS)
                let fetched = try #require(try world.store().dnsRecordSet(domain: withDNS))
                let dns = try await world.ok("show", withDNS, "--json")
                try Self.check(dns.stdout, Self.showDNSGolden.replacingOccurrences(of: "FETCHED", with: UTCDate.isoDate(fetched.fetchedAtMs)),
                               name: "show-dns")
            } else {
                Issue.record("the generated account has no Dynadot DNS domain")
            }
        }
    }

    @Test("ls --json --fields keeps only the fields named; an unknown field exits 2 with the list")
    func lsJSONFields() async throws {
        try await withSimWorld(simConfiguration(domains: 4, seed: 5)) { server, world in
            let listed = server.state.read { $0.domains.map(\.name).sorted() }[2]
            server.state.mutate { account in
                if let index = account.domains.firstIndex(where: { $0.name == listed }) { account.domains[index].salePriceCents = 254_100 }
            }
            try await world.ok("sync", "--quiet")
            let picked = try await world.ok("ls", "--json", "--fields", "name, Days_Left,registrant_id,sale_type")
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(picked.stdout.utf8)) as? [[String: Any]])
            #expect(objects.count == 4)
            let rows = try world.store().rows()
            for object in objects {
                #expect(Set(object.keys) == ["name", "days_left", "registrant_id", "sale_type"], "\(object)")
                let row = try #require(rows.first { $0.name == object["name"] as? String })
                #expect(object["registrant_id"] as? String == row.registrantID)
                #expect(object["days_left"] as? Int == row.expiresMs.map { UTCDate.daysLeft(until: $0, from: UTCDate.nowMs()) })
            }
            let unknown = try await world.run("ls", "--json", "--fields", "name,colour")
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("unknown field 'colour'"))
            #expect(unknown.stderr.contains("sale_min_offer"))
            #expect(unknown.stdout.isEmpty)
            let bare = try await world.run("ls", "--fields", "name")
            #expect(bare.status == 2)
            #expect(bare.stderr.contains("add one of them"))
        }
    }

    /// Compares with the golden, whose `DAYS_YYYY-MM-DD` stand for the
    /// days left until that date as of today (UTC): taken when the check
    /// runs and when the test started, so a run across midnight passes.
    static func check(_ actual: String, _ expected: String, name: String) throws {
        let todays = [UTCDate.nowMs(), Self.startedMs].map { now in
            expected.replacing(/DAYS_(\d{4}-\d{2}-\d{2})/) { match in
                UTCDate.parseDay(String(match.1)).map { String(UTCDate.daysLeft(until: $0, from: now)) } ?? "?"
            }
        }
        guard !todays.contains(where: { actual == $0 + "\n" }) else { return }
        let folder = URL(fileURLWithPath: "/tmp/cli-json-goldens")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: folder.appendingPathComponent("\(name).json"))
        Issue.record("\(name) --json differs from its golden (actual in /tmp/cli-json-goldens/\(name).json):\n\(actual)")
    }

    static let lsGolden = #"""
    [{"admin_id":"2","billing_id":"0","days_left":DAYS_2030-11-05,"expires":"2030-11-05","folder":"","for_sale":false,"gone":false,"locked":true,"name":"getsparkhive.co","name_unicode":"getsparkhive.co","nameservers":["ns1.mydnsprovider.io","ns2.mydnsprovider.io"],"note":"a/b \"q\" \\ \u001b[31m é 漢 \u007f\u009b2J","ns_type":"nameservers","pending":[],"privacy":"none","registered":"2027-11-06","registrant_id":"3","renew_option":"auto","sale_min_offer":null,"sale_price":null,"sale_type":null,"status":"","technical_id":"3","tld":"co"},{"admin_id":"1","billing_id":"3","days_left":DAYS_2026-08-29,"expires":"2026-08-29","folder":"Brandables","for_sale":false,"gone":false,"locked":true,"name":"gigapine.com","name_unicode":"gigapine.com","nameservers":[],"note":"keep - core brand","ns_type":"other","pending":[{"field":"renew_option","state":"pending","value":"donot"},{"field":"folder","state":"pending","value":"Ünïcode/Folder"}],"privacy":"full","registered":"2024-08-29","registrant_id":"3","renew_option":"none","sale_min_offer":null,"sale_price":null,"sale_type":null,"status":"","technical_id":"0","tld":"com"},{"admin_id":"3","billing_id":"3","days_left":DAYS_2027-07-16,"expires":"2027-07-16","folder":"Parked","for_sale":false,"gone":false,"locked":false,"name":"wave-vault.io","name_unicode":"wave-vault.io","nameservers":[],"note":"","ns_type":"dynadot_dns","pending":[],"privacy":"full","registered":"2025-07-15","registrant_id":"2","renew_option":"auto","sale_min_offer":null,"sale_price":null,"sale_type":null,"status":"","technical_id":"2","tld":"io"},{"admin_id":"2","billing_id":"3","days_left":DAYS_2027-06-14,"expires":"2027-06-14","folder":"For Sale","for_sale":true,"gone":false,"locked":false,"name":"xn--bcher-kva.xyz","name_unicode":"bücher.xyz","nameservers":[],"note":"","ns_type":"parking","parking_ads":true,"pending":[],"privacy":"none","registered":"2026-06-14","registrant_id":"0","renew_option":"none","sale_min_offer":null,"sale_price":null,"sale_type":null,"status":"","technical_id":"1","tld":"xyz"}]
    """#
    static let showGolden = #"""
    {"admin_id":"2","billing_id":"0","contacts":{"admin":"2","billing":"0","registrant":"3","technical":"3"},"days_left":DAYS_2030-11-05,"dns":null,"expires":"2030-11-05","folder":"","for_sale":false,"gone":false,"locked":true,"name":"getsparkhive.co","name_unicode":"getsparkhive.co","nameservers":["ns1.mydnsprovider.io","ns2.mydnsprovider.io"],"note":"a/b \"q\" \\ \u001b[31m é 漢 \u007f\u009b2J","ns_type":"nameservers","pending":[],"privacy":"none","registered":"2027-11-06","registrant_id":"3","renew_option":"auto","sale_min_offer":null,"sale_price":null,"sale_type":null,"status":"","technical_id":"3","tld":"co"}
    """#
    static let showPendingGolden = #"""
    {"admin_id":"1","billing_id":"3","contacts":{"admin":"1","billing":"3","registrant":"3","technical":"0"},"days_left":DAYS_2026-08-29,"dns":null,"expires":"2026-08-29","folder":"Brandables","for_sale":false,"gone":false,"locked":true,"name":"gigapine.com","name_unicode":"gigapine.com","nameservers":[],"note":"keep - core brand","ns_type":"other","pending":[{"field":"renew_option","state":"pending","value":"donot"},{"field":"folder","state":"pending","value":"Ünïcode/Folder"}],"privacy":"full","registered":"2024-08-29","registrant_id":"3","renew_option":"none","sale_min_offer":null,"sale_price":null,"sale_type":null,"status":"","technical_id":"0","tld":"com"}
    """#
    static let showDNSGolden = #"""
    {"admin_id":"3","billing_id":"3","contacts":{"admin":"3","billing":"3","registrant":"2","technical":"2"},"days_left":DAYS_2027-07-16,"dns":{"domain":"wave-vault.io","fetched":"FETCHED","ns_type":"dynadot_dns","records":[{"extra":"","host":"@","type":"A","value":"203.0.113.125"},{"extra":"","host":"@","type":"A","value":"198.51.100.125"},{"extra":"10","host":"@","type":"MX","value":"mx1.mailhost.example"},{"extra":"","host":"www","type":"CNAME","value":"wave-vault.io"}],"ttl":86400},"expires":"2027-07-16","folder":"Parked","for_sale":false,"gone":false,"locked":false,"name":"wave-vault.io","name_unicode":"wave-vault.io","nameservers":[],"note":"","ns_type":"dynadot_dns","pending":[],"privacy":"full","registered":"2025-07-15","registrant_id":"2","renew_option":"auto","sale_min_offer":null,"sale_price":null,"sale_type":null,"status":"","technical_id":"2","tld":"io"}
    """#
}
