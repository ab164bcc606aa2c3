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
        if let all = host.environment.allAccounts { return confirmPushAll(all, host) }
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
            return Self.pushMessage(summary)
        }
        job.started = { [unowned self] in
            if case .confirmed(let ids, _) = approval { pushedIDs = ids.sorted() }
        }
        return job
    }

    /// What a push did, in a line (an error when anything is left undone).
    static func pushMessage(_ summary: PushSummary, account: String? = nil) -> StatusMessage {
        var text = (account.map { "\($0): " } ?? "") + "pushed: \(summary.done) done in \(summary.calls) call\(summary.calls == 1 ? "" : "s")"
        if summary.failed > 0 { text += ", \(summary.failed) failed" }
        if summary.conflicts > 0 { text += ", \(summary.conflicts) conflicts" }
        for held in summary.held { text += "; " + held.description }
        if summary.unsent > 0 { text += "; \(summary.unsent) not sent (Dynadot busy), still queued" }
        if summary.uncertain > 0 { text += "; \(summary.uncertain) unverified, checked on the next push" }
        return StatusMessage(text, isError: !summary.clean || !summary.held.isEmpty || summary.unsent > 0)
    }

    /// One account's part of an All-accounts push: what the dialog showed
    /// of it, and what confirming it approves.
    struct AccountPush: Sendable {
        let member: AllAccountsView.Member
        let outline: PlanOutline
        let approval: PushApproval
    }

    /// `p` in the All-accounts view: one dialog shows, per account, what
    /// will be sent (and the money against that account's balance);
    /// confirming pushes every account at once, each under its own client
    /// and limits, exactly what was shown.
    private func confirmPushAll(_ all: AllAccountsView, _ host: any PaneHost) {
        host.refreshIfChanged()
        if let reason = host.environment.actions.spec(.push)?.disabledReason(host.state) {
            host.state.message = StatusMessage(reason, isError: true)
            return
        }
        var pushes: [AccountPush] = []
        var diff: [[Span]] = []
        var changes = 0, calls = 0, money: Int64 = 0
        do {
            if !host.isShown(QueuePane.self) || outlines.isEmpty { try refresh(host.environment, state: host.state) }
            for (account, outline) in outlines where !outline.isEmpty {
                guard let member = all.members.first(where: { $0.name == account }) else { continue }
                guard member.hasAccount else {
                    diff.append([Span("\(account): \(AppState.needsKey("push")) — not pushed", style: Style(.dialog, accent: .error))])
                    continue
                }
                var head = "\(account): \(NumberText.count(outline.changes, "change")) in \(NumberText.count(outline.calls, "API call"))"
                if !outline.moneyIntents.isEmpty { head += " · spends \(Cents.dollars(outline.moneyCostCents))" }
                diff.append([Span(head, style: Style(.dialog, accent: .header))])
                if !outline.moneyIntents.isEmpty {
                    let balance = try member.engine.store.account()?.balanceCents
                    diff.append([Span("  " + MoneyText.balanceLine(spending: outline.moneyCostCents, balanceCents: balance),
                                      style: Style(.dialog, accent: .header))])
                    if outline.unpriced > 0 {
                        diff.append([Span("  \(outline.unpriced) without a known price are held: sync first", style: Style(.dialog, accent: .error))])
                    }
                }
                diff += try sectionDiff(outline, engine: member.engine, app: host.environment).map { [Span("  ")] + $0 }
                pushes.append(AccountPush(member: member, outline: outline,
                                          approval: try member.engine.pendingApproval(moneyCents: outline.moneyCostCents)))
                changes += outline.changes
                calls += outline.calls
                money += outline.spendsMoney ? outline.moneyCostCents : 0
            }
        } catch {
            host.state.message = StatusMessage(error: error)
            return
        }
        guard !pushes.isEmpty else {
            host.state.message = StatusMessage(diff.isEmpty ? "the queue is empty" : "no account with an API key has anything queued", isError: true)
            return
        }
        var summary = "\(NumberText.count(changes, "change")) in \(NumberText.count(calls, "API call")) across \(NumberText.count(pushes.count, "account"))"
        let spends = pushes.contains { $0.outline.spendsMoney }
        if spends { summary += " · spends \(Cents.dollars(money))" }
        let dialog = ConfirmDialog(title: "Push every account", summary: summary, lines: diff, isDangerous: spends, confirmLabel: "Push",
                                   startsOnNo: spends || changes > Self.carefulDomains)
        if !host.isShown(QueuePane.self) { host.show(QueuePane.self) }
        host.confirm(dialog) { [unowned self] host in host.start(pushAllJob(pushes)) }
    }

    /// Pushes each account concurrently through its own engine (its own
    /// client, tier limits and push lock). One account failing leaves the
    /// others' results recorded; the message names each account's outcome.
    private func pushAllJob(_ pushes: [AccountPush]) -> BackgroundJob {
        let total = pushes.reduce(0) { $0 + $1.outline.calls - $1.outline.setup.count }
        var job = BackgroundJob(bar: (.push, ProgressBar(done: 0, total: total, label: "push"))) { _, progress in
            let done = Carried<[String: Int]>()
            let parts = await withTaskGroup(of: (Int, StatusMessage).self) { group in
                for (index, push) in pushes.enumerated() {
                    group.addTask {
                        do {
                            let summary = try await push.member.engine.push(push.approval) { step in
                                let sum = done.value.withLock { counts -> Int in
                                    var all = counts ?? [:]
                                    all[push.member.name] = step.batchesDone
                                    counts = all
                                    return all.values.reduce(0, +)
                                }
                                progress(ProgressBar(done: sum, total: total, label: "push"))
                            }
                            // Anything left unverified counts against the account here:
                            // the message then reads as the failure it is.
                            var message = Self.pushMessage(summary, account: push.member.name)
                            if summary.uncertain > 0 { message.isError = true }
                            return (index, message)
                        } catch {
                            return (index, StatusMessage("\(push.member.name): push failed, \(StatusMessage(error: error).text)", isError: true))
                        }
                    }
                }
                var parts: [(Int, StatusMessage)] = []
                for await part in group { parts.append(part) }
                return parts.sorted { $0.0 < $1.0 }.map(\.1)
            }
            return StatusMessage(parts.map(\.text).joined(separator: " · "), isError: parts.contains { $0.isError })
        }
        job.started = { [unowned self] in
            pushedByAccount = [:]
            for push in pushes {
                if case .confirmed(let ids, _) = push.approval { pushedByAccount[push.member.name] = ids.sorted() }
            }
        }
        return job
    }

    /// `x` on a section header, confirmed: drops the section's queued changes.
    static func dropSection(_ section: PlanSection, engine: SyncEngine, _ host: any PaneHost) {
        do {
            let result = try engine.drop(section: section)
            host.state.message = StatusMessage("dropped \(NumberText.count(result.dropped, "queued change")) (\(section.label))")
        } catch {
            host.state.message = StatusMessage(error: error)
        }
        host.refreshAll()
    }

    /// `X` confirmed: drops every open intent.
    static func dropAll(_ host: any PaneHost) {
        do {
            // The All-accounts view drops every account's queue.
            var dropped = 0, kept = 0
            for engine in host.environment.allAccounts?.members.map(\.engine) ?? [host.environment.engine] {
                let result = try engine.dropAll()
                dropped += result.dropped
                kept += result.inflightKept
            }
            var text = "dropped \(dropped) intent\(dropped == 1 ? "" : "s")"
            if kept > 0 { text += "; \(kept) being sent stay for verification" }
            host.state.message = StatusMessage(text)
        } catch {
            host.state.message = StatusMessage(error: error)
        }
        host.refreshAll()
    }
}
