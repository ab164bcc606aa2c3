import Foundation
import GRDB
import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

/// Issue 17: the All-accounts view's merged copy (`copyAccounts`) answers
/// the query language as each domain's own account does — `pending:`,
/// `failed:` and `changed:` included — and its filter index agrees with
/// the SQL path over it.
@Suite("All-accounts copy: queue markers and the filter index")
struct AllAccountsCopyTests {
    /// Two caches on disk sharing the differential test's portfolio (every
    /// third row in beta, the rest in alpha, `domain-0.com` in both), each
    /// with its own outbox (intent ids 1, 2, … in both: they collide) in
    /// every state, several done intents per domain, and remote changes.
    static func twoCaches(in directory: TempDirectory) throws -> [(name: String, store: PortfolioDatabase)] {
        let rows = FilterIndexTests.portfolio()
        let beta = rows.enumerated().filter { $0.offset % 3 == 1 }.map(\.element)
        let alpha = rows.enumerated().filter { $0.offset % 3 != 1 }.map(\.element)
        let shared = try #require(alpha.first { $0.name == "domain-0.com" })
        var caches: [(name: String, store: PortfolioDatabase)] = []
        for (name, part) in [("alpha", alpha), ("beta", beta + [shared])] {
            let store = try PortfolioDatabase(path: directory.path("\(name).sqlite"), clock: { testNow })
            try store.upsertDomains(part, syncedAtMs: testNow)
            try store.writer.write { db in try db.execute(sql: "UPDATE domain SET gone = 1 WHERE rowid % 13 = 5") }
            let names = part.map(\.name)
            // Notes on every 4th domain, folders on every 6th: some domains carry two intents.
            try store.enqueue(intents: stride(from: 1, to: names.count, by: 4).map {
                NewIntent(domain: names[$0], field: "note", value: "\"n\($0)\"", baseValue: "\"\"")
            } + stride(from: 0, to: names.count, by: 6).map {
                NewIntent(domain: names[$0], field: "folder", value: "\"f\($0)\"", baseValue: "\"\"")
            })
            try store.writer.write { db in
                try db.execute(sql: "UPDATE outbox_intent SET state = 'failed' WHERE id % 5 = 1")
                try db.execute(sql: "UPDATE outbox_intent SET state = 'conflict' WHERE id % 5 = 2")
                try db.execute(sql: "UPDATE outbox_intent SET state = 'inflight' WHERE id % 10 = 3")
                // `changed:` windows: done intents and remote changes at ages 0 to 39 days.
                try db.execute(sql: "UPDATE outbox_intent SET state = 'done', updated_ms = ? - (id % 7) * 4 * ? WHERE id % 5 = 4",
                               arguments: [testNow, dayMs])
                try db.execute(sql: """
                    INSERT INTO history_remote (created_ms, domain, before_row, after_row)
                    SELECT ? - (rowid % 40) * ?, name, NULL, NULL FROM domain WHERE rowid % 7 = 2
                    """, arguments: [testNow, dayMs])
            }
            caches.append((name, store))
        }
        // The shared name has a change queued in beta only: the view shows
        // it as alpha's (first in order), so not pending there.
        try caches[1].store.enqueue(intents: [NewIntent(domain: "domain-0.com", field: "note", value: "\"beta\"", baseValue: "\"\"")])
        return caches
    }

    /// The queries whose answers read the queue, and some that do not.
    static let markerQueries = [
        "pending:yes", "-pending:yes", "pending:no", "failed:yes", "-failed:yes", "failed:no", "pending:yes failed:yes",
        "pending:yes OR failed:yes", "-(pending:yes OR failed:yes)", "changed:<1d", "changed:<7d", "-changed:<30d", "changed:<1y",
        "pending:yes tld:com", "failed:yes -lock:yes", "gone:yes pending:yes", "(note:resell OR pending:yes) renew:auto", "", "tld:net",
    ]

    /// What one account alone answers, for the names the view shows as that account's.
    static func expected(_ text: String, _ caches: [(name: String, store: PortfolioDatabase)],
                         accountOf: [String: String]) throws -> [String] {
        let query = try PortfolioQuery(parsing: text)
        var names: [String] = []
        for (account, store) in caches {
            names += try store.names(matching: query).filter { accountOf[$0] == account }
        }
        return names.sorted()
    }

