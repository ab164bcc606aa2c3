import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// The `:` command line and the work it starts: edits are queued through
/// the sync engine (never an API call from the UI); sync and push run in
/// background Tasks.
extension PortfolioApp {
    /// Runs one command-line command: `set VERB …`, `renew N`, `sort FIELD`,
    /// `sync`, `push`, `quit`.
    public func run(command text: String) {
        let words = EditVerbParser.split(text)
        guard let verb = words.first?.lowercased() else { return }
        let rest = Array(words.dropFirst())
        switch verb {
        case "set":
            queueEdit(words: rest)
        case "renew":
            confirmRenew(years: rest.first.flatMap { Int($0) } ?? 1)
        case "sort":
            do {
                domains.setSort(try DomainSort(parsing: rest.joined(separator: " ")))
                refreshAll()
            } catch {
                state.message = StatusMessage(error.message, isError: true)
            }
        case "sync":
            perform(.sync)
        case "push":
            confirmPush()
        case "quit", "q":
            requestQuit()
        default:
            state.message = StatusMessage("unknown command '\(verb)'; use set, renew, sort, sync, push or quit", isError: true)
        }
    }

    /// The domains an action applies to: the selection, else the cursor row.
    var targets: [String] {
        if !state.selection.isEmpty { return state.selection.sorted() }
        return (active == 0 ? domains.cursorDomain : pane.cursorDomain).map { [$0] } ?? []
    }

    private func queueEdit(words: [String]) {
        let names = targets
        guard !names.isEmpty else {
            state.message = StatusMessage("nothing selected and no domain under the cursor", isError: true)
            return
        }
        do {
            let edit = try EditVerbParser.parse(words: words)
            if let folder = try environment.engine.unknownFolder(edit) {
                // A folder the account lacks: ask before creating it.
                let text = try environment.engine.unknownFolderText(folder)
                    .replacingOccurrences(of: "; ", with: "\n").replacingOccurrences(of: " Folders: ", with: "\nFolders: ")
                let lines = text.split(separator: "\n").map { [Span("  " + $0)] }
                dialog = (ConfirmDialog(title: "Create folder \(folder)", summary: "Create it and move \(names.count) domain\(names.count == 1 ? "" : "s") there?",
                                        lines: lines, confirmLabel: "Create and queue"),
                          .queueCreatingFolder(edit, domains: names))
                return
            }
            let field = edit.field.rawValue
            queueEdit(edit, on: names) { summary in
                var parts = ["queued \(field) on \(summary.added) domain\(summary.added == 1 ? "" : "s")"]
                if summary.unchanged > 0 { parts.append("\(summary.unchanged) already set") }
                if summary.cancelled > 0 { parts.append("\(summary.cancelled) set back (dropped)") }
                if summary.superseded > 0 { parts.append("\(summary.superseded) replaced") }
                return parts.joined(separator: ", ") + " — 7 to review and push"
            }
        } catch {
            state.message = StatusMessage(error: error)
            refreshAll()
        }
    }

    /// Renewals spend money: the dialog shows the total from cached prices.
    private func confirmRenew(years: Int) {
        let names = targets
        guard !names.isEmpty else {
            state.message = StatusMessage("nothing selected and no domain under the cursor", isError: true)
            return
        }
        guard (1...10).contains(years) else {
            state.message = StatusMessage("renew for 1 to 10 years", isError: true)
            return
        }
        let rows = (try? environment.store.domains(named: names)) ?? []
        var total: Int64 = 0
        var lines: [[Span]] = []
        var unpriced = 0
        for row in rows {
            if let price = try? environment.store.tldPrice(row.tld)?.renewCents {
                total += price * Int64(years)
                lines.append([Span("  \(DomainRowRenderer.displayName(row, unicode: environment.unicode))  "),
                              Span("$" + Cents.format(cents: price * Int64(years)), style: Style(.dialog, accent: .pending))])
            } else {
                unpriced += 1
                lines.append([Span("  \(DomainRowRenderer.displayName(row, unicode: environment.unicode))  "),
                              Span("no cached price", style: Style(.dialog, accent: .error))])
            }
        }
        var summary = "\(rows.count) domain\(rows.count == 1 ? "" : "s") × \(years) year\(years == 1 ? "" : "s") — total $\(Cents.format(cents: total))"
        if unpriced > 0 { summary += " + \(unpriced) unpriced" }
        lines.insert([Span(MoneyText.balanceLine(spending: total, balanceCents: state.balanceCents, when: "once pushed"), style: Style(.dialog, accent: .header))],
                      at: 0)
        dialog = (ConfirmDialog(title: "Renew (spends money)", summary: summary, lines: lines, isDangerous: true, confirmLabel: "Queue renewal"),
                  .renew(years: years, domains: rows.map(\.name), costCents: total))
    }

    private func confirmPush() {
        // The queue may have changed in another process since the last
        // refresh: count it again before deciding.
        refreshAll()
        guard let reason = environment.actions.spec(.push).disabledReason(state) else {
            queue.refresh(environment, state: state)
            let balance: Int64?
            do {
                balance = try environment.store.account()?.balanceCents
            } catch {
                state.message = StatusMessage("cannot read the balance from the cache: \(error)", isError: true)
                return
            }
            guard let (dialog, approval) = queue.pushDialog(balanceCents: balance) else {
                state.message = StatusMessage("the queue is empty", isError: true)
                return
            }
            if let index = panes.firstIndex(where: { $0.pane === queue }) { switchTo(index: index) }
            self.dialog = (dialog, .push(approval))
            return
        }
        state.message = StatusMessage(reason, isError: true)
    }

