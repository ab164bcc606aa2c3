import Foundation
import Logging
@_spi(OutboxWriter) import PortfolioStore
import Testing
@testable import SyncEngine

/// `history` counts each operation's changes by state from the intent
/// index: pending, held (pending with a hold reason), failed, dropped.
@Suite struct HistoryCountsTests {
    @Test func countsEachStateAndTheHeldOnes() throws {
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        let store = try PortfolioDatabase(inMemoryWithClock: { 1_000 })
        let names = (0..<6).map { "count\($0).com" }
        try store.upsertDomains(names.map { DomainRow(name: $0) }, syncedAtMs: 1_000)
        let engine = SyncEngine(store: store, client: nil, logger: quiet)
        let first = try #require(try engine.queue(.note("first"), domains: names, origin: .cli).operationID)
        let intents = try store.pendingIntents().filter { $0.operationID == first }.sorted { $0.id < $1.id }
        try #require(intents.count == 6)
        try store.holdIntents(ids: [intents[0].id, intents[1].id], reason: "over the balance")
        try store.failIntents(ids: [intents[2].id], message: "refused")
        // A second note on one domain supersedes the first operation's intent.
        let second = try #require(try engine.queue(.note("second"), domains: [names[5]], origin: .cli).operationID)

        let entries = try engine.history()
        let old = try #require(entries.first { $0.id == first })
        #expect(old.changes == 6)
        #expect(old.pending == 4)  // the two held are among them
        #expect(old.held == 2)
        #expect(old.failed == 1)
        #expect(old.dropped == 1)
        let new = try #require(entries.first { $0.id == second })
        #expect(new.changes == 1 && new.pending == 1 && new.held == 0)
        #expect(try engine.historyDetail(id: first)?.entry == old)
    }
}
