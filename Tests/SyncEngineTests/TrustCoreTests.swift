import DynadotAPI
import DynadotSim
import Foundation
@_spi(OutboxWriter) import PortfolioStore
import SyncEngine
import Testing

/// The review's trust findings (issue 10), one test each at engine level.
@Suite struct MoneyApprovalTests {
    /// Names of domains whose TLD the simulator prices, cheapest first.
    func renewable(_ engine: SyncEngine, count: Int) throws -> [String] {
        Array(try names(engine).prefix(count))
    }

    @Test("a confirmation sends exactly the intents it showed: a renewal queued meanwhile waits")
    func confirmationIsByID() async throws {
        try await withEngine(domains: 30) { engine, server in
            try await engine.pull()
            let (first, second) = (try names(engine)[0], try names(engine)[1])
            try engine.queue(.renew(years: 1), domains: [first], origin: .tui)
            let shown = try engine.plan()
            #expect(shown.moneyIntents.count == 1)
            // Queued from another terminal while the dialog is open.
            try engine.queue(.renew(years: 1), domains: [second], origin: .cli)
            let summary = try await engine.push(shown.confirmation)
            #expect(summary.done == 1)
            let renewed = server.recentRequests.filter { $0.command == "renew" }.map { $0.parameters["domain"] }
            #expect(renewed == [first])
            #expect(try engine.store.pendingIntents().map(\.domain) == [second])
            // The cached balance follows what was spent.
            #expect(try engine.store.account()?.balanceCents == server.state.read { Int64($0.balanceCents) })
        }
    }

    @Test("push --yes charges nothing when the fresh price exceeds --max-cost; plan follows refreshed prices")
    func freshPriceOverApproval() async throws {
        try await withEngine(domains: 30) { engine, server in
            try await engine.pull()
            let name = try names(engine)[0]
            let tld = try #require(try engine.store.domain(named: name)).tld
            let cached = try #require(try engine.store.tldPrice(tld)?.renewCents)
            let queued = try engine.queue(.renew(years: 1), domains: [name], origin: .cli, maxCostCents: cached)
            #expect(queued.costCents == cached)
            server.state.mutate { account in
                let i = account.tldPrices.firstIndex { $0.tld == tld }!
                account.tldPrices[i].renewCents = Int(cached) + 2_500
            }
            let summary = try await engine.push(.recorded)
            #expect(server.count("renew") == 0)
            let held = try #require(summary.held.first)
            #expect(held.reason == .overApproval(approvedCents: cached))
            #expect(held.dueCents == cached + 2_500)
            #expect(held.description.contains("$\(Cents.format(cents: cached + 2_500)) due"))
            #expect(held.description.contains("approved $\(Cents.format(cents: cached))"))
            // The push refreshed the prices: the plan now shows the new total.
            #expect(try engine.plan().moneyCostCents == cached + 2_500)
            let intent = try #require(try engine.store.pendingIntents().first)
            #expect(intent.holdReason.contains("due"))
        }
    }

    @Test("the balance is checked before any renewal is sent")
    func balanceIsChecked() async throws {
        try await withEngine(domains: 40) { engine, server in
            try await engine.pull()
            let targets = Array(try names(engine).prefix(10))
            let queued = try engine.queue(.renew(years: 1), domains: targets, origin: .cli, maxCostCents: 10_000_000)
            server.state.mutate { $0.balanceCents = 3_000 }
            let summary = try await engine.push(.recorded)
            #expect(server.count("renew") == 0)
            let held = try #require(summary.held.first)
            #expect(held.reason == .overBalance(balanceCents: 3_000))
            #expect(held.intentIDs.count == targets.count)
            #expect(held.description.contains("balance $30.00"))
            #expect(held.dueCents == queued.costCents)
            #expect(summary.balanceCents == 3_000)
        }
    }

