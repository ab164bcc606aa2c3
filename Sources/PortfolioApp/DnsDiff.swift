import SyncEngine

/// One line of the DNS pane: a record of the pending set (or of the cached
/// set when nothing is queued) and how it differs from the cached set.
struct DnsDiffRow: Sendable, Hashable {
    enum Change: Sendable, Hashable {
        case same
        case added
        /// The pending record replaces this cached one (same host and type).
        case changed(from: DnsEntry)
        /// In the cached set, not in the pending one.
        case removed
    }

    var record: DnsEntry
    var change: Change
    /// Position in the working (pending) set; nil for removed records.
    var index: Int?

    /// `+`, `-`, `~` or blank.
    var mark: String {
        switch change {
        case .same: return " "
        case .added: return "+"
        case .changed: return "~"
        case .removed: return "-"
        }
    }
}

/// Compares a pending record set with the cached one, record by record.
enum DnsDiff {
    /// Identical records pair first; a leftover pending record with the
    /// host and type of a leftover cached one is a change of it; the rest
    /// are added (pending) or removed (cached). Pending order, removed last.
    static func rows(cached: [DnsEntry], pending: [DnsEntry]?) -> [DnsDiffRow] {
        guard let pending else {
            return cached.enumerated().map { DnsDiffRow(record: $0.element, change: .same, index: $0.offset) }
        }
        var used = Array(repeating: false, count: cached.count)
        var changes: [DnsDiffRow.Change?] = Array(repeating: nil, count: pending.count)
        for (i, record) in pending.enumerated() {
            if let j = cached.indices.first(where: { !used[$0] && cached[$0] == record }) {
                used[j] = true
                changes[i] = .same
            }
        }
        for (i, record) in pending.enumerated() where changes[i] == nil {
            if let j = cached.indices.first(where: { !used[$0] && cached[$0].host == record.host && cached[$0].type == record.type }) {
                used[j] = true
                changes[i] = .changed(from: cached[j])
            } else {
                changes[i] = .added
            }
        }
        var rows = pending.enumerated().map { DnsDiffRow(record: $0.element, change: changes[$0.offset] ?? .added, index: $0.offset) }
        for (j, record) in cached.enumerated() where !used[j] {
            rows.append(DnsDiffRow(record: record, change: .removed, index: nil))
        }
        return rows
    }

    /// `+2 ~1 -1`, or nil when the sets hold the same records.
    static func summary(_ rows: [DnsDiffRow]) -> String? {
        var added = 0, changed = 0, removed = 0
        for row in rows {
            switch row.change {
            case .same: break
            case .added: added += 1
            case .changed: changed += 1
            case .removed: removed += 1
            }
        }
        let parts = [(added, "+"), (changed, "~"), (removed, "-")].filter { $0.0 > 0 }.map { "\($0.1)\($0.0)" }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
