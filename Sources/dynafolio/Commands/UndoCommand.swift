import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio undo ID [--dry-run] [--force]`: queue, as a new operation,
/// what puts every reversible field operation ID changed back.
struct UndoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Queue the changes that put back what an operation changed (review with `plan`, send with `push`).",
        discussion: """
        Restores name servers, renew option, privacy, folder, note, forwarding, stealth, parking, \
        for-sale listing and price, DNS record sets and contacts to their values before operation ID, \
        grouped by restored value so it costs the fewest calls. A field changed since (by a later \
        operation or at Dynadot) is skipped and named, unless --force. Lock, renewals, registrations \
        and purchases cannot be undone. Works offline; an unknown ID exits 2.
        """
    )

    @Argument(help: "The operation's id (from `dynafolio history`).") var id: Int64
    @Flag(help: "Print the plan; queue nothing.") var dryRun = false
    @Flag(help: "Restore fields changed since the operation too, overwriting their current value.") var force = false

    func run() async throws {
        let context = try AppContext.open()
        let plan: UndoPlan
        do {
            plan = try context.engine.undoPlan(operationID: id, force: force)
        } catch let error as UndoError {
            throw CLIFailure.usage(error.description)
        }
        for line in UndoText.lines(plan) { print(line) }
        guard !dryRun else {
            print("dry run: nothing was queued")
            return
        }
        guard !plan.restores.isEmpty else {
            print("nothing to undo: nothing was queued")
            return
        }
        let summary = try context.engine.queueUndo(plan, origin: .undo)
        print("queued \(summary.added) change\(summary.added == 1 ? "" : "s") as operation #\(summary.operationID ?? 0); review with `dynafolio plan`, send with `dynafolio push`")
    }
}

/// The undo plan as text, for `undo` (the History pane's confirmation
/// shows the same facts).
enum UndoText {
    static func lines(_ plan: UndoPlan) -> [String] {
        var out = ["undo #\(plan.operation.id) \(TerminalText.escaped(plan.operation.label)): \(plan.restores.count) change\(plan.restores.count == 1 ? "" : "s") in \(plan.calls) call\(plan.calls == 1 ? "" : "s")"]
        for group in plan.groups {
            out.append("  \(group.field) → \(TerminalText.escaped(group.value)): \(group.count) domain\(group.count == 1 ? "" : "s")")
        }
        if !plan.conflicts.isEmpty {
            out.append("conflicts (skipped; --force restores them): \(plan.conflicts.count)")
            for skipped in plan.conflicts {
                out.append("  \(NameText.shown(skipped.domain))  \(skipped.field): \(TerminalText.escaped(skipped.reason))")
            }
        }
        if !plan.irreversible.isEmpty {
            out.append("not reversible: \(plan.irreversible.count)")
            for skipped in plan.irreversible {
                out.append("  \(NameText.shown(skipped.domain))  \(skipped.field): \(TerminalText.escaped(skipped.reason))")
            }
        }
        if plan.alreadyBack > 0 { out.append("already back: \(plan.alreadyBack)") }
        if plan.notApplied > 0 { out.append("never applied (failed, dropped or not sent): \(plan.notApplied)") }
        return out
    }
}
