import PortfolioStore
import SyncEngine
import TerminalUI

extension Action {
    static let showQueue = Action("pane-queue")
    static let push = Action("push")
    static let expandSection = Action("expand-section")
    static let dropDomain = Action("drop")
    static let dropAll = Action("drop-all")
    static let retryFailed = Action("retry-failed")
    static let keepRemote = Action("keep-remote")
    static let reapplyMine = Action("reapply-mine")
}

extension ActionScope {
    static let queue = ActionScope("queue", title: "Queue pane")
}

extension QueuePane {
    /// The tab: its number key, its actions and their default keys.
    static let registration = PaneRegistration(
        scope: .queue, showAction: .showQueue, showDescription: "Queue pane",
        actions: actions(.queue)) { QueuePane() }

    private static func actions(_ scope: ActionScope) -> [ActionSpec] {
        [
            ActionSpec(.push, ["p"], scope, "push the plan (shows it first)", hint: "push", dangerous: true,
                       disabled: { state in
                           if !state.hasAccount { return AppState.needsKey("push") }
                           if state.isPushing { return "a push is already running" }
                           if state.queueSize == 0 { return "the queue is empty" }
                           return nil
                       }),
            ActionSpec(.expandSection, ["Enter", "Right"], scope, "open / close the cursor section of the plan; on \"… more\", list more",
                       hint: "open"),
            ActionSpec(.dropDomain, ["x"], scope, "drop the cursor domain's open intents (on a section header: the section's, asks first)", hint: "drop",
                       disabled: { $0.isPushing ? "wait for the push to finish" : nil }),
            ActionSpec(.dropAll, ["X"], scope, "drop every open intent", dangerous: true,
                       disabled: { $0.isPushing ? "wait for the push to finish" : nil }),
            ActionSpec(.retryFailed, ["t"], scope, "put failed intents back in the queue", hint: "retry",
                       disabled: { $0.failedCount == 0 ? "nothing failed" : nil }),
            ActionSpec(.keepRemote, ["K"], scope, "conflict: keep the remote value", hint: "keep remote",
                       disabled: { $0.conflictCount == 0 ? "no conflicts" : nil }),
            ActionSpec(.reapplyMine, ["M"], scope, "conflict: re-apply my value on the next push", hint: "mine",
                       disabled: { $0.conflictCount == 0 ? "no conflicts" : nil }),
        ]
    }
}

/// The Queue pane's `:push`, its confirmation and the push job.
extension QueuePane {
    var verbs: [CommandVerb] {
        [CommandVerb(names: ["push"]) { [unowned self] _, host in confirmPush(host) }]
    }

    func tabBadge(_ state: AppState) -> String {
        state.queueSize > 0 ? " (\(state.queueSize))" : ""
    }

    private func confirmPush(_ host: any PaneHost) {
        // The queue may have changed in another process since the last
        // refresh: read it again then (the shown pane with it). The plan is
        // read here when this pane is not the one shown (`:push` elsewhere).
        host.refreshIfChanged()
        if let reason = host.environment.actions.spec(.push)?.disabledReason(host.state) {
            host.state.message = StatusMessage(reason, isError: true)
            return
        }
        let balance: Int64?
        do {
            if !host.isShown(QueuePane.self) || outline == nil { try refresh(host.environment, state: host.state) }
            balance = try host.environment.store.account()?.balanceCents
        } catch {
            host.state.message = StatusMessage("cannot read the balance from the cache: \(error)", isError: true)
            return
        }
        let shown: (ConfirmDialog, PushApproval)?
        do {
            shown = try pushDialog(balanceCents: balance, app: host.environment)
        } catch {
            host.state.message = StatusMessage(error: error)
            return
        }
        guard let (dialog, approval) = shown else {
            host.state.message = StatusMessage("the queue is empty", isError: true)
            return
        }
        if !host.isShown(QueuePane.self) { host.show(QueuePane.self) }
        host.confirm(dialog) { [unowned self] host in host.start(pushJob(approval)) }
    }

    /// A push of what the user has just confirmed — exactly the intents the
    /// dialog showed, money up to the total it showed; results appear in
    /// the Queue pane as each call returns.
    private func pushJob(_ approval: PushApproval) -> BackgroundJob {
        let total = outline.map { $0.calls - $0.setup.count } ?? 0
        var job = BackgroundJob(bar: (.push, ProgressBar(done: 0, total: total, label: "push"))) { engine, progress in
            let summary = try await engine.push(approval) { step in
                progress(ProgressBar(done: step.batchesDone, total: step.batchesTotal,
                                     label: "push" + MoneyText.timeLeft(step.secondsLeft)))
            }
            var text = "pushed: \(summary.done) done in \(summary.calls) call\(summary.calls == 1 ? "" : "s")"
            if summary.failed > 0 { text += ", \(summary.failed) failed" }
            if summary.conflicts > 0 { text += ", \(summary.conflicts) conflicts" }
            for held in summary.held { text += "; " + held.description }
            if summary.unsent > 0 { text += "; \(summary.unsent) not sent (Dynadot busy), still queued" }
            if summary.uncertain > 0 { text += "; \(summary.uncertain) unverified, checked on the next push" }
            return StatusMessage(text, isError: !summary.clean || !summary.held.isEmpty || summary.unsent > 0)
        }
        job.started = { [unowned self] in
            if case .confirmed(let ids, _) = approval { pushedIDs = ids.sorted() }
        }
        return job
    }

    /// `x` on a section header, confirmed: drops the section's queued changes.
    static func dropSection(_ section: PlanSection, _ host: any PaneHost) {
        do {
            let result = try host.environment.engine.drop(section: section)
            host.state.message = StatusMessage("dropped \(NumberText.count(result.dropped, "queued change")) (\(section.label))")
        } catch {
            host.state.message = StatusMessage(error: error)
        }
        host.refreshAll()
    }

    /// `X` confirmed: drops every open intent.
    static func dropAll(_ host: any PaneHost) {
        do {
            let result = try host.environment.engine.dropAll()
            var text = "dropped \(result.dropped) intent\(result.dropped == 1 ? "" : "s")"
            if result.inflightKept > 0 { text += "; \(result.inflightKept) being sent stay for verification" }
            host.state.message = StatusMessage(text)
        } catch {
            host.state.message = StatusMessage(error: error)
        }
        host.refreshAll()
    }
}
