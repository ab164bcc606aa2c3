import PortfolioStore
import SyncEngine
import TerminalUI

extension Action {
    static let showAcquire = Action("pane-acquire")
    static let acquireAdd = Action("acquire-add")
    static let acquireSelect = Action("acquire-select")
    static let acquireRemove = Action("acquire-remove")
    static let acquireYears = Action("acquire-years")
    static let acquireSearch = Action("acquire-search")
    static let acquireRegister = Action("acquire-register")
    static let acquireBackorder = Action("acquire-backorder")
    static let acquireBackorderList = Action("acquire-backorder-list")
    static let acquireWatchlist = Action("acquire-watchlist")
    static let acquireAuctions = Action("acquire-auctions")
    static let acquireCloseouts = Action("acquire-closeouts")
    static let acquireFilter = Action("acquire-filter")
    static let acquireNote = Action("acquire-note")
    static let acquireBid = Action("acquire-bid")
    static let acquireBuy = Action("acquire-buy")
}

extension ActionScope {
    static let acquire = ActionScope("acquire", title: "Acquire pane")
}

extension AcquirePane {
    /// The tab: its number key, its actions and their default keys.
    static let registration = PaneRegistration(
        scope: .acquire, showAction: .showAcquire, showDescription: "Acquire pane",
        actions: actions(.acquire)) { AcquirePane() }

    private static func actions(_ scope: ActionScope) -> [ActionSpec] {
        [
            ActionSpec(.acquireAdd, ["a"], scope, "add names: type or paste, one per line; Esc searches them", hint: "add"),
            ActionSpec(.acquireSelect, ["Space"], scope, "select the cursor name", hint: "select"),
            ActionSpec(.acquireRemove, ["x"], scope, "remove the selected names (or the cursor's) from the list", hint: "remove"),
            ActionSpec(.acquireYears, ["Y"], scope, "registration years: 1, 2, … 10, then 1 again", hint: "years"),
            ActionSpec(.acquireSearch, ["s"], scope, "search the list again (availability and prices)", hint: "search",
                       disabled: { $0.hasAccount ? nil : AppState.needsKey("searching") }),
            ActionSpec(.acquireRegister, ["R"], scope, "register the selected available names (spends money)",
                       hint: "register", dangerous: true,
                       disabled: AppState.spendingRefusal("registering")),
            ActionSpec(.acquireBackorder, ["B"], scope, "backorder the selected taken names (spends money if caught)",
                       hint: "backorder", dangerous: true,
                       disabled: AppState.spendingRefusal("backordering")),
            ActionSpec(.acquireBackorderList, ["o"], scope, "show the backorder list (fetched) or the names again; x there takes names off it",
                       hint: "backorders"),
            ActionSpec(.acquireWatchlist, ["w"], scope,
                       "show the watchlist (or the names again): a adds, x removes, n edits the note, r refreshes", hint: "watch"),
            ActionSpec(.acquireAuctions, ["A"], scope, "show the open auctions (fetched when stale; r fetches again), or the names again",
                       hint: "auctions"),
            ActionSpec(.acquireCloseouts, ["C"], scope, "show the expired closeouts (fetched when stale; r fetches again), or the names again",
                       hint: "closeouts"),
            ActionSpec(.acquireFilter, ["/"], scope, "filter the watchlist, auctions or closeouts by name as you type (Esc clears)"),
            ActionSpec(.acquireNote, ["n"], scope, "edit the note of the watched name under the cursor"),
            ActionSpec(.acquireBid, ["b"], scope, "bid on the auction under the cursor: the amount against the minimum bid and the balance (spends money if you win)",
                       dangerous: true,
                       disabled: AppState.spendingRefusal("bidding")),
            ActionSpec(.acquireBuy, ["P"], scope, "buy the closeout under the cursor at its price (spends money)", dangerous: true,
                       disabled: AppState.spendingRefusal("buying")),
        ]
    }
}

extension BackgroundJob {
    /// `search` with prices for `names`, into the cache.
    static func acquireSearch(_ names: [String]) -> BackgroundJob {
        var job = BackgroundJob(group: "acquire-search", bar: (.sync, ProgressBar(done: 0, total: names.count, label: "search"))) { engine, progress in
            let rows = try await engine.searchAvailability(names) { done, total in
                progress(ProgressBar(done: done, total: total, label: "search"))
            }
            let free = rows.filter(\.registrable).count
            return StatusMessage("searched \(NumberText.count(rows.count, "name")): \(free) available")
        }
        job.finished = { result, host in
            BackgroundJob.report(result, host)
            host.refreshAll()
        }
        return job
    }

    /// `backorder_request_list`, into the cache.
    static var backorderList: BackgroundJob {
        var job = BackgroundJob(group: "acquire-backorders", startMessage: "fetching the backorder list…") { engine, _ in
            let rows = try await engine.pullBackorders()
            return StatusMessage("\(NumberText.count(rows.count, "backorder request"))")
        }
        job.finished = { result, host in
            BackgroundJob.report(result, host)
            host.refreshAll()
        }
        return job
    }

    /// Pushes exactly the intents a confirmation showed, money up to the
    /// total it showed (prices and the balance are checked again first).
    /// `done` names what happened to them (`registered`).
    static func pushConfirmed(intentIDs: [Int64], totalCents: Int64, doing: String, done: String) -> BackgroundJob {
        var job = BackgroundJob(bar: (.push, ProgressBar(done: 0, total: 1, label: doing)),
                                startMessage: "\(doing) \(NumberText.count(intentIDs.count, "domain"))…") { engine, progress in
            let summary = try await engine.push(.confirmed(intentIDs: Set(intentIDs), moneyCents: totalCents)) { step in
                progress(ProgressBar(done: step.batchesDone, total: step.batchesTotal, label: doing))
            }
            return pushReport(summary, done: done)
        }
        job.finished = { result, host in
            BackgroundJob.report(result, host)
            host.refreshAll()
        }
        return job
    }

    /// `registered 2 domains, 1 failed: …; held …` — what a confirmed push did.
    static func pushReport(_ summary: PushSummary, done: String) -> StatusMessage {
        var text = "\(done) \(NumberText.count(summary.done, "domain"))"
        if summary.failed > 0 {
            text += ", \(summary.failed) failed: " + summary.problems.map { "\($0.domain ?? "") \($0.reason)" }.joined(separator: "; ")
        }
        for held in summary.held { text += "; " + held.description }
        if summary.uncertain > 0 { text += "; \(summary.uncertain) unverified, checked on the next push" }
        return StatusMessage(text, isError: !summary.clean || !summary.held.isEmpty || summary.uncertain > 0)
    }
}
