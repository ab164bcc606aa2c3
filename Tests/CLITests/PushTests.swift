import DynadotAPI
import DynadotSim
import Foundation
import PortfolioStore
import Testing

@Suite("CLI push", .serialized)
struct PushTests {
    /// "`set ns` on 250 domains + `push --yes` → exactly 3 `set_ns` calls;
    /// all 250 changed remotely and in the cache; `plan` is empty afterwards."
    @Test func setNameServersOn250IsThreeCalls() async throws {
        try await withSimWorld(simConfiguration(domains: 300)) { server, world in
            try await world.ok("sync", "--quiet")
            let hosts = Array(server.registeredHosts.prefix(2))
            try #require(hosts.count == 2)
            let names = Array(server.names(notOn: hosts).prefix(250))
            try #require(names.count == 250)
            try await world.ok(arguments: ["set", "ns"] + hosts + ["--domains", names.joined(separator: ",")])
            let push = try await world.ok("push", "--yes")
            #expect(push.stdout.contains("250 applied"))
            let calls = server.requests("set_ns")
            #expect(calls.count == 3)
            #expect(calls.map(\.domainCount).sorted() == [50, 100, 100])
            for name in names {
                guard case .nameServers(let remote, _)? = server.domain(name)?.nameServers else {
                    Issue.record("\(name) not on name servers remotely"); continue
                }
                #expect(remote == hosts, "\(name)")
            }
            let rows = domainsByName(try await world.ok("ls", "--json").json)
            for name in names {
                #expect(rows[name]?["nameservers"]?.list.compactMap(\.text) == hosts, "\(name) in cache")
                #expect(rows[name]?["pending"]?.list.isEmpty == true)
            }
            let plan = try await world.ok("plan", "--json")
            #expect(plan.json?["calls"]?.int == 0)
            #expect(plan.json?["batches"]?.list.isEmpty == true)
        }
    }

    /// A push failure line names the domain as the locale shows names:
    /// Unicode under UTF-8, punycode under C.
    @Test func pushFailureLinesShowNamesAsTheLocaleDoes() async throws {
        try await withSimWorld(simConfiguration(domains: 6, seed: 5)) { server, world in
            let hosts = Array(server.registeredHosts.prefix(2))
            try #require(hosts.count == 2)
            let names = Array(server.names(notOn: hosts).prefix(2))
            try #require(names.count == 2)
            let idns = ["xn--bcher-kva.xyz", "xn--mnchen-3ya.xyz"]
            server.state.mutate { account in
                for (old, new) in zip(names, idns) {
                    if let index = account.domains.firstIndex(where: { $0.name == old }) { account.domains[index].name = new }
                }
            }
            try await world.ok("sync", "--quiet")
            for (idn, environment) in zip(idns, [["LANG": "C.UTF-8", "LC_ALL": ""], ["LANG": "C", "LC_ALL": "C"]]) {
                try await world.ok(arguments: ["set", "ns"] + hosts + ["--domains", idn])
                server.state.mutate { $0.remove(domainNamed: idn) }
                let push = try await world.run(arguments: ["push", "--yes"], environment: environment)
                #expect(push.status == 3, "\(push.stderr)")
                let line = try #require(push.stderr.split(separator: "\n").first { $0.contains("could not find domain") }, "\(push.stderr)")
                if environment["LANG"] == "C" {
                    #expect(line.hasPrefix("\(idn) set_ns: "), "\(line)")
                } else {
                    #expect(line.hasPrefix("\(Punycode.unicodeName(idn)) set_ns: "), "\(line)")
                    #expect(!line.contains("xn--"), "\(line)")
                }
            }
        }
    }

