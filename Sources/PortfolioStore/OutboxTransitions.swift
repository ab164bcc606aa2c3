import GRDB

/// The shared state-transition plumbing of the outbox.
extension PortfolioDatabase {
    func intents(where condition: String, _ values: [any DatabaseValueConvertible]) throws -> [OutboxIntent] {
        try writer.read { db in
            // A cursor decodes each row in place; `fetchAll` would first copy
            // every row (10k pending intents: a third of a plan's time).
            try Array(Row.fetchCursor(db, sql: "SELECT \(OutboxIntent.selectList) FROM outbox_intent WHERE \(condition) ORDER BY id",
                                      arguments: StatementArguments(values)).map(OutboxIntent.init(row:)))
        }
    }

    static func fetchIntents(_ db: Database, ids: [Int64]) throws -> [OutboxIntent] {
        var found: [OutboxIntent] = []
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ ids[$0..<min($0 + 500, ids.count)] }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            found += try Row.fetchAll(db, sql: "SELECT \(OutboxIntent.selectList) FROM outbox_intent WHERE id IN (\(marks))",
                                      arguments: StatementArguments(Array(chunk))).map(OutboxIntent.init(row:))
        }
        return found.sorted { $0.id < $1.id }
    }

    /// Throws unless every id exists and is in one of `states`.
    static func requireStates(_ db: Database, ids: [Int64], _ states: Set<String>, expected: String) throws {
        let found = try fetchIntents(db, ids: ids)
        let ok = Set(found.filter { states.contains($0.state.rawValue) }.map(\.id))
        let bad = ids.filter { !ok.contains($0) }
        if !bad.isEmpty { throw PortfolioStoreError.intentsNotInState(ids: bad, expected: expected) }
    }

    /// Moves intents from one of `from` to `state` in one transaction, runs
    /// `applying` in it, and closes batches left with nothing in flight.
    func finish(ids: [Int64], state: IntentState, message: String, from: Set<String>,
                applying: (@Sendable (Database) throws -> Void)?, remoteValue: String? = nil) throws {
        let now = nowMs
        try writer.write { db in
            try Self.requireStates(db, ids: ids, from, expected: from.sorted().joined(separator: " or "))
            let batchIDs = Set(try Self.fetchIntents(db, ids: ids).compactMap(\.batchID))
            for id in ids {
                try db.execute(sql: """
                    UPDATE outbox_intent SET state = ?, message = ?, updated_ms = ?,
                        remote_value = COALESCE(?, remote_value) WHERE id = ?
                    """, arguments: [state.rawValue, message, now, remoteValue, id])
            }
            try applying?(db)
            try Self.closeBatches(db, batchIDs, now: now)
        }
    }

    /// A batch with no intent in flight any more is done when all of its
    /// intents are done, failed otherwise.
    static func closeBatches(_ db: Database, _ batchIDs: Set<Int64>, now: Int64) throws {
        for batchID in batchIDs {
            let states = try String.fetchAll(db, sql: "SELECT state FROM outbox_intent WHERE batch_id = ?", arguments: [batchID])
            guard !states.contains("inflight") else { continue }
            let outcome = states.allSatisfy { $0 == "done" } ? "done" : "failed"
            // Intents put back to pending after verification left this call
            // unapplied; say so rather than leave a failed batch unexplained.
            let note = states.contains("pending") ? "not applied; intents requeued" : ""
            try db.execute(sql: """
                UPDATE outbox_batch SET state = ?, ended_ms = COALESCE(ended_ms, ?),
                    message = CASE WHEN message = '' THEN ? ELSE message END
                WHERE id = ? AND state IN ('inflight','uncertain')
                """, arguments: [outcome, now, note, batchID])
        }
    }

    func updateOpen(where condition: String, _ values: [any DatabaseValueConvertible], to state: IntentState) throws -> Int {
        let now = nowMs
        return try writer.write { db in
            try db.execute(sql: """
                UPDATE outbox_intent SET state = ?, updated_ms = ? WHERE state IN \(Self.openStates) AND \(condition)
                """, arguments: [state.rawValue, now] + StatementArguments(values))
            return db.changesCount
        }
    }
}
