import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// Issue 12: every edit is checked before it is queued, and nothing from the
/// account reaches the terminal as a control sequence.
@Suite("CLI hostile input: edits", .serialized)
struct HostileInputEditTests {
    /// One refused input: the arguments, the exit code, a fragment of the
    /// message (which names the rule or the fix).
    struct Case: CustomStringConvertible {
        var arguments: [String]
        var status: Int32 = 2
        var fragment: String
        var description: String { arguments.joined(separator: " ") }
    }

    /// `D` is on Dynadot DNS with records, `O` on other name servers.
    static func cases(dns d: String, other o: String) -> [Case] {
        let on = ["--domains", d]
        let long = String(repeating: "x", count: 256)
        return [
            // URLs
            Case(arguments: ["set", "forward", "https://https://example.org"] + on, fragment: "scheme is repeated"),
            Case(arguments: ["set", "forward", "https://exa mple.com"] + on, fragment: "holds a space"),
            Case(arguments: ["set", "forward", "ftp://example.com"] + on, fragment: "http:// or https://"),
            Case(arguments: ["set", "forward", "https://example.com:0/x"] + on, fragment: "1 to 65535"),
            Case(arguments: ["set", "forward", "https://example.com:70000"] + on, fragment: "1 to 65535"),
            Case(arguments: ["set", "forward", "https://user:pw@example.com"] + on, fragment: "user name or password"),
            Case(arguments: ["set", "forward", "https://exa\u{1b}[2Jmple.com"] + on, fragment: "control character (\\e)"),
            Case(arguments: ["set", "forward", "https://example..com/"] + on, fragment: "not a valid host name"),
            Case(arguments: ["set", "forward", "https:///path"] + on, fragment: "no host"),
            Case(arguments: ["set", "stealth", "https://https://example.org"] + on, fragment: "scheme is repeated"),
            Case(arguments: ["set", "stealth", "https://example.com", "--title", "t\u{07}"] + on, fragment: "stealth title holds a control character"),
            // Missing values never clear
            Case(arguments: ["set", "note"] + on, fragment: "set note \"\" or --clear"),
            Case(arguments: ["set", "folder"] + on, fragment: "set folder \"\" or --clear"),
            Case(arguments: ["set", "note", "x", "--clear"] + on, fragment: "not both"),
            Case(arguments: ["set", "note", "\u{1b}]0;pwned\u{07}\u{1b}[2J"] + on, fragment: "note holds a control character (\\e)"),
            Case(arguments: ["set", "note", "line1\nline2"] + on, fragment: "control character (\\n)"),
            Case(arguments: ["set", "note", "\u{9b}31m"] + on, fragment: "control character (\\u{9b})"),
            Case(arguments: ["set", "note", String(repeating: "n", count: 1001)] + on, fragment: "at most 1000"),
            // Folders
            Case(arguments: ["set", "folder", "Sael"] + on, fragment: "did you mean 'Sale'"),
            Case(arguments: ["set", "folder", "Nowhere"] + on, fragment: "--create-folder"),
            Case(arguments: ["set", "folder", "Cl\u{1b}ients"] + on, fragment: "folder name holds a control character"),
            Case(arguments: ["set", "folder", "--clear", "Sale"] + on, fragment: "not both"),
            // Name servers
            Case(arguments: ["set", "ns", "192.0.2.1", "ns2.example.net"] + on, fragment: "is an IP address"),
            Case(arguments: ["set", "ns", "2001:db8::1"] + on, fragment: "is an IP address"),
            Case(arguments: ["set", "ns", "ns1.example.net", "NS1.example.net."] + on, fragment: "given twice"),
            Case(arguments: ["set", "ns"] + (1...14).map { "ns\($0).example.net" } + on, fragment: "1 to 13"),
            Case(arguments: ["set", "ns", "not_a host"] + on, fragment: "not a host name"),
            // Contacts
            Case(arguments: ["set", "contacts", "--registrant", "999"] + on, fragment: "'999' is not in the account"),
            Case(arguments: ["set", "contacts", "--billing", "nope"] + on, fragment: "billing contact id 'nope'"),
            // Already refused before issue 12 (kept so they stay refused)
            Case(arguments: ["set", "renew", "sometimes"] + on, fragment: "takes one of"),
            Case(arguments: ["set", "privacy", "half"] + on, fragment: "takes one of"),
            Case(arguments: ["set", "lock", "--domains", "nosuch.example"], fragment: "not in the cache"),
            // DNS
            Case(arguments: ["dns", "set", d], fragment: "--empty"),
            Case(arguments: ["dns", "set", d, "--empty", "--record", "@ A 192.0.2.1"], fragment: "not both"),
            Case(arguments: ["dns", "set", o, "--record", "@ A 192.0.2.1"], fragment: "--switch-to-dynadot-dns"),
            Case(arguments: ["dns", "add", o, "--record", "@ A 192.0.2.1"], fragment: "move \(o)"),
            Case(arguments: ["dns", "copy", "--from", d, "--domains", o], fragment: "--switch-to-dynadot-dns"),
            Case(arguments: ["dns", "set", d, "--record", "@ CNAME web.example.com", "--record", "@ A 192.0.2.1"], fragment: "CNAME at the apex"),
            Case(arguments: ["dns", "set", d, "--record", "www CNAME web.example.com", "--record", "www TXT hello"], fragment: "CNAME rule"),
            Case(arguments: ["dns", "add", d, "--record", "www CNAME web.example.com", "--record", "www A 192.0.2.9"], fragment: "CNAME rule"),
            Case(arguments: ["dns", "set", d, "--record", "@ TXT first\nsecond"], fragment: "control character (\\n)"),
            Case(arguments: ["dns", "set", d, "--record", "@ TXT \u{1b}]0;x\u{07}"], fragment: "control character (\\e)"),
            Case(arguments: ["dns", "set", d, "--record", "@ TXT \(long)"], fragment: "at most 255"),
            Case(arguments: ["dns", "set", d, "--record", "\(String(repeating: "a.", count: 130))b A 192.0.2.1"], fragment: "longer than 253"),
            Case(arguments: ["dns", "set", d, "--record", "@ A 999.1.1.1"], fragment: "IPv4"),
            Case(arguments: ["dns", "set", d, "--record", "@ FORWARD https://https://example.org"], fragment: "scheme is repeated"),
        ]
    }

