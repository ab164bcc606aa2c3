import DynadotAPI
import DynadotSim
import Foundation
import PortfolioStore
import Testing

/// "Crash at every numbered step, then `push` again → remote state correct,
/// zero lost intents, zero double renewals (renew with drop-after-apply
/// moves the expiry exactly one year)."
@Suite("CLI crash recovery", .serialized)
struct RecoveryTests {
    @Test(arguments: [1, 2, 3])
    func crashAtStepThenPushAgain(step: Int) async throws {
        try await withSimWorld(simConfiguration(domains: 30)) { server, world in
            try await world.ok("sync", "--quiet")
            let hosts = Array(server.registeredHosts.prefix(2))
            let names = server.state.read { $0.domains.map(\.name) }
            let nsNames = Array(server.names(notOn: hosts).prefix(4))
            try #require(!nsNames.contains(names[10]) && !nsNames.contains(names[20]))
            let renewed = names[10]
            let before = try #require(server.domain(renewed))
            try await world.ok(arguments: ["set", "ns"] + hosts + ["--domains", nsNames.joined(separator: ",")])
            try await world.ok("renew", "--years", "1", "--max-cost", "500", "--domains", renewed)
            try await world.ok("set", "note", "after crash", "--domains", names[20])

            let crashed = try await world.run("push", "--yes", environment: ["DYNAFOLIO_CRASH_AT": String(step)])
            #expect(crashed.status == 70, "push did not crash at step \(step): \(crashed.stderr)")
            #expect(crashed.stderr.contains("crashing at push step \(step)"))

            let again = try await world.run("push", "--yes")
            #expect(again.status == 0, "\(again.stderr)")
            for name in nsNames {
                guard case .nameServers(let remote, _)? = server.domain(name)?.nameServers else {
                    Issue.record("\(name) not applied"); continue
                }
                #expect(remote == hosts)
            }
            #expect(server.domain(names[20])?.note == "after crash")
            let after = try #require(server.domain(renewed))
            #expect(after.renewals == before.renewals + 1, "renewed \(after.renewals - before.renewals) times")
            #expect(after.expirationMs == addYear(before.expirationMs))
            #expect(server.requests("renew").filter { $0.outcome == "success" }.count == 1)

            let store = try world.store()
            #expect(try store.intents(in: [.pending, .inflight, .failed, .conflict]).isEmpty, "intents lost or stuck")
            let done = try store.intents(in: [.done])
            #expect(done.count == 6, "done: \(done.map { "\($0.domain) \($0.field)" })")
            #expect(try store.domain(named: renewed)?.expiresMs == after.expirationMs)
        }
    }

    /// A domain changed elsewhere while a push was interrupted becomes a
    /// conflict (never overwritten); `queue resolve --mine` queues it again.
    @Test func conflictIsShownAndResolvedKnowingly() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let name = server.state.read { $0.domains[3].name }
            try await world.ok("set", "note", "mine", "--domains", name)
            let crashed = try await world.run("push", "--yes", environment: ["DYNAFOLIO_CRASH_AT": "1"])
            #expect(crashed.status == 70)
            server.state.mutate { account in
                if let i = account.domainIndex[name] { account.domains[i].note = "edited on the website" }
            }
            let verified = try await world.run("push", "--yes")
            #expect(verified.status == 3)
            #expect(verified.stderr.contains("edited on the website"))
            #expect(server.domain(name)?.note == "edited on the website")
            let resolved = try await world.ok("queue", "resolve", "--mine")
            #expect(resolved.stdout.contains("requeued your change for 1 conflict"))
            try await world.ok("push", "--yes")
            #expect(server.domain(name)?.note == "mine")
        }
    }

    @Test func renewalWithLostAnswerMovesExpiryExactlyOneYear() async throws {
        try await withSimWorld(simConfiguration(domains: 20, faults: SimFaults(dropAfterApplyCommand: "renew"))) { server, world in
            try await world.ok("sync", "--quiet")
            let name = server.state.read { $0.domains[3].name }
            let before = try #require(server.domain(name))
            try await world.ok("renew", "--years", "1", "--max-cost", "500", "--domains", name)
            let first = try await world.run("push", "--yes")
            #expect(first.status == 0, "\(first.stderr)")
            server.setFaults(SimFaults())
            let second = try await world.ok("push", "--yes")
            #expect(second.stdout.contains("nothing to push"))
            let after = try #require(server.domain(name))
            #expect(after.renewals == before.renewals + 1)
            #expect(after.expirationMs == addYear(before.expirationMs))
            #expect(server.requests("renew").count == 1, "a renewal whose answer was lost was resent")
            #expect(try world.store().intents(in: [.done]).count == 1)
        }
    }
}

func addYear(_ ms: Int64) -> Int64 {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let moved = calendar.date(byAdding: .year, value: 1, to: Date(timeIntervalSince1970: Double(ms) / 1000))!
    return Int64((moved.timeIntervalSince1970 * 1000).rounded())
}
