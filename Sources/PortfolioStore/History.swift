import Foundation
import GRDB

/// One entry of the history: an operation (a user action, an undo) or a
/// `remote` event (what one sync found changed at Dynadot), with its
/// intents counted by outcome.
public struct HistoryEntry: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var createdMs: Int64
    public var origin: OperationOrigin
    public var label: String
    /// Changes recorded (intents, or remotely changed domains).
    public var changes: Int
    public var done: Int
    public var failed: Int
    /// Not sent yet (pending or in flight), held ones included.
    public var pending: Int
    public var held: Int
    public var conflict: Int
    /// Dropped by the user or replaced by a later edit before it was sent.
    public var dropped: Int
}

/// A domain's watched columns as a sync saw them before and after a remote
/// change (`before` nil: the domain appeared; `after` nil: it is gone).
public struct RemoteChange: Sendable, Hashable {
    public var domain: String
    public var createdMs: Int64
    public var before: DomainRow?
    public var after: DomainRow?
}

/// One recorded change of a domain, for the Domains detail panel: an
/// intent of an operation, or a remote change.
public enum DomainHistoryItem: Sendable, Hashable {
    case intent(OutboxIntent)
    case remote(RemoteChange)

    public var timeMs: Int64 {
        switch self {
        case .intent(let intent): return intent.sentMs ?? intent.updatedMs
        case .remote(let change): return change.createdMs
        }
    }
}

/// What taking back the last queued operation did.
public struct QueuedUndoResult: Sendable, Hashable {
    public var operation: OutboxOperation
    /// Its pending intents, now dropped.
    public var dropped: Int
    /// Intents it had replaced, queued again.
    public var restored: Int
}

/// The history is a view over the outbox (operations and the intents they
/// queued keep their base value, target, outcome and send time) plus
/// `history_remote`; nothing prunes intents but `pruneHistory`, which never
/// touches one still open.
extension PortfolioDatabase {
    /// The domain columns whose remote change is history, as a JSON object
    /// of `alias`'s columns (an SQL expression for the listing's triggers).
    static func watchedSnapshot(_ alias: String) -> String {
        let columns = ["expires_ms", "ns_type", "nameservers", "with_ads", "registrant_id", "admin_id", "technical_id",
                       "billing_id", "locked", "privacy", "for_sale", "sale_price_cents", "sale_type",
                       "sale_min_offer_cents", "renew_option", "note", "folder_name"]
        return "json_object(" + columns.map { "'\($0)', \(alias).\($0)" }.joined(separator: ", ") + ")"
    }

    /// Whether any watched column differs between OLD and NEW.
    static let watchedDiffers = ["expires_ms", "ns_type", "nameservers", "with_ads", "registrant_id", "admin_id",
                                 "technical_id", "billing_id", "locked", "privacy", "for_sale", "sale_price_cents",
                                 "sale_type", "sale_min_offer_cents", "renew_option", "note", "folder_name"]
        .map { "OLD.\($0) IS NOT NEW.\($0)" }.joined(separator: " OR ")

    /// Installs, for the rest of the caller's transaction, the triggers that
    /// record remote changes while a listing writes pages: a watched column
    /// changed, a domain back from gone, and (`appearances`) a new domain.
    /// Temp triggers on the writer connection: pushes and other writers
    /// never fire them. `dropHistoryTriggers` removes them.
    static func installHistoryTriggers(_ db: Database, appearances: Bool, now: Int64) throws {
        try db.execute(sql: """
            CREATE TEMP TRIGGER history_watch_update AFTER UPDATE ON main.domain
            WHEN NEW.gone = 0 AND (OLD.gone = 1 OR \(watchedDiffers)) BEGIN
                INSERT INTO history_remote (created_ms, domain, before_row, after_row)
                VALUES (\(now), NEW.name, CASE WHEN OLD.gone = 1 THEN NULL ELSE \(watchedSnapshot("OLD")) END,
                        \(watchedSnapshot("NEW")));
            END;
            """)
        if appearances {
            try db.execute(sql: """
                CREATE TEMP TRIGGER history_watch_insert AFTER INSERT ON main.domain BEGIN
                    INSERT INTO history_remote (created_ms, domain, before_row, after_row)
                    VALUES (\(now), NEW.name, NULL, \(watchedSnapshot("NEW")));
                END;
                """)
        }
    }

