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
        #expect(applied == ["v1-domains", "v1-dns", "v1-account-data", "v1-sync-runs", "v1-outbox", "v2-operations", "v3-filter-index", "v3-outbox-plan-sections", "v4-history-remote", "v4-import-query-columns", "v4-acquire-availability", "v4-acquire-backorders", "v5-history-counts", "v5-transfers-tables", "v5-auctions-open", "v5-auctions-closeouts", "v6-watch-list"])
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

    @Test("WAL, foreign keys and the indexes are in place; the query-key indexes are gone (the filter index answers those keys)")
    func pragmasAndIndexes() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let store = try PortfolioDatabase(path: dir.path("cache.sqlite"))
        try store.writer.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true)
            let indexes = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
            for column in ["tld", "expires_ms", "folder_name", "renew_option", "locked", "privacy", "ns_type", "for_sale"] {
                #expect(!indexes.contains("domain_by_\(column)"))
            }
            #expect(indexes.contains("domain_by_gone"))
            #expect(indexes.contains("domain_search"))
            #expect(indexes.contains("outbox_intent_by_domain_field_state"))
        }
    }

    @Test("the change log records rows changed in a column the query language reads and deleted rows, not inserts")
    func changeLogRecordsFilterColumns() throws {
        let store = try makeStore()
        try store.upsertDomains(generatedDomains(3), syncedAtMs: testNow)
        func logged() throws -> [Int64] {
            try store.writer.read { try Int64.fetchAll($0, sql: "SELECT domain_rowid FROM domain_change ORDER BY seq") }
        }
        let before = try logged().count
        #expect(before == 0)
        let rowID = try store.writer.read { try Int64.fetchOne($0, sql: "SELECT rowid FROM domain ORDER BY rowid LIMIT 1") }!
        try store.writer.write { db in
            try db.execute(sql: "UPDATE domain SET status = 'not read by queries' WHERE rowid = ?", arguments: [rowID])
            try db.execute(sql: "UPDATE domain SET tld = tld WHERE rowid = ?", arguments: [rowID])
        }
        #expect(try logged().count == before)
        // note:, price: and registered: read these (migration v4-import-query-columns).
        for column in ["note = 'resell'", "sale_price_cents = 50000", "registered_ms = 1"] {
            try store.writer.write { db in try db.execute(sql: "UPDATE domain SET \(column) WHERE rowid = ?", arguments: [rowID]) }
        }
        #expect(try logged() == [rowID, rowID, rowID])
        try store.writer.write { db in
            try db.execute(sql: "UPDATE domain SET folder_name = 'Moved' WHERE rowid = ?", arguments: [rowID])
            try db.execute(sql: "DELETE FROM domain WHERE rowid = ?", arguments: [rowID])
        }
        #expect(try logged().suffix(2) == [rowID, rowID])
    }
}
