import DynadotAPI
import DynadotSim
import Foundation
@_spi(OutboxWriter) import PortfolioStore
import Testing
@testable import SyncEngine

@Suite struct SyncEngineIntegrationTests {
    @Test func pullFillsTheCacheAndASecondPullChangesNothing() async throws {
        try await withEngine(domains: 400) { engine, server in
            let first = try await engine.pull(PullOptions(pageSize: 150))
            #expect(first.domains == 400)
            #expect(first.pages == 3)
            #expect(server.count("list_domain") == 3)
            #expect(try engine.store.count() == 400)
            #expect(try engine.store.tldPrices().count >= 8)
            #expect(try !engine.store.contacts().isEmpty)
            let second = try await engine.pull(PullOptions(pageSize: 150))
            #expect(second.changed == 0)
            #expect(second.gone == 0)
        }
    }

    @Test func aDomainGoneRemotelyIsMarkedGoneOnlyAfterACompleteListing() async throws {
        try await withEngine(domains: 50) { engine, server in
            try await engine.pull()
            let victim = try names(engine)[0]
            server.state.mutate { $0.remove(domainNamed: victim) }
            let summary = try await engine.pull()
            #expect(summary.gone == 1)
            #expect(try engine.store.count() == 49)
        }
    }

    @Test func newerIntentSupersedesAndSettingBackToBaseCancels() async throws {
        try await withEngine(domains: 20) { engine, _ in
            try await engine.pull()
            let name = try names(engine)[0]
            let row = try #require(try engine.store.domain(named: name))
            let other: RenewChoice = row.renewOption == .auto ? .donot : .auto
            let first = try engine.queue(.note("first"), domains: [name], origin: .cli)
            #expect(first.added == 1)
            let second = try engine.queue(.note("second"), domains: [name], origin: .cli)
            #expect(second.superseded == 1)
            #expect(try engine.plan().calls == 1)
            try engine.queue(.renewOption(other), domains: [name], origin: .cli)
            #expect(try engine.plan().calls == 2)
            let back = try engine.queue(.renewOption(RenewChoice(rawValue: row.renewOption.rawValue)!), domains: [name], origin: .cli)
            #expect(back.cancelled == 1)
            #expect(try engine.plan().calls == 1)
            let missing = try engine.queue(.lock, domains: ["no-such-domain.example"], origin: .cli)
            #expect(missing.missing == ["no-such-domain.example"])
        }
    }

    @Test func pushSendsTheMinimumAndUpdatesBothSides() async throws {
        try await withEngine(domains: 300) { engine, server in
            try await engine.pull()
            let targets = try names(engine, "", limit: 250)
            try engine.queue(.nameServers(["ns1.fresh.example", "ns2.fresh.example"]), domains: targets, origin: .cli)
            // Three set_ns batches, and first the two unknown hosts with add_ns and a server_list refresh.
            let plan = try engine.plan()
            #expect(plan.batches.count == 3)
            #expect(plan.setup.map(\.command) == ["add_ns", "add_ns", "server_list"])
            #expect(plan.calls == 6)
            let before = server.count("set_ns")
            let summary = try await engine.push()
            #expect(summary.done == 250)
            #expect(summary.clean)
            #expect(server.count("set_ns") - before == 3)
            for name in targets {
                guard case .nameServers(let hosts, _)? = server.domain(name)?.nameServers else {
                    Issue.record("\(name) not on name servers remotely"); continue
                }
                #expect(hosts == ["ns1.fresh.example", "ns2.fresh.example"])
                #expect(try engine.store.domain(named: name)?.nameservers == ["ns1.fresh.example", "ns2.fresh.example"])
            }
            #expect(try engine.plan().isEmpty)
        }
    }

    @Test func oneRefusedDomainIsIsolatedAndTheOtherNinetyNineApply() async throws {
        try await withEngine(domains: 120) { engine, server in
            try await engine.pull()
            // A domain the cache knows but the account no longer holds.
            let victim = "aaa-ghost-domain.com"
            _ = try engine.store.upsertDomains([DomainRow(name: victim, expiresMs: 1_800_000_000_000)], syncedAtMs: 1)
            let targets = try names(engine, "", limit: 100)
            #expect(targets.contains(victim))
            // A note differs from every cached one, so all 100 are queued.
            let queued = try engine.queue(.note("bisect me"), domains: targets, origin: .cli)
            #expect(queued.added == 100)
            let summary = try await engine.push()
            #expect(summary.done == 99)
            #expect(summary.failed == 1)
            #expect(summary.problems.count == 1)
            #expect(summary.problems[0].domain == victim)
            #expect(summary.problems[0].reason.contains("could not find domain"))
            let failed = try engine.store.intents(in: [.failed])
            #expect(failed.map(\.domain) == [victim])
        }
    }

