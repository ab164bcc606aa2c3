import Foundation
import GRDB
import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

/// An import queues the intents its preview worked out only while the cache
/// is as the preview read it: `enqueue(_:intents:ifUnchangedSince:)` writes
/// nothing once any connection has committed after the generation it is
/// given, on disk (`PRAGMA data_version`) and in memory (the change count).
@Suite("Queueing worked-out intents only while the cache is unchanged")
struct EnqueueIfUnchangedTests {
    static func intents(_ names: [String], note: String) -> [NewIntent] {
        names.map { NewIntent(domain: $0, field: "note", value: "{\"note\":\"\(note)\"}", baseValue: "{\"note\":\"\"}") }
    }

    static func check(_ store: PortfolioDatabase) throws {
        let rows = generatedDomains(20)
        _ = try store.upsertDomains(rows, syncedAtMs: 1_000)
        let names = rows.map(\.name)
        let operation = NewOperation(origin: .import, label: "sheet")
        // Nothing committed since: written, with its progress.
        let before = try store.changeGeneration()
        var steps: [Int] = []
        let first = try #require(try store.enqueue(operation, intents: Self.intents(names, note: "one"), ifUnchangedSince: before,
                                                   progress: { done, total in steps.append(done); #expect(total == 2) }))
        #expect(first.added.count == names.count)
        #expect(steps == [1, 2])
        // That write is a commit: the same generation is stale now.
        #expect(try store.enqueue(operation, intents: Self.intents(names, note: "two"), ifUnchangedSince: before) == nil)
        // A sync between the generation and the queueing: nothing written.
        let read = try store.changeGeneration()
        var synced = rows[3]
        synced.note = "synced"
        _ = try store.upsertDomains([synced], syncedAtMs: 2_000)
        #expect(try store.enqueue(operation, intents: Self.intents(names, note: "three"), ifUnchangedSince: read) == nil)
        let pending = try store.intents(in: [.pending])
        #expect(pending.count == names.count)
        #expect(pending.allSatisfy { $0.value == "{\"note\":\"one\"}" })
        #expect(try store.operations(limit: 10).count == 1)
        // Reads in between change nothing: still written.
        let again = try store.changeGeneration()
        _ = try store.domains(named: names)
        _ = try store.pendingIntents()
        let second = try #require(try store.enqueue(operation, intents: Self.intents(names, note: "four"), ifUnchangedSince: again))
        #expect(second.added.count == names.count && second.superseded == names.count)
    }

    @Test("on disk: a commit by any connection after the generation (the store's own writer too) stops the write")
    func onDisk() throws {
        let directory = try TempDirectory()
        defer { directory.cleanup() }
        let store = try PortfolioDatabase(path: directory.path("cache.sqlite"))
        try Self.check(store)
        try store.close()
    }

    @Test("in memory: the same")
    func inMemory() throws {
        try Self.check(try PortfolioDatabase(inMemoryWithClock: { 1_000 }))
    }
}
