import PortfolioStore
import SyncEngine
import TerminalUI

/// The detail panel of the Domains pane: every cached field of the cursor
/// row, its contacts, its pending changes and the age of the cached copy.
enum DomainDetailPanel {
    static func render(_ row: DomainRow?, pending: [PendingField], contacts: [String: ContactRow], into screen: inout Screen,
                       rect: Rect, app: AppEnvironment, lastCompleteSyncMs: Int64? = nil) {
        guard rect.width >= 10, rect.height >= 3 else { return }
        screen.drawBox(rect, style: Style(.row), border: Style(.row, accent: .dim), title: row.map { DomainRowRenderer.displayName($0, unicode: app.unicode) } ?? "Detail")
        let inner = rect.inset(dx: 2, dy: 1)
        let lines = row.map { self.lines($0, pending: pending, contacts: contacts, app: app, lastCompleteSyncMs: lastCompleteSyncMs) } ?? [[Span("no domain under the cursor", style: Style(.row, accent: .dim))]]
        for (index, line) in lines.prefix(inner.height).enumerated() {
            screen.put(line, at: Point(row: inner.row + index, col: inner.col), base: Style(.row), maxWidth: inner.width)
        }
    }

    /// The panel's lines, label then value.
    /// `contacts` is the cached contact list by id (read once per refresh by
    /// the pane, not per frame).
    static func lines(_ row: DomainRow, pending: [PendingField], contacts: [String: ContactRow], app: AppEnvironment,
                      lastCompleteSyncMs: Int64? = nil) -> [[Span]] {
        var out: [[Span]] = []
        func add(_ label: String, _ value: String, accent: Role? = nil) {
            out.append([Span(DisplayWidth.pad(label, to: 12), style: Style(.row, accent: .dim)),
                        Span(value, style: accent.map { Style(.row, accent: $0) })])
        }
        for field in pending {
            guard let f = IntentField(rawValue: field.field) else { continue }
            add("pending", "\(f.rawValue) → \(ValueDisplay.describe(f, field.value)) (\(field.state.rawValue))",
                accent: field.state == .failed || field.state == .conflict ? .conflict : .pending)
        }
        if row.name != row.nameUnicode { add(app.unicode ? "ascii" : "unicode", app.unicode ? row.name : row.nameUnicode) }
        let expiry = DomainRowRenderer.expiryCell(row.expiresMs, nowMs: app.nowMs)
        add("expires", expiry.text, accent: expiry.accent)
        if let registered = row.registeredMs { add("registered", ValueDisplay.isoDate(registered)) }
        add("renew", row.renewOption.rawValue)
        add("lock", row.locked ? "locked" : "unlocked")
        add("privacy", row.privacy.rawValue)
        add("dns", DomainRowRenderer.nameServerSummary(row))
        for host in row.nameservers.dropFirst() where row.nsType == .nameservers { add("", host) }
        add("folder", row.folderName.isEmpty ? "(none)" : row.folderName)
        if row.forSale {
            add("for sale", [DomainRowRenderer.saleSummary(row), row.saleType ?? ""].filter { !$0.isEmpty }.joined(separator: " "))
        }
        if !row.note.isEmpty { add("note", row.note) }
        if !row.status.isEmpty { add("status", row.status) }
        for (role, id) in [("registrant", row.registrantID), ("admin", row.adminID), ("technical", row.technicalID), ("billing", row.billingID)] {
            guard let id, !id.isEmpty else { continue }
            let contact = contacts[id]
            add(role, contact.map { "\($0.name) <\($0.email)> #\(id)" } ?? "#\(id)")
        }
        // A row a sync found unchanged keeps its old synced_at, but that
        // complete listing still confirmed it: show the later of the two.
        let cachedMs = max(row.syncedAtMs, row.gone ? 0 : (lastCompleteSyncMs ?? 0))
        add("cached", cachedMs > 0 ? "\(app.age(since: cachedMs)) ago" : "never synced")
        return out
    }
}
