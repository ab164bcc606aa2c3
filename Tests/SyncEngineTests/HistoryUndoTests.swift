import DynadotAPI
import DynadotSim
import Foundation
@_spi(OutboxWriter) import PortfolioStore
import Testing
@testable import SyncEngine

/// History and undo against the simulator: every reversible field goes
/// change → push → undo → push and comes back exactly as Dynadot had it.
@Suite struct HistoryUndoTests {
    /// Pushes everything queued and returns how many calls of `command` it made.
    func pushCounting(_ engine: SyncEngine, _ server: SimServer, _ command: String) async throws -> Int {
        let before = server.count(command)
        let plan = try engine.plan()
        _ = try await engine.push(plan.confirmation)
        return server.count(command) - before
    }

    /// Change → push → undo (plan checked) → push: the simulator's domain is
    /// as it was, in the planned number of calls.
    func roundTrip(_ engine: SyncEngine, _ server: SimServer, _ name: String, _ edit: Edit,
                   command: String) async throws {
        let original = try #require(server.domain(name))
        let queued = try engine.queue(edit, domains: [name], origin: .cli)
        let operation = try #require(queued.operationID)
        #expect(try await pushCounting(engine, server, command) == 1)
        #expect(server.domain(name) != original, "the edit changed nothing: \(edit)")
        let plan = try engine.undoPlan(operationID: operation)
        #expect(plan.restores.count == 1, "\(edit): \(plan.conflicts) \(plan.irreversible)")
        #expect(plan.conflicts.isEmpty && plan.irreversible.isEmpty)
        try engine.queueUndo(plan)
        let calls = try engine.plan().batches.count
        #expect(calls == plan.calls)
        _ = try await engine.push(try engine.plan().confirmation)
        #expect(server.domain(name) == original, "\(edit) was not undone exactly")
    }

    @Test func everyReversibleFieldComesBackExactly() async throws {
        try await withEngine(domains: 60) { engine, server in
            try await engine.pull()
            let onNS = try names(engine, "ns:nameservers")
            let onDNS = try names(engine, "ns:dynadot_dns")
            try #require(onNS.count >= 8 && !onDNS.isEmpty)
            try await roundTrip(engine, server, onNS[0], .nameServers(["ns1.undo.example", "ns2.undo.example"]), command: "set_ns")
            try await roundTrip(engine, server, onNS[1], .forwarding(url: "https://elsewhere.example/", permanent: true),
                                command: "set_forwarding")
            try await roundTrip(engine, server, onNS[2], .stealth(url: "https://framed.example/", title: "Framed"),
                                command: "set_stealth")
            try await roundTrip(engine, server, onNS[3], .parking(withAds: false), command: "set_parking")
            let row = try #require(try engine.store.domain(named: onNS[4]))
            try await roundTrip(engine, server, onNS[4], .renewOption(row.renewOption == .auto ? .donot : .auto),
                                command: "set_renew_option")
            try await roundTrip(engine, server, onNS[4], .privacy(row.privacy == .full ? .partial : .full), command: "set_privacy")
            try await roundTrip(engine, server, onNS[5], .note("moved by a script"), command: "set_note")
            let folder = try #require(try engine.store.folders().first { $0.name != row.folderName })
            try await roundTrip(engine, server, onNS[5], .folder(folder.name), command: "set_folder")
            try await roundTrip(engine, server, onNS[6], .forSale(SaleTerms(priceCents: 123_400)), command: "set_for_sale")
            let contacts = try engine.store.contacts().map(\.id)
            let other = try #require(contacts.first { $0 != row.registrantID })
            try await roundTrip(engine, server, onNS[4], .contacts(registrant: other, admin: nil, technical: nil, billing: nil),
                                command: "set_whois")
            try await engine.fetchDNS(onDNS[0])
            let set = RecordSet(records: [DnsEntry(host: "", type: "a", value: "192.0.2.55", extra: "")], ttl: 300)
            try await roundTrip(engine, server, onDNS[0], .dns(set), command: "set_dns2")
            // What the pushes wrote into the cache is what the listing reports:
            // the next sync finds no remote change.
            try await engine.pull()
            let remote = try engine.history().filter { $0.origin == .remote }
            let found = try remote.compactMap { try engine.historyDetail(id: $0.id) }.flatMap(\.changes)
            #expect(remote.isEmpty, "\(found.map { "\($0.domain) \($0.field): \($0.before) → \($0.after)" })")
        }
    }

