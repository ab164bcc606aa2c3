import Foundation
import Synchronization
import GRDB
import GRDBSQLite

/// The bulk path from `list_domain` pages into the `domain` table.
///
/// One prepared multi-row `INSERT … SELECT … FROM (VALUES …) ON
/// CONFLICT(name) DO UPDATE … WHERE <any column differs>` is reused, its
/// arguments bound straight into SQLite, one transaction per call (a sync
/// passes a batch of pages). The `WHERE` makes an unchanged row a no-op, so a
/// sync with no remote change rewrites nothing (no WAL growth, no change
/// notifications) and `changesCount` counts only real changes.
///
/// Because unchanged rows are not touched, `synced_at_ms` is the time a sync
/// last *wrote* a row, and "seen in this listing" cannot be read from it:
/// `DomainListing` remembers the names it saw instead, and its
/// `finishComplete()` marks the rest gone.
extension PortfolioDatabase {
    /// Rows per statement. One statement journals each page it touches
    /// once, so the fewer statements per batch the less copying: 64-row
    /// statements journaled the same index pages again for every chunk.
    /// 1,000 × 30 arguments stays below SQLite's limit of 32,766.
    static let upsertChunk = 1000

    static let fullChunkSQL = upsertDomainSQL(rows: upsertChunk)

    /// `INSERT … SELECT … FROM (VALUES …) WHERE true`: `WHERE true` tells
    /// SQLite's parser the `ON CONFLICT` belongs to the insert.
    static func upsertDomainSQL(rows: Int) -> String {
        let columns = DomainRow.columns
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let values = Array(repeating: tuple, count: rows).joined(separator: ", ")
        let assignments = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let differs = columns.dropFirst().filter { $0 != "synced_at_ms" }
            .map { "domain.\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
        return """
            INSERT INTO domain (\(columns.joined(separator: ", "))) SELECT * FROM (VALUES \(values)) WHERE true
            ON CONFLICT(name) DO UPDATE SET \(assignments) WHERE \(differs)
            """
    }

    /// Upserts one page of domains in one transaction, stamping changed rows
    /// with `syncedAtMs` and clearing their gone flag. Returns how many rows
    /// were inserted or actually changed (0 when the page matches the cache).
    @discardableResult
    public func upsertDomains(_ rows: [DomainRow], syncedAtMs: Int64) throws -> Int {
        try write { db in try Self.upsertDomains(rows, syncedAtMs: syncedAtMs, in: db) }
    }

    /// The upsert with its knobs, for `dynafolio-bench`: `rowsPerStatement`
    /// rows per prepared statement (1: a one-row upsert run once per row),
    /// and whether unchanged rows are compared and skipped first.
    @_spi(Bench)
    @discardableResult
    public func upsertDomains(_ rows: [DomainRow], syncedAtMs: Int64, rowsPerStatement: Int, skippingUnchanged: Bool) throws -> Int {
        try write { db in
            try Self.upsertDomains(rows, syncedAtMs: syncedAtMs, in: db, skippingUnchanged: skippingUnchanged,
                                   rowsPerStatement: rowsPerStatement)
        }
    }

    /// The same inside a caller's transaction. With `skippingUnchanged`
    /// each row is first compared with the stored one (a point lookup by
    /// name, column by column) and left out when nothing but `synced_at_ms`
    /// would change: the upsert's `WHERE` would make it a no-op anyway, but
    /// only after binding its 30 values and running the conflict check,
    /// which cost about as much as writing it. Pass `false` when the table
    /// is known to hold none of the rows (a first sync): every lookup would
    /// miss.
    static func upsertDomains(_ rows: [DomainRow], syncedAtMs: Int64, in db: Database,
                              skippingUnchanged: Bool = true, rowsPerStatement: Int = upsertChunk) throws -> Int {
        let rows = skippingUnchanged ? try changedRows(rows, in: db) : rows
        var changed = 0
        var start = 0
        while start < rows.count {
            let end = min(start + rowsPerStatement, rows.count)
            // Two cached statements serve a full page: the full chunk and
            // the remainder.
            let count = end - start
            let statement = try db.cachedStatement(sql: count == upsertChunk ? fullChunkSQL : upsertDomainSQL(rows: count))
            // Bind straight into SQLite: building 30 `DatabaseValue`s per row
            // and GRDB's generic `StatementArguments` cost more than the
            // insert itself. Empty arguments reset the statement and mark it
            // bound, so `execute()` keeps the bindings made here.
            statement.setUncheckedArguments(StatementArguments())
            var binder = RowBinder(statement: statement.sqliteStatement)
            for row in rows[start..<end] {
                binder.bind(row, syncedAtMs: syncedAtMs)
            }
            try statement.execute()
            changed += db.changesCount
            start = end
        }
        return changed
    }

    static let storedRowSQL = "SELECT \(DomainRow.selectList) FROM domain WHERE name = ?"

    /// The rows that differ from the stored ones (or are not stored), in
    /// order. Same means every column as the upsert would bind it, byte for
    /// byte, `gone` included (a listed row is present); `synced_at_ms` is
    /// not compared.
    static func changedRows(_ rows: [DomainRow], in db: Database) throws -> [DomainRow] {
        let statement = try db.cachedStatement(sql: storedRowSQL).sqliteStatement
        var changed: [DomainRow] = []
        for row in rows {
            sqlite3_reset(statement)
            var key = ParameterBinder(statement: statement)
            key.text(row.name)
            let code = sqlite3_step(statement)
            if code == SQLITE_ROW {
                var comparer = StoredRowComparer(statement: statement)
                RowBinder.visit(row, syncedAtMs: 0, &comparer)
                if comparer.same { continue }
            } else if code != SQLITE_DONE {
                sqlite3_reset(statement)
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                    sql: storedRowSQL)
            }
            changed.append(row)
        }
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        return changed
    }

