import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `CacheOpener.open` hands the store.
struct OpenedCache {
    var writer: any DatabaseWriter
    /// Set when a newer dynafolio wrote the cache (then `writer` is read-only).
    var newer: PortfolioStoreError?
    var notes: [String] = []
}

/// The cache file did not hold a valid database.
struct CacheDamage: Error {
    /// In the user's words: "SQLite says: file is not a database".
    let reason: String
}

/// Opening the cache file: integrity at open, version gate, migrations.
///
/// A damaged cache is never replaced silently and never deleted: it is
/// moved aside with its `-wal` and `-shm`, so whatever it held (queued
/// edits above all) can still be looked at, and the user is told where.
enum CacheOpener {
    /// The schema version this build writes: one per known migration.
    static var schemaVersion: Int { Migrations.migrator.migrations.count }

    static func open(path: String, session: CacheSession, nowMs: Int64) throws -> OpenedCache {
        var notes: [String] = []
        let created = try createFile(path)
        if session.exclusive, !created, isEmptyDatabase(path) {
            // A migrated cache is never empty (WAL mode writes the first
            // page), and we did not just create it: something truncated it.
            notes.append(try moveAside(path, reason: "the file was empty (0 bytes)", nowMs: nowMs))
            _ = try createFile(path)
        }
        // Checked only by an opener that is alone after a process died with
        // the cache open; a fresh file has nothing to check.
        let check = session.exclusive && session.previousWasDirty && !created
        do {
            var opened = try openChecked(path, quickCheck: check)
            opened.notes = notes
            return opened
        } catch let damage as CacheDamage {
            guard session.exclusive else {
                throw PortfolioStoreError.damagedCache(
                    path: path, reason: damage.reason,
                    advice: "quit the other dynafolio processes using it and run dynafolio again:"
                        + " it then moves the damaged file aside and starts a fresh cache")
            }
            notes.append(try moveAside(path, reason: damage.reason, nowMs: nowMs))
            _ = try createFile(path)
            var opened = try openChecked(path, quickCheck: false)
            opened.notes = notes
            return opened
        }
    }

    /// Runs the migrations and records the schema version in
    /// `PRAGMA user_version`, where an older build looks for it.
    static func migrate(_ writer: any DatabaseWriter) throws {
        try Migrations.migrator.migrate(writer)
        try writer.write { db in
            let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if current != schemaVersion { try db.execute(sql: "PRAGMA user_version = \(schemaVersion)") }
        }
    }

