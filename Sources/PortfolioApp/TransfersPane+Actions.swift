import DynadotAPI
import PortfolioStore
import SyncEngine
import TerminalUI

extension Action {
    static let showTransfers = Action("pane-transfers")
    static let transferRefresh = Action("transfer-refresh")
    static let transferCode = Action("transfer-code")
    static let transferYes = Action("transfer-yes")
    static let transferNo = Action("transfer-no")
    static let transferCancel = Action("transfer-cancel")
    static let transferSetCode = Action("transfer-set-code")
    static let transferIn = Action("transfer-in")
    static let transferPush = Action("transfer-push")
}

extension ActionScope {
    static let transfers = ActionScope("transfers", title: "Transfers pane")
}

extension TransfersPane {
    /// The tab: its actions and their default keys; `:transfers` shows it.
    static let registration = PaneRegistration(
        scope: .transfers, showAction: .showTransfers, showDescription: "Transfers pane (:transfers, or Tab)",
        actions: actions(.transfers)) { TransfersPane() }

    /// Disabled without an API key, saying what needs one.
    private static func needsKey(_ what: String) -> @Sendable (AppState) -> String? {
        { state in state.hasAccount ? nil : AppState.needsKey(what) }
    }

    private static func actions(_ scope: ActionScope) -> [ActionSpec] {
        return [
            ActionSpec(.transferRefresh, ["s"], scope, "check transfers and pushes now", hint: "check", disabled: needsKey("checking transfers")),
            ActionSpec(.transferCode, ["c"], scope, "show the cursor domain's auth code (secret; asks first)", hint: "code",
                       disabled: needsKey("fetching auth codes")),
            ActionSpec(.transferYes, ["a"], scope, "approve the transfer away / accept the push (asks first)", hint: "approve",
                       disabled: needsKey("answering")),
            ActionSpec(.transferNo, ["d"], scope, "deny the transfer away / decline the push (asks first)", hint: "deny",
                       disabled: needsKey("answering")),
            ActionSpec(.transferCancel, ["x"], scope, "cancel the transfer in (asks first)", hint: "cancel",
                       disabled: needsKey("cancelling")),
            ActionSpec(.transferSetCode, ["e"], scope, "send a new auth code for the transfer in (typed unseen; asks first)", hint: "new code",
                       disabled: needsKey("sending auth codes")),
            ActionSpec(.transferIn, ["i"], scope, "transfer in from a file of domain,auth code lines (spends money)",
                       hint: "transfer in", dangerous: true,
                       disabled: AppState.spendingRefusal("transferring in")),
            ActionSpec(.transferPush, ["p"], scope, "push the selected domains to another Dynadot account", hint: "push",
                       dangerous: true, disabled: needsKey("pushing domains")),
        ]
    }

    /// `:transfers` shows the pane; `:codes` fetches the auth codes of the
    /// selection (or the cursor row) from any pane.
    var verbs: [CommandVerb] {
        [CommandVerb(names: ["transfers"]) { _, host in host.show(TransfersPane.self) },
         CommandVerb(names: ["codes"]) { _, host in
             EditQueueing.readThenAsk(host.targets, for: "auth codes", host, read: { _, names in names }) { names, host in
                 TransfersPane.confirmCodes(names, host)
             }
         }]
    }

    /// Asks before fetching auth codes (saying which domains get unlocked),
    /// then shows them in a dialog only.
    static func confirmCodes(_ names: [String], _ host: any PaneHost) {
        guard !names.isEmpty else {
            host.state.message = StatusMessage("select domains (or put the cursor on one) to fetch their auth codes", isError: true)
            return
        }
        guard let locked = lockedAmong(names, host) else { return }
        var lines: [[Span]] = [[Span("One call per domain. Codes are secret: shown once, not kept.")]]
        if !locked.isEmpty {
            lines.append([Span("\(locked.count) locked: Dynadot unlocks \(locked.count == 1 ? "it" : "them") to give the code:", style: Style(.error))])
            lines += nameLines(Array(locked.prefix(10)), unicode: host.environment.unicode)
        }
        let dialog = ConfirmDialog(title: "Auth codes (secret)",
                                   summary: "Fetch the auth code\(names.count == 1 ? "" : "s") of \(names.count == 1 ? DomainNameDisplay.shown(names[0], unicode: host.environment.unicode) : "\(names.count) domains")?",
                                   lines: lines, isDangerous: !locked.isEmpty,
                                   confirmLabel: locked.isEmpty ? "Fetch" : "Unlock and fetch", cancelLabel: "Cancel")
        host.confirm(dialog) { host in
            let carried = Carried<[AuthCodeResult]>()
            var job = BackgroundJob(startMessage: "fetching \(names.count) auth code\(names.count == 1 ? "" : "s")…") { engine, _ in
                carried.value.withLock { $0 = nil }
                let results = try await engine.fetchAuthCodes(names, unlock: !locked.isEmpty)
                carried.value.withLock { $0 = results }
                return nil
            }
            job.finished = { result, host in
                guard case .success = result, let results = carried.value.withLock({ $0 }) else {
                    BackgroundJob.report(result, host)
                    return
                }
                host.refreshAll()
                let shown = results.map { item -> [Span] in
                    let name = DomainNameDisplay.shown(item.domain, unicode: host.environment.unicode)
                    if let code = item.code { return [Span(name + "  "), Span(TerminalText.escaped(code), style: Style(.ok))] }
                    return [Span(name + "  "), Span(TerminalText.escaped(item.error ?? "no code"), style: Style(.error))]
                }
                let fetched = results.filter { $0.code != nil }.count
                host.confirm(ConfirmDialog(title: "Auth codes (secret)", summary: "\(fetched) of \(results.count) fetched; they are not kept",
                                           lines: shown, confirmLabel: "Done", cancelLabel: "Close")) { _ in }
                host.state.message = StatusMessage("fetched \(fetched) of \(results.count) auth code\(results.count == 1 ? "" : "s")")
            }
            host.start(job)
        }
    }

