import GRDB

/// One pull step's record: what was fetched, when, and how it ended. The UI
/// shows cache age from the last complete run of a kind.
public struct SyncRun: Sendable, Hashable, Identifiable {
    /// How a run ended.
    public enum Outcome: String, Sendable, CaseIterable { case running, complete, partial, failed }

    public var id: Int64
    /// What was pulled: "domains", "contacts", "orders", "dns", …
    public var kind: String
    public var startedMs: Int64
    public var endedMs: Int64?
    public var pages: Int
    public var items: Int
    public var changed: Int
    public var outcome: Outcome
    public var message: String
}

extension PortfolioDatabase {
    /// Opens a run; returns its id.
    public func beginSyncRun(kind: String, startedMs: Int64? = nil) throws -> Int64 {
        let started = startedMs ?? nowMs
        return try write { db in
            try db.execute(sql: "INSERT INTO sync_run (kind, started_ms) VALUES (?, ?)", arguments: [kind, started])
            return db.lastInsertedRowID
        }
    }

    /// Closes a run with its totals and outcome.
    public func endSyncRun(id: Int64, pages: Int, items: Int, changed: Int, outcome: SyncRun.Outcome,
                           message: String = "", endedMs: Int64? = nil) throws {
        let ended = endedMs ?? nowMs
        try write { db in
            try db.execute(sql: """
                UPDATE sync_run SET ended_ms = ?, pages = ?, items = ?, changed = ?, outcome = ?, message = ? WHERE id = ?
                """, arguments: [ended, pages, items, changed, outcome.rawValue, message, id])
        }
    }

    /// The newest run of `kind`, optionally only among those with `outcome`.
    public func lastSyncRun(kind: String, outcome: SyncRun.Outcome? = nil) throws -> SyncRun? {
        let row = try writer.read { db in
            var sql = "SELECT id, kind, started_ms, ended_ms, pages, items, changed, outcome, message FROM sync_run WHERE kind = ?"
            var arguments: StatementArguments = [kind]
            if let outcome { sql += " AND outcome = ?"; arguments += [outcome.rawValue] }
            sql += " ORDER BY started_ms DESC, id DESC LIMIT 1"
            return try Row.fetchOne(db, sql: sql, arguments: arguments)
        }
        return row.flatMap { row in
            decodeRow(row, table: "sync_run") { c in
                SyncRun(id: try c.int64(0), kind: try c.text(1), startedMs: try c.int64(2), endedMs: try c.optionalInt64(3),
                        pages: try c.int(4), items: try c.int(5), changed: try c.int(6),
                        outcome: SyncRun.Outcome(rawValue: try c.text(7)) ?? .failed, message: try c.text(8))
            }
        }
    }
}