    @Test("after a crash an unapplied renewal loses its approval and waits for a new confirmation")
    func crashedRenewalNeedsFreshConfirmation() async throws {
        try await withEngine(domains: 30) { engine, server in
            try await engine.pull()
            let name = try names(engine)[0]
            try engine.queue(.renew(years: 1), domains: [name], origin: .cli, maxCostCents: 1_000_000)
            let intent = try #require(try engine.store.pendingIntents().first)
            #expect(intent.approvalID != nil)
            // As if the process died after recording the renewal in flight.
            _ = try engine.store.recordBatchInFlight(command: "renew", params: "{}", domains: "[]", intentIDs: [intent.id])
            let summary = try await engine.push(.recorded)
            #expect(server.count("renew") == 0)
            #expect(summary.verified == 1)
            let after = try #require(try engine.store.intents(ids: [intent.id]).first)
            #expect(after.state == .pending)
            #expect(after.approvalID == nil)
            #expect(summary.held.first?.reason == .awaitingConfirmation)
        }
    }

    @Test("renewals answered busy are retried with backoff and applied once")
    func busyRenewalsAreRetried() async throws {
        try await withEngine(domains: 30) { engine, server in
            try await engine.pull()
            let targets = Array(try names(engine).prefix(6))
            try engine.queue(.renew(years: 1), domains: targets, origin: .cli, maxCostCents: 10_000_000)
            server.setFaults(SimFaults(busyRate: 0.5))
            let summary = try await engine.push(.recorded)
            server.setFaults(SimFaults())
            let applied = server.recentRequests.filter { $0.command == "renew" && $0.outcome == "success" }.compactMap { $0.parameters["domain"] }
            #expect(Set(applied).count == applied.count, "a renewal was charged twice")
            #expect(summary.done + summary.unsent == targets.count)
            #expect(summary.done == applied.count)
        }
    }
}

@Suite struct PushAndPullTogetherTests {
    @Test("a sync during a push never puts old values back: the cache ends equal to Dynadot")
    func syncDuringPush() async throws {
        try await withEngine(domains: 400, faults: SimFaults(latencyMilliseconds: 3)) { engine, server in
            server.setFaults(SimFaults())
            try await engine.pull()
            let targets = Array(try names(engine).prefix(283))
            try engine.queue(.note("pushed while syncing"), domains: targets, origin: .cli)
            server.setFaults(SimFaults(latencyMilliseconds: 3))
            async let pushed = engine.push()
            async let pulled: Void = {
                for _ in 0..<4 { try await engine.pull() }
            }()
            let summary = try await pushed
            try await pulled
            server.setFaults(SimFaults())
            #expect(summary.done == targets.count)
            // No open intent remains, so every cached note must equal Dynadot's.
            #expect(try engine.store.pendingIntents().isEmpty)
            let cached = try engine.store.domains(named: targets)
            let stale = cached.filter { $0.note != server.domain($0.name)?.note }
            #expect(stale.isEmpty, "\(stale.count) rows show an old note")
            #expect(cached.allSatisfy { $0.note == "pushed while syncing" })
            // And a later edit back is a real edit, not "already set".
            let back = try engine.queue(.note(""), domains: [targets[0]], origin: .cli)
            #expect(back.added == 1)
        }
    }

    @Test("an edit during a push queues behind it instead of stopping it")
    func editDuringPush() async throws {
        try await withEngine(domains: 300) { engine, server in
            try await engine.pull()
            let targets = Array(try names(engine).prefix(60))
            try engine.queue(.note("first"), domains: targets, origin: .cli)
            server.setFaults(SimFaults(latencyMilliseconds: 20))
            async let pushed = engine.push()
            try await Task.sleep(nanoseconds: 60_000_000)
            let second = try engine.queue(.note("second"), domains: Array(targets.suffix(20)), origin: .cli)
            let summary = try await pushed
            server.setFaults(SimFaults())
            #expect(summary.clean)
            #expect(second.added == 20)
            // What the push did not send is pending for the next one; nothing was lost.
            _ = try await engine.push()
            #expect(targets.suffix(20).allSatisfy { server.domain($0)?.note == "second" })
            #expect(targets.prefix(40).allSatisfy { server.domain($0)?.note == "first" })
        }
    }

