import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// The History pane: operations (queued edits, undos) and remote events
/// (changes a sync found at Dynadot), newest first, with their counts and
/// outcome. `/` filters by label or changed domain, `Enter` lists one
/// entry's changes, `U` asks to undo it, showing the undo plan.
public final class HistoryPane: Pane {
    public let title = "History"
    public let scope = ActionScope.history

    /// Text the entries' label or changed domain names contain.
    public private(set) var filter = ""
    private var entries: [HistoryEntry] = []
    private var table = TableState()
    /// The entry whose changes are listed (`Enter`), with them.
    private(set) var opened: HistoryDetail?
    private var changeTable = TableState()
    /// Folder names for folder-wide settings' targets (`folder Parked`).
    private var targets = TargetNames(folderNames: [:])
    private var visibleRows = 20
    private var form: FormDialog?

    public var position: (index: Int, total: Int)? {
        opened.map { Self.position(changeTable.cursor, of: $0.changes.count) } ?? Self.position(table.cursor, of: entries.count)
    }

    /// Entries read at most: the newest this many (a filter narrows them).
    static let limit = 2000

    static let columns = [
        TableColumn("#", minWidth: 4, maxWidth: 7, alignment: .right), TableColumn("Time (UTC)", minWidth: 16, maxWidth: 16),
        TableColumn("Origin", minWidth: 6, maxWidth: 6), TableColumn("Label", minWidth: 16, flex: 3),
        TableColumn("Outcome", minWidth: 12, maxWidth: 28),
    ]

    static let changeColumns = [
        TableColumn("Domain", minWidth: 12, flex: 2), TableColumn("Field", minWidth: 6, maxWidth: 12),
        TableColumn("Before", minWidth: 8, flex: 2), TableColumn("After", minWidth: 8, flex: 2),
        TableColumn("Result", minWidth: 8, maxWidth: 9),
    ]

    public init() {}

    public var capturesKeys: Bool { form != nil }

    /// The entry under the cursor.
    public var cursorEntry: HistoryEntry? { table.cursor < entries.count ? entries[table.cursor] : nil }

    public func refresh(_ app: AppEnvironment, state: AppState) throws {
        entries = []
        defer { table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: entries.count) }
        entries = try app.engine.history(text: filter.isEmpty ? nil : filter, limit: Self.limit)
        targets = try app.engine.targetNames()
        if let open = opened { opened = try app.engine.historyDetail(id: open.entry.id) }
    }

    public func render(into screen: inout Screen, rect: Rect, app: AppEnvironment, state: AppState) {
        let (line, body) = rect.splitTop(1)
        screen.fill(line, style: Style(.input))
        let text: String
        if let opened {
            text = " #\(opened.entry.id) \(TerminalText.escaped(opened.entry.label)) · \(opened.changes.count) change\(opened.changes.count == 1 ? "" : "s") · Enter back"
        } else {
            text = " \(NumberText.grouped(entries.count)) \(entries.count == 1 ? "entry" : "entries")" + (entries.count == Self.limit ? " (newest)" : "")
                + (filter.isEmpty ? " · / filters" : " matching '\(TerminalText.escaped(filter))' · / changes the filter")
        }
        screen.put(DisplayWidth.truncate(text, to: line.width), at: line.origin, style: Style(.input, accent: .dim))
        if let opened {
            renderChanges(opened, into: &screen, rect: body, app: app)
        } else {
            let view = TableView(columns: Self.columns, rowCount: entries.count, state: table,
                                 emptyText: filter.isEmpty ? "no history yet: queued edits, undos and changes found by sync appear here"
                                     : "no entry matches the filter (/ to change it)")
            visibleRows = max(1, view.visibleRows(in: body))
            let shown = entries
            table = view.render(into: &screen, rect: body) { index in
                let e = shown[index]
                let accent: Role? = e.failed + e.conflict > 0 ? .error : e.pending > 0 ? .pending : nil
                return TableRow([TableCell("\(e.id)"), TableCell(Self.time(e.createdMs)), TableCell(e.origin.rawValue),
                                 TableCell(TerminalText.escaped(e.label)), TableCell(Self.outcome(e), accent: accent)])
            }
        }
        if let form { form.render(into: &screen, area: rect) }
    }

    private func renderChanges(_ detail: HistoryDetail, into screen: inout Screen, rect: Rect, app: AppEnvironment) {
        let view = TableView(columns: Self.changeColumns, rowCount: detail.changes.count, state: changeTable,
                             emptyText: "no changes recorded (pruned by history_days, or nothing was queued)")
        visibleRows = max(1, view.visibleRows(in: rect))
        let changes = detail.changes
        changeTable = view.render(into: &screen, rect: rect) { index in
            let c = changes[index]
            let accent: Role? = [.failed, .conflict].contains(c.result) ? .error : [.pending, .held].contains(c.result) ? .pending : nil
            return TableRow([TableCell(targets.shown(c.domain, unicode: app.unicode)), TableCell(c.field),
                             TableCell(TerminalText.escaped(c.before)), TableCell(TerminalText.escaped(c.after)),
                             TableCell(c.result.rawValue, accent: accent)])
        }
    }

    /// `2026-12-02 20:38`.
    static func time(_ ms: Int64) -> String {
        String(UTCDate.isoTimestamp(ms).replacingOccurrences(of: "T", with: " ").prefix(16))
    }

    /// `150: 148 done, 2 failed`.
    static func outcome(_ e: HistoryEntry) -> String {
        var parts: [String] = []
        if e.done > 0 { parts.append("\(e.done) done") }
        if e.pending > 0 { parts.append("\(e.pending) pending") }
        if e.failed > 0 { parts.append("\(e.failed) failed") }
        if e.conflict > 0 { parts.append("\(e.conflict) conflict") }
        if e.dropped > 0 { parts.append("\(e.dropped) dropped") }
        return "\(e.changes): " + (parts.isEmpty ? "none" : parts.joined(separator: ", "))
    }

    public func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        switch action {
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            if let opened {
                changeTable.move(action, rowCount: opened.changes.count, visibleRows: visibleRows)
            } else {
                table.move(action, rowCount: entries.count, visibleRows: visibleRows)
            }
        case .historyFilter:
            form = FormDialog(title: "Filter the history", summary: "Text in the label or a changed domain's name; empty shows all.",
                              fields: [.init("Text", value: filter, hint: "e.g. renew, example.com")])
        case .historyOpen:
            if opened != nil {
                opened = nil
                return .handled
            }
            guard let entry = cursorEntry else {
                state.message = StatusMessage("no entry under the cursor", isError: true)
                return .handled
            }
            do {
                opened = try app.engine.historyDetail(id: entry.id)
                changeTable = TableState()
            } catch {
                state.message = StatusMessage(error: error)
            }
        case .historyUndo:
            guard let entry = opened?.entry ?? cursorEntry else {
                state.message = StatusMessage("no entry under the cursor", isError: true)
                return .handled
            }
            askUndo(entry, app: app, state: &state)
        default:
            return []
        }
        return .handled
    }

    public func handle(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        guard form != nil else { return [] }
        guard let open = FormDialog.submission(of: &form, key: key, state: &state, cancelled: nil) else { return .handled }
        filter = open.value("Text").trimmingCharacters(in: .whitespaces)
        form = nil
        table = TableState()
        return [.handled, .reload]
    }
}
