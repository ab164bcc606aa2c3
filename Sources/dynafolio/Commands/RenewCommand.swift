import ArgumentParser
import Foundation
import SyncEngine

/// `dynafolio renew --years N (--domains … | --query …) [--max-cost AMOUNT]`:
/// queue renewals (money) and show their total cost.
struct RenewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew",
        abstract: "Queue renewals and show their total cost.",
        discussion: """
        Renewing spends money. --max-cost records the total you accept; `push --yes` then sends \
        these renewals if their cost stays within it. Without --max-cost this refuses unless run \
        on a terminal, where `push` shows the cost and asks.
        """
    )

    // Taken unconditionally, so `--years -1` reaches the range check
    // instead of being read as a flag.
    @Option(parsing: .unconditional, help: "Years to add (1 to 10).") var years: Int
    @OptionGroup var maxCost: MaxCostOption
    @OptionGroup var selection: DomainSelection

    func run() async throws {
        try YearsOption.check(years)
        let limit = try maxCost.limit(refusal: "renewing spends money")
        let context = try AppContext.open()
        let names = try selection.resolve(in: context.store)
        // Price every domain before queueing, so a limit that is too low
        // or a missing price refuses with nothing queued.
        var total: Int64 = 0
        var unpriced = Set<String>()
        for row in try context.store.domains(named: names) {
            if let price = try context.store.tldPrice(row.tld)?.renewCents { total += price * Int64(years) } else { unpriced.insert(row.tld) }
        }
        if let limit {
            guard unpriced.isEmpty else {
                throw CLIFailure.usage("no cached renewal price for .\(unpriced.sorted().joined(separator: ", .")); run `dynafolio sync` first")
            }
            guard total <= limit else {
                throw CLIFailure.usage("these renewals cost \(Cents.dollars(total)), more than --max-cost \(Cents.dollars(limit)); nothing was queued")
            }
        }
        let summary = try context.engine.queue(.renew(years: years), domains: names, origin: .cli, maxCostCents: limit)
        QueueReport.print(summary, what: "renewal (\(years) year\(years == 1 ? "" : "s"))")
        var cost = "total cost: \(Cents.dollars(summary.costCents ?? total))"
        if !unpriced.isEmpty { cost += " plus unpriced .\(unpriced.sorted().joined(separator: ", .")) (run `dynafolio sync` to fetch prices)" }
        if let limit { cost += " (limit \(Cents.dollars(limit)); `push --yes` sends them)" }
        print(cost)
    }
}
