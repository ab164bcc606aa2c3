import Foundation
import GRDB
import Testing
@testable import PortfolioStore

@Suite("Cache integrity at open")
struct CacheIntegrityTests {
    @Test("a fresh cache records its schema version in user_version")
    func userVersion() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let store = try PortfolioDatabase(path: dir.path("cache.sqlite"))
        let version = try store.writer.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(version == Migrations.migrator.migrations.count)
        #expect(store.readOnlyReason == nil)
        #expect(store.openingNotes.isEmpty)
    }

    @Test("a cache with a higher user_version is opened read-only: reads work, every write throws newerCache")
    func newerUserVersion() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("cache.sqlite")
        do {
            let writerStore = try PortfolioDatabase(path: path)
            try writerStore.upsertDomains(generatedDomains(3), syncedAtMs: testNow)
            try writerStore.writer.write { try $0.execute(sql: "PRAGMA user_version = 99") }
            try writerStore.close()
        }
        let store = try PortfolioDatabase(path: path)
        let supported = Migrations.migrator.migrations.count
        let reason = try #require(store.readOnlyReason)
        #expect(reason.contains("schema version 99") && reason.contains("supports \(supported)"))
        #expect(reason.contains("upgrade dynafolio") && reason.contains("DYNAFOLIO_DB"))
        #expect(try store.count() == 3)
        #expect(try store.rows().count == 3)

        let refusal = PortfolioStoreError.newerCache(found: 99, supported: supported)
        #expect(throws: refusal) { try store.replaceContacts([ContactRow(id: "1")], syncedAtMs: testNow) }
        #expect(throws: refusal) { try store.replaceFolders([], syncedAtMs: testNow) }
        #expect(throws: refusal) { try store.upsertOrders([OrderRow(id: "1")], syncedAtMs: testNow) }
        #expect(throws: refusal) { try store.upsertTLDPrices([TLDPriceRow(tld: "com", fetchedAtMs: testNow)]) }
        #expect(throws: refusal) { try store.saveAccount(AccountRow(username: "me", fetchedAtMs: testNow)) }
        #expect(throws: refusal) { _ = try store.beginSyncRun(kind: "domains") }
        #expect(throws: refusal) { try store.replaceDNSRecordSet(DNSRecordSet(domain: "a.com", records: [], fetchedAtMs: testNow)) }
        #expect(throws: refusal) { try store.updateOrderStatus(id: "1", status: "done", syncedAtMs: testNow) }
        #expect(throws: refusal) { try store.optimize() }
        // Not migrated, not rewritten.
        #expect(try store.writer.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 99)
    }

    @Test("a cache with a migration this build does not know is opened read-only")
    func unknownMigration() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("cache.sqlite")
        do {
            let first = try PortfolioDatabase(path: path)
            try first.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')") }
        }
        let store = try PortfolioDatabase(path: path)
        let known = Migrations.migrator.migrations.count
        #expect(store.readOnlyReason == PortfolioStoreError.newerCache(found: known + 1, supported: known).description)
        #expect(throws: PortfolioStoreError.newerCache(found: known + 1, supported: known)) {
            try store.saveAccount(AccountRow(username: "me", fetchedAtMs: testNow))
        }
    }

    @Test("an empty (0 byte) cache file is moved aside and a fresh cache created")
    func emptyFileIsMovedAside() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("cache.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try PortfolioDatabase(path: path, clock: { testNow })
        let moved = path + ".damaged-20260615-000000"
        #expect(FileManager.default.fileExists(atPath: moved))
        #expect(store.openingNotes.count == 1)
        let note = try #require(store.openingNotes.first)
        #expect(note.contains(moved) && note.contains("0 bytes") && note.contains("`dynafolio sync`"))
        #expect(note.contains("outbox could not be read"))
        #expect(try store.count() == 0)
        try store.upsertDomains(generatedDomains(2), syncedAtMs: testNow)
        #expect(try store.count() == 2)
    }

    @Test("a file SQLite calls not a database is moved aside, never overwritten")
    func notADatabase() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("cache.sqlite")
        let garbage = Data(String(repeating: "this is not an SQLite database. ", count: 200).utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: garbage))
        let moved = path + ".damaged-20260615-000000"
        do {
            let store = try PortfolioDatabase(path: path, clock: { testNow })
            #expect(FileManager.default.contents(atPath: moved) == garbage)
            let note = try #require(store.openingNotes.first)
            #expect(note.contains("SQLite says") && note.contains(moved) && note.contains("outbox could not be read"))
            #expect(try store.appliedMigrations() == Migrations.migrator.migrations)
            try store.close()
        }
        // A second damaged file in the same second gets its own name.
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
        #expect(FileManager.default.createFile(atPath: path, contents: garbage))
        let again = try PortfolioDatabase(path: path, clock: { testNow })
        #expect(FileManager.default.contents(atPath: moved + "-2") == garbage)
        #expect(again.openingNotes.first?.contains(moved + "-2") == true)
    }

    @Test("after an unclean shutdown a corrupt cache fails quick_check and is moved aside, with its outbox counted")
    func uncleanShutdownIsChecked() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("cache.sqlite")
        try makeCorruptCache(path: path, closeCleanly: false)
        let store = try PortfolioDatabase(path: path, clock: { testNow })
        let note = try #require(store.openingNotes.first)
        #expect(note.contains("integrity check after an unclean shutdown failed"))
        #expect(note.contains("held 2 unpushed edits (2 pending)"), "\(note)")
        #expect(FileManager.default.fileExists(atPath: path + ".damaged-20260615-000000"))
        #expect(try store.count() == 0)
        #expect(try store.integrityCheck().isOK)
    }

    @Test("a cleanly closed cache is not checked at open; integrityCheck finds the damage and the next open moves it")
    func integrityCheckKeepsTheCacheDirty() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("cache.sqlite")
        try makeCorruptCache(path: path, closeCleanly: true)
        do {
            let store = try PortfolioDatabase(path: path, clock: { testNow })
            #expect(store.openingNotes.isEmpty)
            let report = try store.integrityCheck()
            #expect(!report.isOK)
            #expect(report.description.hasPrefix("the cache failed its integrity check:"))
            #expect(try store.integrityCheck(tables: PortfolioDatabase.outboxTables).isOK)
            try store.close()
        }
        let reopened = try PortfolioDatabase(path: path, clock: { testNow })
        #expect(reopened.openingNotes.first?.contains("unclean shutdown failed") == true)
        #expect(try reopened.integrityCheck().isOK)
    }

    @Test("the session file says dirty while any store has the cache open and clean after the last close")
    func sessionMarker() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("cache.sqlite")
        func marker() throws -> String { try String(contentsOfFile: path + ".session", encoding: .utf8) }
        let first = try PortfolioDatabase(path: path)
        #expect(try marker() == "dirty\n")
        let second = try PortfolioDatabase(path: path)
        try first.close()
        #expect(try marker() == "dirty\n", "another store still has it open")
        try second.close()
        try second.close()
        #expect(try marker() == "clean\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: path + ".session")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    /// A cache with 3,000 domains and two pending intents whose last page
    /// (a domain page, far from the schema and the outbox) is overwritten,
    /// left as a process that died (`closeCleanly: false`) or closed leaves it.
    func makeCorruptCache(path: String, closeCleanly: Bool) throws {
        var page: Int64 = 0, pageSize: Int64 = 4096
        do {
            let store = try PortfolioDatabase(path: path)
            try store.upsertDomains(generatedDomains(3000), syncedAtMs: testNow)
            try store.enqueue(intents: [NewIntent(domain: "domain-1.net", field: "note", value: "\"a\"", baseValue: "\"\""),
                                        NewIntent(domain: "domain-2.org", field: "note", value: "\"b\"", baseValue: "\"\"")])
            try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            // The damage lands on a leaf page of an index (found
            // with dbstat), which quick_check reports, not on whatever page is last in the
            // file: a damaged table or schema page makes the check itself fail.
            (page, pageSize) = try store.writer.read { db in
                (try Int64.fetchOne(db, sql: "SELECT MAX(pageno) FROM dbstat WHERE name = 'domain_search' AND pagetype = 'leaf'") ?? 0,
                 try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 4096)
            }
            if closeCleanly { try store.close() }
        }
        #expect(page > 1)
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64((page - 1) * pageSize))
        handle.write(Data(repeating: 0xA5, count: Int(pageSize)))
        try handle.close()
    }
}
