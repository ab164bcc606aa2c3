import PortfolioStore
import SyncEngine
import TerminalUI

extension Action {
    static let showAccount = Action("pane-account")
    static let folderSetting = Action("folder-setting")
    static let folderClear = Action("folder-clear")
    static let accountDefault = Action("account-default")
}

extension ActionScope {
    static let account = ActionScope("account", title: "Account pane")
}

extension AccountPane {
    /// The tab: its number key, its actions and their default keys.
    static let registration = PaneRegistration(
        scope: .account, showAction: .showAccount, showDescription: "Account pane (also :account)",
        actions: actions(.account)) { AccountPane() }

    private static func actions(_ scope: ActionScope) -> [ActionSpec] {
        [
            ActionSpec(.folderSetting, ["s"], scope, "queue a folder-wide setting for the cursor folder (one call)", hint: "folder set",
                       dangerous: true),
            ActionSpec(.folderClear, ["c"], scope, "queue clearing one of the cursor folder's settings (one call)", hint: "folder clear",
                       dangerous: true),
            ActionSpec(.accountDefault, ["d"], scope, "set a default for new domains now (one call)", hint: "default", dangerous: true,
                       disabled: { $0.hasAccount ? nil : AppState.needsKey("setting a default") }),
        ]
    }

    /// `:account` shows this pane from anywhere.
    var verbs: [CommandVerb] {
        // `:account` alone shows it too (AppCommands: `:account NAME` switches accounts).
        [CommandVerb(names: ["account-view"]) { _, host in host.show(AccountPane.self) }]
    }
}
