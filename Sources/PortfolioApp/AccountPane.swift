import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// The Account pane: the balance, price level and API tier, the defaults
/// for new domains (`account_info`), and the folders with their cached
/// domain counts and settings (`folder_list`). `s` queues a folder-wide
/// setting for the cursor folder (one `set_folder_*` call, sent by push),
/// `c` queues clearing one of its settings (`set_clear_folder_setting`);
/// `d` sets an account default now (one `set_default_*` call). All ask first.
public final class AccountPane: Pane {
    public let title = "Account"
    public let scope = ActionScope.account

    private var account: AccountOverview?
    private var folders: [FolderSummary] = []
    private var table = TableState()
    public var position: (index: Int, total: Int)? { Self.position(table.cursor, of: folders.count) }
    private var visibleRows = 10
    private var form: FormDialog?
    private var formPurpose: FormPurpose?

    private enum FormPurpose { case folder(FolderSummary), clear(FolderSummary), accountDefault }

    static let columns = [
        TableColumn("Folder", minWidth: 10, maxWidth: 24, flex: 1), TableColumn("Domains", minWidth: 7, alignment: .right),
        TableColumn("Settings (* = also for domains moved in later)", minWidth: 20, flex: 3),
    ]

    public init() {}

    public var capturesKeys: Bool { form != nil }

    /// The folder under the cursor.
    public var cursorFolder: FolderSummary? { table.cursor < folders.count ? folders[table.cursor] : nil }

    public func refresh(_ app: AppEnvironment, state: AppState) throws {
        account = nil
        folders = []
        defer { table = table.keepingCursorVisible(visibleRows: visibleRows, rowCount: folders.count) }
        account = try app.engine.accountOverview()
        folders = try app.engine.folderSummaries()
    }

    public func render(into screen: inout Screen, rect: Rect, app: AppEnvironment, state: AppState) {
        let defaults = account?.defaults ?? []
        let (line, rest) = rect.splitTop(1)
        screen.fill(line, style: Style(.input))
        screen.put(DisplayWidth.truncate(TerminalText.escaped(Self.headline(account)), to: line.width), at: line.origin,
                   style: Style(.input, accent: .dim))
        let (defaultsArea, body) = rest.splitTop(min(rest.height, defaults.count + 1))
        var y = defaultsArea.origin.row
        if defaultsArea.height > 0 {
            screen.put(DisplayWidth.truncate(" Defaults for new domains (\(app.actions.key(.accountDefault)) sets one):", to: rect.width),
                       at: Point(row: y, col: rect.origin.col), style: Style(.header))
            y += 1
        }
        for setting in defaults where y < defaultsArea.origin.row + defaultsArea.height {
            let text = "   " + DisplayWidth.pad(TerminalText.escaped(setting.kind), to: 6) + " " + TerminalText.escaped(setting.value)
            screen.put(DisplayWidth.truncate(text, to: rect.width), at: Point(row: y, col: rect.origin.col), style: Style(.row))
            y += 1
        }
        let view = TableView(columns: Self.columns, rowCount: folders.count, state: table,
                             emptyText: account == nil ? "the account was never read — press \(app.actions.key(.sync)) to sync"
                                                       : "no folders — create one with `dynafolio folder create NAME`")
        visibleRows = max(1, view.visibleRows(in: body))
        let shown = folders
        table = view.render(into: &screen, rect: body) { index in
            let folder = shown[index]
            return TableRow([TableCell(TerminalText.escaped(folder.name)), TableCell(NumberText.grouped(folder.domains)),
                             TableCell(TerminalText.escaped(Self.settingsText(folder.settings)))])
        }
        if let form { form.render(into: &screen, area: rect) }
    }

    /// `simuser1 · balance $5,000.00 · Regular Pricing · tier regular · read 2026-12-03`.
    static func headline(_ account: AccountOverview?) -> String {
        guard let account else { return " account not read yet" }
        return " \(account.username) · balance \(account.balanceCents.map(Cents.dollars) ?? "unknown")"
            + " · \(account.priceLevel.isEmpty ? "price level unknown" : account.priceLevel)"
            + " · API tier \(account.tier.isEmpty ? "unknown" : account.tier) · read \(ValueDisplay.isoDate(account.fetchedAtMs))"
    }

    /// `ns Name Servers ns1.a.net* · renew auto-renew · …`.
    static func settingsText(_ settings: [DefaultSetting]) -> String {
        settings.map { "\($0.kind) \($0.value)" + ($0.enabled == true ? "*" : "") }.joined(separator: " · ")
    }

    public func perform(_ action: Action, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        switch action {
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            table.move(action, rowCount: folders.count, visibleRows: visibleRows)
        case .folderSetting, .folderClear:
            guard let folder = cursorFolder else {
                state.message = StatusMessage("no folder under the cursor — press \(app.actions.key(.sync)) to sync", isError: true)
                return .handled
            }
            guard action == .folderSetting else {
                form = FormDialog(title: "Clear a setting of \(TerminalText.escaped(folder.name))",
                                  summary: "the folder's own setting; one set_clear_folder_setting call",
                                  fields: [.init("Setting", hint: FolderService.words.joined(separator: " · "))])
                formPurpose = .clear(folder)
                return .handled
            }
            form = FormDialog(title: "Folder-wide setting for \(TerminalText.escaped(folder.name))",
                              summary: "\(NumberText.count(folder.domains, "domain")) in the cache; one call for the whole folder", fields: [
                .init("Setting", hint: Self.settingHint),
                .init("Apply now", value: "yes", hint: "yes: every domain in the folder now"),
                .init("Future", value: "no", hint: "yes: domains moved in later"),
            ])
            formPurpose = .folder(folder)
        case .accountDefault:
            form = FormDialog(title: "Default for new domains", summary: "existing domains keep their settings",
                              fields: [.init("Setting", hint: Self.settingHint)])
            formPurpose = .accountDefault
        default:
            return []
        }
        return .handled
    }

