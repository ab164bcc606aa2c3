import ArgumentParser
import DynadotAPI
import Foundation
import SyncEngine

/// `dynafolio plan [--json]`: what `push` would send, as API calls.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the queued changes as the API calls push would make.",
        discussion: "Works offline. --json prints {\"calls\", \"setup\", \"money_cost\", \"batches\": [{\"command\", \"domains\", \"params\", \"changes\"}], \"sections\"}; DNS changes carry records_added and records_removed."
    )

    @Flag(help: "Print the plan as JSON.") var json = false

    func run() async throws {
        let context = try AppContext.open()
        let plan = try context.engine.plan()
        if json {
            try JSONOutput.emit(PlanJSON(plan, targets: try context.engine.targetNames()))
        } else {
            print(PlanText.render(plan, targets: try context.engine.targetNames()))
        }
    }
}

/// The plan as people read it: one section per command and value with
/// its domain and call counts, one line per domain under it (DNS changes
/// record by record, renewals with each cost and the total).
enum PlanText {
    static func render(_ plan: Plan, targets: TargetNames) -> String {
        guard !plan.isEmpty else {
            return "nothing queued" + (plan.unreadable.isEmpty ? "" : " (\(plan.unreadable.count) unreadable intents; drop them with `dynafolio queue drop`)")
        }
        let sections = plan.sections
        let changes = sections.reduce(0) { $0 + $1.section.domains }
        var lines = ["\(NumberText.count(plan.calls, "call")), \(NumberText.count(changes, "change"))"]
        if !plan.setup.isEmpty {
            let setup = plan.setup.map { call in
                TerminalText.escaped(([call.command] + call.parameters.map { "\($0.name)=\($0.value)" }).joined(separator: " "))
            }
            lines.append("first: " + setup.joined(separator: ", "))
        }
        let e = { (text: String) in TerminalText.escaped(text) }
        for (section, ids) in sections {
            lines.append(e(section.title))
            for id in ids {
                guard let change = plan.changes[id] else { continue }
                lines += changeLines(change, section: section, targets: targets).map { "    " + $0 }
            }
            if section.spendsMoney {
                lines.append("    total \(Cents.dollars(section.costCents))"
                             + (section.unpriced > 0 ? " + \(section.unpriced) without a known price (run `dynafolio sync`)" : ""))
            }
        }
        if !plan.moneyIntents.isEmpty {
            var money = "money: \(plan.moneyIntents.count) \(SyncEngine.moneyWords(plan.moneyIntents)), \(Cents.dollars(plan.moneyCostCents)) at the cached prices"
            if !plan.unpriced.isEmpty { money += " (\(plan.unpriced.count) without a known price: run `dynafolio sync`)" }
            lines.append(money)
        }
        return lines.joined(separator: "\n")
    }

    /// `münchen.de  auto → donot`; a DNS change adds `  + MX mail.example.com 10`
    /// lines; a renewal says what it buys and its cost; a folder-wide
    /// setting reads `folder Parked: renew option auto; …`.
    static func changeLines(_ change: PlannedChange, section: PlanSection, targets: TargetNames) -> [String] {
        let e = { (text: String) in TerminalText.escaped(text) }
        let name = NameText.shown(change.domain)
        if section.spendsMoney {
            return ["\(name)  \(e(change.after))  \(change.costCents.map(Cents.dollars) ?? "price unknown")"]
        }
        if change.field == .folderSetting { return [NameText.target(change.domain, targets) + ": " + e(change.after)] }
        guard let records = change.recordChanges else { return ["\(name)  \(e(change.before)) → \(e(change.after))"] }
        var lines = ["\(name)  \(e(change.before)) → \(e(change.after))"]
        lines += records.added.map { "  + " + e($0.planText) }
        lines += records.removed.map { "  - " + e($0.planText) }
        return lines
    }
}
