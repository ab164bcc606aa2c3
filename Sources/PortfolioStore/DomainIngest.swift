import Foundation
import GRDB

/// The bulk path from `list_domain` pages into the `domain` table.
///
/// One prepared multi-row `INSERT … ON CONFLICT(name) DO UPDATE … WHERE
/// <any column differs>` is reused with `setUncheckedArguments`, one
/// transaction per page. The `WHERE` makes an unchanged row a no-op, so a
/// sync with no remote change rewrites nothing (no WAL growth, no change
/// notifications) and `changesCount` counts only real changes.
///
/// Because unchanged rows are not touched, `synced_at_ms` is the time a sync
/// last *wrote* a row, and "seen in this listing" cannot be read from it:
/// `DomainListing` remembers the names it saw instead, and its
/// `finishComplete()` marks the rest gone.
extension PortfolioDatabase {
    /// Rows per statement: multi-row `VALUES` amortise the per-statement cost
    /// (binding, reset, VM start), which dominates a one-row upsert;
    /// 64 × 30 arguments stays far below SQLite's parameter limit.
    static let upsertChunk = 64

    static let fullChunkSQL = upsertDomainSQL(rows: upsertChunk)

    static func upsertDomainSQL(rows: Int) -> String {
        let columns = DomainRow.columns
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let values = Array(repeating: tuple, count: rows).joined(separator: ", ")
        let assignments = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let differs = columns.dropFirst().filter { $0 != "synced_at_ms" }
            .map { "domain.\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
        return """
            INSERT INTO domain (\(columns.joined(separator: ", "))) VALUES \(values)
            ON CONFLICT(name) DO UPDATE SET \(assignments) WHERE \(differs)
            """
    }

    /// Upserts one page of domains in one transaction, stamping changed rows
    /// with `syncedAtMs` and clearing their gone flag. Returns how many rows
    /// were inserted or actually changed (0 when the page matches the cache).
    @discardableResult
    public func upsertDomains(_ rows: [DomainRow], syncedAtMs: Int64) throws -> Int {
        try writer.write { db in try Self.upsertDomains(rows, syncedAtMs: syncedAtMs, in: db) }
    }

    /// The same inside a caller's transaction.
    public static func upsertDomains(_ rows: [DomainRow], syncedAtMs: Int64, in db: Database) throws -> Int {
        var changed = 0
        var start = 0
        while start < rows.count {
            let end = min(start + upsertChunk, rows.count)
            // Two cached statements serve any page: the full chunk and the
            // page's remainder.
            let count = end - start
            let statement = try db.cachedStatement(sql: count == upsertChunk ? fullChunkSQL : upsertDomainSQL(rows: count))
            var values: [DatabaseValue] = []
            values.reserveCapacity(count * DomainRow.columns.count)
            for var row in rows[start..<end] {
                row.syncedAtMs = syncedAtMs
                row.gone = false
                row.appendDatabaseValues(to: &values)
            }
            statement.setUncheckedArguments(StatementArguments(values))
            try statement.execute()
            changed += db.changesCount
            start = end
        }
        return changed
    }

    /// Marks every present domain whose name is not in `seen` as gone.
    /// Call only after a *complete* listing: a partial one would hide
    /// domains that still exist. Returns how many were marked.
    @discardableResult
    public func markGone(notIn seen: Set<String>, atMs: Int64) throws -> Int {
        try writer.write { db in
            let present = try String.fetchAll(db, sql: "SELECT name FROM domain WHERE gone = 0")
            let missing = present.filter { !seen.contains($0) }
            let statement = try db.cachedStatement(
                sql: "UPDATE domain SET gone = 1, synced_at_ms = ? WHERE name = ?")
            for name in missing {
                statement.setUncheckedArguments([atMs, name])
                try statement.execute()
            }
            return missing.count
        }
    }
}

/// One paged pass over `list_domain`: ingests pages and remembers which
/// names it saw, so that a complete pass can mark the others gone.
///
/// ```swift
/// let listing = DomainListing(store: store)
/// for page in pages { changed += try listing.ingest(page) }
/// let gone = try listing.finishComplete()   // only if every page arrived
/// ```
public final class DomainListing: @unchecked Sendable {
    /// The store being filled.
    public let store: PortfolioDatabase
    /// When the pass began; changed rows are stamped with it.
    public let startedMs: Int64
    private let lock = NSLock()
    private var seen: Set<String> = []
    private var changedTotal = 0

    /// Starts a pass; `startedMs` defaults to the store's clock.
    public init(store: PortfolioDatabase, startedMs: Int64? = nil) {
        self.store = store
        self.startedMs = startedMs ?? store.nowMs
    }

    /// Upserts one page in one transaction; returns the rows it changed.
    @discardableResult
    public func ingest(_ page: [DomainRow]) throws -> Int {
        let changed = try store.upsertDomains(page, syncedAtMs: startedMs)
        lock.withLock {
            for row in page { seen.insert(row.name.lowercased()) }
            changedTotal += changed
        }
        return changed
    }

    /// Distinct names seen so far.
    public var seenCount: Int { lock.withLock { seen.count } }

    /// Rows changed so far by this pass.
    public var changedCount: Int { lock.withLock { changedTotal } }

    /// Ends a pass that saw every page: domains not seen are marked gone and
    /// the planner statistics are refreshed. Returns how many were marked.
    /// Never call it after a partial pass.
    @discardableResult
    public func finishComplete() throws -> Int {
        let names = lock.withLock { seen }
        let gone = try store.markGone(notIn: names, atMs: startedMs)
        try store.optimize()
        return gone
    }
}
