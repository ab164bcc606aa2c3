import GRDB

/// Pending intents counted per (field, value): what a plan's sections are
/// made of, read with one `GROUP BY` instead of every intent, so the Queue
/// pane and the push dialog open at once on a queue of 100k.
public struct PendingGroup: Sendable, Hashable {
    public var field: String
    /// The encoded target value every intent of the group shares.
    public var value: String
    public var count: Int
    /// How many of them spend money.
    public var moneyCount: Int
    /// The oldest intent's id: groups come in queue order.
    public var firstID: Int64
}

/// Which pending intents one section of a plan holds: one field, and the
/// encoded values of it the section gathers.
public struct PendingSelector: Sendable, Hashable {
    public var field: String
    public var values: [String]

    public init(field: String, values: [String]) {
        self.field = field
        self.values = values
    }

    fileprivate var condition: (String, [any DatabaseValueConvertible]) {
        let marks = Array(repeating: "?", count: values.count).joined(separator: ",")
        return ("state = 'pending' AND field = ? AND value IN (\(marks))", [field] + values)
    }
}

extension PortfolioDatabase {
    /// Pending intents grouped by (field, value), oldest group first. The
    /// planner would pick the state index without statistics; the covering
    /// section index (migration v3) answers it without a sort.
    public func pendingGroups() throws -> [PendingGroup] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT field, value, COUNT(*), SUM(money), MIN(id) FROM outbox_intent
                INDEXED BY outbox_intent_pending_sections
                WHERE state = 'pending' GROUP BY field, value ORDER BY MIN(id)
                """).compactMap { row in
                guard let field = row.text(0), let value = row.text(1), let count = row.int64(2), let firstID = row.int64(4) else {
                    return nil
                }
                return PendingGroup(field: field, value: value, count: Int(count), moneyCount: Int(row.int64(3) ?? 0), firstID: firstID)
            }
        }
    }

    /// One page of a section's pending intents, oldest first: a section of
    /// 40k domains is listed as it is scrolled, never read whole.
    public func pendingIntents(_ selector: PendingSelector, limit: Int, offset: Int = 0) throws -> [OutboxIntent] {
        let (condition, values) = selector.condition
        return try intents(where: condition, values, limit: limit, offset: offset)
    }

    /// Every pending intent that spends money (renewals, purchases).
    public func pendingMoneyIntents() throws -> [OutboxIntent] {
        try writer.read { db in
            try Array(Row.fetchCursor(db, sql: """
                SELECT \(OutboxIntent.selectList) FROM outbox_intent INDEXED BY outbox_intent_pending_money
                WHERE state = 'pending' AND money = 1 ORDER BY id
                """).compactMap(OutboxIntent.init(row:)))
        }
    }

    /// The ids of every pending intent: what a push confirmation approves.
    public func pendingIntentIDs() throws -> Set<Int64> {
        try writer.read { db in
            var ids = Set<Int64>()
            let cursor = try Int64.fetchCursor(db, sql: "SELECT id FROM outbox_intent WHERE state = 'pending'")
            while let id = try cursor.next() { ids.insert(id) }
            return ids
        }
    }

    /// Cancels the pending intents of one section; in-flight ones are kept
    /// for verification and counted.
    @_spi(OutboxWriter)
    @discardableResult
    public func dropPending(_ selector: PendingSelector) throws -> DropResult {
        let (condition, values) = selector.condition
        return try drop(where: condition, values)
    }
}