    @Test func undoGroupsByRestoredValueIntoTheFewestCalls() async throws {
        try await withEngine(domains: 160) { engine, server in
            let all = server.state.read { $0.domains.map(\.name) }.sorted().prefix(150)
            for (i, name) in all.enumerated() {
                try server.editDomain(name) { $0.renewOption = i < 90 ? .doNotRenew : SimRenewOption.none }
            }
            try await engine.pull()
            let before = Dictionary(uniqueKeysWithValues: all.map { ($0, server.domain($0)!) })
            let queued = try engine.queue(.renewOption(.auto), domains: Array(all), origin: .cli)
            #expect(try await pushCounting(engine, server, "set_renew_option") == 2)
            let plan = try engine.undoPlan(operationID: try #require(queued.operationID))
            #expect(plan.restores.count == 150)
            #expect(plan.calls == 2)
            #expect(plan.groups.map(\.count) == [90, 60])
            try engine.queueUndo(plan)
            #expect(try await pushCounting(engine, server, "set_renew_option") == 2)
            for name in all { #expect(server.domain(name) == before[name]) }
        }
    }

    @Test func conflictsAreSkippedAndNamedUnlessForced() async throws {
        try await withEngine(domains: 30) { engine, server in
            try await engine.pull()
            let targets = Array(try names(engine).prefix(3))
            let queued = try engine.queue(.note("audit"), domains: targets, origin: .cli)
            _ = try await pushCounting(engine, server, "set_note")
            try server.editDomain(targets[1]) { $0.note = "edited on the web panel" }
            try await engine.pull()
            let id = try #require(queued.operationID)
            let plan = try engine.undoPlan(operationID: id)
            #expect(plan.restores.map(\.domain).sorted() == [targets[0], targets[2]].sorted())
            #expect(plan.conflicts.count == 1)
            #expect(plan.conflicts.first?.domain == targets[1])
            #expect(plan.conflicts.first?.current == "edited on the web panel")
            let forced = try engine.undoPlan(operationID: id, force: true)
            #expect(forced.restores.count == 3 && forced.conflicts.isEmpty)
        }
    }

    @Test func undoOfAnUndoPutsTheChangeBack() async throws {
        try await withEngine(domains: 20) { engine, server in
            try await engine.pull()
            let name = try names(engine)[0]
            let queued = try engine.queue(.note("first"), domains: [name], origin: .cli)
            _ = try await pushCounting(engine, server, "set_note")
            let undo = try engine.queueUndo(try engine.undoPlan(operationID: try #require(queued.operationID)))
            _ = try await pushCounting(engine, server, "set_note")
            #expect(server.domain(name)?.note != "first")
            #expect(try engine.history().first?.origin == .undo)
            try engine.queueUndo(try engine.undoPlan(operationID: try #require(undo.operationID)))
            _ = try await pushCounting(engine, server, "set_note")
            #expect(server.domain(name)?.note == "first")
        }
    }

    @Test func lockAndRenewalsAreListedAsNotReversible() async throws {
        try await withEngine(domains: 20) { engine, server in
            try await engine.pull()
            let name = try names(engine, "lock:no")[0]
            let queued = try engine.queue(.lock, domains: [name], origin: .cli)
            _ = try await pushCounting(engine, server, "set_domain_lock")
            let plan = try engine.undoPlan(operationID: try #require(queued.operationID))
            #expect(plan.restores.isEmpty)
            #expect(plan.irreversible.first?.reason.contains("no unlock command") == true)
            #expect(throws: UndoError.self) { try engine.undoPlan(operationID: 9_999) }
        }
    }

    @Test func queueUndoDropsTheLastOperationAndRestoresWhatItReplaced() async throws {
        try await withEngine(domains: 20) { engine, _ in
            try await engine.pull()
            let name = try names(engine)[0]
            let first = try engine.queue(.note("kept"), domains: [name], origin: .tui)
            let second = try engine.queue(.note("taken back"), domains: [name], origin: .tui)
            #expect(second.superseded == 1)
            let result = try #require(try engine.undoLastQueued())
            #expect(result.operation.id == second.operationID)
            #expect(result.dropped == 1 && result.restored == 1)
            let pending = try engine.store.pendingIntents()
            #expect(pending.map(\.operationID) == [first.operationID])
            #expect(pending.first?.value == Edit.note("kept").encodedValue)
            let again = try #require(try engine.undoLastQueued())
            #expect(again.operation.id == first.operationID)
            #expect(try engine.store.pendingIntents().isEmpty)
            #expect(try engine.undoLastQueued() == nil)
        }
    }

    @Test func remoteEditsAndRemovedDomainsBecomeRemoteEvents() async throws {
        try await withEngine(domains: 30) { engine, server in
            try await engine.pull()
            #expect(try engine.history().isEmpty, "a first sync is not a remote change")
            let all = try names(engine)
            try server.editDomain(all[0]) { $0.note = "typed on the web panel" }
            try server.removeDomain(all[1])
            try await engine.pull()
            let event = try #require(try engine.history().first)
            #expect(event.origin == .remote)
            #expect(event.changes == 2)
            let detail = try #require(try engine.historyDetail(id: event.id))
            let note = try #require(detail.changes.first { $0.domain == all[0] })
            #expect(note.field == "note" && note.after == "typed on the web panel" && note.result == .done)
            let gone = try #require(detail.changes.first { $0.domain == all[1] })
            #expect(gone.field == "presence" && gone.after == "gone from the account")
            #expect(throws: UndoError.self) { try engine.undoPlan(operationID: event.id) }
            // A push's own change is not found again as a remote one.
            try engine.queue(.note("from dynafolio"), domains: [all[2]], origin: .cli)
            _ = try await engine.push(try engine.plan().confirmation)
            try await engine.pull()
            #expect(try engine.history().filter { $0.origin == .remote }.count == 1)
            #expect(try engine.domainHistory(all[0]).first?.after == "typed on the web panel")
        }
    }

    @Test func pruningKeepsOpenIntentsAndRecentHistory() async throws {
        try await withEngine(domains: 20) { engine, server in
            try await engine.pull()
            let all = try names(engine)
            try engine.queue(.note("sent"), domains: [all[0]], origin: .cli)
            _ = try await engine.push(try engine.plan().confirmation)
            try engine.queue(.note("still queued"), domains: [all[1]], origin: .cli)
            try engine.store.pruneHistory(beforeMs: engine.store.nowMs + 60_000)
            let left = try engine.history()
            #expect(left.count == 1)
            #expect(left.first?.pending == 1)
            #expect(try engine.store.pendingIntents().count == 1)
        }
    }
}
