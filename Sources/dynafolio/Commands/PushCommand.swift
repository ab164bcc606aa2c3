import ArgumentParser
import DynadotAPI
import Foundation
import SyncEngine

/// `dynafolio push [--yes] [--dry-run]`: send the queue as the fewest calls.
struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send the queued changes to Dynadot.",
        discussion: """
        On a terminal without --yes it shows the plan and its cost and asks. --yes confirms, and \
        sends money intents (renewals) only when their total stays within the --max-cost given to \
        `renew`. Exit 3 when some changes failed or conflicted; they stay in the queue, see `dynafolio plan`.
        """
    )

    @Flag(name: .shortAndLong, help: "Do not ask; money intents go only within their recorded --max-cost.") var yes = false
    @Flag(name: .customLong("dry-run"), help: "Show the plan only; send nothing.") var dryRun = false
    @Flag(help: "Print nothing but the result and errors.") var quiet = false

    func run() async throws {
        let context = try AppContext.open()
        let plan = try context.engine.plan()
        if dryRun {
            print(PlanText.render(plan))
            return
        }
        try context.requireAccount()
        let inflight = try context.store.inflightBatches()
        if plan.isEmpty && inflight.isEmpty {
            print("nothing to push")
            return
        }
        var policy: MoneyPolicy = .hold
        if yes {
            policy = .withinRecordedLimit
        } else if isInteractive && !plan.isEmpty {
            print(PlanText.render(plan))
            let cost = plan.moneyIntents.isEmpty ? "" : ", spending up to $\(Cents.format(cents: plan.moneyCostCents))"
            Swift.print("Push \(plan.calls) call\(plan.calls == 1 ? "" : "s")\(cost)? [y/N] ", terminator: "")
            fflush(nil)
            guard let answer = readLine()?.lowercased(), answer == "y" || answer == "yes" else {
                print("not pushed; the queue is unchanged")
                return
            }
            policy = .approveAll
        }
        let printer = ProgressPrinter(quiet: quiet)
        let summary: PushSummary
        do {
            summary = try await context.engine.push(money: policy) { event in
                printer.update(step: "push", done: event.batchesDone, total: event.batchesTotal)
            }
        } catch {
            printer.finish()
            throw error
        }
        printer.finish()
        var parts = ["pushed: \(summary.done) applied", "\(summary.failed) failed", "\(summary.conflicts) conflicts",
                     "\(summary.calls) calls"]
        if summary.verified > 0 { parts.append("\(summary.verified) verified after an interrupted push") }
        if summary.requeued > 0 { parts.append("\(summary.requeued) still queued") }
        print(parts.joined(separator: ", "))
        if summary.heldMoney > 0 {
            printError("\(summary.heldMoney) renewal\(summary.heldMoney == 1 ? "" : "s") held: queue them with `renew --max-cost AMOUNT` and push with --yes, or run `push` on a terminal to confirm the cost")
        }
        for problem in summary.problems { printError(problem) }
        if !summary.clean {
            printError("some changes failed or conflict with a remote change; list them with `dynafolio ls failed:yes`, then queue a fix or `dynafolio queue drop --domains …`")
            throw ExitCode(Exit.pushProblems)
        }
    }
}
