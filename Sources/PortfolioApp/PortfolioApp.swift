import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// The TUI: panes in tabs, the status bar, the footer, and the event loop
/// that ties keys to actions. Handlers compute; only ``render(into:)``
/// draws.
///
/// ```swift
/// let app = PortfolioApp(environment: env)
/// app.run(terminal: try NCursesTerminal())
/// ```
public final class PortfolioApp {
    public let environment: AppEnvironment
    public internal(set) var state = AppState()
    /// The tabs, in ``PaneRegistry`` order: number key N shows `panes[N-1]`.
    /// The first is the home pane: always read, its cursor is the focus.
    let panes: [any Pane]
    public internal(set) var active = 0
    var commandLine: CommandLineInput?
    var commandHistory: [String] = []
    /// The open confirmation and what runs when it is confirmed.
    var dialog: (ConfirmDialog, (any PaneHost) -> Void)?
    var help: HelpOverlay?
    /// The account picker while it is open.
    var accountPicker: AccountPicker?
    /// Every message shown this session, for `:messages` (the last 500).
    var messageLog: [StatusMessage] = []
    /// The size of the last key's screen, for sizing overlays.
    var lastSize = PortfolioApp.minimumSize
    var pendingKeys: [KeyEvent] = []
    var quitting = false
    /// The account `:account NAME` asked for; `run` returned to show it.
    public internal(set) var requestedAccount: String?
    let work = BackgroundWork()
    /// What runs when each background job ends, by job id.
    var jobEndings: [Int: (Result<StatusMessage?, any Error>, any PaneHost) -> Void] = [:]
    var nextJobID = 1
    private var seenChanges = 0
    /// The cache's change generation at the last refresh, and when it was
    /// last read: a `set`, `push` or `sync` in another terminal shows here
    /// within a poll interval.
    private var seenGeneration: Int64?
    private var lastGenerationPoll = Date.distantPast
    /// In the All-accounts view, when the poll may copy the caches again:
    /// a copy runs on this thread, so while one account keeps changing (a
    /// sync, a push) the copies take at most a fifth of the time.
    private var nextAllAccountsCopy = Date.distantPast
    static let changeFeedInterval: TimeInterval = 0.25
    /// The smallest size the layout is drawn at.
    public static let minimumSize = Size(rows: 24, cols: 80)

    public init(environment: AppEnvironment) {
        self.environment = environment
        panes = PaneRegistry.all.map { $0.make() }
        state.hasAccount = environment.hasAccount
        state.accountNames = environment.accounts?.names ?? []
        // Unknown (nil) until the first poll reads it: a failure here means
        // the next poll refreshes, and reports it if it fails again.
        refreshAll()
    }

    /// Clears a switch request, so `run` can show this app again.
    public func resumeAfterSwitch() {
        requestedAccount = nil
        quitting = false
    }

    var pane: any Pane { panes[active] }
    /// The home pane (Domains): its cursor is the domain other panes show.
    var home: any Pane { panes[0] }

    // MARK: Loop

    /// Runs until quit. With `stopWhenIdle` (tests) it also returns when no
    /// key is waiting and no background work runs — the app's idle signal.
    public func run(terminal: any Terminal, stopWhenIdle: Bool = false) {
        var screen = Screen(size: terminal.size)
        while !quitting {
            guard !turn(terminal, &screen), stopWhenIdle else { continue }
            if !work.isRunning && !hasUnabsorbedWork { return }
            work.waitForChange(after: seenChanges, timeout: 10)
        }
    }

    /// Runs until quit, or until no key is waiting and no background work
    /// runs; waiting for that work suspends instead of blocking a thread of
    /// the cooperative pool (which the work itself runs on).
    public func runUntilIdle(terminal: any Terminal) async {
        var screen = Screen(size: terminal.size)
        while !quitting {
            guard !turn(terminal, &screen) else { continue }
            if !work.isRunning && !hasUnabsorbedWork { return }
            await work.changed(after: seenChanges, timeout: .seconds(10))
        }
    }