    static let settingHint = "ns H… · renew auto · parking · forward URL · hosting basic"

    public func handle(key: KeyEvent, app: AppEnvironment, state: inout AppState) -> PaneFlags {
        guard form != nil else { return [] }
        guard var open = FormDialog.submission(of: &form, key: key, state: &state) else { return .handled }
        do {
            if case .clear(let folder)? = formPurpose {
                let word = open.value("Setting").trimmingCharacters(in: .whitespaces)
                guard let service = FolderService(word: word) else {
                    throw SyncError.invalidEdit("'\(TerminalText.escaped(word))' is not a folder setting to clear; use one of: "
                                                + FolderService.words.joined(separator: ", "))
                }
                form = nil
                state.request = .confirm(Self.clearDialog(folder, service: service),
                                         Self.queueing(folder, .clear(service), future: false, applyNow: false))
                return [.handled, .reload]
            }
            let setting = try FolderSetting.parse(words: EditVerbParser.split(open.value("Setting")))
            switch formPurpose {
            case .folder(let folder)?:
                let now = try Self.yesNo(open.value("Apply now"), "Apply now")
                let future = try Self.yesNo(open.value("Future"), "Future")
                guard now || future else { throw SyncError.invalidEdit("say yes to Apply now, Future, or both") }
                form = nil
                state.request = .confirm(Self.folderDialog(folder, setting: setting, now: now, future: future, app: app),
                                         Self.queueing(folder, setting, future: future, applyNow: now))
            case .accountDefault?:
                form = nil
                let command = setting.defaultCommandShape.command
                let dialog = ConfirmDialog(title: "Default for new domains", summary: "Send \(command) now (one call)?", lines: [
                    [Span("  new domains get  "), Span(setting.text, style: Style(.dialog, accent: .pending))],
                    [Span("  domains already in the account keep their settings")],
                ], isDangerous: true)
                state.request = .confirm(dialog) { host in
                    host.start(BackgroundJob(startMessage: "sending \(command)…") { engine, _ in
                        try await engine.setAccountDefault(setting)
                        return StatusMessage("sent \(command): new domains get \(setting.text)")
                    })
                }
            case .clear?, nil:
                form = nil
            }
        } catch {
            open.error = "\(error)"
            form = open
        }
        return [.handled, .reload]
    }

    /// Queues `setting` for `folder` once the user said yes, and says so.
    static func queueing(_ folder: FolderSummary, _ setting: FolderSetting, future: Bool, applyNow: Bool) -> (any PaneHost) -> Void {
        { host in
            do {
                let result = try host.environment.engine.queueFolderSetting(folder: folder.name, setting: setting, future: future,
                                                                            applyNow: applyNow, origin: .tui)
                host.state.message = StatusMessage("queued for folder \(TerminalText.escaped(result.change.folderName)): \(setting.text) — "
                                                   + host.environment.actions.reviewHint)
            } catch {
                host.state.message = StatusMessage(error: error)
            }
            host.refreshAll()
        }
    }

    /// What clearing means: the folder, its cached count, the one call,
    /// and that the folder's own setting is what changes.
    static func clearDialog(_ folder: FolderSummary, service: FolderService) -> ConfirmDialog {
        let lines: [[Span]] = [
            [Span("  clears  "), Span("the folder's \(service.word) setting", style: Style(.dialog, accent: .pending))],
            [Span("  the folder holds \(NumberText.count(folder.domains, "domain")) in the cache")],
            [Span("  one set_clear_folder_setting call, sent by push")],
        ]
        return ConfirmDialog(title: "Folder \(TerminalText.escaped(folder.name))", summary: "Queue clearing this folder setting?",
                             lines: lines, isDangerous: true)
    }

    static func yesNo(_ text: String, _ field: String) throws -> Bool {
        switch text.lowercased() {
        case "yes", "y": return true
        case "no", "n", "": return false
        default: throw SyncError.invalidEdit("\(field): yes or no")
        }
    }

    /// What queueing the folder setting means, in the words the CLI uses:
    /// one call, the cached count, and the warning about domains moved in
    /// elsewhere since the last sync.
    static func folderDialog(_ folder: FolderSummary, setting: FolderSetting, now: Bool, future: Bool, app: AppEnvironment) -> ConfirmDialog {
        var lines: [[Span]] = [[Span("  setting  "), Span(setting.text, style: Style(.dialog, accent: .pending))],
                               [Span("  one \(setting.commandShape.command) call, whatever the folder's size")]]
        if now {
            lines.append([Span("  applies now to every domain in it (\(NumberText.grouped(folder.domains)) in the cache)")])
            lines.append([Span("  and to domains moved into it elsewhere since the last sync", style: Style(.dialog, accent: .error))])
        }
        if future { lines.append([Span("  kept for domains moved into it later")]) }
        return ConfirmDialog(title: "Folder \(TerminalText.escaped(folder.name))", summary: "Queue this folder-wide setting?",
                             lines: lines, isDangerous: now)
    }
}