    @Test("pending:, failed: and changed: over the merged copy answer each domain from its own account's outbox and history, through SQL and through the index")
    func markersFromEachAccount() throws {
        let directory = try TempDirectory()
        defer { directory.cleanup() }
        let caches = try Self.twoCaches(in: directory)
        let merged = try makeStore()
        let accountOf = try merged.copyAccounts(caches.map { AccountCacheSource(account: $0.name, path: $0.store.path!) })
        #expect(accountOf["domain-0.com"] == "alpha")
        // Every open intent of each account, once, under new ids.
        let open: [IntentState] = [.pending, .inflight, .failed, .conflict]
        let copied = try merged.intents(in: open)
        var sourceOpen = 0
        for (account, store) in caches {
            sourceOpen += try store.intents(in: open).filter { accountOf[$0.domain] == account }.count
        }
        #expect(copied.count == sourceOpen && sourceOpen > 20)
        #expect(Set(copied.map(\.id)).count == copied.count)
        #expect(!copied.contains { $0.domain == "domain-0.com" && $0.value == "\"beta\"" })

        for text in Self.markerQueries {
            let want = try Self.expected(text, caches, accountOf: accountOf)
            let query = try PortfolioQuery(parsing: text)
            #expect(try merged.bypassingFilterIndex { try merged.names(matching: query) } == want, "'\(text)' in SQL")
        }
        try merged.buildFilterIndexNow()
        for text in Self.markerQueries {
            let want = try Self.expected(text, caches, accountOf: accountOf)
            #expect(try merged.names(matching: PortfolioQuery(parsing: text)) == want, "'\(text)' through the index")
        }
        #expect(try merged.withFilterIndex { _ in true } == true)
        // The caches were only read.
        #expect(try caches[1].store.intents(in: [.pending]).contains { $0.domain == "domain-0.com" })
        for (_, store) in caches { try store.close() }
    }

    @Test("the merged copy's filter index gives the SQL path's answers for the differential test's generated queries")
    func differentialOverTheCopy() throws {
        let directory = try TempDirectory()
        defer { directory.cleanup() }
        let caches = try Self.twoCaches(in: directory)
        let merged = try makeStore()
        _ = try merged.copyAccounts(caches.map { AccountCacheSource(account: $0.name, path: $0.store.path!) })
        try merged.buildFilterIndexNow()
        #expect(merged.filterIndexCounts.builds == 1)
        let queries = FilterIndexTests.generatedQueries(count: 500) + Self.markerQueries
        var matchedSome = 0
        for (seed, text) in queries.enumerated() {
            try FilterIndexTests.expectSameAnswers(merged, text, seed: seed)
            if try merged.count(matching: PortfolioQuery(parsing: text)) > 0 { matchedSome += 1 }
        }
        #expect(matchedSome > 150 && matchedSome < queries.count - 20)
        // Answered by the index, current throughout.
        #expect(try merged.withFilterIndex { _ in true } == true)
        #expect(merged.filterIndexCounts.builds == 1)
        for (_, store) in caches { try store.close() }
    }

    @Test("copying again (a change in one account) rebuilds the index in the background; answers are right before and after")
    func copyAgainRebuildsTheIndex() throws {
        let directory = try TempDirectory()
        defer { directory.cleanup() }
        let caches = try Self.twoCaches(in: directory)
        let sources = caches.map { AccountCacheSource(account: $0.name, path: $0.store.path!) }
        let merged = try makeStore()
        _ = try merged.copyAccounts(sources)
        try merged.buildFilterIndexNow()
        let pending = try PortfolioQuery(parsing: "pending:yes")
        let before = try merged.names(matching: pending)
        // beta queues a change and a push fails one: the outbox moved.
        let betaName = try #require(try caches[1].store.names(matching: PortfolioQuery(parsing: "-pending:yes -failed:yes")).last)
        try caches[1].store.enqueue(intents: [NewIntent(domain: betaName, field: "note", value: "\"later\"", baseValue: "\"\"")])
        let accountOf = try merged.copyAccounts(sources)
        // At once (SQL while the index is rebuilt, or the rebuilt index).
        #expect(try merged.names(matching: pending) == (before + [betaName]).sorted())
        for _ in 0..<5000 where merged.filterIndexCounts.builds < 2 { usleep(1000) }
        #expect(merged.filterIndexCounts.builds == 2)
        #expect(try merged.withFilterIndex { _ in true } == true)
        for (seed, text) in Self.markerQueries.enumerated() {
            #expect(try merged.names(matching: PortfolioQuery(parsing: text)) == Self.expected(text, caches, accountOf: accountOf), "'\(text)'")
            try FilterIndexTests.expectSameAnswers(merged, text, seed: seed)
        }
        for (_, store) in caches { try store.close() }
    }
}