    @Test func hostileInputsAreRefusedAndQueueNothing() async throws {
        try await withSimWorld(simConfiguration(domains: 12)) { server, world in
            let (d, o) = try await Self.prepare(server, world)
            for item in Self.cases(dns: d, other: o) {
                let result = try await world.run(arguments: item.arguments)
                #expect(result.status == item.status, "\(item): exit \(result.status), stderr \(result.stderr)")
                #expect(result.stderr.contains(item.fragment), "\(item): \(result.stderr)")
                let plan = try #require(try await world.ok("plan", "--json").json)
                #expect(plan["calls"]?.int == 0, "\(item) queued something")
            }
        }
    }

    /// The explicit forms do what the refusals point to.
    @Test func explicitFormsClearSwitchAndCreate() async throws {
        try await withSimWorld(simConfiguration(domains: 12)) { server, world in
            let (d, o) = try await Self.prepare(server, world)
            try await world.ok("set", "note", "", "--domains", d)
            try await world.ok("set", "folder", "--clear", "--domains", o)
            var plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["calls"]?.int == 2)
            try await world.ok("queue", "drop", "--all")

            // A folder that does not exist: created first, in the same plan.
            try await world.ok("set", "folder", "Brand New", "--create-folder", "--domains", d)
            plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["setup"]?.list.map { $0["command"]?.text ?? "" } == ["create_folder", "folder_list"])
            #expect(plan["calls"]?.int == 3)
            try await world.ok("push", "--yes")
            #expect(server.state.read { $0.folders.contains { $0.name == "Brand New" } })
            let folderID = server.state.read { account in account.folders.first { $0.name == "Brand New" }?.id }
            #expect(server.domain(d)?.folderId == folderID)

            // dns copy uses the source's queued set, and says so.
            try await world.ok("dns", "set", d, "--record", "@ A 192.0.2.77")
            let copied = try await world.ok("dns", "copy", "--from", d, "--domains", o, "--switch-to-dynadot-dns")
            #expect(copied.stdout.contains("queued record set (1 record)"))
            try await world.ok("push", "--yes")
            guard case .dynadotDNS(_, let records)? = server.domain(o)?.nameServers else {
                Issue.record("\(o) not switched"); return
            }
            #expect(records.map(\.value) == ["192.0.2.77"])

