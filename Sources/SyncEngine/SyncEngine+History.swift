import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// How one recorded change ended, as `history show` prints it.
public enum HistoryResult: String, Sendable, Hashable, CaseIterable {
    case done, failed, conflict, dropped, held, pending

    init(_ intent: OutboxIntent) {
        switch intent.state {
        case .done: self = .done
        case .failed: self = .failed
        case .conflict: self = .conflict
        case .cancelled, .superseded: self = .dropped
        case .inflight: self = .pending
        case .pending: self = intent.holdReason.isEmpty ? .pending : .held
        }
    }
}

/// One change of a history entry: a domain's field, before → after as
/// readable text, and how it ended.
public struct HistoryChange: Sendable, Hashable {
    public var domain: String
    /// Named as `ls --json`'s `pending` names fields (`ns`, `renew_option`, …);
    /// remote events add `expires` and `presence`.
    public var field: String
    public var before: String
    public var after: String
    public var result: HistoryResult
    /// The provider's text for a failure, the reason for a hold or conflict.
    public var message: String
    /// When it was sent (nil when never sent, and for remote changes).
    public var sentMs: Int64?
}

/// One entry with its changes, for `history show` and the History pane.
public struct HistoryDetail: Sendable {
    public var entry: HistoryEntry
    public var changes: [HistoryChange]
}

extension SyncEngine {
    /// Operations and remote events, newest first (see
    /// `PortfolioDatabase.historyEntries`).
    public func history(text: String? = nil, sinceMs: Int64? = nil, domain: String? = nil,
                        limit: Int? = nil) throws -> [HistoryEntry] {
        try store.historyEntries(sinceMs: sinceMs, domain: domain, text: text, limit: limit)
    }

    /// One entry and its changes; nil for an unknown id.
    public func historyDetail(id: Int64) throws -> HistoryDetail? {
        guard let entry = try store.historyEntry(id: id) else { return nil }
        if entry.origin == .remote {
            return HistoryDetail(entry: entry, changes: try store.remoteChanges(operationID: id).flatMap(Self.changes(remote:)))
        }
        return HistoryDetail(entry: entry, changes: try store.intents(operationID: id).map(Self.change(intent:)))
    }

    /// A domain's last recorded changes, newest first (the Domains detail panel).
    public func domainHistory(_ domain: String, limit: Int = 5) throws -> [HistoryChange] {
        try store.domainHistory(domain, limit: limit).flatMap { item -> [HistoryChange] in
            switch item {
            case .intent(let intent): return [Self.change(intent: intent)]
            case .remote(let change): return Self.changes(remote: change)
            }
        }
    }

    static func change(intent: OutboxIntent) -> HistoryChange {
        let field = IntentField(rawValue: intent.field)
        let before = field.map { ValueDisplay.describe($0, intent.baseValue) } ?? intent.baseValue
        let after = field.map { ValueDisplay.describe($0, intent.value) } ?? intent.value
        let result = HistoryResult(intent)
        let message = result == .held ? intent.holdReason : intent.message
        return HistoryChange(domain: intent.domain, field: intent.field, before: before, after: after, result: result,
                             message: message, sentMs: intent.sentMs)
    }

    /// The fields a remote change touched, each as one change; a domain that
    /// appeared or went is one `presence` change.
    static func changes(remote: RemoteChange) -> [HistoryChange] {
        func change(_ field: String, _ before: String, _ after: String) -> HistoryChange {
            HistoryChange(domain: remote.domain, field: field, before: before, after: after, result: .done, message: "", sentMs: nil)
        }
        guard let before = remote.before, let after = remote.after else {
            return [change("presence", remote.before == nil ? "absent" : "in the account",
                           remote.after == nil ? "gone from the account" : "in the account")]
        }
        var out: [HistoryChange] = []
        if before.expiresMs != after.expiresMs {
            out.append(change("expires", before.expiresMs.map(ValueDisplay.isoDate) ?? "-", after.expiresMs.map(ValueDisplay.isoDate) ?? "-"))
        }
        for field in remoteFields {
            let old = FieldValues.cached(field, row: before, dns: nil)
            let new = FieldValues.cached(field, row: after, dns: nil)
            if old != new { out.append(change(field.rawValue, ValueDisplay.describe(field, old), ValueDisplay.describe(field, new))) }
        }
        return out
    }

    /// The intent fields a listing reports.
    static let remoteFields: [IntentField] = [.nameServerSetting, .renewOption, .privacy, .lock, .folder, .note, .sale, .contacts]

    /// Gives what the last listing found changed at Dynadot to one `remote`
    /// event, then deletes history older than `days` (never an open intent).
    func settleHistory(days: Int?) throws {
        try store.recordRemoteEvent { "sync found \($0) domain\($0 == 1 ? "" : "s") changed at Dynadot" }
        if let days, days > 0 {
            try store.pruneHistory(beforeMs: store.nowMs - Int64(days) * UTCDate.msPerDay)
        }
    }

    /// Takes back the newest queued operation (`z`, `queue undo`): its
    /// pending intents are dropped and the ones it replaced queued again.
    public func undoLastQueued() throws -> QueuedUndoResult? {
        try erasingUnawaitedAuthCodes { try store.undoLastQueued() }
    }
}
