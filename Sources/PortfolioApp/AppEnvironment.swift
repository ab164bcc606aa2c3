import Foundation
import PortfolioStore
import SyncEngine

/// What every pane reads from: the cache, the engine that acts on it, the
/// key table, and how names are shown. The store's clock is the app's
/// clock, so tests pin "now" in one place.
public final class AppEnvironment: Sendable {
    public let store: PortfolioDatabase
    public let engine: SyncEngine
    public let actions: ActionTable
    /// Show IDNs in Unicode (else punycode).
    public let unicode: Bool
    /// Whether the engine has a client (false: no key; edits still queue).
    public let hasAccount: Bool
    /// The Domains pane's optional columns (`[columns]`).
    public let columns: ColumnSettings
    /// The saved views (`[views]`) and how `:save-view` keeps one.
    public let views: ViewSettings
    /// The configured accounts, when there are several (`[accounts.NAME]`);
    /// nil for one account (the status bar and `:account` stay quiet).
    public let accounts: AccountChoice?
    /// Set in the All-accounts view: the accounts it shows and the merged
    /// copy of their caches (``store`` then is that copy, ``engine`` reads
    /// it and has no client; edits and pushes go through each member's).
    public let allAccounts: AllAccountsView?
    /// The process environment, read for `$HOME` when a typed path starts
    /// with `~` (``UserPath``); tests give their own.
    public let processEnvironment: [String: String]

    public init(engine: SyncEngine, actions: ActionTable, unicode: Bool, hasAccount: Bool, columns: ColumnSettings = ColumnSettings(),
                views: ViewSettings = ViewSettings(), accounts: AccountChoice? = nil, allAccounts: AllAccountsView? = nil,
                processEnvironment: [String: String] = ProcessInfo.processInfo.environment) {
        self.accounts = accounts
        self.allAccounts = allAccounts
        self.processEnvironment = processEnvironment
        self.store = engine.store
        self.engine = engine
        self.actions = actions
        self.unicode = unicode
        self.hasAccount = hasAccount
        self.columns = columns
        self.views = views
    }

    /// The All-accounts view's environment: the panes read `view`'s merged
    /// copy; the status bar says `[all]`.
    public convenience init(allAccounts view: AllAccountsView, actions: ActionTable, unicode: Bool, columns: ColumnSettings = ColumnSettings(),
                            views: ViewSettings = ViewSettings(), names: [String]) {
        self.init(engine: SyncEngine(store: view.store, client: nil), actions: actions, unicode: unicode,
                  hasAccount: view.members.contains { $0.hasAccount }, columns: columns, views: views,
                  accounts: AccountChoice(name: AllAccountsView.name, names: names), allAccounts: view)
    }

    public var nowMs: Int64 { store.nowMs }

    /// `45s`, `12m`, `3h`, `2d` since `ms`.
    public func age(since ms: Int64) -> String {
        ValueDisplay.age(sinceMs: ms, nowMs: nowMs)
    }
}

/// The account this app shows, among the configured ones.
public struct AccountChoice: Sendable {
    /// The `[accounts.NAME]` name shown in the status bar.
    public let name: String
    /// Every configured account, in config order.
    public let names: [String]

    public init(name: String, names: [String]) {
        self.name = name
        self.names = names
    }
}
