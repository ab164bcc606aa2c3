import GRDB

/// The shared state-transition plumbing of the outbox.
extension PortfolioDatabase {
    func intents(where condition: String, _ values: [any DatabaseValueConvertible],
                 limit: Int? = nil, offset: Int = 0) throws -> [OutboxIntent] {
        let page = limit.map { " LIMIT \(max(0, $0)) OFFSET \(max(0, offset))" } ?? ""
        return try writer.read { db in
            // A cursor decodes each row in place; `fetchAll` would first copy
            // every row (10k pending intents: a third of a plan's time).
            // A row that does not decode (a damaged cache) is skipped.
            let statement = try db.makeStatement(sql: "SELECT \(OutboxIntent.selectList) FROM outbox_intent WHERE \(condition) ORDER BY id\(page)")
            statement.arguments = StatementArguments(values)
            return try OutboxIntent.decodeAll(statement)
        }
    }

    static func fetchIntents(_ db: Database, ids: [Int64]) throws -> [OutboxIntent] {
        var found: [OutboxIntent] = []
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ ids[$0..<min($0 + 500, ids.count)] }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let statement = try db.makeStatement(sql: "SELECT \(OutboxIntent.selectList) FROM outbox_intent WHERE id IN (\(marks))")
            statement.arguments = StatementArguments(Array(chunk))
            found += try OutboxIntent.decodeAll(statement)
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
                applying: ((Database) throws -> Void)?, remoteValue: String? = nil) throws {
        let now = nowMs
        try write { db in
            try Self.requireStates(db, ids: ids, from, expected: from.sorted().joined(separator: " or "))
            let batchIDs = Set(try Self.fetchIntents(db, ids: ids).compactMap(\.batchID))
            let statement = try db.cachedStatement(sql: """
                UPDATE outbox_intent SET state = ?, message = ?, updated_ms = ?,
                    remote_value = COALESCE(?, remote_value) WHERE id = ?
                """)
            for id in ids {
                try statement.execute(arguments: [state.rawValue, message, now, remoteValue, id])
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

    /// Cancels open intents matching `condition`; counts the in-flight ones
    /// it leaves for verification.
    func drop(where condition: String, _ values: [any DatabaseValueConvertible]) throws -> DropResult {
        let now = nowMs
        return try write { db in
            try db.execute(sql: """
                UPDATE outbox_intent SET state = 'cancelled', updated_ms = ? WHERE state IN \(Self.openStates) AND \(condition)
                """, arguments: [now] + StatementArguments(values))
            let dropped = db.changesCount
            let kept = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox_intent WHERE state = 'inflight' AND \(condition)",
                                        arguments: StatementArguments(values)) ?? 0
            return DropResult(dropped: dropped, inflightKept: kept)
        }
    }

    /// Writes a completing push's values into the cache rows as they are
    /// now (inside the caller's transaction), then whole rows and record sets.
    func apply(_ writes: CacheWrites, in db: Database, now: Int64) throws {
        if !writes.updates.isEmpty {
            let names = Array(Set(writes.updates.map(\.domain)))
            var rows = Dictionary(try fetchDomains(db, named: names).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            for update in writes.updates {
                guard var row = rows[update.domain] else { continue }
                update.apply(&row)
                rows[update.domain] = row
            }
            try Self.writeRows(Array(rows.values), syncedAtMs: now, in: db)
        }
        if !writes.rows.isEmpty { try Self.writeRows(writes.rows, syncedAtMs: now, in: db) }
        for set in writes.recordSets { try Self.replaceDNSRecordSet(set, in: db) }
    }

    /// The (domain, field) pairs a pull must not overwrite: intents in flight
    /// (the push may be applying them right now) and intents completed since
    /// `sinceMs` (the listing being written may predate them).
    static func protectedFields(_ db: Database, sinceMs: Int64) throws -> [String: Set<String>] {
        var protected: [String: Set<String>] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT domain, field FROM outbox_intent
            WHERE state = 'inflight' OR (state = 'done' AND updated_ms >= ?)
            """, arguments: [sinceMs])
        for row in rows {
            guard let domain = row.text(0), let field = row.text(1) else { continue }
            protected[domain, default: []].insert(field)
        }
        return protected
    }
}
