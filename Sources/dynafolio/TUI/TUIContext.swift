import DynadotAPI
import Foundation
import Logging
import PortfolioApp
import PortfolioStore
import SyncEngine
import TerminalUI

/// Opens what the TUI needs (store, client, engine, key table, theme) from
/// the configuration, and runs the app on the real terminal.
enum TUIContext {
    /// The engine for `databasePath`, with a client when a key is given,
    /// held to `tier`'s concurrency and per-minute rate. Logs go to
    /// `logPath` only (never to the terminal, which belongs to the TUI),
    /// key redacted.
    static func engine(databasePath: String, endpoint: URL, apiKey: APIKey?, tier: AccountTier, logPath: String) throws -> SyncEngine {
        try FileManager.default.createDirectory(at: URL(fileURLWithPath: databasePath).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        LogBootstrap.once(path: logPath, key: apiKey)
        let store = try PortfolioDatabase(path: databasePath)
        OpenCaches.opened(store)
        var client: DynadotClient?
        if let apiKey, !apiKey.isEmpty {
            let configuration = try ClientConfiguration(endpoint: endpoint, apiKey: apiKey, concurrency: tier.concurrency,
                                                        requestsPerMinute: tier.requestsPerMinute)
            client = DynadotClient(configuration: configuration, logger: Logger(label: "dynafolio.api"))
        }
        return SyncEngine(store: store, client: client, logger: Logger(label: "dynafolio.sync"),
                          onPushStep: CrashHook.from(ProcessInfo.processInfo.environment))
    }

    /// Takes over the terminal, runs the app until quit, restores the
    /// terminal. Runs on its own thread so background Tasks keep the
    /// cooperative pool to themselves.
    ///
    /// With several accounts, `:account NAME` ends one account's loop and
    /// `openAccount` opens the next (once: each account keeps its app, so
    /// its filter, selection and cursor, for the session).
    static func run(engine: SyncEngine, hasAccount: Bool, keys: [String: [String]], themeFlag: String?, themeConfig: String?,
                    syncFirst: Bool = false, columns: ColumnSettings = ColumnSettings(),
                    views: ViewSettings = ViewSettings(), accounts: AccountChoice? = nil,
                    openAccount: @escaping @Sendable (String) throws -> (engine: SyncEngine, hasAccount: Bool) = { _ in throw SyncError.noAccount })
        async throws {
        let env = ProcessInfo.processInfo.environment
        let theme = try Theme.choose(flag: themeFlag, config: themeConfig, environment: env)
        let actions = try ActionTable(overrides: keys)
        let unicode = DomainNameDisplay.localeIsUnicode(env)
        // The Domains pane filters over an in-memory index, built off this thread.
        engine.store.startFilterIndex()
        let failure: (any Error)? = await withCheckedContinuation { continuation in
            let thread = Thread {
                // The terminal is restored before the caller resumes: the
                // process may exit as soon as it does, and an exit racing a
                // restore on this thread can leave the tty in raw mode.
                var failure: (any Error)?
                do {
                    let terminal = try NCursesTerminal(theme: theme, environment: env)
                    let makeApp = { (engine: SyncEngine, hasAccount: Bool, account: AccountChoice?) -> PortfolioApp in
                        let app = PortfolioApp(environment: AppEnvironment(engine: engine, actions: actions,
                                                                           unicode: unicode && terminal.isUnicode, hasAccount: hasAccount,
                                                                           columns: columns, views: views, accounts: account))
                        // A damaged cache moved aside says so on the first screen.
                        if let note = engine.store.openingNotes.first ?? engine.store.readOnlyReason ?? engine.store.skippedRowsNote {
                            app.announce(note, isError: true)
                        } else if !hasAccount {
                            app.announce(AppState.noKeyBanner)
                        }
                        return app
                    }
                    var app = makeApp(engine, hasAccount, accounts)
                    var apps: [String: PortfolioApp] = accounts.map { [$0.name: app] } ?? [:]
                    // Each account's engine is opened once: its own app and
                    // the All-accounts view share it (one store, one outbox).
                    var engines: [String: (engine: SyncEngine, hasAccount: Bool)] = accounts.map { [$0.name: (engine, hasAccount)] } ?? [:]
                    let openOnce = { (name: String) throws -> (engine: SyncEngine, hasAccount: Bool) in
                        if let opened = engines[name] { return opened }
                        let opened = try openAccount(name)
                        engines[name] = opened
                        return opened
                    }
                    if syncFirst { app.perform(.sync) }
                    while true {
                        app.run(terminal: terminal)
                        guard let next = app.requestedAccount, let accounts else { break }
                        app.resumeAfterSwitch()
                        if let open = apps[next] {
                            app = open
                            continue
                        }
                        do {
                            let nextApp: PortfolioApp
                            if next == AllAccountsView.name {
                                // Every account's cache, attached read-only into
                                // the view's own in-memory copy.
                                let members = try accounts.names.map { name in
                                    let opened = try openOnce(name)
                                    return AllAccountsView.Member(name: name, engine: opened.engine, hasAccount: opened.hasAccount)
                                }
                                nextApp = PortfolioApp(environment: AppEnvironment(allAccounts: try AllAccountsView(members: members), actions: actions,
                                                                                   unicode: unicode && terminal.isUnicode, columns: columns,
                                                                                   views: views, names: accounts.names))
                            } else {
                                let opened = try openOnce(next)
                                opened.engine.store.startFilterIndex()
                                nextApp = makeApp(opened.engine, opened.hasAccount, AccountChoice(name: next, names: accounts.names))
                            }
                            apps[next] = nextApp
                            app = nextApp
                        } catch {
                            app.announce("cannot open the account \(next): \(error)", isError: true)
                        }
                    }
                    terminal.restore()
                } catch {
                    failure = error
                }
                continuation.resume(returning: failure)
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        if let failure { throw failure }
    }
}
