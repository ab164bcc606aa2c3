extension ActionTable {
    /// The default bindings: the app's own actions, a number key per
    /// registered pane, then each pane's actions in tab order. Order is the
    /// order of help, footer and README.
    static var defaults: [ActionSpec] {
        let panes = PaneRegistry.all.enumerated().map { index, pane in
            ActionSpec(pane.showAction, PaneRegistry.numberKey(index).map { [$0] } ?? [], .global, pane.showDescription)
        }
        return appActions + panes + movingActions + PaneRegistry.all.flatMap(\.actions)
    }

    /// What works everywhere, before the pane numbers.
    static let appActions: [ActionSpec] = [
        ActionSpec(.help, ["?"], .global, "show the keys", hint: "help"),
        ActionSpec(.quit, ["q"], .global, "quit (asks only while a push runs)", hint: "quit"),
        ActionSpec(.sync, ["r"], .global, "sync the cache from the account in the background", hint: "sync",
                   disabled: { state in
                       if !state.hasAccount { return AppState.needsKey("sync") }
                       if state.isSyncing { return "a sync is already running" }
                       return nil
                   }),
        ActionSpec(.commandLine, [":"], .global, "commands: set, renew, sort, sync, push, messages, quit", hint: "cmd"),
        ActionSpec(.switchAccount, ["@"], .global, "switch account (when several are configured)",
                   disabled: { state in state.accountNames.count > 1 ? nil : "only one account is configured; add [accounts.NAME] to config.toml" }),
    ]

    /// Pane switching and moving, after the pane numbers.
    static let movingActions: [ActionSpec] = [
        ActionSpec(.nextPane, ["Tab"], .global, "next pane"),
        ActionSpec(.previousPane, ["S-Tab"], .global, "previous pane"),
        ActionSpec(.down, ["j", "Down"], .global, "next row"),
        ActionSpec(.up, ["k", "Up"], .global, "previous row"),
        ActionSpec(.top, ["g", "Home"], .global, "first row"),
        ActionSpec(.bottom, ["G", "End"], .global, "last row"),
        ActionSpec(.pageDown, ["PgDn", "C-f"], .global, "next page"),
        ActionSpec(.pageUp, ["PgUp", "C-b"], .global, "previous page"),
    ]
}