    @Test func inFlightIntentsAreVerifiedBeforeAnythingIsResent() async throws {
        try await withEngine(domains: 30) { engine, server in
            try await engine.pull()
            let all = try names(engine)
            let (applied, untouched, changedElsewhere) = (all[0], all[1], all[2])
            try engine.queue(.note("from dynafolio"), domains: [applied, untouched, changedElsewhere], origin: .cli)
            let intents = try engine.store.pendingIntents()
            // As if the process died after recording the batches in flight.
            for intent in intents {
                _ = try engine.store.recordBatchInFlight(command: "set_note", params: "{}", domains: "[]", intentIDs: [intent.id])
            }
            server.state.mutate { account in
                account.domains[account.domainIndex[applied]!].note = "from dynafolio"
                account.domains[account.domainIndex[changedElsewhere]!].note = "edited on the website"
            }
            let notesBefore = server.count("set_note")
            let summary = try await engine.push()
            #expect(summary.verified == 3)
            #expect(summary.conflicts == 1)
            #expect(server.count("set_note") - notesBefore == 1)
            #expect(server.domain(untouched)?.note == "from dynafolio")
            #expect(server.domain(changedElsewhere)?.note == "edited on the website")
            let conflict = try #require(try engine.store.intents(in: [.conflict]).first)
            #expect(conflict.domain == changedElsewhere)
            #expect(conflict.message.contains("edited on the website"))
        }
    }

    @Test func renewalWaitsForApprovalAndCarriesTheExpiryYear() async throws {
        try await withEngine(domains: 30) { engine, server in
            try await engine.pull()
            let name = try names(engine)[0]
            let row = try #require(try engine.store.domain(named: name))
            let queued = try engine.queue(.renew(years: 1), domains: [name], origin: .cli, maxCostCents: 1)
            #expect((queued.costCents ?? 0) > 1)
            var summary = try await engine.push(.recorded)
            #expect(summary.heldMoney == 1)
            #expect(server.count("renew") == 0)
            summary = try await engine.push(try engine.plan().confirmation)
            #expect(summary.done == 1)
            let renew = try #require(server.recentRequests.last { $0.command == "renew" })
            #expect(renew.parameters["year"] == String(SyncEngine.utcYear(row.expiresMs!)))
            let remote = try #require(server.domain(name))
            #expect(remote.expirationMs == SyncEngine.addYears(1, to: row.expiresMs!))
            #expect(try engine.store.domain(named: name)?.expiresMs == remote.expirationMs)
        }
    }

    @Test func busyAnswersAreRetriedAndNothingIsAppliedTwice() async throws {
        try await withEngine(domains: 250, faults: SimFaults(busyRate: 0.3)) { engine, server in
            server.setFaults(SimFaults())
            try await engine.pull()
            let targets = try names(engine, "", limit: 200)
            let queued = try engine.queue(.privacy(.partial), domains: targets, origin: .cli)
            server.setFaults(SimFaults(busyRate: 0.3))
            let summary = try await engine.push()
            server.setFaults(SimFaults())
            #expect(summary.done + summary.requeued == queued.added)
            #expect(summary.failed == 0)
            let remaining = try engine.store.pendingIntents().count
            if remaining > 0 { _ = try await engine.push() }
            #expect(try engine.store.pendingIntents().isEmpty)
            #expect(targets.allSatisfy { server.domain($0)?.privacy == "partial" })
            let applied = server.recentRequests.filter { $0.command == "set_privacy" && $0.outcome == "success" }
                .flatMap { ($0.parameters["domain"] ?? "").split(separator: ",").map(String.init) }
            #expect(applied.count == Set(applied).count, "a domain was applied twice")
        }
    }
}

@Suite struct ContactAndPurchaseTests {
    @Test func contactEditIsPushedAndTheCacheRefreshed() async throws {
        try await withEngine(domains: 30) { engine, server in
            try await engine.pull()
            let contact = try #require(try engine.store.contacts().first)
            let queued = try engine.queueContactEdit(id: contact.id, changes: ["organization": "Renamed & Co", "city": "Zürich"], origin: .cli)
            #expect(queued.added == 1)
            let plan = try engine.plan()
            #expect(plan.batches.map(\.command) == ["edit_contact"])
            #expect(throws: Never.self) { try plan.batches[0].request.validate() }
            let summary = try await engine.push()
            #expect(summary.done == 1)
            let cached = try #require(try engine.store.contacts().first { $0.id == contact.id })
            #expect(cached.organization == "Renamed & Co")
            #expect(cached.city == "Zürich")
            let remote = server.state.read { $0.contacts.first { String($0.id) == contact.id }?.fields }
            #expect(remote?["Organization"] == "Renamed & Co")
        }
    }

    @Test func contactEditRefusesMissingRequiredFields() async throws {
        try await withEngine(domains: 10) { engine, _ in
            try await engine.pull()
            let contact = try #require(try engine.store.contacts().first)
            #expect(throws: SyncError.self) { try engine.queueContactEdit(id: contact.id, changes: ["email": ""], origin: .cli) }
            #expect(throws: SyncError.self) { try engine.queueContactEdit(id: contact.id, changes: ["colour": "blue"], origin: .cli) }
        }
    }

    @Test func purchaseNeedsApprovalThenAddsTheDomain() async throws {
        try await withEngine(domains: 30) { engine, server in
            try await engine.pull()
            #expect(try await engine.pullMarketplace() > 0)
            let owned = Set(try names(engine))
            let listing = try #require(try engine.store.marketplaceListings(limit: 500).first {
                !owned.contains($0.domain) && $0.priceCents != nil && $0.priceCents! < 100_000
            })
            let queued = try engine.queuePurchase(domain: listing.domain, origin: .cli)
            #expect(queued.costCents == listing.priceCents)
            var summary = try await engine.push(.none)
            #expect(summary.heldMoney == 1)
            #expect(server.count("buy_it_now") == 0)
            summary = try await engine.push(try engine.plan().confirmation)
            #expect(summary.done == 1)
            #expect(server.domain(listing.domain) != nil)
            #expect(try engine.store.domain(named: listing.domain) != nil)
        }
    }
}
