import DynadotAPI
import DynadotSim
import Foundation
import Testing

@Suite("Validation as the provider does it")
struct ValidationTests {
    @Test func wrongKeyGetsTheGenericEnvelope() async throws {
        try await withSim { _, client in
            let reply = try await client.raw("list_domain", key: "FAKE-WRONG-KEY-0002")
            #expect(reply.envelope == "Response")
            #expect(reply.content["ResponseCode"]?.text == "-1")
            #expect(reply.error == "invalid key")
        }
    }

    @Test func unknownCommandGetsTheGenericEnvelope() async throws {
        try await withSim { _, client in
            let reply = try await client.raw("no_such_command")
            #expect(reply.envelope == "Response")
            #expect(reply.error == "incorrect command name")
        }
    }

    @Test func domainCountLimits() async throws {
        try await withSim(testConfiguration(domains: 300)) { server, client in
            let names = server.domainNames()
            let tooMany = try await client.raw("set_note", [("domain", names.prefix(2).joined(separator: ",")), ("note", "x")])
            #expect(tooMany.statusWord == "error")
            #expect(server.state.read { $0.domain(named: names[0])?.note } != "x")
            let over100 = try await client.raw("set_privacy", [("domain", names.prefix(101).joined(separator: ",")), ("option", "off")])
            #expect(over100.statusWord == "error")
            let exactly100 = try await client.raw("set_privacy", [("domain", names.prefix(100).joined(separator: ",")), ("option", "off")])
            #expect(exactly100.statusWord == "success")
            #expect(server.state.read { $0.domains.prefix(100).allSatisfy { $0.privacy == "none" } })
        }
    }

    @Test func oneUnknownDomainRefusesTheWholeRequest() async throws {
        try await withSim { server, client in
            let names = Array(server.domainNames().prefix(3))
            let before = server.state.read { account in names.map { account.domain(named: $0)!.renewOption } }
            let reply = try await client.raw("set_renew_option", [("domain", (names + ["not-mine-at-all.com"]).joined(separator: ",")), ("renew_option", "donot")])
            #expect(reply.statusWord == "error")
            #expect(reply.error == "could not find domain in your account")
            #expect(server.state.read { account in names.map { account.domain(named: $0)!.renewOption } } == before)
        }
    }

    @Test func invalidValuesAreRefusedWithAMessage() async throws {
        try await withSim { server, client in
            let domain = server.domainNames()[0]
            let cases: [(String, [(String, String)])] = [
                ("set_renew_option", [("domain", domain), ("renew_option", "sometimes")]),
                ("set_privacy", [("domain", domain), ("option", "maximum")]),
                ("set_dns2", [("domain", domain), ("main_record_type0", "a"), ("main_record0", "300.1.2.3")]),
                ("set_dns2", [("domain", domain), ("main_record_type0", "a"), ("main_record0", "2001:db8::1")]),
                ("set_dns2", [("domain", domain), ("main_record_type0", "mx"), ("main_record0", "mx.example.net")]),
                ("set_dns2", [("domain", domain), ("main_record_type0", "bogus"), ("main_record0", "x")]),
                ("set_hosting", [("domain", domain), ("hosting_type", "premium")]),
                ("set_for_sale", [("domains", domain), ("for_sale_type", "marketplace"), ("price", "free")]),
                ("renew", [("domain", domain), ("duration", "0")]),
            ]
            let before = server.state.read { $0.domain(named: domain) }
            for (command, parameters) in cases {
                let reply = try await client.raw(command, parameters)
                #expect(reply.statusWord == "error", "\(command) \(parameters)")
                #expect(!(reply.error ?? "").isEmpty, "\(command) needs a message")
            }
            #expect(server.state.read { $0.domain(named: domain) } == before)
        }
    }
}
