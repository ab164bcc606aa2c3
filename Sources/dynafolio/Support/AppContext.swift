import DynadotAPI
import Foundation
import Logging
import PortfolioStore
import Synchronization
import SyncEngine

/// What every command works with, wired once: configuration → logging (to the
/// log file only, key redacted) → the cache → the client (when a key is
/// configured) → the sync engine.
struct AppContext {
    let configuration: AppConfiguration
    let store: PortfolioDatabase
    let engine: SyncEngine
    /// The client the engine uses, when a key is set or can be fetched.
    let client: DynadotClient?
    let logger: Logger
    /// Whether an API key is configured (the engine can reach Dynadot).
    let hasAccount: Bool

    /// Opens the context. Configuration problems (a 0644 config file, a bad
    /// endpoint) are thrown with a message that says how to fix them.
    static func open(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppContext {
        try open(configuration: AppConfiguration.load(environment: environment), environment: environment)
    }

    /// Opens the context of one account's configuration (`--all-accounts`
    /// opens one per account).
    static func open(configuration: AppConfiguration,
                     environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppContext {
        LogBootstrap.once(path: configuration.logPath, key: configuration.apiKey)
        if let key = configuration.apiKey { LogBootstrap.redact(key) }
        let logger = Logger(label: "dynafolio.cli")
        let store: PortfolioDatabase
        do {
            store = try PortfolioDatabase(path: configuration.databasePath)
        } catch let error as PortfolioStoreError {
            throw CLIFailure(error.description)
        } catch {
            if let message = PortfolioStoreError.userMessage(for: error) {
                throw CLIFailure("cannot open the cache at \(configuration.databasePath): \(message)")
            }
            let reason = "\(error)"
            let full = reason.contains("out of space") || reason.contains("No space") || (error as NSError).code == NSFileWriteOutOfSpaceError
            throw CLIFailure("cannot open the cache at \(configuration.databasePath): \(reason) — "
                             + (full ? "the disk is full: free some space, or set DYNAFOLIO_DB to a cache on another disk" : "check its permissions or set DYNAFOLIO_DB"))
        }
        OpenCaches.opened(store)
        var client: DynadotClient?
        if configuration.hasKeySource {
            do {
                var clientConfiguration: ClientConfiguration
                if let key = configuration.apiKey, !key.isEmpty {
                    clientConfiguration = try ClientConfiguration(
                        endpoint: configuration.endpoint, apiKey: key, concurrency: configuration.tier.concurrency,
                        timeout: configuration.timeout, requestsPerMinute: configuration.requestsPerMinute)
                } else {
                    // `api_key_command` runs on the first request, so commands
                    // that never talk to Dynadot (ls, plan, set…) never run it.
                    let resolve = configuration
                    clientConfiguration = try ClientConfiguration(
                        endpoint: configuration.endpoint, keyProvider: {
                            let key = try resolve.resolveKey() ?? APIKey("")
                            LogBootstrap.redact(key)
                            return key
                        },
                        concurrency: configuration.tier.concurrency, timeout: configuration.timeout,
                        requestsPerMinute: configuration.requestsPerMinute)
                }
                client = DynadotClient(configuration: clientConfiguration, logger: Logger(label: "dynafolio.api"))
            } catch let error as DynadotError {
                throw CLIFailure("\(error.message) — fix `endpoint` in \(configuration.configPath) or DYNAFOLIO_ENDPOINT")
            }
        }
        let engine = SyncEngine(store: store, client: client, logger: Logger(label: "dynafolio.sync"),
                                historyDays: configuration.historyDays, onPushStep: CrashHook.from(environment))
        return AppContext(configuration: configuration, store: store, engine: engine, client: client, logger: logger,
                          hasAccount: client != nil)
    }

    /// Fails with a clear message when no key is configured; fetches the
    /// key now (running `api_key_command` when that is where it comes
    /// from), so a failing command is reported before any work starts.
    func requireAccount() throws {
        guard hasAccount, let client else { throw SyncError.noAccount }
        _ = try client.resolveKey()
    }
}

/// Every cache the command opened, told to the user once at open and
/// closed once when the command ends (`Dynafolio.main`), so no command has
/// to remember either.
enum OpenCaches {
    private static let stores = Mutex<[PortfolioDatabase]>([])

    /// Prints what opening found (a damaged cache moved aside, a newer
    /// cache opened read-only) to standard error and remembers the store.
    static func opened(_ store: PortfolioDatabase) {
        for note in store.openingNotes { printError("dynafolio: \(note)") }
        if let reason = store.readOnlyReason { printError("dynafolio: \(reason)") }
        stores.withLock { $0.append(store) }
    }

    /// Warns about cached rows that could not be read, and closes every
    /// store (the last process to close marks the cache clean).
    static func closeAll() {
        let all = stores.withLock { stores -> [PortfolioDatabase] in
            defer { stores = [] }
            return stores
        }
        for store in all {
            if let note = store.skippedRowsNote { printError("dynafolio: \(note)") }
            do { try store.close() } catch { printError("dynafolio: \(error)") }
        }
    }
}

/// swift-log may be bootstrapped once per process; every logger writes to
/// the log file (never to standard output), redacting the key.
enum LogBootstrap {
    private static let done = Mutex(false)
    private static let sink = Mutex<FileLogHandler.Sink?>(nil)

    /// Redacts a key learned after the bootstrap (from `api_key_command`).
    static func redact(_ key: APIKey) {
        sink.withLock { $0 }?.redact(key)
    }

    static func once(path: String, key: APIKey?) {
        let first = done.withLock { flag -> Bool in
            defer { flag = true }
            return !flag
        }
        guard first else { return }
        let sink = FileLogHandler.Sink(path: path, key: key)
        Self.sink.withLock { $0 = sink }
        let level: Logger.Level = ProcessInfo.processInfo.environment["DYNAFOLIO_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink, level: level) }
    }
}
