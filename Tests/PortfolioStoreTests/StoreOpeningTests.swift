import Foundation
import GRDB
import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

@Suite("Opening the cache")
struct StoreOpeningTests {
    @Test("all migrations run, in order, and reopening runs none again")
    func migrationsAreIdempotent() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("cache.sqlite")
        let first = try PortfolioDatabase(path: path)
        let applied = try first.appliedMigrations()
        #expect(applied == ["v1-domains", "v1-dns", "v1-account-data", "v1-sync-runs", "v1-outbox", "v2-operations", "v3-outbox-plan-sections"])
        try first.upsertDomains(generatedDomains(3), syncedAtMs: testNow)
        let second = try PortfolioDatabase(path: path)
        #expect(try second.appliedMigrations() == applied)
        #expect(try second.count() == 3)
    }

    @Test("the file is created with mode 0600 in a created parent directory")
    func fileMode() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("nested/deeper/cache.sqlite")
        let store = try PortfolioDatabase(path: path)
        try store.upsertDomains(generatedDomains(1), syncedAtMs: testNow)
        for file in [path, path + "-wal"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(file)")
        }
        let directory = try FileManager.default.attributesOfItem(atPath: dir.path("nested/deeper"))
        #expect((directory[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    @Test("WAL, foreign keys and the query-key indexes are in place")
    func pragmasAndIndexes() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let store = try PortfolioDatabase(path: dir.path("cache.sqlite"))
        try store.writer.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true)
            let indexes = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
            for column in ["tld", "expires_ms", "folder_name", "renew_option", "locked", "privacy", "ns_type", "for_sale", "gone"] {
                #expect(indexes.contains("domain_by_\(column)"))
            }
            #expect(indexes.contains("outbox_intent_by_domain_field_state"))
        }
    }

    @Test("a filter on an indexed key uses its index")
    func queryPlanUsesIndex() throws {
        let store = try makeStore()
        let filter = try PortfolioQuery(parsing: "tld:com").filter(nowMs: testNow)
        let plan = try store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM domain WHERE \(filter.sql)",
                             arguments: filter.arguments).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("INDEX domain_by_tld") })
    }
}
