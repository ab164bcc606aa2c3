import DynadotAPI
import PortfolioStore
import Synchronization
import SyncEngine
import TerminalUI

extension Action {
    static let showHistory = Action("pane-history")
    static let historyFilter = Action("history-filter")
    static let historyOpen = Action("history-open")
    static let historyUndo = Action("history-undo")
    /// `z`, everywhere: take back the last queued operation.
    static let undoQueued = Action("undo-queued")
}

extension ActionScope {
    static let history = ActionScope("history", title: "History pane")
}

extension HistoryPane {
    /// The tab: its number key, its actions and their default keys (and the
    /// global `z`, which belongs to the history of queued operations).
    static let registration = PaneRegistration(
        scope: .history, showAction: .showHistory, showDescription: "History pane",
        actions: actions(.history)) { HistoryPane() }

    private static func actions(_ scope: ActionScope) -> [ActionSpec] {
        [
            ActionSpec(.historyFilter, ["/"], scope, "filter by label or changed domain", hint: "filter"),
            ActionSpec(.historyOpen, ["Enter"], scope, "list the cursor entry's changes (Enter again: back)", hint: "changes"),
            ActionSpec(.historyUndo, ["U"], scope, "undo the cursor operation (shows the undo plan first)", hint: "undo",
                       disabled: { $0.isPushing ? "wait for the push to finish" : nil }),
            ActionSpec(.undoQueued, ["z"], .global, "take back the last queued operation (its queued changes dropped, the ones it replaced back)",
                       disabled: { state in
                           if state.isPushing { return "wait for the push to finish" }
                           if state.queueSize == 0 { return "nothing is queued" }
                           return nil
                       }),
        ]
    }

    /// `U`: the undo plan is read in the background (an operation may hold
    /// a hundred thousand changes), then shown in a confirmation; yes
    /// queues it in the background too.
    func askUndo(_ entry: HistoryEntry, app: AppEnvironment, state: inout AppState) {
        let box = PlanBox()
        var job = BackgroundJob(startMessage: "reading the undo plan of #\(entry.id)…") { engine, _ in
            let plan = try engine.undoPlan(operationID: entry.id)
            box.plan.withLock { $0 = plan }
            return nil
        }
        job.finished = { result, host in
            guard case .success = result, let plan = box.plan.withLock({ $0 }) else {
                BackgroundJob.report(result, host)
                return
            }
            Self.confirmUndo(entry, plan, host)
        }
        state.request = .background(job)
    }

    /// The plan in a confirmation, or why there is nothing to undo.
    static func confirmUndo(_ entry: HistoryEntry, _ plan: UndoPlan, _ host: any PaneHost) {
        guard !plan.restores.isEmpty else {
            var why = "nothing to undo in #\(entry.id)"
            if !plan.conflicts.isEmpty { why += ": \(plan.conflicts.count) changed since (`dynafolio undo \(entry.id) --force` restores them)" }
            else if !plan.irreversible.isEmpty { why += ": \(plan.irreversible.first?.reason ?? "")" }
            host.state.message = StatusMessage(why, isError: true)
            return
        }
        let dialog = ConfirmDialog(
            title: "Undo #\(entry.id)",
            summary: "\(TerminalText.escaped(entry.label)): queue \(plan.restores.count) change\(plan.restores.count == 1 ? "" : "s") in \(plan.calls) call\(plan.calls == 1 ? "" : "s")",
            lines: planLines(plan), confirmLabel: "Queue undo", cancelLabel: "Cancel")
        host.confirm(dialog) { host in
            host.start(BackgroundJob(startMessage: "queueing the undo of #\(entry.id)…") { engine, _ in
                let summary = try engine.queueUndo(plan)
                return StatusMessage("queued the undo of #\(entry.id): \(summary.added) change\(summary.added == 1 ? "" : "s") (operation #\(summary.operationID ?? 0)); review in Queue")
            })
        }
    }

    /// The plan's groups, conflicts (with current values) and what cannot
    /// be undone, one line each.
    static func planLines(_ plan: UndoPlan) -> [[Span]] {
        var lines: [[Span]] = plan.groups.map { [Span("\($0.field) → \(TerminalText.escaped($0.value)): \($0.count)")] }
        if !plan.conflicts.isEmpty {
            lines.append([Span("conflicts, skipped: \(plan.conflicts.count)", style: Style(.error))])
            lines += plan.conflicts.prefix(20).map { [Span("  \($0.domain) \($0.field): \(TerminalText.escaped($0.reason))")] }
        }
        if !plan.irreversible.isEmpty {
            lines.append([Span("cannot be undone: \(plan.irreversible.count)", style: Style(.error))])
            lines += plan.irreversible.prefix(20).map { [Span("  \($0.domain) \($0.field): \(TerminalText.escaped($0.reason))")] }
        }
        if plan.alreadyBack > 0 { lines.append([Span("already back: \(plan.alreadyBack)")]) }
        return lines
    }
}

/// The plan a background read hands to the UI thread.
final class PlanBox: Sendable {
    let plan = Mutex<UndoPlan?>(nil)
}

extension BackgroundJob {
    /// `z`: takes back the last queued operation.
    static var undoQueued: BackgroundJob {
        BackgroundJob(startMessage: "taking back the last queued operation…") { engine, _ in
            guard let result = try engine.undoLastQueued() else { return StatusMessage("nothing is queued", isError: true) }
            return StatusMessage("took back #\(result.operation.id) \(TerminalText.escaped(result.operation.label)): "
                                 + "dropped \(result.dropped), restored \(result.restored) it had replaced")
        }
    }
}
