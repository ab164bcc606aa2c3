import GRDB
import GRDBSQLite

/// Lifecycle of one queued edit.
public enum IntentState: String, Sendable, CaseIterable {
    /// Queued, not yet sent.
    case pending
    /// Part of a batch recorded as sent; its outcome is not recorded yet.
    case inflight
    /// Applied remotely; the cache row holds the new value.
    case done
    /// Refused by the provider (`message` has its text).
    case failed
    /// Verification found a remote value that is neither base nor target.
    case conflict
    /// Replaced by a newer intent for the same (domain, field).
    case superseded
    /// Dropped by the user, or the field was set back to its base value.
    case cancelled
}

/// Lifecycle of one API call of a push.
public enum BatchState: String, Sendable, CaseIterable {
    case inflight, done, failed
    /// The answer was lost (crash, timeout); verify before resending.
    case uncertain
}

/// An edit to queue: set `field` of `domain` to `value`, where the cache
/// showed `baseValue`. Values are canonical text chosen by the caller in
/// the encoding `valueVersion` names (the store compares them as strings
/// and never looks inside them).
public struct NewIntent: Sendable, Hashable {
    public var domain: String
    public var field: String
    public var value: String
    public var baseValue: String
    /// Spends money (renew, register, buy): needs confirmation with a cost.
    public var money: Bool
    public var costCents: Int64?
    /// The encoding of `value` and `baseValue`.
    public var valueVersion: Int

    public init(domain: String, field: String, value: String, baseValue: String,
                money: Bool = false, costCents: Int64? = nil, valueVersion: Int = 1) {
        self.domain = domain.lowercased()
        self.field = field
        self.value = value
        self.baseValue = baseValue
        self.money = money
        self.costCents = costCents
        self.valueVersion = valueVersion
    }
}

/// Where a user action came from.
public enum OperationOrigin: String, Sendable, Hashable, CaseIterable {
    case tui, cli, `import`, undo
    /// dynafolio itself (e.g. conflict resolution after verification).
    case system
    /// Changes a sync found at Dynadot that no dynafolio push made (the
    /// history's remote events; they queue nothing and cannot be undone).
    case remote
}

/// A user action to record with the intents it queues: one TUI edit, one
/// CLI verb, one import.
public struct NewOperation: Sendable, Hashable {
    public var origin: OperationOrigin
    /// One line, e.g. `set renew auto on 150 domains`.
    public var label: String
    /// The most the user accepted to spend on this operation's money
    /// intents (`renew --max-cost`); nil when nothing was approved yet.
    public var approvedCents: Int64?

    public init(origin: OperationOrigin, label: String, approvedCents: Int64? = nil) {
        self.origin = origin
        self.label = label
        self.approvedCents = approvedCents
    }
}

/// A recorded operation.
public struct OutboxOperation: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var createdMs: Int64
    public var origin: OperationOrigin
    public var label: String
    public var approvedCents: Int64?
}

/// A stored intent.
public struct OutboxIntent: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var domain: String
    public var field: String
    public var value: String
    public var baseValue: String
    /// The remote value verification found, when in `conflict`.
    public var remoteValue: String?
    public var state: IntentState
    public var batchID: Int64?
    public var money: Bool
    public var costCents: Int64?
    /// Provider text for `failed`, explanation for `conflict`.
    public var message: String
    public var createdMs: Int64
    public var updatedMs: Int64
    /// How many times it has been sent.
    public var attempt: Int
    /// The operation that queued it (nil for intents older than operations).
    public var operationID: Int64?
    /// The encoding of `value` and `baseValue`.
    public var valueVersion: Int
    /// For money intents: the operation whose approval covers it, and the
    /// total that approval allows for all the intents it covers. Both nil
    /// when the intent waits for a confirmation.
    public var approvalID: Int64?
    public var approvedCents: Int64?
    /// Why a push held it back (over its approval, over the balance, not
    /// confirmed); empty otherwise.
    public var holdReason: String
    /// When it was last recorded as sent.
    public var sentMs: Int64?

    static let selectList = """
        id, domain, field, value, base_value, remote_value, state, batch_id, money, cost_cents, \
        message, created_ms, updated_ms, attempt, operation_id, value_version, approval_id, approved_cents, \
        hold_reason, sent_ms
        """

    /// Decodes a row of `selectList`; nil when a column does not hold what
    /// the schema promises (a damaged cache), so the caller can skip it.
    init?(row: Row) {
        guard let id = row.int64(0), let domain = row.text(1), let field = row.text(2), let value = row.text(3),
              let base = row.text(4), let stateText = row.text(6), let state = IntentState(rawValue: stateText) else { return nil }
        self.id = id; self.domain = domain; self.field = field; self.value = value; baseValue = base
        remoteValue = row.text(5); self.state = state; batchID = row.int64(7)
        money = (row.int64(8) ?? 0) != 0; costCents = row.int64(9); message = row.text(10) ?? ""
        createdMs = row.int64(11) ?? 0; updatedMs = row.int64(12) ?? 0; attempt = Int(row.int64(13) ?? 0)
        operationID = row.int64(14); valueVersion = Int(row.int64(15) ?? 1); approvalID = row.int64(16)
        approvedCents = row.int64(17); holdReason = row.text(18) ?? ""; sentMs = row.int64(19)
    }
}

