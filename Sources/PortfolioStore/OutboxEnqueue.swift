import GRDB
import GRDBSQLite

/// Queueing: an edit on N domains is one transaction of set-based SQL.
///
/// The new intents go into a temporary table; the open intents they replace
/// are cancelled or superseded by two `UPDATE … WHERE (domain, field) IN …`;
/// the new ones are copied over by one `INSERT … SELECT`. An intent list
/// that names the same (domain, field) more than once is queued in rounds
/// (the k-th occurrence of each key in round k), which keeps the order the
/// one-by-one rules imply: a later value supersedes an earlier one. New
/// intents get the ids the one-by-one rules gave them (consecutive, in the
/// order given), so the plan's "oldest first" is unchanged.
extension PortfolioDatabase {
    /// Records `operation` and queues its intents, all in one transaction.
    /// Per (domain, field): a newer value supersedes the older open intent; a
    /// value equal to the base (cached) value cancels it instead of queueing
    /// a no-op. An intent in flight is left alone: the new one waits behind
    /// it. Money intents of an operation with `approvedCents` carry that
    /// approval. No operation row is written when nothing is queued.
    /// `added` lists the new intents' ids in queueing order.
    @_spi(OutboxWriter)
    @discardableResult
    public func enqueue(_ operation: NewOperation, intents: [NewIntent]) throws -> EnqueueResult {
        let now = nowMs
        return try write { db in try Self.queue(db, operation, intents, distinctKeys: false, now: now, staged: nil) }
    }