    /// One turn of the loop: takes in background results, draws, and
    /// handles one key. False when no key was waiting.
    private func turn(_ terminal: any Terminal, _ screen: inout Screen) -> Bool {
        absorbBackground()
        pollChangeFeed()
        logMessage()
        if screen.size != terminal.size { screen = Screen(size: terminal.size) }
        screen.clear()
        render(into: &screen)
        startAutoFetches()
        terminal.draw(screen)
        guard let key = terminal.readKey(timeoutMs: 100) else {
            if !pendingKeys.isEmpty { flushPendingKeys() }
            return false
        }
        handle(key, size: terminal.size)
        return true
    }

    private var hasUnabsorbedWork: Bool {
        let snapshot = work.take()
        if snapshot.finished.isEmpty && snapshot.changes == seenChanges { return false }
        apply(snapshot)
        return true
    }

    /// Shows `text` in the footer until the next key (e.g. what happened to
    /// a damaged cache when it was opened).
    public func announce(_ text: String, isError: Bool = false) {
        state.message = StatusMessage(text, isError: isError)
        logMessage()
    }

    /// Refreshes counts, the visible rows, the queue and the status bar when
    /// the cache changed (in this process or another), at most a few times
    /// a second: one `PRAGMA data_version` read per poll.
    func pollChangeFeed(now: Date = Date()) {
        guard now.timeIntervalSince(lastGenerationPoll) >= Self.changeFeedInterval else { return }
        lastGenerationPoll = now
        do {
            if let all = environment.allAccounts {
                guard now >= nextAllAccountsCopy else { return }
                let started = Date()
                if try reloadAllAccounts(all) {
                    refreshAll()
                    nextAllAccountsCopy = Date().addingTimeInterval(4 * Date().timeIntervalSince(started))
                }
                return
            }
            let generation = try environment.store.changeGeneration()
            guard generation != seenGeneration else { return }
            refreshAll()
        } catch {
            state.message = StatusMessage("cannot watch the cache for changes: \(error)", isError: true)
        }
    }

    /// Takes progress and completions from background tasks into the state.
    func absorbBackground() {
        apply(work.take())
        logMessage()
    }

    /// Keeps the message on show for `:messages`.
    func logMessage() {
        guard let message = state.message, message != messageLog.last else { return }
        messageLog.append(message)
        if messageLog.count > 500 { messageLog.removeFirst(messageLog.count - 500) }
    }

    private func apply(_ snapshot: BackgroundWork.Snapshot) {
        let changed = snapshot.changes != seenChanges
        seenChanges = snapshot.changes
        state.sync = snapshot.sync
        state.push = snapshot.push
        state.queueing = snapshot.queue
        for completion in snapshot.finished { finish(completion) }
        if changed && (state.isPushing || !snapshot.finished.isEmpty) { refreshAll() }
    }

    // MARK: Keys

    /// Handles one key (public for tests that drive the app without a loop).
    public func handle(_ key: KeyEvent, size: Size) {
        defer { logMessage() }
        lastSize = size
        if key == .resize { return }
        state.message = nil
        let body = Self.layout(size).body
        // Ctrl-C (the terminal reads SIGINT as this key) quits as `q` does,
        // whatever is open: it asks while a push or a queueing runs.
        if key == .ctrl("c") {
            requestQuit()
            return
        }
        if size.rows < Self.minimumSize.rows || size.cols < Self.minimumSize.cols {
            if key == .char("q") { requestQuit() }
            return
        }
        if let (shown, then) = dialog {
            var open = shown
            switch open.handle(key, area: body) {
            case .confirmed:
                dialog = nil
                then(self)
            case .cancelled:
                dialog = nil
                state.message = StatusMessage("cancelled")
            case .none:
                dialog = (open, then)
            }
            return
        }
        if var overlay = help {
            help = overlay.handle(key, area: body) == .closed ? nil : overlay
            return
        }
        if var picker = accountPicker {
            switch picker.handle(key) {
            case .none: accountPicker = picker
            case .cancelled: accountPicker = nil
            case .chosen(let name):
                accountPicker = nil
                switchAccount(name)
            }
            return
        }
        if var line = commandLine {
            switch line.handle(key) {
            case .submitted(let text):
                commandHistory = line.history
                commandLine = nil
                run(command: text)
            case .cancelled:
                commandHistory = line.history
                commandLine = nil
            case .edited, .ignored:
                commandLine = line
            }
            return
        }
        if pane.capturesKeys {
            apply(pane.handle(key: key, app: environment, state: &state))
            return
        }
        dispatch(key)
    }

