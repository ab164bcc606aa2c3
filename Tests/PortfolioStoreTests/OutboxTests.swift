import GRDB
import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

@Suite("Outbox")
struct OutboxTests {
    func intent(_ domain: String, _ field: String, _ value: String, base: String) -> NewIntent {
        NewIntent(domain: domain, field: field, value: value, baseValue: base)
    }

    @Test("a newer edit of the same field supersedes the pending one")
    func supersede() throws {
        let store = try querySample()
        let first = try store.enqueue(intents: [intent("beta.net", "renew", #""auto""#, base: #""donot""#),
                                                intent("beta.net", "note", #""n""#, base: #""""#)])
        #expect(first.added.count == 2)
        let second = try store.enqueue(intents: [intent("BETA.net", "renew", #""none""#, base: #""donot""#)])
        #expect(second.superseded == 1)
        let pending = try store.pendingIntents()
        #expect(pending.map(\.field) == ["note", "renew"])
        #expect(pending.last?.value == #""none""#)
        #expect(try store.intents(ids: [first.added[0]]).first?.state == .superseded)
        #expect(try store.pendingFields(for: ["beta.net", "alpha.com"])["beta.net"]?.map(\.field) == ["note", "renew"])
        #expect(try store.pendingFields(for: ["beta.net", "alpha.com"])["alpha.com"] == nil)
    }

    @Test("open values per domain read the same whether each name is looked up or the open intents are scanned")
    func pendingFieldsBothWays() throws {
        let store = try makeStore()
        let names = (0..<20).map { "p\($0).com" }
        // Two fields on every domain; a newer value superseding half of the
        // notes; some in flight with a newer value queued behind them; some done.
        _ = try store.enqueue(intents: names.flatMap { [intent($0, "note", "\"a \($0)\"", base: "\"\""),
                                                         intent($0, "renew", "\"auto\"", base: "\"donot\"")] })
        let sent = try store.pendingIntents().filter { $0.field == "renew" && ["p1.com", "p2.com", "p3.com"].contains($0.domain) }
        let batch = try #require(try store.recordBatchInFlight(command: "set_renew_option", params: "{}", domains: "[]", intentIDs: sent.map(\.id)))
        _ = try store.enqueue(intents: names.prefix(10).map { intent($0, "note", "\"b \($0)\"", base: "\"\"") }
                                + [intent("p2.com", "renew", "\"none\"", base: "\"donot\"")])
        #expect(batch.intentIDs.count == 3)
        try store.completeIntents(ids: [sent[0].id], writes: CacheWrites(updates: []))
        let open = try store.intents(in: [.pending, .inflight, .failed, .conflict]).count
        // Fewer names than open intents: looked up by name; with unknown names
        // added past the open count: the open intents scanned.
        let asked = ["P2.com", "p3.com", "p4.com", "p15.com", "nowhere.com"]
        #expect(asked.count < open)
        let byName = try store.pendingFields(for: asked)
        let padded = asked + (0..<open).map { "missing-\($0).net" }
        let scanned = try store.pendingFields(for: padded)
        #expect(byName == scanned)
        // In id order: the renew in flight, the newer note, the renew queued behind.
        #expect(byName["p2.com"]?.map(\.state) == [.inflight, .pending, .pending])
        #expect(byName["p2.com"]?.map(\.field) == ["renew", "note", "renew"])
        #expect(byName["p4.com"]?.map(\.value) == ["\"auto\"", "\"b p4.com\""])
        #expect(byName["p15.com"]?.map(\.value) == ["\"a p15.com\"", "\"auto\""])
        #expect(byName["nowhere.com"] == nil)
        #expect(Set(byName.keys) == ["p2.com", "p3.com", "p4.com", "p15.com"])
        // The done renew is not open.
        #expect(try store.pendingFields(for: ["p1.com"])["p1.com"]?.map(\.field) == ["note"])
        // Nothing open at all: nothing, either way.
        let empty = try makeStore()
        #expect(try empty.pendingFields(for: asked).isEmpty && empty.pendingFields(for: padded).isEmpty)
    }

    @Test("setting a field back to its base value cancels the intent")
    func cancelOnBase() throws {
        let store = try querySample()
        let added = try store.enqueue(intents: [intent("beta.net", "renew", #""auto""#, base: #""donot""#)]).added
        let back = try store.enqueue(intents: [intent("beta.net", "renew", #""donot""#, base: #""donot""#)])
        #expect(back == EnqueueResult(added: [], superseded: 0, cancelled: 1, unchanged: 0))
        #expect(try store.intents(ids: added).first?.state == .cancelled)
        #expect(try store.pendingIntents().isEmpty)
        let noop = try store.enqueue(intents: [intent("alpha.com", "lock", "true", base: "true")])
        #expect(noop.unchanged == 1)
        #expect(try store.intentCounts() == [.cancelled: 1])
    }

    @Test("in flight, then done: the cache row is updated in the same transaction")
    func inflightThenDone() throws {
        let store = try querySample()
        let ids = try store.enqueue(intents: [intent("beta.net", "renew", #""auto""#, base: #""donot""#),
                                              intent("old.org", "renew", #""auto""#, base: #""donot""#)]).added
        let batchID = try #require(try store.recordBatchInFlight(command: "set_renew_option", params: #"{"renew_option":"auto"}"#,
                                                                 domains: #"["beta.net","old.org"]"#, intentIDs: ids)).id
        #expect(try store.pendingIntents().isEmpty)
        let inflight = try store.inflightBatches()
        #expect(inflight.map(\.id) == [batchID])
        #expect(inflight.first?.intentIDs == ids)
        #expect(try store.intents(ids: ids).allSatisfy { $0.state == .inflight && $0.attempt == 1 && $0.batchID == batchID })
        #expect(try store.count(matching: PortfolioQuery(parsing: "pending:yes")) == 2)
        // A second record of the same intents sends nothing: they are no longer pending.
        #expect(try store.recordBatchInFlight(command: "set_renew_option", params: "{}", domains: "[]", intentIDs: ids) == nil)

        try store.completeIntents(ids: ids, writes: CacheWrites(updates: ["beta.net", "old.org"].map {
            RowUpdate(domain: $0) { $0.renewOption = .auto }
        }))
        #expect(try store.domain(named: "beta.net")?.renewOption == .auto)
        #expect(try store.intents(ids: ids).allSatisfy { $0.state == .done })
        #expect(try store.batch(id: batchID)?.state == .done)
        #expect(try store.inflightBatches().isEmpty)
    }

    @Test("if applying fails, the intents stay in flight and the cache is untouched")
    func completeIsAtomic() throws {
        let store = try querySample()
        let ids = try store.enqueue(intents: [intent("beta.net", "renew", #""auto""#, base: #""donot""#)]).added
        _ = try store.recordBatchInFlight(command: "set_renew_option", params: "{}", domains: #"["beta.net"]"#, intentIDs: ids)
        // A bought-domain row that breaks a CHECK constraint fails the write
        // after the field update ran: nothing of either may remain.
        var bad = DomainRow(name: "zzz.com")
        bad.tld = ""
        try store.writer.write { try $0.execute(sql: "CREATE TRIGGER boom BEFORE INSERT ON domain WHEN NEW.name = 'zzz.com' BEGIN SELECT RAISE(ABORT, 'boom'); END") }
        #expect(throws: (any Error).self) {
            try store.completeIntents(ids: ids, writes: CacheWrites(updates: [RowUpdate(domain: "beta.net") { $0.renewOption = .auto }],
                                                                    rows: [bad]))
        }
        #expect(try store.domain(named: "beta.net")?.renewOption == .donot)
        #expect(try store.intents(ids: ids).first?.state == .inflight)
    }

    @Test("failures keep the provider's text; retry puts them back; a partly failed batch ends failed")
    func failAndRetry() throws {
        let store = try querySample()
        let ids = try store.enqueue(intents: [intent("beta.net", "ns", "[]", base: #"["a"]"#),
                                              intent("nope.com", "ns", "[]", base: #"["a"]"#)]).added
        let batchID = try #require(try store.recordBatchInFlight(command: "set_ns", params: "{}", domains: "[]", intentIDs: ids)).id
        try store.completeIntents(ids: [ids[0]], writes: .none)
        #expect(try store.batch(id: batchID)?.state == .inflight)
        try store.failIntents(ids: [ids[1]], message: "domain not found")
        #expect(try store.batch(id: batchID)?.state == .failed)
        let failed = try store.intents(in: [.failed])
        #expect(failed.map(\.message) == ["domain not found"])
        #expect(try store.retryFailed() == 1)
        #expect(try store.pendingIntents().map(\.domain) == ["nope.com"])
        #expect(try store.pendingIntents().first?.message == "")
    }

    @Test("a lost answer: the batch is uncertain, verification requeues or settles its intents")
    func uncertainRecovery() throws {
        let store = try querySample()
        let ids = try store.enqueue(intents: [intent("beta.net", "note", #""a""#, base: #""""#),
                                              intent("old.org", "note", #""a""#, base: #""""#)]).added
        let batchID = try #require(try store.recordBatchInFlight(command: "set_note", params: "{}", domains: "[]", intentIDs: ids)).id
        try store.markBatchUncertain(id: batchID, message: "connection lost")
        #expect(try store.inflightBatches().map(\.state) == [.uncertain])
        try store.completeIntents(ids: [ids[0]], writes: .none)
        try store.requeueInflight(ids: [ids[1]])
        #expect(try store.pendingIntents().map(\.id) == [ids[1]])
        let batch = try store.batch(id: batchID)
        #expect(batch?.state == .failed)
        #expect(batch?.message == "connection lost")
        #expect(try store.inflightBatches().isEmpty)
    }

    @Test("conflicts are kept apart and resolved either way")
    func conflicts() throws {
        let store = try querySample()
        let ids = try store.enqueue(intents: [intent("beta.net", "folder", #""A""#, base: #""""#),
                                              intent("old.org", "folder", #""A""#, base: #""""#)]).added
        _ = try store.recordBatchInFlight(command: "set_folder", params: "{}", domains: "[]", intentIDs: ids)
        try store.markConflict(id: ids[0], remoteValue: #""B""#, message: "remote folder is B")
        try store.markConflict(id: ids[1], remoteValue: #""C""#, message: "remote folder is C")
        #expect(try store.names(matching: PortfolioQuery(parsing: "failed:yes")) == ["beta.net", "old.org"])
        #expect(try store.intents(ids: ids).map(\.remoteValue) == [#""B""#, #""C""#])

        try store.resolveConflict(ids: [ids[0]], keepRemote: true)
        try store.resolveConflict(ids: [ids[1]], keepRemote: false)
        let after = try store.intents(ids: ids)
        #expect(after[0].state == .cancelled)
        #expect(after[1].state == .pending)
        #expect(after[1].baseValue == #""C""#)
        #expect(throws: PortfolioStoreError.self) { try store.resolveConflict(ids: [ids[1]], keepRemote: true) }
    }

    @Test("drop cancels open intents of some domains or all, never in-flight ones")
    func drop() throws {
        let store = try querySample()
        let ids = try store.enqueue(intents: [intent("alpha.com", "note", "1", base: "0"),
                                              intent("beta.net", "note", "1", base: "0"),
                                              intent("old.org", "note", "1", base: "0"),
                                              intent("noexp.io", "note", "1", base: "0")]).added
        _ = try store.recordBatchInFlight(command: "set_note", params: "{}", domains: "[]", intentIDs: [ids[3]])
        #expect(try store.drop(domains: ["ALPHA.com"]) == DropResult(dropped: 1))
        #expect(try store.pendingIntents().map(\.domain) == ["beta.net", "old.org"])
        #expect(try store.drop(domains: ["noexp.io"]) == DropResult(dropped: 0, inflightKept: 1))
        #expect(try store.dropAll() == DropResult(dropped: 2, inflightKept: 1))
        #expect(try store.pendingIntents().isEmpty)
        #expect(try store.intents(forDomain: "noexp.io").first?.state == .inflight)
        #expect(try store.intentCounts() == [.cancelled: 3, .inflight: 1])
    }
}
