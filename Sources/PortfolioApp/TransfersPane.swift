import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// The Transfers pane: transfers in and away and pushes between accounts,
/// with order, status and age (cached; `s` refreshes them in the
/// background). Actions on the cursor row go behind confirmations: an auth
/// code (secret, shown in a dialog only), approve or deny a transfer away,
/// cancel a transfer in or send its new auth code, accept or decline a
/// push; and transfers in from a codes file, and pushes of the selected
/// domains to another account (see `TransfersPane+Forms.swift`).
public final class TransfersPane: Pane {
    public let title = "Transfers"
    public let scope = ActionScope.transfers

    private var rows: [TransferRow] = []
    private var nowMs: Int64 = 0
    private var table = TableState()
    public var position: (index: Int, total: Int)? { Self.position(table.cursor, of: rows.count) }
    private var visibleRows = 20
    /// Whether this session checked the provider yet (the first showing does).
    private var checked = false
    /// The open form (a codes file, an auth code, a push's receiver).
    var form: FormDialog?
    var formPurpose: FormPurpose?

    static let columns = [
        TableColumn("Way", minWidth: 8, maxWidth: 8), TableColumn("Domain", minWidth: 16, flex: 3),
        TableColumn("Order", minWidth: 7, maxWidth: 10), TableColumn("Status", minWidth: 12, flex: 2),
        TableColumn("Age", minWidth: 4, maxWidth: 5, alignment: .right),
    ]

    public init() {}

    public var capturesKeys: Bool { form != nil }

    /// The transfer under the cursor.
    var cursorRow: TransferRow? { table.cursor < rows.count ? rows[table.cursor] : nil }
    public var cursorDomain: String? { cursorRow?.domain }

    public func refresh(_ app: AppEnvironment, state: AppState) throws {
        rows = []
        defer { table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: rows.count) }
        nowMs = app.store.nowMs
        // Transfers are few (those under way): read them whole.
        rows = try app.store.transfers()
    }

    /// `in`, `away`, `pushed in`, `pushed out`.
    static func way(_ direction: TransferDirection) -> String {
        switch direction {
        case .transferIn: return "in"
        case .transferOut: return "away"
        case .pushIn: return "push in"
        case .pushOut: return "push out"
        }
    }

    public func render(into screen: inout Screen, rect: Rect, app: AppEnvironment, state: AppState) {
        let (line, body) = rect.splitTop(1)
        screen.fill(line, style: Style(.input))
        let count = { (d: TransferDirection) in self.rows.filter { $0.direction == d }.count }
        let checked = rows.map(\.checkedMs).max().map { "checked \(ValueDisplay.age(sinceMs: $0, nowMs: nowMs)) ago" } ?? "never checked"
        let text = " in \(count(.transferIn)) · away \(count(.transferOut)) · pushes \(count(.pushIn) + count(.pushOut)) · \(checked) · \(app.actions.key(.transferRefresh)) refreshes"
        screen.put(DisplayWidth.truncate(text, to: line.width), at: line.origin, style: Style(.input, accent: .dim))
        let view = TableView(columns: Self.columns, rowCount: rows.count, state: table,
                             emptyText: "no transfers or pushes — press \(app.actions.key(.transferRefresh)) to check, or `dynafolio transfer in --file codes.csv`")
        visibleRows = max(1, view.visibleRows(in: body))
        let shown = rows, now = nowMs
        table = view.render(into: &screen, rect: body) { index in
            let row = shown[index]
            let status = row.status.lowercased()
            let accent: Role? = ["completed", "approved", "away_approved"].contains(status) ? .ok
                : ["auth code needed", "cancelled", "denied", "failed"].contains(status) ? .error : .pending
            return TableRow([TableCell(Self.way(row.direction)), TableCell(DomainNameDisplay.shown(row.domain, unicode: app.unicode)),
                             TableCell(row.orderId.isEmpty ? "—" : TerminalText.escaped(row.orderId)),
                             TableCell(row.status.isEmpty ? "—" : TerminalText.escaped(row.status), accent: accent),
                             TableCell(ValueDisplay.age(sinceMs: row.startedMs, nowMs: now))])
        }
        if let form { form.render(into: &screen, area: rect) }
    }

    public func handle(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        guard form != nil else { return [] }
        if let open = FormDialog.submission(of: &form, key: key, state: &state) { submit(open, app: app, state: &state) }
        return [.handled, .reload]
    }

    public func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        switch action {
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            table.move(action, rowCount: rows.count, visibleRows: visibleRows)
        case .transferRefresh:
            state.request = .background(.refreshTransfers)
        case .transferCode:
            guard let row = cursorRow else { return Self.nothing(&state) }
            state.request = AppRequest { Self.confirmCodes([row.domain], $0) }
        case .transferYes, .transferNo:
            guard let row = cursorRow else { return Self.nothing(&state) }
            let yes = action == .transferYes
            switch row.direction {
            case .transferOut: state.request = AppRequest { Self.confirmAuthorize(row, approve: yes, $0) }
            case .pushIn: state.request = AppRequest { Self.confirmPushAnswer(row, accept: yes, $0) }
            case .transferIn, .pushOut:
                state.message = StatusMessage("\(app.actions.key(.transferYes))/\(app.actions.key(.transferNo)) answer a transfer away or an incoming push; this row is \(Self.way(row.direction))", isError: true)
            }
        case .transferCancel:
            guard let row = cursorRow else { return Self.nothing(&state) }
            guard row.direction == .transferIn else {
                state.message = StatusMessage("only a transfer in can be cancelled here", isError: true)
                return .handled
            }
            state.request = AppRequest { Self.confirmCancel(row, $0) }
        case .transferSetCode:
            guard let row = cursorRow else { return Self.nothing(&state) }
            openSetCode(row, app: app, state: &state)
        case .transferIn:
            openTransferIn()
        case .transferPush:
            openPush(app: app, state: &state)
        default:
            return []
        }
        return .handled
    }

    /// The first time the pane is shown, transfers and pushes are checked.
    func automaticJob(_ app: AppEnvironment) -> BackgroundJob? {
        guard !checked else { return nil }
        checked = true
        return .refreshTransfers
    }

    static func nothing(_ state: inout AppState) -> PaneFlags {
        state.message = StatusMessage("no transfer under the cursor", isError: true)
        return .handled
    }
}