extension OutboxIntent {
    /// Every row of `statement` (which selects `selectList`), decoded in
    /// place: a row whose columns all have their usual storage type straight
    /// from SQLite (GRDB's `Row` costs a value box per column: 100k pending
    /// intents took most of a plan's time), any other one through
    /// `init(row:)`, with the same result. Rows that do not decode are skipped.
    static func decodeAll(_ statement: Statement) throws -> [OutboxIntent] {
        let cursor = try Row.fetchCursor(statement)
        let s = statement.sqliteStatement
        var intents: [OutboxIntent] = []
        while let row = try cursor.next() {
            if let intent = fast(s) ?? OutboxIntent(row: row) { intents.append(intent) }
        }
        return intents
    }

    private static let integerColumns: [Int32] = [0, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 19]
    private static let textColumns: [Int32] = [1, 2, 3, 4, 5, 6, 10, 18]

    /// The current row when every integer column holds an integer or NULL
    /// and every text column text or NULL; nil otherwise (or when a required
    /// column is NULL, which `init(row:)` then refuses too).
    private static func fast(_ s: SQLiteStatement) -> OutboxIntent? {
        for column in integerColumns {
            let type = sqlite3_column_type(s, column)
            guard type == SQLITE_INTEGER || type == SQLITE_NULL else { return nil }
        }
        for column in textColumns {
            let type = sqlite3_column_type(s, column)
            guard type == SQLITE_TEXT || type == SQLITE_NULL else { return nil }
        }
        func int(_ column: Int32) -> Int64? {
            sqlite3_column_type(s, column) == SQLITE_NULL ? nil : sqlite3_column_int64(s, column)
        }
        // As GRDB reads text: up to the first NUL.
        func text(_ column: Int32) -> String? {
            sqlite3_column_text(s, column).map { String(cString: $0) }
        }
        guard let id = int(0), let domain = text(1), let field = text(2), let value = text(3), let base = text(4),
              let stateText = text(6), let state = IntentState(rawValue: stateText) else { return nil }
        return OutboxIntent(id: id, domain: domain, field: field, value: value, baseValue: base, remoteValue: text(5),
                            state: state, batchID: int(7), money: (int(8) ?? 0) != 0, costCents: int(9),
                            message: text(10) ?? "", createdMs: int(11) ?? 0, updatedMs: int(12) ?? 0,
                            attempt: Int(int(13) ?? 0), operationID: int(14), valueVersion: Int(int(15) ?? 1),
                            approvalID: int(16), approvedCents: int(17), holdReason: text(18) ?? "", sentMs: int(19))
    }

