import GRDB

/// The outbox: queued edits (intents) and the batches that carry them.
///
/// An intent moves pending → inflight (recorded before its batch is sent)
/// → done | failed | conflict; `superseded` and `cancelled` end intents that
/// will never be sent. Every change is one transaction, so a crash leaves
/// each intent in exactly one state and in-flight ones are found again by
/// `inflightBatches()`.
extension PortfolioDatabase {
    /// States of intents that still describe an edit the user wants and
    /// that a newer edit of the same (domain, field) replaces.
    static let openStates = "('pending','failed','conflict')"

    /// Queues edits in one transaction. Per (domain, field): a newer value
    /// supersedes the older open intent; a value equal to the base (cached)
    /// value cancels it instead of queueing a no-op.
    @discardableResult
    public func enqueue(intents: [NewIntent]) throws -> EnqueueResult {
        let now = nowMs
        return try writer.write { db in
            var result = EnqueueResult()
            for intent in intents {
                let open = try Int64.fetchAll(db, sql: """
                    SELECT id FROM outbox_intent WHERE domain = ? AND field = ? AND state IN \(Self.openStates)
                    """, arguments: [intent.domain, intent.field])
                // With a send in flight the cached value may be about to change,
                // so an edit back to "base" is still a real edit.
                let inflight = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM outbox_intent WHERE domain = ? AND field = ? AND state = 'inflight')
                    """, arguments: [intent.domain, intent.field]) ?? false
                let backToBase = intent.value == intent.baseValue && !inflight
                let newState: IntentState = backToBase ? .cancelled : .superseded
                for id in open {
                    try db.execute(sql: "UPDATE outbox_intent SET state = ?, updated_ms = ? WHERE id = ?",
                                   arguments: [newState.rawValue, now, id])
                }
                if backToBase {
                    if open.isEmpty { result.unchanged += 1 } else { result.cancelled += open.count }
                    continue
                }
                result.superseded += open.count
                try db.execute(sql: """
                    INSERT INTO outbox_intent (domain, field, value, base_value, state, money, cost_cents, created_ms, updated_ms)
                    VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?)
                    """, arguments: [intent.domain, intent.field, intent.value, intent.baseValue, intent.money,
                                     intent.costCents, now, now])
                result.added.append(db.lastInsertedRowID)
            }
            return result
        }
    }

    /// Pending intents, oldest first: the planner's input.
    public func pendingIntents() throws -> [OutboxIntent] {
        try intents(where: "state = 'pending'", [])
    }

    /// Every intent of one domain (all states), oldest first.
    public func intents(forDomain domain: String) throws -> [OutboxIntent] {
        try intents(where: "domain = ?", [domain.lowercased()])
    }

    /// Intents in any of `states`, oldest first.
    public func intents(in states: [IntentState]) throws -> [OutboxIntent] {
        guard !states.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: states.count).joined(separator: ",")
        return try intents(where: "state IN (\(marks))", states.map(\.rawValue))
    }

    /// Intents by id (any state), by id.
    public func intents(ids: [Int64]) throws -> [OutboxIntent] {
        try writer.read { db in try Self.fetchIntents(db, ids: ids) }
    }

    /// Values not yet applied (pending, inflight, failed, conflict) per
    /// domain, for the pending markers beside cached values.
    public func pendingFields(for names: [String]) throws -> [String: [PendingField]] {
        guard !names.isEmpty else { return [:] }
        return try writer.read { db in
            var fields: [String: [PendingField]] = [:]
            for chunk in stride(from: 0, to: names.count, by: 500).map({ names[$0..<min($0 + 500, names.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT domain, field, value, state FROM outbox_intent
                    WHERE domain IN (\(marks)) AND state IN ('pending','inflight','failed','conflict') ORDER BY id
                    """, arguments: StatementArguments(chunk.map { $0.lowercased() }))
                for row in rows {
                    fields[row[0], default: []].append(
                        PendingField(field: row[1], value: row[2], state: IntentState(rawValue: row[3]) ?? .pending))
                }
            }
            return fields
        }
    }

    /// Number of intents in each state (states with none are absent).
    public func intentCounts() throws -> [IntentState: Int] {
        try writer.read { db in
            var counts: [IntentState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) FROM outbox_intent GROUP BY state") {
                if let state = IntentState(rawValue: row[0]) { counts[state] = row[1] }
            }
            return counts
        }
    }

    // MARK: - Push lifecycle

    /// Records a batch as sent *before* sending it: the batch row is
    /// created and its pending intents become inflight (attempt + 1).
    /// Returns the batch id. Throws when an intent is not pending.
    @discardableResult
    public func recordBatchInFlight(command: String, params: String, domains: String,
                                    intentIDs: [Int64]) throws -> Int64 {
        let now = nowMs
        return try writer.write { db in
            try Self.requireStates(db, ids: intentIDs, ["pending"], expected: "pending")
            try db.execute(sql: """
                INSERT INTO outbox_batch (command, params, domains, state, started_ms) VALUES (?, ?, ?, 'inflight', ?)
                """, arguments: [command, params, domains, now])
            let batchID = db.lastInsertedRowID
            for id in intentIDs {
                try db.execute(sql: """
                    UPDATE outbox_intent SET state = 'inflight', batch_id = ?, attempt = attempt + 1, updated_ms = ?
                    WHERE id = ?
                    """, arguments: [batchID, now, id])
            }
            return batchID
        }
    }

    /// Marks in-flight intents done and, in the same transaction, runs
    /// `applying` so the caller writes the new values into the cache rows:
    /// either both happen or neither.
    public func completeIntents(ids: [Int64], applying: @escaping @Sendable (Database) throws -> Void) throws {
        try finish(ids: ids, state: .done, message: "", from: ["inflight"], applying: applying)
    }

    /// Marks intents (in flight or pending) failed with the provider's text.
    public func failIntents(ids: [Int64], message: String) throws {
        try finish(ids: ids, state: .failed, message: message, from: ["inflight", "pending"], applying: nil)
    }

    /// Marks an in-flight intent as a conflict: the remote value is neither
    /// the base nor the target, so it is shown to the user, never overwritten.
    public func markConflict(id: Int64, remoteValue: String, message: String) throws {
        try finish(ids: [id], state: .conflict, message: message, from: ["inflight"], applying: nil,
                   remoteValue: remoteValue)
    }

    /// Puts in-flight intents back to pending: verification found the remote
    /// still at the base value, so they are safe to send again.
    public func requeueInflight(ids: [Int64]) throws {
        try finish(ids: ids, state: .pending, message: "", from: ["inflight"], applying: nil)
    }

    /// Marks a batch whose answer was lost as uncertain (its intents stay
    /// inflight until verified).
    public func markBatchUncertain(id: Int64, message: String) throws {
        let now = nowMs
        try writer.write { db in
            try db.execute(sql: "UPDATE outbox_batch SET state = 'uncertain', message = ?, ended_ms = ? WHERE id = ?",
                           arguments: [message, now, id])
        }
    }

    /// Batches still inflight or uncertain, with their intent ids: after a
    /// crash these are verified before anything is resent.
    public func inflightBatches() throws -> [OutboxBatch] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(OutboxBatch.selectList) FROM outbox_batch WHERE state IN ('inflight','uncertain') ORDER BY id
                """)
            return try rows.map { row in
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM outbox_intent WHERE batch_id = ? ORDER BY id",
                                             arguments: [row[0] as Int64])
                return OutboxBatch(row: row, intentIDs: ids)
            }
        }
    }

    /// One batch by id.
    public func batch(id: Int64) throws -> OutboxBatch? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(OutboxBatch.selectList) FROM outbox_batch WHERE id = ?",
                                             arguments: [id]) else { return nil }
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM outbox_intent WHERE batch_id = ? ORDER BY id", arguments: [id])
            return OutboxBatch(row: row, intentIDs: ids)
        }
    }

    // MARK: - User actions on the queue

    /// Cancels every open (pending, failed, conflict) intent; in-flight ones
    /// are kept for verification. Returns how many were cancelled.
    @discardableResult
    public func drop(all: Bool) throws -> Int {
        guard all else { return 0 }
        return try updateOpen(where: "1", [], to: .cancelled)
    }

    /// Cancels the open intents of these domains.
    @discardableResult
    public func drop(domains: [String]) throws -> Int {
        guard !domains.isEmpty else { return 0 }
        let marks = Array(repeating: "?", count: domains.count).joined(separator: ",")
        return try updateOpen(where: "domain IN (\(marks))", domains.map { $0.lowercased() }, to: .cancelled)
    }

    /// Puts failed intents back to pending for the next push.
    @discardableResult
    public func retryFailed() throws -> Int {
        let now = nowMs
        return try writer.write { db in
            try db.execute(sql: "UPDATE outbox_intent SET state = 'pending', message = '', updated_ms = ? WHERE state = 'failed'",
                           arguments: [now])
            return db.changesCount
        }
    }

    /// Settles conflicts: `keepRemote` cancels them (the cache keeps the
    /// remote value); otherwise they go back to pending with the remote
    /// value as their new base, so the next push overwrites it knowingly.
    public func resolveConflict(ids: [Int64], keepRemote: Bool) throws {
        let now = nowMs
        try writer.write { db in
            try Self.requireStates(db, ids: ids, ["conflict"], expected: "in conflict")
            for id in ids {
                try db.execute(sql: keepRemote
                    ? "UPDATE outbox_intent SET state = 'cancelled', updated_ms = ? WHERE id = ?"
                    : """
                      UPDATE outbox_intent SET state = 'pending', base_value = COALESCE(remote_value, base_value),
                          message = '', updated_ms = ? WHERE id = ?
                      """, arguments: [now, id])
            }
        }
    }
}
