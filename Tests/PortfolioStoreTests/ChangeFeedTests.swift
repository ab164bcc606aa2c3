import Foundation
import Testing
@testable import PortfolioStore

@Suite("Change generation")
struct ChangeFeedTests {
    @Test("on disk it changes after this store's writes and another store's, and not without writes")
    func onDisk() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("cache.sqlite")
        let store = try PortfolioDatabase(path: path)
        let other = try PortfolioDatabase(path: path)
        let start = try store.changeGeneration()
        _ = try store.count()
        _ = try other.count()
        #expect(try store.changeGeneration() == start, "reads are not changes")

        try store.upsertDomains(generatedDomains(2), syncedAtMs: testNow)
        let afterOwn = try store.changeGeneration()
        #expect(afterOwn != start)
        #expect(try store.changeGeneration() == afterOwn)

        try other.saveAccount(AccountRow(username: "me", fetchedAtMs: testNow))
        let afterOther = try store.changeGeneration()
        #expect(afterOther != afterOwn)

        // Outbox writes, which still go through `writer` directly, count too.
        try other.enqueue(intents: [NewIntent(domain: "domain-0.com", field: "note", value: "\"x\"", baseValue: "\"\"")])
        #expect(try store.changeGeneration() != afterOther)
    }

    @Test("in memory it changes after a write and not without")
    func inMemory() throws {
        let store = try makeStore()
        let start = try store.changeGeneration()
        _ = try store.rows()
        #expect(try store.changeGeneration() == start)
        try store.upsertDomains(generatedDomains(1), syncedAtMs: testNow)
        let after = try store.changeGeneration()
        #expect(after != start)
        try store.enqueue(intents: [NewIntent(domain: "domain-0.com", field: "note", value: "\"x\"", baseValue: "\"\"")])
        #expect(try store.changeGeneration() != after)
    }
}
