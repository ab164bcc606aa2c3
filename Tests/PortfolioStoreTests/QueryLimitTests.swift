import Foundation
import Testing
@testable import PortfolioStore

/// Issue 12: long queries are refused by length, and no store error shows SQL.
@Suite struct QueryLimitTests {
    @Test func queriesHoldAtMostAThousandCharacters() throws {
        _ = try PortfolioQuery(parsing: String(repeating: "a", count: PortfolioQuery.maxLength))
        do {
            _ = try PortfolioQuery(parsing: String(repeating: "%_", count: 50_000))
            Issue.record("a 100,000-character query was accepted")
        } catch {
            #expect(error.message.contains("at most 1,000 characters"))
            #expect(error.position == PortfolioQuery.maxLength)
        }
    }

    /// A pattern SQLite finds too complex (built from terms, past the
    /// parser's limit) fails with SQLite's words and no SQL text.
    @Test func sqliteErrorsAreToldWithoutSQL() throws {
        let store = try makeStore()
        try store.upsertDomains(generatedDomains(3), syncedAtMs: testNow)
        let query = PortfolioQuery(terms: [.init(.nameContains(String(repeating: "%_", count: 40_000)))])
        do {
            _ = try store.rows(matching: query, sort: .byName)
            Issue.record("the query did not fail")
        } catch {
            #expect("\(error)".contains("SELECT"), "GRDB's own text quotes the SQL: the mapping is needed")
            let message = try #require(PortfolioStoreError.userMessage(for: error))
            #expect(!message.contains("SELECT"))
            #expect(!message.contains("LIKE ?"))
            #expect(message.contains("too complex"), "\(message)")
        }
        #expect(PortfolioStoreError.userMessage(for: CancellationError()) == nil)
    }

    @Test func cannotOpenNamesAFullDisk() {
        let full = PortfolioStoreError.cannotOpen(path: "/x/cache.sqlite", reason: "No space left on device").description
        #expect(full.contains("the disk is full"))
        #expect(!full.contains("permissions"))
        let denied = PortfolioStoreError.cannotOpen(path: "/x/cache.sqlite", reason: "Permission denied").description
        #expect(denied.contains("permissions"))
    }
}
