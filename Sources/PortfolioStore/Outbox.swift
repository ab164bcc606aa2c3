import GRDB

/// The outbox: operations (user actions), the intents they queue and the
/// batches that carry them.
///
/// An intent moves pending → inflight (recorded before its batch is sent)
/// → done | failed | conflict; `superseded` and `cancelled` end intents that
/// will never be sent. Every change is one transaction, so a crash leaves
/// each intent in exactly one state and in-flight ones are found again by
/// `inflightBatches()`.
///
/// Reading is public. Writing is the sync engine's alone: the writers are
/// `@_spi(OutboxWriter)`, and only the engine imports that interface, so the
/// TUI and the CLI cannot change the outbox behind its back.
extension PortfolioDatabase {
    /// States of intents that still describe an edit the user wants and
    /// that a newer edit of the same (domain, field) replaces.
    static let openStates = "('pending','failed','conflict')"

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

    /// One operation by id.
    public func operation(id: Int64) throws -> OutboxOperation? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT id, created_ms, origin, label, approved_cents FROM operation WHERE id = ?",
                             arguments: [id]).flatMap(Self.operation(row:))
        }
    }

    /// The newest operations first.
    public func operations(limit: Int) throws -> [OutboxOperation] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, created_ms, origin, label, approved_cents FROM operation ORDER BY id DESC LIMIT ?",
                             arguments: [limit]).compactMap(Self.operation(row:))
        }
    }

    static func operation(row: Row) -> OutboxOperation? {
        guard let id = row.int64(0), let origin = row.text(2).flatMap(OperationOrigin.init(rawValue:)) else { return nil }
        return OutboxOperation(id: id, createdMs: row.int64(1) ?? 0, origin: origin, label: row.text(3) ?? "",
                               approvedCents: row.int64(4))
    }

    /// Values not yet applied (pending, inflight, failed, conflict) per
    /// domain, for the pending markers beside cached values.
    public func pendingFields(for names: [String]) throws -> [String: [PendingField]] {
        guard !names.isEmpty else { return [:] }
        return try writer.read { db in
            var fields: [String: [PendingField]] = [:]
            // Fewer open intents than names (an import of a whole portfolio
            // with little queued): one pass over the open ones beats a probe
            // per name. Counted no further than the names (a screen of rows
            // must not count a million open intents).
            let open = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (SELECT 1 FROM outbox_intent WHERE state IN ('pending','inflight','failed','conflict') LIMIT ?)
                """, arguments: [names.count + 1]) ?? 0
            if open <= names.count {
                guard open > 0 else { return [:] }
                let wanted = Set(names.map { $0.lowercased() })
                for row in try Row.fetchAll(db, sql: """
                    SELECT domain, field, value, state FROM outbox_intent
                    WHERE state IN ('pending','inflight','failed','conflict') ORDER BY id
                    """) {
                    guard let domain = row.text(0), wanted.contains(domain), let field = row.text(1), let value = row.text(2),
                          let state = row.text(3).flatMap(IntentState.init(rawValue:)) else { continue }
                    fields[domain, default: []].append(PendingField(field: field, value: value, state: state))
                }
                return fields
            }
            for chunk in stride(from: 0, to: names.count, by: 500).map({ names[$0..<min($0 + 500, names.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                // By domain: with 300,000 open intents the planner picked the
                // state index and visited all of them (98 ms for a screen of
                // rows, against 0.3 ms).
                let rows = try Row.fetchAll(db, sql: """
                    SELECT domain, field, value, state FROM outbox_intent INDEXED BY outbox_intent_by_domain_field_state
                    WHERE domain IN (\(marks)) AND state IN ('pending','inflight','failed','conflict') ORDER BY id
                    """, arguments: StatementArguments(chunk.map { $0.lowercased() }))
                for row in rows {
                    guard let domain = row.text(0), let field = row.text(1), let value = row.text(2),
                          let state = row.text(3).flatMap(IntentState.init(rawValue:)) else { continue }
                    fields[domain, default: []].append(PendingField(field: field, value: value, state: state))
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
                if let state = row.text(0).flatMap(IntentState.init(rawValue:)), let n = row.int64(1) { counts[state] = Int(n) }
            }
            return counts
        }
    }

    // MARK: - Push lifecycle

    /// Records a batch as sent *before* sending it: the batch row is created
    /// and those of `intentIDs` that are still pending become inflight
    /// (attempt + 1). An intent replaced or dropped since the plan was made
    /// is left out; nil when none is left (send nothing).
    @_spi(OutboxWriter)
    public func recordBatchInFlight(command: String, params: String, domains: String,
                                    intentIDs: [Int64]) throws -> InFlightBatch? {
        let now = nowMs
        return try write { db in
            let live = Set(try Self.fetchIntents(db, ids: intentIDs).filter { $0.state == .pending }.map(\.id))
            let ids = intentIDs.filter(live.contains)
            guard !ids.isEmpty else { return nil }
            try db.execute(sql: """
                INSERT INTO outbox_batch (command, params, domains, state, started_ms) VALUES (?, ?, ?, 'inflight', ?)
                """, arguments: [command, params, domains, now])
            let batchID = db.lastInsertedRowID
            let statement = try db.cachedStatement(sql: """
                UPDATE outbox_intent SET state = 'inflight', batch_id = ?, attempt = attempt + 1, updated_ms = ?, sent_ms = ?,
                    hold_reason = '' WHERE id = ?
                """)
            for id in ids { try statement.execute(arguments: [batchID, now, now, id]) }
            return InFlightBatch(id: batchID, intentIDs: ids)
        }
    }

    /// Marks in-flight intents done and writes their values into the cache,
    /// field by field, in the same transaction: either both happen or neither.
    @_spi(OutboxWriter)
    public func completeIntents(ids: [Int64], writes: CacheWrites) throws {
        try finish(ids: ids, state: .done, message: "", from: ["inflight"]) { db in
            try self.apply(writes, in: db, now: self.nowMs)
        }
    }

    /// Marks intents (in flight or pending) failed with the provider's text.
    @_spi(OutboxWriter)
    public func failIntents(ids: [Int64], message: String) throws {
        try finish(ids: ids, state: .failed, message: message, from: ["inflight", "pending"], applying: nil)
    }

    /// Marks an in-flight intent as a conflict: the remote value is neither
    /// the base nor the target, so it is shown to the user, never overwritten.
    @_spi(OutboxWriter)
    public func markConflict(id: Int64, remoteValue: String, message: String) throws {
        try finish(ids: [id], state: .conflict, message: message, from: ["inflight"], applying: nil,
                   remoteValue: remoteValue)
    }

    /// Puts in-flight intents back to pending: nothing was applied (a busy
    /// answer, or verification found the remote still at the base value).
    /// `clearApproval` takes a money intent's approval away, so it waits for
    /// a fresh confirmation (after a crash left it uncertain).
    @_spi(OutboxWriter)
    public func requeueInflight(ids: [Int64], clearApproval: Bool = false, reason: String = "") throws {
        try finish(ids: ids, state: .pending, message: "", from: ["inflight"]) { db in
            guard clearApproval || !reason.isEmpty else { return }
            let statement = try db.cachedStatement(sql: """
                UPDATE outbox_intent SET hold_reason = ?,
                    approval_id = CASE WHEN ? THEN NULL ELSE approval_id END,
                    approved_cents = CASE WHEN ? THEN NULL ELSE approved_cents END WHERE id = ?
                """)
            for id in ids { try statement.execute(arguments: [reason, clearApproval, clearApproval, id]) }
        }
    }

    /// Keeps pending money intents back from a push, saying why; they stay
    /// queued, and their reason shows in the queue.
    @_spi(OutboxWriter)
    public func holdIntents(ids: [Int64], reason: String) throws {
        let now = nowMs
        try write { db in
            let statement = try db.cachedStatement(sql: """
                UPDATE outbox_intent SET hold_reason = ?, updated_ms = ? WHERE id = ? AND state = 'pending'
                """)
            for id in ids { try statement.execute(arguments: [reason, now, id]) }
        }
    }

    /// Marks a batch whose answer was lost as uncertain (its intents stay
    /// inflight until verified).
    @_spi(OutboxWriter)
    public func markBatchUncertain(id: Int64, message: String) throws {
        let now = nowMs
        try write { db in
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
            return try rows.compactMap { row in
                guard let id = row.int64(0) else { return nil }
                let ids = try Int64.fetchAll(db, sql: "SELECT id FROM outbox_intent WHERE batch_id = ? ORDER BY id", arguments: [id])
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
    /// are kept for verification and counted.
    @_spi(OutboxWriter)
    @discardableResult
    public func dropAll() throws -> DropResult {
        try drop(where: "1", [])
    }

    /// Cancels the open intents of these domains (of one field when given).
    @_spi(OutboxWriter)
    @discardableResult
    public func drop(domains: [String], field: String? = nil) throws -> DropResult {
        guard !domains.isEmpty else { return DropResult() }
        let marks = Array(repeating: "?", count: domains.count).joined(separator: ",")
        var values: [any DatabaseValueConvertible] = domains.map { $0.lowercased() }
        var condition = "domain IN (\(marks))"
        if let field {
            condition += " AND field = ?"
            values.append(field)
        }
        return try drop(where: condition, values)
    }

    /// Cancels these intents if they are still open.
    @_spi(OutboxWriter)
    @discardableResult
    public func drop(ids: [Int64]) throws -> DropResult {
        guard !ids.isEmpty else { return DropResult() }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        return try drop(where: "id IN (\(marks))", ids)
    }

    /// Puts failed intents back to pending for the next push.
    @_spi(OutboxWriter)
    @discardableResult
    public func retryFailed() throws -> Int {
        let now = nowMs
        return try write { db in
            try db.execute(sql: "UPDATE outbox_intent SET state = 'pending', message = '', updated_ms = ? WHERE state = 'failed'",
                           arguments: [now])
            return db.changesCount
        }
    }

    /// Settles conflicts: `keepRemote` cancels them (the cache keeps the
    /// remote value); otherwise they go back to pending with the remote
    /// value as their new base, so the next push overwrites it knowingly.
    @_spi(OutboxWriter)
    public func resolveConflict(ids: [Int64], keepRemote: Bool) throws {
        let now = nowMs
        try write { db in
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
