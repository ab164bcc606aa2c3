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

    // Both taken unconditionally, so `--years -1` and `--max-cost -3` reach
    // the range checks below instead of being read as flags.
    @Option(parsing: .unconditional, help: "Years to add (1 to 10).") var years: Int
    @Option(name: .customLong("max-cost"), parsing: .unconditional,
            help: "The most you accept to pay for these renewals, in USD (at most two decimals, up to $10,000,000.00).") var maxCost: String?
    @OptionGroup var selection: DomainSelection

    func run() async throws {
        guard (1...10).contains(years) else { throw CLIFailure.usage("--years must be from 1 to 10 (got \(years))") }
        var limit: Int64?
        if let maxCost {
            do { limit = try Cents.parse(maxCost, what: "--max-cost") } catch { throw CLIFailure.usage(error.description) }
        } else if !isInteractive {
            throw CLIFailure.usage("renewing spends money; pass --max-cost AMOUNT (the total in USD you accept) when not on a terminal")
        }
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