    static func dropHistoryTriggers(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER IF EXISTS temp.history_watch_update;
            DROP TRIGGER IF EXISTS temp.history_watch_insert;
            """)
    }

    /// Gives every remote change not yet owned to one new `remote`
    /// operation labelled `label`; nil when there were none.
    @_spi(OutboxWriter)
    @discardableResult
    public func recordRemoteEvent(label: (_ domains: Int) -> String) throws -> Int64? {
        let now = nowMs
        return try write { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM history_remote WHERE operation_id IS NULL") ?? 0
            guard count > 0 else { return nil }
            try db.execute(sql: "INSERT INTO operation (created_ms, origin, label) VALUES (?, 'remote', ?)",
                           arguments: [now, label(count)])
            let id = db.lastInsertedRowID
            try db.execute(sql: "UPDATE history_remote SET operation_id = ? WHERE operation_id IS NULL", arguments: [id])
            return id
        }
    }

    /// Operations and remote events, newest first: those created at or after
    /// `sinceMs`, touching `domain`, whose label or a changed domain
    /// contains `text` (case-insensitive).
    public func historyEntries(sinceMs: Int64? = nil, domain: String? = nil, text: String? = nil,
                               limit: Int? = nil) throws -> [HistoryEntry] {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let sinceMs {
            conditions.append("o.created_ms >= ?")
            arguments.append(sinceMs)
        }
        if let domain {
            conditions.append("""
                (o.id IN (SELECT operation_id FROM outbox_intent WHERE domain = ?)
                 OR o.id IN (SELECT operation_id FROM history_remote WHERE domain = ?))
                """)
            arguments += [domain.lowercased(), domain.lowercased()]
        }
        if let text, !text.isEmpty {
            let pattern = "%" + text.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
            conditions.append("""
                (lower(o.label) LIKE ? ESCAPE '\\'
                 OR o.id IN (SELECT operation_id FROM outbox_intent WHERE domain LIKE ? ESCAPE '\\')
                 OR o.id IN (SELECT operation_id FROM history_remote WHERE domain LIKE ? ESCAPE '\\'))
                """)
            arguments += [pattern, pattern, pattern]
        }
        return try entries(where: conditions, arguments, limit: limit)
    }

    /// One history entry by id.
    public func historyEntry(id: Int64) throws -> HistoryEntry? {
        try entries(where: ["o.id = ?"], [id], limit: 1).first
    }

    /// The operations matching `conditions`, newest first, with their
    /// intents counted per operation from `outbox_intent_by_operation_state`
    /// (one grouped read per chunk of operations, index only) and their
    /// remote changes from `history_remote_by_operation`.
    private func entries(where conditions: [String], _ arguments: [any DatabaseValueConvertible],
                         limit: Int?) throws -> [HistoryEntry] {
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let bound = limit.map { " LIMIT \($0)" } ?? ""
        return try writer.read { db in
            var entries = try Row.fetchAll(db, sql: """
                SELECT o.id, o.created_ms, o.origin, o.label FROM operation o \(filter) ORDER BY o.id DESC\(bound)
                """, arguments: StatementArguments(arguments)).compactMap { row -> HistoryEntry? in
                guard let id = row.int64(0), let origin = row.text(2).flatMap(OperationOrigin.init(rawValue:)) else { return nil }
                return HistoryEntry(id: id, createdMs: row.int64(1) ?? 0, origin: origin, label: row.text(3) ?? "",
                                    changes: 0, done: 0, failed: 0, pending: 0, held: 0, conflict: 0, dropped: 0)
            }
            var position: [Int64: Int] = [:]
            for (index, entry) in entries.enumerated() { position[entry.id] = index }
            // Grouped by the raw columns, in the index's order: no temporary
            // B-tree (grouping by `hold_reason <> ''` would need one).
            for start in stride(from: 0, to: entries.count, by: 500) {
                let ids = entries[start..<min(start + 500, entries.count)].map(\.id)
                let list = Array(repeating: "?", count: ids.count).joined(separator: ",")
                let intents = try Row.fetchCursor(db, sql: """
                    SELECT operation_id, state, hold_reason, COUNT(*) FROM outbox_intent
                    WHERE operation_id IN (\(list)) GROUP BY operation_id, state, hold_reason
                    """, arguments: StatementArguments(ids))
                while let row = try intents.next() {
                    guard let id = row.int64(0), let index = position[id] else { continue }
                    let count = Int(row.int64(3) ?? 0)
                    entries[index].changes += count
                    switch row.text(1) {
                    case "done": entries[index].done += count
                    case "failed": entries[index].failed += count
                    case "pending":
                        entries[index].pending += count
                        if !(row.text(2) ?? "").isEmpty { entries[index].held += count }
                    case "inflight": entries[index].pending += count
                    case "conflict": entries[index].conflict += count
                    case "cancelled", "superseded": entries[index].dropped += count
                    default: break
                    }
                }
                let remote = try Row.fetchCursor(db, sql: """
                    SELECT operation_id, COUNT(*) FROM history_remote WHERE operation_id IN (\(list)) GROUP BY operation_id
                    """, arguments: StatementArguments(ids))
                while let row = try remote.next() {
                    guard let id = row.int64(0), let index = position[id], entries[index].origin == .remote else { continue }
                    // A remote event records what already happened.
                    entries[index].changes = Int(row.int64(1) ?? 0)
                    entries[index].done = entries[index].changes
                }
            }
            return entries
        }
    }

    /// The intents of one operation, oldest first.
    public func intents(operationID: Int64) throws -> [OutboxIntent] {
        try intents(where: "operation_id = ?", [operationID])
    }

    /// The remote changes of one `remote` event, by domain.
    public func remoteChanges(operationID: Int64) throws -> [RemoteChange] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT domain, created_ms, before_row, after_row FROM history_remote WHERE operation_id = ? ORDER BY domain, id
                """, arguments: [operationID]).compactMap(Self.remoteChange(row:))
        }
    }

    /// A domain's newest recorded changes (sent or settled intents and
    /// remote changes), newest first.
    public func domainHistory(_ domain: String, limit: Int) throws -> [DomainHistoryItem] {
        let name = domain.lowercased()
        let intents = try intents(where: "domain = ? AND state IN ('done','failed','conflict','inflight')", [name])
        let remote = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT domain, created_ms, before_row, after_row FROM history_remote WHERE domain = ?
                ORDER BY created_ms DESC, id DESC LIMIT ?
                """, arguments: [name, limit]).compactMap(Self.remoteChange(row:))
        }
        let items = intents.map(DomainHistoryItem.intent) + remote.map(DomainHistoryItem.remote)
        return Array(items.sorted { $0.timeMs > $1.timeMs }.prefix(limit))
    }

    static func remoteChange(row: Row) -> RemoteChange? {
        guard let domain = row.text(0) else { return nil }
        return RemoteChange(domain: domain, createdMs: row.int64(1) ?? 0,
                            before: row.text(2).flatMap { snapshotRow(domain, $0) },
                            after: row.text(3).flatMap { snapshotRow(domain, $0) })
    }

    /// A `watchedSnapshot` JSON object as a row (other columns default).
    static func snapshotRow(_ name: String, _ json: String) -> DomainRow? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        func text(_ key: String) -> String? { object[key] as? String }
        func int(_ key: String) -> Int64? { (object[key] as? NSNumber)?.int64Value }
        let servers = text("nameservers") ?? ""
        return DomainRow(name: name, expiresMs: int("expires_ms"),
                         nsType: DomainRow.NSType(rawValue: text("ns_type") ?? "") ?? .other,
                         nameservers: servers.isEmpty ? [] : servers.split(separator: "\n").map(String.init),
                         withAds: int("with_ads") == 1, registrantID: text("registrant_id"), adminID: text("admin_id"),
                         technicalID: text("technical_id"), billingID: text("billing_id"), locked: int("locked") == 1,
                         privacy: DomainRow.Privacy(rawValue: text("privacy") ?? "") ?? .none, forSale: int("for_sale") == 1,
                         salePriceCents: int("sale_price_cents"), saleType: text("sale_type"),
                         saleMinOfferCents: int("sale_min_offer_cents"),
                         renewOption: DomainRow.RenewOption(rawValue: text("renew_option") ?? "") ?? .none,
                         note: text("note") ?? "", folderName: text("folder_name") ?? "")
    }

    /// Deletes history older than `beforeMs`: remote changes, intents that
    /// are settled (done, dropped, replaced — never pending, in flight,
    /// failed or in conflict, which are still the queue's), then the
    /// operations and batches nothing refers to any more. Returns how many
    /// operations went.
    @_spi(OutboxWriter)
    @discardableResult
    public func pruneHistory(beforeMs: Int64) throws -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM history_remote WHERE created_ms < ? AND operation_id IS NOT NULL", arguments: [beforeMs])
            try db.execute(sql: """
                DELETE FROM outbox_intent WHERE state IN ('done','cancelled','superseded') AND updated_ms < ?
                  AND (operation_id IS NULL OR operation_id IN (SELECT id FROM operation WHERE created_ms < ?))
                """, arguments: [beforeMs, beforeMs])
            try db.execute(sql: """
                DELETE FROM operation WHERE created_ms < ?
                  AND NOT EXISTS (SELECT 1 FROM outbox_intent i WHERE i.operation_id = operation.id OR i.approval_id = operation.id)
                  AND NOT EXISTS (SELECT 1 FROM history_remote r WHERE r.operation_id = operation.id)
                """, arguments: [beforeMs])
            let operations = db.changesCount
            try db.execute(sql: """
                DELETE FROM outbox_batch WHERE state IN ('done','failed') AND started_ms < ?
                  AND NOT EXISTS (SELECT 1 FROM outbox_intent i WHERE i.batch_id = outbox_batch.id)
                """, arguments: [beforeMs])
            return operations
        }
    }

    /// Takes back the newest operation that still has pending intents: they
    /// are dropped, and each intent one of them had replaced is queued
    /// again when nothing else is open for its (domain, field). The replaced
    /// intent is found by what replacing wrote: state `superseded` at the
    /// operation's own time, the newest one before the replacing intent.
    /// Nil when nothing is queued.
    @_spi(OutboxWriter)
    public func undoLastQueued() throws -> QueuedUndoResult? {
        let now = nowMs
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT o.id, o.created_ms, o.origin, o.label, o.approved_cents FROM operation o
                WHERE o.id = (SELECT MAX(operation_id) FROM outbox_intent WHERE state = 'pending')
                """), let operation = Self.operation(row: row) else { return nil }
            let pending = try Row.fetchAll(db, sql: """
                SELECT id, domain, field FROM outbox_intent WHERE operation_id = ? AND state = 'pending' ORDER BY id
                """, arguments: [operation.id])
            try db.execute(sql: "UPDATE outbox_intent SET state = 'cancelled', updated_ms = ? WHERE operation_id = ? AND state = 'pending'",
                           arguments: [now, operation.id])
            var restored = 0
            let find = try db.cachedStatement(sql: """
                SELECT id FROM outbox_intent WHERE domain = ? AND field = ? AND state = 'superseded' AND updated_ms = ? AND id < ?
                ORDER BY id DESC LIMIT 1
                """)
            for intent in pending {
                guard let id = intent.int64(0), let domain = intent.text(1), let field = intent.text(2),
                      let previous = try Int64.fetchOne(find, arguments: [domain, field, operation.createdMs, id]) else { continue }
                let open = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM outbox_intent WHERE domain = ? AND field = ? AND state IN ('pending','inflight','failed','conflict')
                    """, arguments: [domain, field]) ?? 0
                guard open == 0 else { continue }
                try db.execute(sql: "UPDATE outbox_intent SET state = 'pending', updated_ms = ? WHERE id = ?", arguments: [now, previous])
                restored += 1
            }
            return QueuedUndoResult(operation: operation, dropped: pending.count, restored: restored)
        }
    }
}
