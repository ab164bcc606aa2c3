import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// What undoing an operation would queue, and what it leaves alone.
public struct UndoPlan: Sendable {
    /// A field put back to its value before the operation.
    public struct Restore: Sendable, Hashable {
        public var domain: String
        public var field: IntentField
        /// Encoded target (the operation's base) and base (the cache now).
        public var value: String
        public var current: String
    }

    /// A field left alone, and why.
    public struct Skipped: Sendable, Hashable {
        public var domain: String
        public var field: String
        /// The cached value now (for conflicts), readable.
        public var current: String
        public var reason: String
    }

    public var operation: HistoryEntry
    public var restores: [Restore]
    /// Changed since the operation (by a later one, or remotely): kept
    /// unless `force`.
    public var conflicts: [Skipped]
    /// What API3 cannot take back (lock, renewals, registrations, purchases)
    /// or whose earlier value the cache never knew.
    public var irreversible: [Skipped]
    /// Intents that never changed anything (failed, dropped, not sent).
    public var notApplied: Int
    /// Fields already back at their earlier value.
    public var alreadyBack: Int
    /// API calls the restores cost, grouped by restored value.
    public var calls: Int

    /// Restores per (field, readable restored value), largest first:
    /// `renew_option → donot: 90`.
    public var groups: [(field: String, value: String, count: Int)] {
        var counts: [String: (String, String, Int)] = [:]
        for restore in restores {
            let key = restore.field.rawValue + "\u{0}" + restore.value
            let shown = ValueDisplay.describe(restore.field, restore.value)
            counts[key] = (restore.field.rawValue, shown, (counts[key]?.2 ?? 0) + 1)
        }
        return counts.values.map { (field: $0.0, value: $0.1, count: $0.2) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : ($0.field, $0.value) < ($1.field, $1.value) }
    }
}

/// Why undoing an operation cannot start.
public enum UndoError: Error, Sendable, CustomStringConvertible {
    case unknown(Int64)
    case remote(Int64)

    public var description: String {
        switch self {
        case .unknown(let id): return "no operation #\(id) in the history; `dynafolio history` lists them"
        case .remote(let id): return "#\(id) is a remote event (changes made outside dynafolio); only dynafolio's own operations can be undone"
        }
    }
}

extension SyncEngine {
    /// The fields an undo cannot restore through API3.
    static let irreversibleFields: [IntentField: String] = [
        .lock: "cannot be undone: API3 has no unlock command",
        .renew: "cannot be undone: a renewal is paid and final",
        .purchase: "cannot be undone: a purchase is paid and final",
        .contact: "cannot be undone: the contact's earlier fields were not recorded",
    ]

    /// The plan that puts every reversible field that operation `id` changed
    /// back to the value it had before (its intents' base values), read
    /// against the cache now. A field whose cached value is no longer the
    /// one the operation set, or that a later change still waiting in the
    /// queue targets, is a conflict — restored anyway with `force`.
    public func undoPlan(operationID id: Int64, force: Bool = false) throws -> UndoPlan {
        guard let entry = try store.historyEntry(id: id) else { throw UndoError.unknown(id) }
        guard entry.origin != .remote else { throw UndoError.remote(id) }
        let intents = try store.intents(operationID: id)
        let names = Array(Set(intents.map(\.domain)))
        let rows = Dictionary(try store.domains(named: names).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let dnsSets = try store.dnsRecordSets(domains: rows.values.filter { $0.nsType == .dynadotDNS }.map(\.name))
        var queued: [String: Int64] = [:]
        for open in try store.intents(in: [.pending, .inflight, .failed, .conflict]) where open.id > (intents.last?.id ?? 0) {
            queued[open.domain + "\u{0}" + open.field] = open.operationID ?? 0
        }
        var plan = UndoPlan(operation: entry, restores: [], conflicts: [], irreversible: [], notApplied: 0, alreadyBack: 0, calls: 0)
        for intent in intents {
            guard intent.state == .done else {
                plan.notApplied += 1
                continue
            }
            guard let field = IntentField(rawValue: intent.field) else {
                plan.irreversible.append(.init(domain: intent.domain, field: intent.field, current: "", reason: "written by a newer dynafolio"))
                continue
            }
            if let reason = Self.irreversibleFields[field] {
                plan.irreversible.append(.init(domain: intent.domain, field: intent.field, current: "", reason: reason))
                continue
            }
            guard Self.restorable(field, intent.baseValue) else {
                plan.irreversible.append(.init(domain: intent.domain, field: intent.field, current: "",
                                               reason: "cannot be undone: the cache never held the earlier value (\(ValueDisplay.describe(field, intent.baseValue)))"))
                continue
            }
            guard let row = rows[intent.domain], !row.gone else {
                plan.conflicts.append(.init(domain: intent.domain, field: intent.field, current: "gone from the account",
                                            reason: "the domain is no longer in the account"))
                continue
            }
            let current = FieldValues.cached(field, row: row, dns: dnsSets[intent.domain])
            if Self.same(current, intent.baseValue, field) {
                plan.alreadyBack += 1
                continue
            }
            let shown = ValueDisplay.describe(field, current)
            if !force {
                if let later = queued[intent.domain + "\u{0}" + intent.field] {
                    plan.conflicts.append(.init(domain: intent.domain, field: intent.field, current: shown,
                                                reason: "a later change is queued (#\(later))"))
                    continue
                }
                if !Self.same(current, intent.value, field) {
                    plan.conflicts.append(.init(domain: intent.domain, field: intent.field, current: shown,
                                                reason: "changed since, now \(shown)"))
                    continue
                }
            }
            plan.restores.append(.init(domain: intent.domain, field: field, value: intent.baseValue, current: current))
        }
        let items = plan.restores.enumerated().compactMap { index, restore in
            Edit(field: restore.field, encodedValue: restore.value).map { PlanItem(intentID: Int64(index), domain: restore.domain, edit: $0) }
        }
        plan.calls = OutboxPlanner.plan(items).count
        return plan
    }

    /// Queues `plan`'s restores as one new operation (origin `undo`).
    @discardableResult
    public func queueUndo(_ plan: UndoPlan, origin: OperationOrigin = .undo) throws -> QueueSummary {
        let intents = plan.restores.map {
            NewIntent(domain: $0.domain, field: $0.field.rawValue, value: $0.value, baseValue: $0.current,
                      valueVersion: Edit.valueVersion)
        }
        var summary = QueueSummary()
        guard !intents.isEmpty else { return summary }
        let label = "undo #\(plan.operation.id) (\(plan.operation.label))"
        let result = try store.enqueue(NewOperation(origin: origin, label: label), intents: intents)
        summary.count(result)
        logger.info("queued undo", metadata: ["operation": "\(plan.operation.id)", "restores": "\(intents.count)"])
        return summary
    }

    /// Whether an encoded base value is a complete value to send again
    /// (a setting cached without its detail — forwarding without its URL,
    /// Dynadot DNS never fetched — is not).
    static func restorable(_ field: IntentField, _ encoded: String) -> Bool {
        guard let edit = Edit(field: field, encodedValue: encoded) else { return false }
        guard field == .nameServerSetting, let value = try? JSONValue.parse(Data(encoded.utf8)) else { return true }
        switch edit {
        case .forwarding(let url, _), .stealth(let url, _): return !url.isEmpty
        case .dns: return value["records"] != nil
        default: return true
        }
    }

    static func same(_ a: String, _ b: String, _ field: IntentField) -> Bool {
        a == b || (field == .nameServerSetting && FieldValues.applied(target: b, remote: a, field: field))
    }
}
