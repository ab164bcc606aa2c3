import GRDB

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
/// showed `baseValue`. Values are JSON text chosen by the caller (the store
/// compares them as strings and never interprets them).
public struct NewIntent: Sendable, Hashable {
    public var domain: String
    public var field: String
    public var value: String
    public var baseValue: String
    /// Spends money (renew, register, buy): needs confirmation with a cost.
    public var money: Bool
    public var costCents: Int64?

    public init(domain: String, field: String, value: String, baseValue: String,
                money: Bool = false, costCents: Int64? = nil) {
        self.domain = domain.lowercased()
        self.field = field
        self.value = value
        self.baseValue = baseValue
        self.money = money
        self.costCents = costCents
    }
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

    static let selectList = """
        id, domain, field, value, base_value, remote_value, state, batch_id, money, cost_cents, \
        message, created_ms, updated_ms, attempt
        """

    init(row: Row) {
        id = row[0]; domain = row[1]; field = row[2]; value = row[3]; baseValue = row[4]
        remoteValue = row[5]; state = IntentState(rawValue: row[6]) ?? .failed; batchID = row[7]
        money = row[8]; costCents = row[9]; message = row[10]; createdMs = row[11]
        updatedMs = row[12]; attempt = row[13]
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

    init(row: Row, intentIDs: [Int64]) {
        id = row[0]; command = row[1]; params = row[2]; domains = row[3]
        state = BatchState(rawValue: row[4]) ?? .uncertain; startedMs = row[5]; endedMs = row[6]
        message = row[7]; self.intentIDs = intentIDs
    }
}

/// What `enqueue` did.
public struct EnqueueResult: Sendable, Hashable {
    /// Ids of new pending intents.
    public var added: [Int64] = []
    /// Older intents replaced by the new ones.
    public var superseded = 0
    /// Intents cancelled because the field went back to its base value.
    public var cancelled = 0
    /// Edits that asked for the value already cached and nothing pending.
    public var unchanged = 0
}

/// A pending value beside a cached one, for the UI's markers and `ls --json`.
public struct PendingField: Sendable, Hashable {
    public var field: String
    public var value: String
    public var state: IntentState
}