    /// Whole rows written inside a caller's transaction (a push completing).
    static func writeRows(_ rows: [DomainRow], syncedAtMs: Int64, in db: Database) throws {
        _ = try upsertDomains(rows, syncedAtMs: syncedAtMs, in: db)
    }

    /// Rows by name inside a caller's transaction; rows that do not decode are skipped.
    func fetchDomains(_ db: Database, named names: [String]) throws -> [DomainRow] {
        var rows: [DomainRow] = []
        for chunk in stride(from: 0, to: names.count, by: 500).map({ names[$0..<min($0 + 500, names.count)] }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            rows += decodeRows(try Row.fetchAll(db, sql: "SELECT \(DomainRow.selectList) FROM domain WHERE name IN (\(marks))",
                                                arguments: StatementArguments(chunk.map { $0.lowercased() })),
                               table: "domain", DomainRow.init(columns:))
        }
        return rows
    }

    /// Listed rows with the fields a push is applying (or applied after
    /// `sinceMs`, when the listing began) replaced by the cached values: a
    /// page fetched before the push reached Dynadot must not put the old
    /// value back. Runs inside the writing transaction, so a push completing
    /// later writes after it, and one completed earlier is seen here.
    func protectingPushedFields(_ rows: [DomainRow], sinceMs: Int64, in db: Database) throws -> [DomainRow] {
        let protected = try Self.protectedFields(db, sinceMs: sinceMs)
        guard !protected.isEmpty else { return rows }
        let touched = rows.map(\.name).filter { protected[$0] != nil }
        guard !touched.isEmpty else { return rows }
        let cached = Dictionary(try fetchDomains(db, named: touched).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return rows.map { listed in
            guard let fields = protected[listed.name], let current = cached[listed.name] else { return listed }
            var row = listed
            for field in fields { DomainRow.keep(field: field, from: current, in: &row) }
            return row
        }
    }

    /// Marks every present domain whose name is not in `seen` as gone.
    /// Call only after a *complete* listing: a partial one would hide
    /// domains that still exist. Returns how many were marked.
    @discardableResult
    public func markGone(notIn seen: Set<String>, atMs: Int64) throws -> Int {
        try write { db in
            let present = try String.fetchAll(db, sql: "SELECT name FROM domain WHERE gone = 0")
            let missing = present.filter { !seen.contains($0) }
            let statement = try db.cachedStatement(
                sql: "UPDATE domain SET gone = 1, synced_at_ms = ? WHERE name = ?")
            // A domain gone from the account is history: its last columns.
            let record = try db.cachedStatement(sql: """
                INSERT INTO history_remote (created_ms, domain, before_row, after_row)
                SELECT ?, name, \(Self.watchedSnapshot("domain")), NULL FROM domain WHERE name = ?
                """)
            for name in missing {
                record.setUncheckedArguments([atMs, name])
                try record.execute()
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
public final class DomainListing: Sendable {
    /// The store being filled.
    public let store: PortfolioDatabase
    /// When the pass began; changed rows are stamped with it.
    public let startedMs: Int64
    /// Names seen (lower case) and rows changed so far.
    private let progress = Mutex<(seen: Set<String>, changed: Int)>(([], 0))
    /// Whether the cache held domains before this pass (known at its first
    /// write): only then is a new domain an event for the history, not
    /// every domain of a first sync.
    private let hadDomains = Mutex<Bool?>(nil)

    /// Starts a pass; `startedMs` defaults to the store's clock.
    public init(store: PortfolioDatabase, startedMs: Int64? = nil) {
        self.store = store
        self.startedMs = startedMs ?? store.nowMs
    }

    /// Upserts one page in one transaction; returns the rows it changed.
    @discardableResult
    public func ingest(_ page: [DomainRow]) throws -> Int {
        let since = startedMs
        let changed = try store.write { db in
            try recordingHistory(db) { hadDomains in
                try PortfolioDatabase.upsertDomains(store.protectingPushedFields(page, sinceMs: since, in: db),
                                                    syncedAtMs: since, in: db, skippingUnchanged: hadDomains)
            }
        }
        progress.withLock { progress in
            for row in page { progress.seen.insert(row.name.lowercased()) }
            progress.changed += changed
        }
        return changed
    }

    /// Upserts several pages in one transaction; returns the rows changed.
    ///
    /// The rows are written in name order: pages list names in no order, and
    /// sorted keys turn the random inserts into the name indexes into
    /// mostly sequential ones (~20% faster). A name listed twice is written
    /// once, with its later listing, which is what writing the pages in
    /// turn would leave.
    @discardableResult
    public func ingest(pages: [[DomainRow]]) throws -> Int {
        let syncedAtMs = startedMs
        var rows = pages.flatMap { $0 }
        // Stable on the listing position, so the later duplicate wins below.
        let ordered = rows.indices.sorted { rows[$0].name != rows[$1].name ? rows[$0].name < rows[$1].name : $0 < $1 }
        var unique: [DomainRow] = []
        unique.reserveCapacity(rows.count)
        for index in ordered {
            if let last = unique.last, last.name == rows[index].name {
                unique[unique.count - 1] = rows[index]
            } else {
                unique.append(rows[index])
            }
        }
        rows = []
        let changed = try store.write { db in
            try recordingHistory(db) { hadDomains in
                try PortfolioDatabase.upsertDomains(store.protectingPushedFields(unique, sinceMs: syncedAtMs, in: db),
                                                    syncedAtMs: syncedAtMs, in: db, skippingUnchanged: hadDomains)
            }
        }
        progress.withLock { progress in
            for page in pages {
                for row in page { progress.seen.insert(row.name.lowercased()) }
            }
            progress.changed += changed
        }
        return changed
    }

    /// Runs `body` inside the page's transaction with the history triggers
    /// installed, so what the page changes remotely is recorded with it.
    /// `body` is told whether the cache held domains when the pass began
    /// (if not, no listed row can be stored unchanged: a first sync skips
    /// the comparison).
    private func recordingHistory(_ db: Database, _ body: (_ hadDomains: Bool) throws -> Int) throws -> Int {
        let appearances = try hadDomains.withLock { had in
            if had == nil { had = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM domain)") ?? false }
            return had ?? false
        }
        try PortfolioDatabase.installHistoryTriggers(db, appearances: appearances, now: startedMs)
        let changed = try body(appearances)
        try PortfolioDatabase.dropHistoryTriggers(db)
        return changed
    }

    /// Distinct names seen so far.
    public var seenCount: Int { progress.withLock { $0.seen.count } }

    /// Rows changed so far by this pass.
    public var changedCount: Int { progress.withLock { $0.changed } }

    /// Ends a pass that saw every page: domains not seen are marked gone and
    /// the planner statistics are refreshed. Returns how many were marked.
    /// Never call it after a partial pass.
    @discardableResult
    public func finishComplete() throws -> Int {
        let names = progress.withLock { $0.seen }
        let gone = try store.markGone(notIn: names, atMs: startedMs)
        try store.optimize()
        return gone
    }
}

/// Where a row's column values go, in `DomainRow.columns` order: bound as
/// parameters (``ParameterBinder``) or compared with a stored row
/// (``StoredRowComparer``).
protocol DomainColumnSink {
    mutating func text(_ value: String?)
    mutating func int(_ value: Int64?)
    mutating func flag(_ value: Bool)
}

extension ParameterBinder: DomainColumnSink {}

/// Binds `DomainRow`s, in `DomainRow.columns` order, to consecutive
/// parameters of a multi-row upsert (`gone` is always bound as 0: a listed
/// domain is present).
struct RowBinder {
    private var binder: ParameterBinder

    init(statement: SQLiteStatement) { binder = ParameterBinder(statement: statement) }

    mutating func bind(_ row: DomainRow, syncedAtMs: Int64) {
        Self.visit(row, syncedAtMs: syncedAtMs, &binder)
    }

    /// Every column of `row` as the upsert writes it, in order.
    static func visit(_ row: DomainRow, syncedAtMs: Int64, _ binder: inout some DomainColumnSink) {
        binder.text(row.name)
        binder.text(row.nameUnicode)
        binder.text(row.tld)
        binder.int(row.expiresMs)
        binder.int(row.registeredMs)
        binder.text(row.nsType.rawValue)
        binder.text(row.nameservers.count == 1 ? row.nameservers[0] : row.nameservers.joined(separator: "\n"))
        binder.flag(row.withAds)
        binder.text(row.registrantID)
        binder.text(row.adminID)
        binder.text(row.technicalID)
        binder.text(row.billingID)
        binder.flag(row.locked)
        binder.flag(row.disabled)
        binder.flag(row.udrpLocked)
        binder.flag(row.registrantUnverified)
        binder.flag(row.hold)
        binder.text(row.privacy.rawValue)
        binder.flag(row.forSale)
        binder.int(row.salePriceCents)
        binder.text(row.saleType)
        binder.int(row.saleMinOfferCents)
        binder.text(row.renewOption.rawValue)
        binder.text(row.note)
        binder.text(row.folderID)
        binder.text(row.folderName)
        binder.text(row.status)
        binder.text(row.extraJSON)
        binder.int(syncedAtMs)
        binder.flag(false)
    }
}

/// Compares the values a row would be written with against the stored row
/// a statement has stepped onto (its columns in `DomainRow.columns` order):
/// `same` stays true while every column matches exactly (type and bytes),
/// `synced_at_ms` aside.
struct StoredRowComparer: DomainColumnSink {
    private let statement: SQLiteStatement
    private var column: Int32 = 0
    private(set) var same = true
    private static let syncedColumn = Int32(DomainRow.columns.firstIndex(of: "synced_at_ms") ?? -1)

    init(statement: SQLiteStatement) { self.statement = statement }

    mutating func text(_ value: String?) {
        defer { column += 1 }
        guard same else { return }
        let type = sqlite3_column_type(statement, column)
        guard var value else {
            same = type == SQLITE_NULL
            return
        }
        guard type == SQLITE_TEXT, let stored = sqlite3_column_text(statement, column) else {
            same = false
            return
        }
        let count = Int(sqlite3_column_bytes(statement, column))
        same = value.withUTF8 { utf8 in
            utf8.count == count && (count == 0 || memcmp(utf8.baseAddress!, stored, count) == 0)
        }
    }

    mutating func int(_ value: Int64?) {
        defer { column += 1 }
        guard same, column != Self.syncedColumn else { return }
        let type = sqlite3_column_type(statement, column)
        guard let value else {
            same = type == SQLITE_NULL
            return
        }
        same = type == SQLITE_INTEGER && sqlite3_column_int64(statement, column) == value
    }

    mutating func flag(_ value: Bool) { int(value ? 1 : 0) }
}
