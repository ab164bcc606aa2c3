import DynadotAPI
import DynadotSim
import Foundation
import Testing

@Suite("CLI dns and renew", .serialized)
struct DnsAndRenewTests {
    @Test func dnsAddRemoveAndCopyPushAsWholeSets() async throws {
        try await withSimWorld(simConfiguration(domains: 80)) { server, world in
            try await world.ok("sync", "--quiet")
            let names = server.state.read { $0.domains.map(\.name) }
            let target = names[0]
            try await world.ok("dns", "set", target, "--record", "@ A 192.0.2.10", "--record", "www CNAME web.example.com",
                               "--record", "@ MX mx1.example.com 10", "--record", "@ TXT v=spf1 include:example.com ~all", "--ttl", "3600", "--switch-to-dynadot-dns")
            try await world.ok("dns", "add", target, "--record", "api A 192.0.2.20")
            try await world.ok("dns", "rm", target, "--record", "www CNAME")
            let plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["calls"]?.int == 1)
            #expect(plan["batches"]?.list.first?["command"]?.text == "set_dns2")
            try await world.ok("push", "--yes")
            guard case .dynadotDNS(let ttl, let records)? = server.domain(target)?.nameServers else {
                Issue.record("not on Dynadot DNS remotely"); return
            }
            #expect(ttl == 3600)
            let remote = Set(records.map { "\($0.subhost)|\($0.type.lowercased())|\($0.value)|\($0.value2)" })
            #expect(remote == ["|a|192.0.2.10|", "|mx|mx1.example.com|10", "|txt|v=spf1 include:example.com ~all|", "api|a|192.0.2.20|"])
            let shown = try await world.ok("dns", "show", target, "--json")
            #expect(shown.json?["records"]?.list.count == 4)

            try await world.ok("dns", "copy", "--from", target, "--domains", "\(names[1]),\(names[2])", "--switch-to-dynadot-dns")
            try await world.ok("push", "--yes")
            for name in [names[1], names[2]] {
                guard case .dynadotDNS(_, let copied)? = server.domain(name)?.nameServers else {
                    Issue.record("\(name) not copied"); continue
                }
                #expect(copied.count == 4)
            }
        }
    }

    @Test func renewWithinMaxCostIsSentByPushYes() async throws {
        try await withSimWorld(simConfiguration(domains: 40)) { server, world in
            try await world.ok("sync", "--quiet")
            let names = Array(server.state.read { $0.domains.map(\.name) }.prefix(2))
            let before = names.map { server.domain($0)!.expirationMs }
            let queued = try await world.ok("renew", "--years", "2", "--max-cost", "1000", "--domains", names.joined(separator: ","))
            #expect(queued.stdout.contains("total cost: $"))
            let plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["batches"]?.list.allSatisfy { $0["command"]?.text == "renew" } == true)
            try await world.ok("push", "--yes")
            for (name, old) in zip(names, before) {
                #expect(server.domain(name)?.expirationMs == addYear(addYear(old)))
            }
        }
    }
}
