import DynadotAPI
import PortfolioStore
import SyncEngine
import TerminalUI

/// The detail panel of the Domains pane: every cached field of the cursor
/// row, its contacts, its pending changes and the age of the cached copy.
enum DomainDetailPanel {
    /// How many of the domain's last changes the panel lists.
    static let changesShown = 3

    /// Draws the panel into `rect`. As an overlay (the full-screen panel of
    /// a narrow terminal) long values wrap, the lines scroll from `scroll`
    /// (clamped; the value used is returned) and the title says where it is.
    @discardableResult
    static func render(_ row: DomainRow?, pending: [PendingField], changes: [HistoryChange] = [],
                       contacts: [String: ContactRow], into screen: inout Screen,
                       rect: Rect, app: AppEnvironment, lastCompleteSyncMs: Int64? = nil,
                       overlay: Bool = false, scroll: Int = 0) -> Int {
        guard rect.width >= 10, rect.height >= 3 else { return 0 }
        let inner = rect.inset(dx: 2, dy: 1)
        var lines = row.map { self.lines($0, pending: pending, changes: changes, contacts: contacts, app: app,
                                         lastCompleteSyncMs: lastCompleteSyncMs) } ?? [[Span("no domain under the cursor", style: Style(.row, accent: .dim))]]
        var title = row.map { DomainRowRenderer.displayName($0, unicode: app.unicode) } ?? "Detail"
        var first = 0
        if overlay {
            lines = lines.flatMap { wrapped($0, width: inner.width) }
            first = max(0, min(scroll, lines.count - inner.height))
            let last = min(lines.count, first + inner.height)
            title += lines.count > inner.height ? " ─ lines \(first + 1)–\(last) of \(lines.count), j/k scroll, Esc closes" : " ─ Esc closes"
        }
        screen.drawBox(rect, style: Style(.row), border: Style(.row, accent: .dim), title: title)
        for (index, line) in lines.dropFirst(first).prefix(inner.height).enumerated() {
            screen.put(line, at: Point(row: inner.row + index, col: inner.col), base: Style(.row), maxWidth: inner.width)
        }
        return first
    }

    /// A label + value line cut into lines of `width` columns, the value
    /// continuing under itself (past the label column).
    static func wrapped(_ line: [Span], width: Int) -> [[Span]] {
        guard line.count == 2, DisplayWidth.of(line[0].text) + DisplayWidth.of(line[1].text) > width else { return [line] }
        let label = line[0], value = line[1]
        let indent = DisplayWidth.of(label.text)
        let room = max(1, width - indent)
        var rest = Substring(value.text)
        var out: [[Span]] = []
        while !rest.isEmpty {
            var chunk = DisplayWidth.prefix(String(rest), width: room)
            if chunk.isEmpty { chunk = String(rest.prefix(1)) }
            // Break after the last blank when the value goes on (never mid-word if a blank allows).
            if chunk.count < rest.count, let blank = chunk.lastIndex(of: " "), blank > chunk.startIndex {
                chunk = String(chunk[...blank])
            }
            rest = rest.dropFirst(chunk.count)
            out.append([out.isEmpty ? label : Span(String(repeating: " ", count: indent), style: label.style),
                        Span(chunk, style: value.style)])
        }
        return out
    }

    /// The panel's lines, label then value.
    /// `contacts` is the cached contact list by id (read once per refresh by
    /// the pane, not per frame).
    static func lines(_ row: DomainRow, pending: [PendingField], changes: [HistoryChange] = [],
                      contacts: [String: ContactRow], app: AppEnvironment, lastCompleteSyncMs: Int64? = nil) -> [[Span]] {
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
        for change in changes {
            add("changed", "\(change.field): \(TerminalText.escaped(change.before)) → \(TerminalText.escaped(change.after)) (\(change.result.rawValue))",
                accent: [.failed, .conflict].contains(change.result) ? .conflict : nil)
        }
        // A row a sync found unchanged keeps its old synced_at, but that
        // complete listing still confirmed it: show the later of the two.
        let cachedMs = max(row.syncedAtMs, row.gone ? 0 : (lastCompleteSyncMs ?? 0))
        add("cached", cachedMs > 0 ? "\(app.age(since: cachedMs)) ago" : "never synced")
        return out
    }
}