    /// The cached locked domains among `names`; nil, with the cause in the
    /// message, when the cache cannot be read.
    static func lockedAmong(_ names: [String], _ host: any PaneHost) -> [String]? {
        do {
            return try host.environment.engine.lockedDomains(names)
        } catch {
            host.state.message = StatusMessage(error: error)
            return nil
        }
    }

    /// A dialog's list of domains, one a line, two spaces in.
    static func nameLines(_ names: [String], unicode: Bool) -> [[Span]] {
        names.map { [Span("  " + TerminalText.escaped(DomainNameDisplay.shown($0, unicode: unicode)))] }
    }

    /// `job`, reading the panes again when it ends (the transfer list changed).
    static func refreshing(_ job: BackgroundJob) -> BackgroundJob {
        var job = job
        job.finished = { result, host in
            BackgroundJob.report(result, host)
            host.refreshAll()
        }
        return job
    }

    static func confirmAuthorize(_ row: TransferRow, approve: Bool, _ host: any PaneHost) {
        let name = DomainNameDisplay.shown(row.domain, unicode: host.environment.unicode)
        guard !row.orderId.isEmpty else {
            host.state.message = StatusMessage("\(name) has no order id yet; press s to check again", isError: true)
            return
        }
        let dialog = ConfirmDialog(title: approve ? "Approve transfer away" : "Deny transfer away",
                                   summary: "\(approve ? "Approve" : "Deny") moving \(name) away (order \(TerminalText.escaped(row.orderId)))?",
                                   lines: [[Span("One authorize_transfer_away call" + (approve ? "; cannot be taken back." : "."))]],
                                   isDangerous: approve, confirmLabel: approve ? "Approve" : "Deny", cancelLabel: "Cancel")
        host.confirm(dialog) { host in
            host.start(refreshing(BackgroundJob(startMessage: "answering the transfer of \(name)…") { engine, _ in
                let result = try await engine.authorizeTransferAway(row.domain, orderId: row.orderId, approve: approve)
                return StatusMessage("\(name): \(TerminalText.escaped(result))")
            }))
        }
    }

    static func confirmPushAnswer(_ row: TransferRow, accept: Bool, _ host: any PaneHost) {
        let name = DomainNameDisplay.shown(row.domain, unicode: host.environment.unicode)
        let dialog = ConfirmDialog(title: accept ? "Accept push" : "Decline push",
                                   summary: "\(accept ? "Accept" : "Decline") \(name), pushed to this account?",
                                   lines: [[Span("One set_domain_push_request call.")]],
                                   confirmLabel: accept ? "Accept" : "Decline", cancelLabel: "Cancel")
        host.confirm(dialog) { host in
            host.start(refreshing(BackgroundJob(startMessage: "answering the push of \(name)…") { engine, _ in
                try await engine.answerPushRequests([row.domain], accept: accept)
                return StatusMessage("\(accept ? "accepted" : "declined") \(name)")
            }))
        }
    }

    static func confirmCancel(_ row: TransferRow, _ host: any PaneHost) {
        let name = DomainNameDisplay.shown(row.domain, unicode: host.environment.unicode)
        let dialog = ConfirmDialog(title: "Cancel transfer in", summary: "Cancel moving \(name) in (order \(TerminalText.escaped(row.orderId)))?",
                                   lines: [[Span("One cancel_transfer call.")]],
                                   isDangerous: true, confirmLabel: "Cancel transfer", cancelLabel: "Keep it")
        host.confirm(dialog) { host in
            host.start(refreshing(BackgroundJob(startMessage: "cancelling the transfer of \(name)…") { engine, _ in
                try await engine.cancelTransfer(row.domain)
                return StatusMessage("\(name): transfer cancelled")
            }))
        }
    }
}

extension BackgroundJob {
    /// `s` in the Transfers pane: transfers away, transfers in under way, incoming pushes.
    static var refreshTransfers: BackgroundJob {
        TransfersPane.refreshing(BackgroundJob(group: "transfers", startMessage: "checking transfers and pushes…") { engine, _ in
            let rows = try await engine.pullTransfers()
            return StatusMessage("checked: \(rows.count) transfer\(rows.count == 1 ? "" : "s") and push\(rows.count == 1 ? "" : "es")")
        })
    }
}