    /// Resolves key sequences (`gv`) against the action table.
    private func dispatch(_ key: KeyEvent) {
        let sequence = pendingKeys + [key]
        let table = environment.actions
        if table.isPrefix(sequence, scope: pane.scope) {
            pendingKeys = sequence
            return
        }
        if let action = table.action(for: sequence, scope: pane.scope) {
            pendingKeys = []
            perform(action)
            return
        }
        if !pendingKeys.isEmpty {
            flushPendingKeys()
            dispatch(key)
            return
        }
        if showsOneAccountOnly { return }
        apply(pane.handle(key: key, app: environment, state: &state))
    }

    /// A prefix with no continuation runs as the action it names alone (`g`).
    private func flushPendingKeys() {
        let keys = pendingKeys
        pendingKeys = []
        if let action = environment.actions.action(for: keys, scope: pane.scope) { perform(action) }
    }

    /// Runs an action if the table says it can run now.
    public func perform(_ action: Action) {
        if let reason = environment.actions.spec(action)?.disabledReason(state) {
            state.message = StatusMessage(reason, isError: true)
            return
        }
        switch action {
        case .help:
            var sections = environment.actions.helpSections(scope: pane.scope)
            if pane.scope == .domains {
                sections.append(HelpOverlay.Section(title: "Filter (/) query language",
                                                    entries: PortfolioQuery.reference.map { HelpOverlay.Entry(keys: $0.example, description: $0.meaning) }))
                // Saved views first, where they show without scrolling; none: a hint at the end.
                let views = pane(DomainsPane.self)?.savedViews(environment) ?? [:]
                if views.isEmpty {
                    sections.append(HelpOverlay.Section(title: "Saved views: none yet (:save-view NAME saves the filter and sort)", entries: []))
                } else {
                    sections.insert(HelpOverlay.Section(title: "Saved views (:view NAME applies one)", entries: views.sorted { $0.key < $1.key }.map { name, view in
                        HelpOverlay.Entry(keys: name, description: (view.query.isEmpty ? "every domain" : view.query) + (view.sort.map { "  (sort \($0))" } ?? ""))
                    }), at: 0)
                }
            }
            help = HelpOverlay(title: "Keys — \(pane.title)", sections: sections)
        case .quit:
            requestQuit()
        case .sync:
            // A pane showing a list of its own (the Acquire pane's
            // watchlist, auctions, closeouts) refreshes that list instead.
            let flags = pane.perform(.sync, app: environment, state: &state)
            if flags.contains(.handled) { apply(flags) } else { start(environment.allAccounts.map(BackgroundJob.syncAll) ?? .sync) }
        case .commandLine:
            openCommandLine("")
        case .switchAccount:
            pickAccount()
        case .undoQueued:
            if environment.allAccounts != nil {
                state.message = StatusMessage(Self.oneAccountOnly("undo"), isError: true)
                return
            }
            start(.undoQueued)
        case .nextPane:
            switchTo(index: (active + 1) % panes.count)
        case .previousPane:
            switchTo(index: (active + panes.count - 1) % panes.count)
        default:
            if let index = PaneRegistry.all.firstIndex(where: { $0.showAction == action }) {
                switchTo(index: index)
            } else if showsOneAccountOnly {
                state.message = StatusMessage(Self.oneAccountOnly("the \(pane.title) pane"), isError: true)
            } else {
                apply(pane.perform(action, app: environment, state: &state))
            }
        }
    }