    /// Creates the file with mode 0600 when missing (so it never exists
    /// with a wider mode, not even before SQLite's first write); true when
    /// this call created it.
    static func createFile(_ path: String) throws -> Bool {
        #if canImport(Glibc)
        let fd = Glibc.open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
        #else
        let fd = Darwin.open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
        #endif
        if fd >= 0 {
            close(fd)
            return true
        }
        guard errno == EEXIST else {
            throw PortfolioStoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        // Only narrowed: group and other lose access; the owner's bits stay
        // (a cache made read-only on purpose is not made writable).
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o077 != 0 { chmod(path, info.st_mode & 0o700) }
        return false
    }

    /// The main file is empty and no write-ahead log holds pages for it.
    static func isEmptyDatabase(_ path: String) -> Bool {
        fileSize(path) == 0 && fileSize(path + "-wal") ?? 0 == 0
    }

    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// Opens the pool; checks integrity when asked, gates on the schema
    /// version, migrates. SQLite's "not a database" and "corrupt" become
    /// `CacheDamage`, after every connection to the file is closed.
    static func openChecked(_ path: String, quickCheck: Bool) throws -> OpenedCache {
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: PortfolioDatabase.configuration())
        } catch {
            throw damage(from: error) ?? error
        }
        do {
            if quickCheck {
                let report = try pool.read(IntegrityReport.quickCheck)
                if let first = report.problems.first {
                    throw CacheDamage(reason: "its integrity check after an unclean shutdown failed: \(first)")
                }
            }
            if let newer = try pool.read(newerSchema) {
                try pool.close()
                let readonly = try DatabasePool(path: path, configuration: PortfolioDatabase.configuration(readonly: true))
                return OpenedCache(writer: readonly, newer: newer)
            }
            try migrate(pool)
            return OpenedCache(writer: pool, newer: nil)
        } catch {
            guard let found = (error as? CacheDamage) ?? damage(from: error) else { throw error }
            // The files may only move once no connection is left: SQLite
            // deletes `<path>-wal` by name when its last connection closes,
            // which after the move would be the fresh cache's.
            do { try pool.close() } catch {
                throw PortfolioStoreError.damagedCache(
                    path: path, reason: found.reason,
                    advice: "it could not be closed to move it aside (\(error)); move it away yourself, then run `dynafolio sync`")
            }
            throw found
        }
    }

    /// Opens a cache this process may not write: no migration, no
    /// integrity repair; reads only. A pool needs the `-shm` file, which a
    /// read-only directory may not allow: then a single read-only
    /// connection that never writes the WAL index is used.
    static func openReadOnly(path: String) throws -> any DatabaseWriter {
        do {
            let pool = try DatabasePool(path: path, configuration: PortfolioDatabase.configuration(readonly: true))
            _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return pool
        } catch {
            var config = PortfolioDatabase.configuration(readonly: true)
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
            let queue = try DatabaseQueue(path: path, configuration: config)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue
        }
    }

    /// SQLite's verdict that the file is no database, or a damaged one.
    static func damage(from error: Error) -> CacheDamage? {
        guard let error = error as? DatabaseError,
              error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT else { return nil }
        return CacheDamage(reason: "SQLite says: \(error.message ?? "\(error.resultCode)")")
    }

    /// `.newerCache` when the file has migrations this build does not know,
    /// or a higher `user_version`; nil when this build can migrate it.
    static func newerSchema(_ db: Database) throws -> PortfolioStoreError? {
        let known = Set(Migrations.migrator.migrations)
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let applied = try db.tableExists("grdb_migrations")
            ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : []
        guard userVersion > schemaVersion || applied.contains(where: { !known.contains($0) }) else { return nil }
        return .newerCache(found: max(userVersion, applied.count), supported: schemaVersion)
    }

    /// Moves the cache and its companions to `<path>.damaged-<UTC time>`;
    /// returns the note for the user.
    static func moveAside(_ path: String, reason: String, nowMs: Int64) throws -> String {
        let stamp = UTCDate.compactStamp(nowMs)
        var target = "\(path).damaged-\(stamp)"
        var suffix = 2
        while FileManager.default.fileExists(atPath: target) {
            target = "\(path).damaged-\(stamp)-\(suffix)"
            suffix += 1
        }
        // The main file last: until it moves, the cache stays where it was.
        for companion in ["-wal", "-shm", ""] where FileManager.default.fileExists(atPath: path + companion) {
            guard rename(path + companion, target + companion) == 0 else {
                throw PortfolioStoreError.damagedCache(
                    path: path, reason: reason,
                    advice: "moving it aside failed (\(String(cString: strerror(errno)))); move it away yourself, then run `dynafolio sync`")
            }
        }
        return "the cache at \(path) was damaged (\(reason)); it was moved to \(target) and a fresh cache was created."
            + " \(outboxSummary(target)) Run `dynafolio sync` to fill the new cache."
    }

    /// What the damaged file's outbox held that was never pushed, read
    /// without writing to it.
    static func outboxSummary(_ path: String) -> String {
        let counts: [Int]
        do {
            let queue = try DatabaseQueue(path: path, configuration: PortfolioDatabase.configuration(readonly: true))
            counts = try queue.read { db in
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT SUM(state = 'pending'), SUM(state = 'failed'), SUM(state = 'conflict'), SUM(state = 'inflight')
                    FROM outbox_intent
                    """) else { return [0, 0, 0, 0] }
                let columns = ColumnReader(row)
                return try (0..<4).map { try columns.optionalInt($0) ?? 0 }
            }
            try queue.close()
        } catch {
            return "Its outbox could not be read: edits queued there but not pushed are lost — queue them again if so."
        }
        let total = counts.reduce(0, +)
        guard total > 0 else { return "Its outbox held no unpushed edits." }
        let parts = zip(counts, ["pending", "failed", "in conflict", "in flight (sent, outcome unknown: check them on Dynadot)"])
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return "Its outbox held \(total) unpushed edit\(total == 1 ? "" : "s") (\(parts.joined(separator: ", ")));"
            + " they are not in the new cache — queue them again (the moved file keeps them)."
    }
}