    private init(id: Int64, domain: String, field: String, value: String, baseValue: String, remoteValue: String?,
                 state: IntentState, batchID: Int64?, money: Bool, costCents: Int64?, message: String, createdMs: Int64,
                 updatedMs: Int64, attempt: Int, operationID: Int64?, valueVersion: Int, approvalID: Int64?,
                 approvedCents: Int64?, holdReason: String, sentMs: Int64?) {
        self.id = id; self.domain = domain; self.field = field; self.value = value; self.baseValue = baseValue
        self.remoteValue = remoteValue; self.state = state; self.batchID = batchID; self.money = money
        self.costCents = costCents; self.message = message; self.createdMs = createdMs; self.updatedMs = updatedMs
        self.attempt = attempt; self.operationID = operationID; self.valueVersion = valueVersion
        self.approvalID = approvalID; self.approvedCents = approvedCents; self.holdReason = holdReason; self.sentMs = sentMs
    }
}

/// A recorded API call of a push.
public struct OutboxBatch: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var command: String
    /// JSON object of the call's parameters (as the caller recorded them).
    public var params: String
    /// JSON array of the domains it covers.
    public var domains: String
    public var state: BatchState
    public var startedMs: Int64
    public var endedMs: Int64?
    public var message: String
    /// Ids of the intents sent in this batch.
    public var intentIDs: [Int64]

    static let selectList = "id, command, params, domains, state, started_ms, ended_ms, message"

    init?(row: Row, intentIDs: [Int64]) {
        guard let id = row.int64(0), let command = row.text(1) else { return nil }
        self.id = id; self.command = command; params = row.text(2) ?? "{}"; domains = row.text(3) ?? "[]"
        state = row.text(4).flatMap(BatchState.init(rawValue:)) ?? .uncertain; startedMs = row.int64(5) ?? 0
        endedMs = row.int64(6); message = row.text(7) ?? ""; self.intentIDs = intentIDs
    }
}

/// What `enqueue` did.
public struct EnqueueResult: Sendable, Hashable {
    /// The operation recorded for this action (nil when nothing was queued).
    public var operationID: Int64?
    /// Ids of new pending intents.
    public var added: [Int64] = []
    /// Older intents replaced by the new ones.
    public var superseded = 0
    /// Intents cancelled because the field went back to its base value.
    public var cancelled = 0
    /// Edits that asked for the value already cached and nothing pending.
    public var unchanged = 0

    public init(operationID: Int64? = nil, added: [Int64] = [], superseded: Int = 0, cancelled: Int = 0, unchanged: Int = 0) {
        self.operationID = operationID
        self.added = added
        self.superseded = superseded
        self.cancelled = cancelled
        self.unchanged = unchanged
    }
}

/// What dropping queued changes did.
public struct DropResult: Sendable, Hashable {
    /// Open intents cancelled.
    public var dropped = 0
    /// In-flight intents left alone: they were sent and are verified on the next push.
    public var inflightKept = 0

    public init(dropped: Int = 0, inflightKept: Int = 0) {
        self.dropped = dropped
        self.inflightKept = inflightKept
    }
}

/// A batch recorded as sent: the intents of the planned batch that were
/// still pending when it was recorded (a later edit may have replaced some).
public struct InFlightBatch: Sendable, Hashable {
    public var id: Int64
    public var intentIDs: [Int64]
}

/// How a push changes a cache row when its intent completes: a change to
/// the row as it is *inside* the completing transaction, so only the
/// intent's own field is written and a concurrent pull's other fields stay.
public struct RowUpdate: Sendable {
    public var domain: String
    public var apply: @Sendable (inout DomainRow) -> Void

    public init(domain: String, apply: @escaping @Sendable (inout DomainRow) -> Void) {
        self.domain = domain.lowercased()
        self.apply = apply
    }
}

/// What completing intents writes into the cache, in the same transaction.
public struct CacheWrites: Sendable {
    /// Field changes to existing rows.
    public var updates: [RowUpdate]
    /// Whole rows to insert or replace (a bought domain).
    public var rows: [DomainRow]
    /// Record sets that replace the cached ones.
    public var recordSets: [DNSRecordSet]

    public init(updates: [RowUpdate] = [], rows: [DomainRow] = [], recordSets: [DNSRecordSet] = []) {
        self.updates = updates
        self.rows = rows
        self.recordSets = recordSets
    }

    public static let none = CacheWrites()
}

/// A pending value beside a cached one, for the UI's markers and `ls --json`.
public struct PendingField: Sendable, Hashable {
    public var field: String
    public var value: String
    public var state: IntentState
}
