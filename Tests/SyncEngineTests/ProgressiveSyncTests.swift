import Foundation
@_spi(OutboxWriter) import PortfolioStore
@testable import SyncEngine
import Synchronization
import Testing

/// A first sync shows rows as pages land, and its progress never claims a
/// total it does not know.
@Suite("Progressive first sync")
struct ProgressiveSyncTests {
    /// Everything the progress callback saw, for assertions after the pull.
    final class Seen: Sendable {
        let events = Mutex<[SyncProgress]>([])
        let rowsAtFirstPage = Mutex<Int?>(nil)
    }

    @Test("on an empty cache the first page is in the cache before the listing ends; the count has no made-up total")
    func firstPageAtOnce() async throws {
        try await withEngine(domains: 2950) { engine, _ in
            let seen = Seen()
            let store = engine.store
            try await engine.pull(PullOptions(pageSize: 100)) { event in
                seen.events.withLock { $0.append(event) }
                guard event.step == "domains", seen.rowsAtFirstPage.withLock({ $0 == nil }) else { return }
                // The first page is written on the writer's queue: wait for
                // it (a safety bound, not a timing assertion).
                var rows = 0
                for _ in 0..<500 {
                    rows = (try? store.count(matching: .all)) ?? 0
                    if rows > 0 { break }
                    usleep(10_000)
                }
                seen.rowsAtFirstPage.withLock { $0 = rows }
            }
            #expect(seen.rowsAtFirstPage.withLock { $0 } == 100)
            let domainEvents = seen.events.withLock { $0 }.filter { $0.step == "domains" }
            #expect(domainEvents.count == 30)
            #expect(domainEvents.allSatisfy { $0.total == nil })
            #expect(domainEvents.map(\.done) == (1...29).map { $0 * 100 } + [2950])
        }
    }

    @Test("a resync shows progress of the cached count, then a running count past it")
    func resyncEstimate() async throws {
        try await withEngine(domains: 950) { engine, _ in
            try await engine.pull(PullOptions(pageSize: 100))
            let seen = Seen()
            try await engine.pull(PullOptions(pageSize: 100)) { event in seen.events.withLock { $0.append(event) } }
            let domainEvents = seen.events.withLock { $0 }.filter { $0.step == "domains" }
            #expect(domainEvents.count == 10)
            #expect(domainEvents.dropLast().allSatisfy { $0.total == 950 && $0.done < 950 })
            // At the cached count the listing may still go on: no full bar.
            #expect(domainEvents.last?.done == 950 && domainEvents.last?.total == nil)
        }
    }
}
