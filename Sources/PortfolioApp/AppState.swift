import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// App-wide state shared by the panes, the status bar and the action
/// table's `disabledReason`. Selection holds domains (names, or rowids
/// for bulk selections), never row numbers, so it survives sorting,
/// filtering and resizing.
public struct AppState {
    public var selection = Selection()
    /// The selection before the last clear or change of set, for `gv`.
    public var lastSelection = Selection()
    public var hasAccount = false
    /// The configured accounts when there are several (empty: one account).
    public var accountNames: [String] = []
    public var accountName = ""
    /// The account balance as last fetched (sync, or a push's money check).
    public var balanceCents: Int64?
    /// When the last complete domain sync ended.
    public var lastSyncMs: Int64?
    /// Set when the provider could not be reached.
    public var offline = false
    public var queueSize = 0
    /// Watched names the last watchlist refresh found new (became
    /// available, entered an auction or closeout).
    public var watchNews = 0
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

    /// Why an action that talks to Dynadot is off without an API key, and
    /// how to set one (`sync needs an API key: set …`).
    public static func needsKey(_ action: String) -> String {
        "\(action) needs an API key: set DYNADOT_API_KEY or api_key in config.toml"
    }

    /// Why an action that spends money is off: no API key, or a push
    /// running (money goes out one push at a time). `action` as in
    /// ``needsKey(_:)``.
    static func spendingRefusal(_ action: String) -> @Sendable (AppState) -> String? {
        { state in
            if !state.hasAccount { return needsKey(action) }
            if state.isPushing { return "wait for the push to finish" }
            return nil
        }
    }

    /// The first message of a TUI opened on a cache without an API key:
    /// browsing and queueing work offline; sync and push do not.
    public static let noKeyBanner = "no API key: edits queue here; sync and push need one (DYNADOT_API_KEY)"

    public var isSyncing: Bool { sync != nil }
    public var isPushing: Bool { push != nil }

    /// Replaces the selection, remembering the old one for `gv`.
    public mutating func setSelection(_ new: Selection) {
        if !selection.isEmpty { lastSelection = selection }
        selection = new
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