    /// "One unknown domain in a batch of 100 → 99 applied, 1 failed with the
    /// provider's text, exit code 3."
    @Test func unknownDomainInBatchOf100() async throws {
        try await withSimWorld(simConfiguration(domains: 120)) { server, world in
            try await world.ok("sync", "--quiet")
            let hosts = Array(server.registeredHosts.prefix(2))
            let names = Array(server.names(notOn: hosts).prefix(100))
            try #require(names.count == 100)
            try await world.ok(arguments: ["set", "ns"] + hosts + ["--domains", names.joined(separator: ",")])
            let plan = try await world.ok("plan", "--json")
            #expect(plan.json?["calls"]?.int == 1)
            // The account loses one domain after the sync: the provider no longer knows it.
            let victim = names[37]
            server.state.mutate { $0.remove(domainNamed: victim) }
            let push = try await world.run("push", "--yes")
            #expect(push.status == 3)
            #expect(push.stdout.contains("99 applied, 1 failed"))
            #expect(push.stderr.contains(victim))
            #expect(push.stderr.contains("could not find domain in your account"))
            for name in names where name != victim {
                guard case .nameServers(let remote, _)? = server.domain(name)?.nameServers else {
                    Issue.record("\(name) not applied"); continue
                }
                #expect(remote == hosts)
            }
            let failed = try world.store().intents(in: [.failed])
            #expect(failed.map(\.domain) == [victim])
            #expect(failed.first?.message == "could not find domain in your account")
            let listed = domainsByName(try await world.ok("ls", "failed:yes", "--json").json)
            #expect(Array(listed.keys) == [victim])
            // The table marks it failed, not pending (it waits for a fix, not a push).
            let table = try await world.ok("ls", "failed:yes")
            #expect(table.stdout.contains("!failed") && !table.stdout.contains("*pending"), "\(table.stdout)")
            // So does the CSV: `ns` is in the `failed` column, not `pending`.
            let csv = try await world.ok("ls", "--csv").stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            #expect(csv.first?.suffix(3) == ["pending", "failed", "conflict"])
            let victimRow = try #require(csv.first { $0.first.map(String.init) == victim })
            #expect(victimRow.suffix(3) == ["", "ns", ""], "\(victimRow)")
            // `queue retry` puts it back; it fails again with the same text.
            let retried = try await world.ok("queue", "retry")
            #expect(retried.stdout.contains("requeued 1 failed change"))
            #expect(try await world.ok("plan", "--json").json?["calls"]?.int == 1)
            #expect(try await world.run("push", "--yes").status == 3)
            // A change queued after the failure is `pending`; the failed one stays `failed`.
            try await world.ok("set", "note", "later", "--domains", victim)
            let both = try await world.ok("ls", "--csv").stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            #expect(both.first { $0.first.map(String.init) == victim }?.suffix(3) == ["note", "ns", ""])
        }
    }

    /// "Busy on every third request → push completes; no intent applied twice."
    @Test func busyOnEveryThirdRequest() async throws {
        try await withSimWorld(simConfiguration(domains: 300)) { server, world in
            try await world.ok("sync", "--quiet")
            let hosts = Array(server.registeredHosts.prefix(2))
            let names = server.names(notOn: hosts)
            let nsNames = Array(names.prefix(250))
            let noteNames = Array(server.state.read { $0.domains.map(\.name) }.filter { !nsNames.contains($0) }.prefix(10))
            try #require(nsNames.count == 250 && noteNames.count == 10)
            try await world.ok(arguments: ["set", "ns"] + hosts + ["--domains", nsNames.joined(separator: ",")])
            try await world.ok("set", "note", "busy test", "--domains", noteNames.joined(separator: ","))
            server.setFaults(SimFaults(busyEvery: 3))
            let push = try await world.ok("push", "--yes")
            #expect(push.stdout.contains("260 applied, 0 failed"))
            let busy = server.recentRequests.filter { $0.outcome.hasPrefix("system_busy") }
            #expect(!busy.isEmpty, "the fault was not exercised")
            // Each domain appears in exactly one applied request per command.
            for command in ["set_ns", "set_note"] {
                var applied: [String: Int] = [:]
                for request in server.requests(command) where request.outcome == "success" {
                    for name in request.domains { applied[name, default: 0] += 1 }
                }
                #expect(applied.values.allSatisfy { $0 == 1 }, "\(command) applied twice somewhere")
                #expect(applied.count == (command == "set_ns" ? 250 : 10))
            }
            #expect(try world.store().pendingIntents().isEmpty)
            for name in noteNames { #expect(server.domain(name)?.note == "busy test") }
        }
    }
}
