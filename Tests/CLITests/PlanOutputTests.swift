import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// `plan` as a person reads it and `plan --json` as scripts read it: one
/// section per command and value, DNS changes per record. The JSON is
/// pinned byte for byte (keys sorted), domain names aside.
@Suite("CLI plan text and JSON", .serialized)
struct PlanOutputTests {
    static let golden = #"""
        {"batches":[{"changes":[{"after":"Dynadot DNS, 2 records","before":"Dynadot DNS, 2 records","domain":"{D}","field":"ns","records_added":[{"extra":"10","host":"@","type":"MX","value":"mail.example.com"}],"records_removed":[{"extra":"","host":"@","type":"A","value":"192.0.2.7"}]}],"command":"set_dns2","domains":["{D}"],"params":{"main_record0":"v=spf1 -all","main_record1":"mail.example.com","main_record_type0":"txt","main_record_type1":"mx","main_recordx1":"10"}},{"changes":[{"after":"after","before":"before","domain":"{O}","field":"note"}],"command":"set_note","domains":["{O}"],"params":{"note":"after"}}],"calls":2,"money_cost":"0.00","sections":[{"calls":1,"command":"set_dns2","domains":1,"field":"ns","title":"DNS records → Dynadot DNS, 2 records · 1 domain · 1 call","value":"Dynadot DNS, 2 records"},{"calls":1,"command":"set_note","domains":1,"field":"note","title":"note → after · 1 domain · 1 call","value":"after"}],"setup":[]}
        """#

    @Test func planTextAndJSONShowSectionsAndRecordDiffs() async throws {
        try await withSimWorld(simConfiguration(domains: 12)) { server, world in
            let (d, o) = server.state.mutate { account -> (String, String) in
                account.domains[0].nameServers = .dynadotDNS(ttl: 3600, records: [
                    SimDNSRecord(type: "a", value: "192.0.2.7"), SimDNSRecord(type: "txt", value: "v=spf1 -all"),
                ])
                account.domains[1].note = "before"
                return (account.domains[0].name, account.domains[1].name)
            }
            try await world.ok("sync", "--quiet")
            try await world.ok("dns", "show", d)
            try await world.ok("dns", "set", d, "--record", "@ TXT v=spf1 -all", "--record", "@ MX mail.example.com 10")
            try await world.ok("set", "note", "after", "--domains", o)

            let json = try await world.ok("plan", "--json").stdout
            let expected = Self.golden.replacingOccurrences(of: "{D}", with: d).replacingOccurrences(of: "{O}", with: o)
            #expect(json == expected + "\n")
            let plan = try #require(try JSONValue.parse(Data(json.utf8)))
            #expect(plan["batches"]?.list.first?["changes"]?.list.first?["records_added"]?.list.first?["type"]?.text == "MX")

            let text = try await world.ok("plan").stdout
            #expect(text.hasPrefix("2 calls, 2 changes\n"))
            for line in ["DNS records → Dynadot DNS, 2 records · 1 domain · 1 call",
                         "    \(d)  Dynadot DNS, 2 records → Dynadot DNS, 2 records",
                         "      + MX mail.example.com 10", "      - A 192.0.2.7",
                         "note → after · 1 domain · 1 call", "    \(o)  before → after"] {
                #expect(text.components(separatedBy: "\n").contains(line), "missing \(line) in\n\(text)")
            }
        }
    }
}