    @Test("drop refuses only in-flight intents and says how many")
    func dropKeepsInFlight() async throws {
        try await withEngine(domains: 30) { engine, _ in
            try await engine.pull()
            let all = try names(engine)
            try engine.queue(.note("x"), domains: Array(all.prefix(3)), origin: .cli)
            let first = try #require(try engine.store.pendingIntents().first)
            _ = try engine.store.recordBatchInFlight(command: "set_note", params: "{}", domains: "[]", intentIDs: [first.id])
            let result = try engine.drop(domains: Array(all.prefix(3)))
            #expect(result == DropResult(dropped: 2, inflightKept: 1))
        }
    }

    @Test("the DNS pane's revert drops only the record set, never a failed renewal")
    func revertDropsOneField() async throws {
        try await withEngine(domains: 30) { engine, _ in
            try await engine.pull()
            let name = try names(engine)[0]
            try engine.queue(.renew(years: 1), domains: [name], origin: .cli)
            let renewal = try #require(try engine.store.pendingIntents().first)
            try engine.store.failIntents(ids: [renewal.id], message: "not enough account balance")
            try engine.queue(.dns(RecordSet(records: [DnsEntry(host: "", type: "a", value: "192.0.2.1", extra: "")], ttl: nil)),
                             domains: [name], origin: .tui)
            #expect(try engine.drop(domains: [name], field: .nameServerSetting).dropped == 1)
            #expect(try engine.store.intents(ids: [renewal.id]).first?.state == .failed)
        }
    }
}

@Suite struct VerificationTests {
    @Test("a dropped answer to an idempotent write is verified, not resent blindly")
    func lostAnswerIsVerified() async throws {
        try await withEngine(domains: 60) { engine, server in
            try await engine.pull()
            let targets = Array(try names(engine).prefix(10))
            try engine.queue(.note("verified"), domains: targets, origin: .cli)
            server.setFaults(SimFaults(dropAfterApplyCommand: "set_note"))
            let summary = try await engine.push()
            server.setFaults(SimFaults())
            #expect(summary.done == targets.count)
            #expect(summary.verified == targets.count)
            // Each lost answer was settled by a read, not by the client's five
            // resends (which made 47 batches 281 requests). What remains above
            // one per domain is libcurl resending a GET once on a reused
            // keep-alive connection that died: harmless for an idempotent
            // write, and why money commands use a fresh connection.
            #expect(server.count("set_note") < targets.count * 2)
            #expect(targets.allSatisfy { server.domain($0)?.note == "verified" })
        }
    }

    @Test("one failed verification read leaves those intents uncertain instead of aborting the push")
    func failedReadLeavesUncertain() async throws {
        try await withEngine(domains: 40) { engine, server in
            try await engine.pull()
            let all = try names(engine)
            try engine.queue(.note("n"), domains: Array(all.prefix(4)), origin: .cli)
            for intent in try engine.store.pendingIntents() {
                _ = try engine.store.recordBatchInFlight(command: "set_note", params: "{}", domains: "[]", intentIDs: [intent.id])
            }
            server.setFaults(SimFaults(httpErrorRate: 1))
            let summary = try await engine.push()
            server.setFaults(SimFaults())
            #expect(summary.uncertain == 4)
            #expect(try engine.store.intents(in: [.inflight]).count == 4)
            // The next push verifies them and goes on.
            let next = try await engine.push()
            #expect(next.uncertain == 0)
            #expect(try engine.store.intents(in: [.inflight]).isEmpty)
        }
    }
}

@Suite struct OutageTests {
    @Test("an outage keeps every change queued, never failed, and says Dynadot is having trouble")
    func outageKeepsTheQueue() async throws {
        try await withEngine(domains: 60) { engine, server in
            try await engine.pull()
            let targets = Array(try names(engine).prefix(5))
            try engine.queue(.note("during an outage"), domains: targets, origin: .cli)
            server.setFaults(SimFaults(outageRate: 1))
            await #expect {
                try await engine.push()
            } throws: { error in
                guard case SyncError.outage = error else { return false }
                return "\(error)".contains("Dynadot is having trouble")
            }
            server.setFaults(SimFaults())
            #expect(try engine.store.intents(in: [.failed]).isEmpty)
            #expect(try engine.store.pendingIntents().count == targets.count)
            let summary = try await engine.push()
            #expect(summary.done == targets.count)
        }
    }
}
