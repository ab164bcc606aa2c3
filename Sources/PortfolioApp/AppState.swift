import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// App-wide state shared by the panes, the status bar and the action
/// table's `disabledReason`. Selection is a set of domain names, never row
/// numbers, so it survives sorting, filtering and resizing.
public struct AppState: Sendable {
    public var selection: Set<String> = []
    /// The selection before the last clear or change of set, for `gv`.
    public var lastSelection: Set<String> = []
    public var hasAccount = false
    public var accountName = ""
    /// The account balance as last fetched (sync, or a push's money check).
    public var balanceCents: Int64?
    /// When the last complete domain sync ended.
    public var lastSyncMs: Int64?
    /// Set when the provider could not be reached.
    public var offline = false
    public var queueSize = 0
    public var failedCount = 0
    public var conflictCount = 0
    /// A background sync's progress (nil when none runs).
    public var sync: ProgressBar?
    /// A background push's progress (nil when none runs).
    public var push: ProgressBar?
    /// A big edit being queued in the background (nil when none is).
    public var queueing: ProgressBar?
    /// A one-line message in the footer, until the next key.
    public var message: StatusMessage?
    /// Something a pane asks the app to do after its handler returns.
    public var request: AppRequest?
    /// The Domains pane's cursor domain: the one the DNS pane shows.
    public var focusDomain: String?

    public init() {}

    public var isSyncing: Bool { sync != nil }
    public var isPushing: Bool { push != nil }

    /// Replaces the selection, remembering the old one for `gv`.
    public mutating func setSelection(_ names: Set<String>) {
        if !selection.isEmpty { lastSelection = selection }
        selection = names
    }
}

/// A footer message.
public struct StatusMessage: Sendable, Hashable {
    public var text: String
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }

    /// An error in the user's words: a SQLite failure never shows its SQL.
    public init(error: any Error) {
        self.init(PortfolioStoreError.userMessage(for: error) ?? "\(error)", isError: true)
    }
}

/// What a pane can ask of the app.
public enum AppRequest: Sendable {
    /// Open the `:` line with this text typed.
    case commandLine(String)
    /// Run a command-line command.
    case command(String)
    /// Ask before doing something.
    case confirm(ConfirmDialog, ConfirmedAction)
    /// Show the Domains pane filtered with this query text.
    case showDomains(filter: String)
    /// Fetch a domain's record set (`get_dns`) in the background.
    case fetchDNS(String)
    /// Fetch something into the cache in the background.
    case background(BackgroundJob)
}

/// What to do when a confirmation dialog is answered yes.
public enum ConfirmedAction: Sendable {
    /// Push exactly what the dialog showed (its intent ids, money up to its total).
    case push(PushApproval)
    case renew(years: Int, domains: [String], costCents: Int64)
    case dropAll
    case quit
    /// Queue a non-money edit on these domains (e.g. a copied record set).
    case queueEdit(Edit, domains: [String])
    /// Queue a folder edit whose folder the account lacks: the push creates
    /// it first (`create_folder`).
    case queueCreatingFolder(Edit, domains: [String])
    /// Queue buying a marketplace domain at the price shown.
    case purchase(domain: String, priceCents: Int64)
    /// Queue `set_whois` giving `roles` of `domains` to contact `id`.
    case assignContact(id: String, roles: [ContactRole], domains: [String])
}