    /// `enqueue(_:intents:)` for intents whose (domain, field) keys are all
    /// distinct, but only while the cache is as it was when
    /// `changeGeneration()` returned `generation` (read before the intents'
    /// base values were): nil, writing nothing, when any connection has
    /// committed since, so the caller queues again from the rows as they are
    /// now. The check runs inside the write transaction, which no other
    /// writer can commit through. `progress` hears steps of 2: staged, written.
    @_spi(OutboxWriter)
    public func enqueue(_ operation: NewOperation, intents: [NewIntent], ifUnchangedSince generation: Int64,
                        progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> EnqueueResult? {
        let now = nowMs
        return try write { db -> EnqueueResult? in
            guard try self.changeGeneration(db) == generation else { return nil }
            let result = try Self.queue(db, operation, intents, distinctKeys: true, now: now, staged: { progress?(1, 2) })
            progress?(2, 2)
            return result
        }
    }

    /// Stages `intents` and queues them round by round, in the caller's
    /// transaction (the staging rows too: a failure rolls them back with
    /// everything else); `staged` hears when they are staged.
    private static func queue(_ db: Database, _ operation: NewOperation, _ intents: [NewIntent], distinctKeys: Bool, now: Int64,
                              staged: (() -> Void)?) throws -> EnqueueResult {
        var result = EnqueueResult()
        let rounds = try stage(db, intents, distinctKeys: distinctKeys)
        staged?()
        for round in 0..<rounds {
            try queueRound(db, round, operation: operation, now: now, into: &result)
        }
        try db.execute(sql: "DROP TABLE IF EXISTS temp.enqueue_new")
        return result
    }

    /// Writes the intents into a staging table (temp schema, on the writer
    /// connection, never seen by readers), each with its round (the k-th
    /// occurrence of a (domain, field) goes to round k), whether it goes back
    /// to base, and, if not, the id the one-by-one rules would give it.
    /// Returns the number of rounds.
    /// `distinctKeys`: the caller knows no (domain, field) repeats (an
    /// import: one row per domain, one value per field), so every intent is
    /// in round 0 and the keys are built only for the in-flight check.
    static func stage(_ db: Database, _ intents: [NewIntent], distinctKeys: Bool) throws -> Int {
        try createStagingTable(db)
        // With a send in flight the cached value may be about to change, so
        // an edit back to "base" is still a real edit. In-flight intents do
        // not change during this call, so this holds for every round.
        var inflight = Set<String>()
        for row in try Row.fetchAll(db, sql: "SELECT domain, field FROM main.outbox_intent WHERE state = 'inflight'") {
            if let domain = row.text(0), let field = row.text(1) { inflight.insert(domain + "\u{0}" + field) }
        }
        var nextID = try nextIntentID(db)
        var seen: [String: Int] = [:]
        var rounds = 0
        try insertRows(db, into: "enqueue_new",
                       columns: ["seq", "round", "domain", "field", "value", "base_value", "money", "cost_cents", "value_version",
                                 "back", "new_id"],
                       count: intents.count) { binder, seq in
            let intent = intents[seq]
            var round = 0
            if !distinctKeys {
                let key = intent.domain + "\u{0}" + intent.field
                round = seen[key, default: 0]
                seen[key] = round + 1
            }
            rounds = max(rounds, round + 1)
            // Equality as Swift sees it (the one-by-one rule compared Strings).
            let back = intent.value == intent.baseValue && !inflight.contains(intent.domain + "\u{0}" + intent.field)
            var id: Int64?
            if !back {
                id = nextID
                nextID += 1
            }
            binder.int(Int64(seq))
            binder.int(Int64(round))
            binder.text(intent.domain)
            binder.text(intent.field)
            binder.text(intent.value)
            binder.text(intent.baseValue)
            binder.flag(intent.money)
            binder.int(intent.costCents)
            binder.int(Int64(intent.valueVersion))
            binder.flag(back)
            binder.int(id)
        }
        return rounds
    }

    /// The staging table of new intents (temp schema, on the writer
    /// connection, never seen by readers).
    static func createStagingTable(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.enqueue_new;
            CREATE TEMP TABLE enqueue_new (
                seq INTEGER PRIMARY KEY, round INTEGER NOT NULL,
                domain TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, base_value TEXT NOT NULL,
                money INTEGER NOT NULL, cost_cents INTEGER, value_version INTEGER NOT NULL,
                back INTEGER NOT NULL, new_id INTEGER);
            """)
    }

    /// The id the next new intent gets: AUTOINCREMENT hands out
    /// max(ever used, present) + 1.
    static func nextIntentID(_ db: Database) throws -> Int64 {
        (try Int64.fetchOne(db, sql: """
            SELECT MAX(COALESCE((SELECT seq FROM main.sqlite_sequence WHERE name = 'outbox_intent'), 0),
                       COALESCE((SELECT MAX(id) FROM main.outbox_intent), 0))
            """) ?? 0) + 1
    }

    /// Inserts `count` rows into the temp table `table`, at most
    /// `stageChunk` to a statement, each row's values bound by `bind` straight
    /// into SQLite (GRDB's generic `StatementArguments` per row cost more
    /// than the insert itself). Rows `skip` names are left out.
    static func insertRows(_ db: Database, into table: String, columns: [String], count: Int, skip: ((Int) -> Bool)? = nil,
                           bind: (inout ParameterBinder, Int) throws -> Void) throws {
        let rowMarks = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        func insertSQL(_ rows: Int) -> String {
            "INSERT INTO temp.\(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: rowMarks, count: rows).joined(separator: ", ")
        }
        // Prepared once: a full chunk; the remainder on its own.
        var fullChunk: Statement?
        var rows: [Int] = []
        rows.reserveCapacity(stageChunk)
        func flush() throws {
            guard !rows.isEmpty else { return }
            let statement: Statement
            if rows.count == stageChunk {
                if fullChunk == nil { fullChunk = try db.makeStatement(sql: insertSQL(stageChunk)) }
                statement = fullChunk!
            } else {
                statement = try db.makeStatement(sql: insertSQL(rows.count))
            }
            // Empty arguments reset the statement and mark it bound, so
            // `execute()` keeps the bindings made here.
            statement.setUncheckedArguments(StatementArguments())
            var binder = ParameterBinder(statement: statement.sqliteStatement)
            for row in rows { try bind(&binder, row) }
            try statement.execute()
            rows.removeAll(keepingCapacity: true)
        }
        for row in 0..<count where skip?(row) != true {
            rows.append(row)
            if rows.count == stageChunk { try flush() }
        }
        try flush()
    }

    /// Rows staged per insert statement (intents: 11 parameters each, well
    /// under SQLite's limit of 32,766).
    static let stageChunk = 500

    /// Queues one round (keys unique) with a handful of statements.
    static func queueRound(_ db: Database, _ round: Int, operation: NewOperation, now: Int64,
                           into result: inout EnqueueResult) throws {
        // Each statement below probes the outbox once per staged intent:
        // skipped when it cannot match (no edit back to base; no open
        // intent of the fields edited, as a bulk edit of a new field finds).
        let anyBack = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM temp.enqueue_new WHERE round = ? AND back)",
                                        arguments: [round]) ?? true
        let fields = "(SELECT DISTINCT field FROM temp.enqueue_new WHERE round = ?)"
        let anyOpen = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM main.outbox_intent WHERE state = 'pending' AND field IN \(fields))
                OR EXISTS (SELECT 1 FROM main.outbox_intent WHERE state IN ('failed','conflict') AND field IN \(fields))
            """, arguments: [round, round]) ?? true
        // Back to base with nothing open: nothing to do, counted unchanged.
        if anyBack {
            result.unchanged += try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM temp.enqueue_new n WHERE n.round = ? AND n.back AND NOT EXISTS (
                    SELECT 1 FROM main.outbox_intent o
                    WHERE o.domain = n.domain AND o.field = n.field AND o.state IN \(openStates))
                """, arguments: [round]) ?? 0
        }
        for back in [true, false] where anyOpen && (!back || anyBack) {
            try db.execute(sql: """
                UPDATE main.outbox_intent SET state = ?, updated_ms = ?
                WHERE state IN \(openStates)
                  AND (domain, field) IN (SELECT domain, field FROM temp.enqueue_new WHERE round = ? AND back = ?)
                """, arguments: [back ? IntentState.cancelled.rawValue : IntentState.superseded.rawValue, now, round, back])
            if back { result.cancelled += db.changesCount } else { result.superseded += db.changesCount }
        }
        let ids = try Int64.fetchAll(db, sql: "SELECT new_id FROM temp.enqueue_new WHERE round = ? AND NOT back ORDER BY seq",
                                     arguments: [round])
        guard !ids.isEmpty else { return }
        let owner = try recordOperation(db, operation, now: now, result: &result)
        let approved = operation.approvedCents
        try db.execute(sql: """
            INSERT INTO main.outbox_intent (id, domain, field, value, base_value, state, money, cost_cents, created_ms, updated_ms,
                                            operation_id, value_version, approval_id, approved_cents)
            SELECT new_id, domain, field, value, base_value, 'pending', money, cost_cents, ?, ?, ?, value_version,
                   CASE WHEN money AND ? IS NOT NULL THEN ? END,
                   CASE WHEN money THEN ? END
            FROM temp.enqueue_new WHERE round = ? AND NOT back ORDER BY seq
            """, arguments: [now, now, owner, approved, owner, approved, round])
        result.added = result.added.isEmpty ? ids : (result.added + ids).sorted()
    }

    /// The operation row, written once, when the first intent is queued.
    static func recordOperation(_ db: Database, _ operation: NewOperation, now: Int64,
                                result: inout EnqueueResult) throws -> Int64 {
        if let id = result.operationID { return id }
        try db.execute(sql: "INSERT INTO operation (created_ms, origin, label, approved_cents) VALUES (?, ?, ?, ?)",
                       arguments: [now, operation.origin.rawValue, operation.label, operation.approvedCents])
        result.operationID = db.lastInsertedRowID
        return db.lastInsertedRowID
    }
}

/// Binds values to consecutive parameters of a statement, straight into
/// SQLite (`RowBinder` binds domain rows through it).
struct ParameterBinder {
    let statement: SQLiteStatement
    private var index: Int32 = 1

    init(statement: SQLiteStatement) { self.statement = statement }

    /// Bound for an empty text: a nil pointer would bind NULL.
    private static let empty: StaticString = ""
    /// SQLite copies the text: the Swift string need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    mutating func text(_ value: String?) {
        defer { index += 1 }
        guard var value else {
            sqlite3_bind_null(statement, index)
            return
        }
        let code = value.withUTF8 { utf8 in
            let base = UnsafeRawPointer(utf8.baseAddress ?? Self.empty.utf8Start).assumingMemoryBound(to: CChar.self)
            return sqlite3_bind_text(statement, index, base, Int32(utf8.count), Self.transient)
        }
        precondition(code == SQLITE_OK, "sqlite3_bind_text failed (\(code))")
    }

    mutating func int(_ value: Int64?) {
        defer { index += 1 }
        guard let value else {
            sqlite3_bind_null(statement, index)
            return
        }
        sqlite3_bind_int64(statement, index, value)
    }

    mutating func flag(_ value: Bool) {
        sqlite3_bind_int64(statement, index, value ? 1 : 0)
        index += 1
    }
}