    private func apply(_ flags: PaneFlags) {
        if flags.contains(.quit) { requestQuit() }
        if flags.contains(.reload) { refreshAll() }
        guard let request = state.request else { return }
        state.request = nil
        request.run(self)
    }

    func openCommandLine(_ text: String) {
        var line = CommandLineInput(history: commandHistory)
        for character in text { _ = line.handle(.char(character)) }
        commandLine = line
    }

    func switchTo(index: Int) {
        active = index
        refreshActive()
    }

    /// Refreshes the shown pane with the home pane's cursor as the focus,
    /// and starts a fetch the pane asks for.
    func refreshActive() {
        state.focusDomain = home.cursorDomain
        if showsOneAccountOnly { return }
        read { try pane.refresh(environment, state: state) }
        startAutoFetches()
    }

    /// Fetches what the shown pane lacks (the DNS pane's record set, the
    /// Listings pane's visible prices), when an account is configured.
    func startAutoFetches() {
        // The All-accounts view's copy has no client to fetch with.
        guard environment.hasAccount, environment.allAccounts == nil, let job = pane.automaticJob(environment) else { return }
        start(job)
    }

    func requestQuit() {
        if state.isPushing {
            dialog = (ConfirmDialog(title: "Quit", summary: "A push is running. Quit anyway?",
                                    lines: [[Span("Intents already sent are verified on the next push.")]],
                                    isDangerous: true, confirmLabel: "Quit"), { $0.quitNow() })
        } else if state.queueing != nil {
            // The edit is one transaction: quitting now leaves nothing queued.
            dialog = (ConfirmDialog(title: "Quit", summary: "An edit is still being queued. Quit anyway?",
                                    lines: [[Span("It is one transaction: quitting now queues none of it.")]],
                                    isDangerous: true, confirmLabel: "Quit"), { $0.quitNow() })
        } else {
            quitting = true
        }
    }

    func quitNow() { quitting = true }

    /// ``refreshAll()`` when the cache changed since the last one.
    func refreshIfChanged() {
        if let all = environment.allAccounts {
            // Unknown (a failed read) counts as changed.
            if (try? reloadAllAccounts(all)) != false { refreshAll() }
            return
        }
        // Unknown (a failed read) counts as changed.
        guard let generation = try? environment.store.changeGeneration(), generation == seenGeneration else {
            refreshAll()
            return
        }
    }

    /// Reads counts and the visible pane again from the store.
    public func refreshAll() {
        // Read before the store is read, so a change made meanwhile moves it
        // again and the next poll refreshes; a refresh after our own write
        // then costs no second one. Unknown (an error, shown by the poll)
        // just means the next poll refreshes.
        seenGeneration = try? environment.store.changeGeneration()
        if let all = environment.allAccounts {
            refreshAllAccounts(all)
            return
        }
        let counts: [IntentState: Int]
        do {
            counts = try environment.store.intentCounts()
        } catch {
            counts = [:]
            state.message = StatusMessage("cannot read the queue from the cache: \(error)", isError: true)
        }
        state.queueSize = (counts[.pending] ?? 0) + (counts[.inflight] ?? 0)
        state.failedCount = counts[.failed] ?? 0
        state.conflictCount = counts[.conflict] ?? 0
        read {
            let account = try environment.store.account()
            state.accountName = account?.username ?? ""
            state.balanceCents = account?.balanceCents
            state.lastSyncMs = try environment.store.lastSyncRun(kind: "domains", outcome: .complete)?.endedMs
            state.watchNews = try environment.store.watchNewsCount()
        }
        read { try home.refresh(environment, state: state) }
        if active != 0 { refreshActive() }
    }

    /// Runs a read of the cache; a failure shows its cause on the message
    /// line (in plain words, never SQL).
    func read(_ body: () throws -> Void) {
        do {
            try body()
        } catch {
            state.message = StatusMessage(error: error)
        }
    }

    /// Whether the loop has been asked to end.
    public var hasQuit: Bool { quitting }
    /// The Domains pane (for tests and the entry point).
    public var domainsPane: DomainsPane { pane(DomainsPane.self) ?? DomainsPane() }
}
