import TerminalUI

/// What a pane declares to be a tab: its scope, the number key's action,
/// its actions with default keys and help text, and how to make it. The
/// tabs, number keys, help, footer and the README's key tables all come
/// from ``PaneRegistry/all`` (k9s's registry of views).
struct PaneRegistration: Sendable {
    /// Where the pane's keys work.
    let scope: ActionScope
    /// The action of the pane's number key (`pane-domains`).
    let showAction: Action
    /// The number key's help text (`Domains pane`).
    let showDescription: String
    /// The pane's own actions, in help order.
    let actions: [ActionSpec]
    /// Makes the pane (once per app).
    let make: @Sendable () -> any Pane

    init(scope: ActionScope, showAction: Action, showDescription: String, actions: [ActionSpec],
                make: @escaping @Sendable () -> any Pane) {
        self.scope = scope
        self.showAction = showAction
        self.showDescription = showDescription
        self.actions = actions
        self.make = make
    }
}

/// The panes in tab order: number key N shows the Nth. A new pane is one
/// file that fills in ``Pane`` and a `registration`, plus one line here.
enum PaneRegistry {
    static let all: [PaneRegistration] = [
        DomainsPane.registration,
        ExpiriesPane.registration,
        DnsPane.registration,
        ListingsPane.registration,
        ContactsPane.registration,
        OrdersPane.registration,
        QueuePane.registration,
        HistoryPane.registration,
        AcquirePane.registration,
        AccountPane.registration,
        TransfersPane.registration,
    ]

    /// The number key of the pane at `index`: 1…9, then 0 for the tenth;
    /// later panes have none (their `:` verb shows them).
    static func numberKey(_ index: Int) -> String? {
        index < 9 ? "\(index + 1)" : index == 9 ? "0" : nil
    }
}

/// What a pane's verbs, confirmations and background jobs may ask of the
/// app (lazygit's helpers): the app owns the loop, the dialogs and the job
/// runner; panes own what their actions mean.
protocol PaneHost: AnyObject {
    var environment: AppEnvironment { get }
    var state: AppState { get set }
    /// The domains an action applies to: the selection, else the cursor row.
    var targets: QueueTargets { get }
    /// Reads counts and the visible pane again from the store.
    func refreshAll()
    /// ``refreshAll()`` when the cache changed since the last one (in this
    /// process or another); nothing otherwise.
    func refreshIfChanged()
    /// Asks `dialog`; `then` runs when it is confirmed.
    func confirm(_ dialog: ConfirmDialog, then: @escaping (any PaneHost) -> Void)
    /// Runs `job` in the background (see ``BackgroundJob``).
    func start(_ job: BackgroundJob)
    /// The registered pane of this type.
    func pane<P: Pane>(_ type: P.Type) -> P?
    /// Switches to the registered pane of this type.
    func show<P: Pane>(_ type: P.Type)
    /// Whether the registered pane of this type is the one shown.
    func isShown<P: Pane>(_ type: P.Type) -> Bool
    func openCommandLine(_ text: String)
    func run(command text: String)
    func requestQuit()
    /// Ends the loop without asking.
    func quitNow()
}

/// Something a pane asks the app to do after its handler returns.
public struct AppRequest {
    let run: (any PaneHost) -> Void

    init(_ run: @escaping (any PaneHost) -> Void) { self.run = run }

    /// Open the `:` line with this text typed.
    static func commandLine(_ text: String) -> AppRequest { AppRequest { $0.openCommandLine(text) } }
    /// Run a command-line command.
    static func command(_ text: String) -> AppRequest { AppRequest { $0.run(command: text) } }
    /// Ask before doing something; `then` runs on yes.
    static func confirm(_ dialog: ConfirmDialog, _ then: @escaping (any PaneHost) -> Void) -> AppRequest {
        AppRequest { $0.confirm(dialog, then: then) }
    }
    /// Fetch something into the cache in the background.
    static func background(_ job: BackgroundJob) -> AppRequest { AppRequest { $0.start(job) } }
}

/// A `:` command a pane answers (`sort expires:desc`).
struct CommandVerb {
    /// The verb and its aliases (`quit`, `q`).
    let names: [String]
    /// Runs with the words after the verb.
    let run: (_ words: [String], _ host: any PaneHost) -> Void
}