            // --empty really empties.
            try await world.ok("dns", "set", d, "--empty")
            plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["batches"]?.list.first?["command"]?.text == "set_dns2")
        }
    }

    /// Account data full of escape sequences never reaches the terminal raw.
    @Test func noControlCharacterFromTheAccountReachesOutput() async throws {
        try await withSimWorld(simConfiguration(domains: 6)) { server, world in
            let (d, _) = try await Self.prepare(server, world)
            let evil = "\u{1b}]0;pwned\u{07}\u{1b}[2J\u{9b}31m\u{7f}\r"
            server.state.mutate { account in
                account.folders.append(SimFolder(id: 50, name: "Evil\u{1b}[5m"))
                guard let i = account.domains.firstIndex(where: { $0.name == d }) else { return }
                account.domains[i].note = "note " + evil
                account.domains[i].folderId = 50
                account.domains[i].nameServers = .dynadotDNS(ttl: 3600, records: [SimDNSRecord(type: "txt", value: "v=" + evil)])
            }
            try await world.ok("sync", "--dns", "--quiet")
            var outputs: [(String, CLIResult)] = []
            outputs.append(("dns show", try await world.ok("dns", "show", d)))
            outputs.append(("show", try await world.ok("show", d)))
            outputs.append(("ls", try await world.ok("ls")))
            outputs.append(("ls --csv", try await world.ok("ls", "--csv")))
            outputs.append(("ls --json", try await world.ok("ls", "--json")))
            try await world.ok("set", "note", "calm now", "--domains", d)
            outputs.append(("plan", try await world.ok("plan")))
            // Push results quote provider and account text: a push
            // interrupted (simulated crash) and then a note edited elsewhere
            // comes back as a conflict that quotes the remote note.
            let crashed = try await world.run("push", "--yes", environment: ["DYNAFOLIO_CRASH_AT": "1"])
            #expect(crashed.status == 70)
            server.state.mutate { account in
                if let i = account.domains.firstIndex(where: { $0.name == d }) { account.domains[i].note = "again " + evil }
            }
            let pushed = try await world.run("push", "--yes")
            #expect(pushed.status == 3, "\(pushed.stderr)")
            #expect(pushed.stderr.contains("remote is now again \\e]0;pwned\\x07"), "\(pushed.stderr)")
            outputs.append(("push", pushed))
            for (what, result) in outputs {
                for scalar in (result.stdout + result.stderr).unicodeScalars where scalar != "\n" && scalar != "\t" {
                    #expect(!(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)),
                            "\(what) printed U+\(String(scalar.value, radix: 16))")
                }
            }
            #expect(outputs[0].1.stdout.contains("v=\\e]0;pwned\\x07\\e[2J\\u{9b}31m\\x7f\\r"))
            #expect(outputs[1].1.stdout.contains("note \\e]0;pwned"))
            #expect(outputs[4].1.json?.list != nil, "ls --json stays valid JSON")
        }
    }

    /// Puts the account in a known shape and syncs: folders Sale, Clients,
    /// Parked; the first domain on Dynadot DNS (records cached), the second
    /// on other name servers. Returns (dns domain, other domain).
    static func prepare(_ server: SimServer, _ world: CLIWorld) async throws -> (String, String) {
        let (d, o) = server.state.mutate { account -> (String, String) in
            account.folders = [SimFolder(id: 0, name: "Sale"), SimFolder(id: 1, name: "Clients"), SimFolder(id: 2, name: "Parked")]
            account.nextFolderId = 3
            for i in account.domains.indices { account.domains[i].folderId = -1 }
            account.domains[0].note = "keep me"
            account.domains[1].folderId = 1
            account.domains[0].nameServers = .dynadotDNS(ttl: 3600, records: [SimDNSRecord(type: "a", value: "192.0.2.10")])
            account.domains[1].nameServers = .nameServers(["ns1.elsewhere.example", "ns2.elsewhere.example"], slots: false)
            return (account.domains[0].name, account.domains[1].name)
        }
        try await world.ok("sync", "--quiet")
        try await world.ok("dns", "show", d)
        return (d, o)
    }
}
