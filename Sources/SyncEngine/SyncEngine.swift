import DynadotAPI
import Foundation
import Logging
@_spi(OutboxWriter) import PortfolioStore

/// The heart of dynafolio: pulls the account into the cache, turns edits into
/// outbox intents, plans them into the fewest calls and pushes them safely.
///
/// The UI and the CLI never call the API: they read the store and ask the
/// engine to act. Queueing and planning work offline (`client` may be nil).
public final class SyncEngine: Sendable {
    public let store: PortfolioDatabase
    let client: DynadotClient?
    let logger: Logger
    /// Called at each ``PushStep`` of every batch (the CLI's crash tests
    /// exit there; nothing else needs it).
    let onPushStep: @Sendable (PushStep) -> Void
    /// Days of history a pull keeps (`history_days`) unless its options say
    /// otherwise; nil keeps everything.
    public let historyDays: Int?

    public init(store: PortfolioDatabase, client: DynadotClient?, logger: Logger = Logger(label: "dynafolio.sync"),
                historyDays: Int? = 730, onPushStep: @escaping @Sendable (PushStep) -> Void = { _ in }) {
        self.store = store
        self.client = client
        self.logger = logger
        self.historyDays = historyDays
        self.onPushStep = onPushStep
    }

    /// The client, or a clear error when the engine was opened without one.
    func requireClient() throws -> DynadotClient {
        guard let client else { throw SyncError.noAccount }
        return client
    }
}

/// Sync-level failures, each with a message that says what to do.
public enum SyncError: Error, Sendable, CustomStringConvertible {
    /// No API key is configured.
    case noAccount
    /// The provider could not be reached; nothing was lost.
    case offline(String)
    /// Another process holds the push lock.
    case locked(String)
    /// The push stopped early; `reason` says why. Intents stay queued.
    case aborted(String)
    /// Input that cannot become an intent.
    case invalidEdit(String)
    /// The cache failed its integrity check; nothing is sent from it.
    case damagedCache(String)
    /// Dynadot answered that it is having trouble (an outage, nothing
    /// applied); what was not sent stays queued.
    case outage(String)
    /// The cache was synced from the Dynadot account `cached`; the key
    /// belongs to `key`. Nothing was written or sent.
    case otherAccount(cached: String, key: String)

    public var description: String {
        switch self {
        case .noAccount:
            return "no Dynadot API key is configured; set DYNADOT_API_KEY or api_key in config.toml (or try `dynafolio demo`)"
        case .offline(let why):
            return "cannot reach Dynadot (\(why)); the queue is intact — push again when online"
        case .locked(let who):
            return who
        case .aborted(let why):
            return "push stopped: \(why); the remaining intents stay queued"
        case .invalidEdit(let why):
            return why
        case .damagedCache(let problems):
            return "the cache failed its integrity check (\(problems)); nothing was sent. Quit every dynafolio using it: the next start moves it aside (keeping the file) and `dynafolio sync` rebuilds it"
        case .outage(let why):
            return "Dynadot is having trouble (\(why)); nothing more was sent and the remaining changes stay queued — push again later"
        case .otherAccount(let cached, let key):
            return "this cache belongs to the Dynadot account '\(cached)', but the API key is for the account '\(key)'; nothing was"
                + " written or sent — give this account its own cache (each [accounts.NAME] gets NAME.sqlite) or fix its key"
        }
    }
}

/// Numbered places in the push of one batch, where a crash must be
/// recoverable (mbsync's way of proving it: the CLI maps
/// `DYNAFOLIO_CRASH_AT=<step>` to a hook that exits there).
public enum PushStep: Int, Sendable, CaseIterable {
    /// The batch is recorded in flight; nothing was sent.
    case recordedInFlight = 1
    /// The call was answered; the answer is not recorded yet.
    case sent = 2
    /// The answer is recorded.
    case answerRecorded = 3
}
