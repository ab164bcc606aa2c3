import GRDB

/// Queueing: an edit on N domains is one transaction of set-based SQL.
///
/// The new intents go into a temporary table; the open intents they replace
/// are superseded or cancelled by one `UPDATE … WHERE (domain, field) IN …`;
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
        return try write { db in
            var result = EnqueueResult()
            // The staging rows are part of this transaction: a failure rolls
            // them back with everything else.
            let rounds = try Self.stage(db, intents)
            if rounds > 0 { try Self.markOutcomes(db) }
            for round in 0..<rounds {
                try Self.queueRound(db, round, operation: operation, now: now, into: &result)
            }
            try db.execute(sql: "DELETE FROM temp.enqueue_new")
            return result
        }
    }

    /// Writes the intents into the staging table (on the writer connection,
    /// never seen by readers), each with its round: the k-th occurrence of a
    /// (domain, field) goes to round k, so no round names a key twice.
    /// Returns the number of rounds.
    static func stage(_ db: Database, _ intents: [NewIntent]) throws -> Int {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS enqueue_new (
                seq INTEGER PRIMARY KEY, round INTEGER NOT NULL,
                domain TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, base_value TEXT NOT NULL,
                money INTEGER NOT NULL, cost_cents INTEGER, value_version INTEGER NOT NULL,
                same_as_base INTEGER NOT NULL,
                back INTEGER NOT NULL DEFAULT 0, open_count INTEGER NOT NULL DEFAULT 0, new_id INTEGER);
            CREATE UNIQUE INDEX IF NOT EXISTS temp.enqueue_new_by_key ON enqueue_new(round, domain, field);
            DELETE FROM temp.enqueue_new;
            """)
        let insert = try db.makeStatement(sql: """
            INSERT INTO temp.enqueue_new (seq, round, domain, field, value, base_value, money, cost_cents, value_version,
                                          same_as_base)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var seen: [String: Int] = [:]
        var rounds = 0
        for (seq, intent) in intents.enumerated() {
            let key = intent.domain + "\u{0}" + intent.field
            let round = seen[key, default: 0]
            seen[key] = round + 1
            rounds = max(rounds, round + 1)
            // Equality as Swift sees it (the one-by-one rule compared Strings).
            insert.setUncheckedArguments([seq, round, intent.domain, intent.field, intent.value, intent.baseValue, intent.money,
                                          intent.costCents, intent.valueVersion, intent.value == intent.baseValue])
            try insert.execute()
        }
        return rounds
    }

    /// Decides, before anything moves, which staged intents are edits back
    /// to base (cancel, queue nothing) and gives the others the ids the
    /// one-by-one rules would have: consecutive, in the order given. Intents
    /// in flight do not change during a call, so this holds for every round.
    static func markOutcomes(_ db: Database) throws {
        // With a send in flight the cached value may be about to change, so
        // an edit back to "base" is still a real edit.
        try db.execute(sql: """
            UPDATE temp.enqueue_new SET back = same_as_base AND NOT EXISTS (
                SELECT 1 FROM main.outbox_intent o
                WHERE o.domain = enqueue_new.domain AND o.field = enqueue_new.field AND o.state = 'inflight')
            """)
        // AUTOINCREMENT hands out max(ever used, present) + 1.
        let last = try Int64.fetchOne(db, sql: """
            SELECT MAX(COALESCE((SELECT seq FROM main.sqlite_sequence WHERE name = 'outbox_intent'), 0),
                       COALESCE((SELECT MAX(id) FROM main.outbox_intent), 0))
            """) ?? 0
        try db.execute(sql: """
            UPDATE temp.enqueue_new SET new_id = ranked.id
            FROM (SELECT seq, ? + row_number() OVER (ORDER BY seq) AS id FROM temp.enqueue_new WHERE NOT back) AS ranked
            WHERE ranked.seq = enqueue_new.seq
            """, arguments: [last])
    }

    /// Queues one round (keys unique) with a handful of statements.
    static func queueRound(_ db: Database, _ round: Int, operation: NewOperation, now: Int64,
                           into result: inout EnqueueResult) throws {
        try db.execute(sql: """
            UPDATE temp.enqueue_new SET open_count = (
                SELECT COUNT(*) FROM main.outbox_intent o
                WHERE o.domain = enqueue_new.domain AND o.field = enqueue_new.field AND o.state IN \(openStates))
            WHERE round = ?
            """, arguments: [round])
        try db.execute(sql: """
            UPDATE main.outbox_intent SET updated_ms = ?,
                state = CASE WHEN (SELECT n.back FROM temp.enqueue_new n
                                   WHERE n.round = ? AND n.domain = outbox_intent.domain AND n.field = outbox_intent.field)
                        THEN 'cancelled' ELSE 'superseded' END
            WHERE state IN \(openStates)
              AND (domain, field) IN (SELECT domain, field FROM temp.enqueue_new WHERE round = ? AND open_count > 0)
            """, arguments: [now, round, round])
        guard let counts = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(CASE WHEN back AND open_count = 0 THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN back THEN open_count ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN back THEN 0 ELSE open_count END), 0),
                   COALESCE(SUM(CASE WHEN back THEN 0 ELSE 1 END), 0)
            FROM temp.enqueue_new WHERE round = ?
            """, arguments: [round]) else { return }
        result.unchanged += counts[0] as Int? ?? 0
        result.cancelled += counts[1] as Int? ?? 0
        result.superseded += counts[2] as Int? ?? 0
        guard (counts[3] as Int? ?? 0) > 0 else { return }
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
        let ids = try Int64.fetchAll(db, sql: "SELECT new_id FROM temp.enqueue_new WHERE round = ? AND NOT back ORDER BY seq",
                                     arguments: [round])
        result.added = (result.added + ids).sorted()
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