    /// Runs what a confirmation dialog was opened for.
    func confirmed(_ action: ConfirmedAction) {
        switch action {
        case .push(let approval):
            startPush(approval)
        case .renew(let years, let names, let cost):
            queueEdit(.renew(years: years), on: names, maxCostCents: cost) { summary in
                "queued renewal of \(summary.added) domain\(summary.added == 1 ? "" : "s") ($\(Cents.format(cents: summary.costCents ?? 0))) — 7 to push"
            }
        case .dropAll:
            do {
                let result = try environment.engine.dropAll()
                var text = "dropped \(result.dropped) intent\(result.dropped == 1 ? "" : "s")"
                if result.inflightKept > 0 { text += "; \(result.inflightKept) being sent stay for verification" }
                state.message = StatusMessage(text)
            } catch {
                state.message = StatusMessage(error: error)
            }
            refreshAll()
        case .quit:
            quitting = true
        case .purchase, .assignContact:
            confirmedPaneAction(action)
        case .queueEdit(let edit, let names), .queueCreatingFolder(let edit, let names):
            var creating = false
            if case .queueCreatingFolder = action { creating = true }
            let field = edit.field.rawValue
            queueEdit(edit, on: names, createFolder: creating) { summary in
                var text = "queued \(field) on \(summary.added) domain\(summary.added == 1 ? "" : "s")"
                if summary.unchanged > 0 { text += ", \(summary.unchanged) already set" }
                return text + " — 7 to review and push"
            }
        }
    }

    /// Fetches one domain's record set (`get_dns`) in the background, like a
    /// sync: the UI thread never waits for the provider.
    func startDNSFetch(_ name: String) {
        guard !work.isFetchingDNS else { return }
        let work = self.work
        let engine = environment.engine
        dns.fetchStarted(name)
        work.setFetchingDNS(name)
        Task.detached {
            do {
                try await engine.fetchDNS(name)
                work.finish(.dns(name, .success(())))
            } catch {
                work.finish(.dns(name, .failure(error)))
            }
        }
    }

    /// Starts a pull in the background; the status bar shows its progress.
    func startSync() {
        let work = self.work
        let engine = environment.engine
        work.setSync(ProgressBar(done: 0, total: 0, label: "sync"))
        state.sync = ProgressBar(done: 0, total: 0, label: "sync")
        Task.detached {
            do {
                let summary = try await engine.pull(PullOptions()) { progress in
                    work.setSync(ProgressBar(done: progress.done, total: progress.total ?? 0, label: "sync \(progress.step)"))
                }
                work.finish(.sync(.success(summary)))
            } catch {
                work.finish(.sync(.failure(error)))
            }
        }
    }

    /// Starts a push of what the user has just confirmed — exactly the
    /// intents the dialog showed, money up to the total it showed; results
    /// appear in the Queue pane as each call returns.
    func startPush(_ approval: PushApproval) {
        if case .confirmed(let ids, _) = approval { queue.pushedIDs = ids.sorted() }
        let total = queue.plan?.batches.count ?? 0
        let work = self.work
        let engine = environment.engine
        work.setPush(ProgressBar(done: 0, total: total, label: "push"))
        state.push = ProgressBar(done: 0, total: total, label: "push")
        Task.detached {
            do {
                let summary = try await engine.push(approval) { progress in
                    work.setPush(ProgressBar(done: progress.batchesDone, total: progress.batchesTotal,
                                             label: "push" + MoneyText.timeLeft(progress.secondsLeft)))
                }
                work.finish(.push(.success(summary)))
            } catch {
                work.finish(.push(.failure(error)))
            }
        }
    }

    /// Records a finished sync or push.
    func finish(_ completion: BackgroundWork.Completion) {
        switch completion {
        case .sync(.success(let summary)):
            state.offline = false
            state.message = StatusMessage("synced \(summary.domains) domains (\(summary.changed) changed) in \(summary.calls) calls")
        case .push(.success(let summary)):
            state.offline = false
            var text = "pushed: \(summary.done) done in \(summary.calls) call\(summary.calls == 1 ? "" : "s")"
            if summary.failed > 0 { text += ", \(summary.failed) failed" }
            if summary.conflicts > 0 { text += ", \(summary.conflicts) conflicts" }
            for held in summary.held { text += "; " + held.description }
            if summary.unsent > 0 { text += "; \(summary.unsent) not sent (Dynadot busy), still queued" }
            if summary.uncertain > 0 { text += "; \(summary.uncertain) unverified, checked on the next push" }
            state.message = StatusMessage(text, isError: !summary.clean || !summary.held.isEmpty || summary.unsent > 0)
        case .dns(let name, .success):
            dns.fetchFinished(name, error: nil)
            state.offline = false
        case .dns(let name, .failure(let error)):
            dns.fetchFinished(name, error: "\(error)")
            if case SyncError.offline = error { state.offline = true }
            state.message = StatusMessage("get_dns \(name): \(error)", isError: true)
        case .sync(.failure(let error)), .push(.failure(let error)):
            if case SyncError.offline = error { state.offline = true }
            state.message = StatusMessage(error: error)
        case .job(let job, let result):
            finishJob(job, result)
        case .queued(.success(let text)):
            state.message = StatusMessage(text)
        case .queued(.failure(let error)):
            state.message = StatusMessage(error: error)
        }
        refreshAll()
    }
}
