import ArgumentParser
import DynadotAPI
import Foundation
import SyncEngine

/// `dynafolio plan [--json]`: what `push` would send, as API calls.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the queued changes as the API calls push would make.",
        discussion: "Works offline. --json prints {\"calls\": N, \"batches\": [{\"command\", \"domains\", \"params\"}]}."
    )

    @Flag(help: "Print the plan as JSON.") var json = false

    func run() async throws {
        let context = try AppContext.open()
        let plan = try context.engine.plan()
        if json {
            try JSONOutput.emit(JSONOutput.plan(plan))
        } else {
            print(PlanText.render(plan))
        }
    }
}

/// The plan as people read it: one block per call, one line per change.
enum PlanText {
    static func render(_ plan: Plan) -> String {
        guard !plan.isEmpty else {
            return "nothing queued" + (plan.unreadable.isEmpty ? "" : " (\(plan.unreadable.count) unreadable intents; drop them with `dynafolio queue drop`)")
        }
        var lines = ["\(plan.calls) call\(plan.calls == 1 ? "" : "s"), \(plan.changes.count) change\(plan.changes.count == 1 ? "" : "s")"]
        if !plan.setup.isEmpty {
            let setup = plan.setup.map { call in
                TerminalText.escaped(([call.command] + call.parameters.map { "\($0.name)=\($0.value)" }).joined(separator: " "))
            }
            lines.append("first: " + setup.joined(separator: ", "))
        }
        for (index, batch) in plan.batches.enumerated() {
            let params = TerminalText.escaped(batch.parameters.map { "\($0.name)=\($0.value)" }.joined(separator: " "))
            lines.append("\(index + 1). \(batch.command) × \(batch.domains.count)\(params.isEmpty ? "" : "  " + params)\(batch.spendsMoney ? "  [money]" : "")")
            for id in batch.intentIDs {
                guard let change = plan.changes[id] else { continue }
                let e = { (text: String) in TerminalText.escaped(text) }
                lines.append("     \(e(change.domain))  \(change.field.rawValue): \(e(change.before)) → \(e(change.after))")
            }
        }
        if !plan.moneyIntents.isEmpty {
            var money = "money: \(plan.moneyIntents.count) \(SyncEngine.moneyWords(plan.moneyIntents)), $\(Cents.format(cents: plan.moneyCostCents)) at the cached prices"
            if !plan.unpriced.isEmpty { money += " (\(plan.unpriced.count) without a known price: run `dynafolio sync`)" }
            lines.append(money)
        }
        return lines.joined(separator: "\n")
    }
}
