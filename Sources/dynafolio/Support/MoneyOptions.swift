import ArgumentParser
import SyncEngine

/// `--max-cost AMOUNT` as every verb that spends money takes it: the total
/// in USD the user accepts, which `push --yes` keeps to. Off a terminal it
/// is required, since nobody is there for `push` to ask.
struct MaxCostOption: ParsableArguments {
    // Taken unconditionally, so `--max-cost -3` reaches the check in
    // `limit(refusal:)` instead of being read as a flag.
    @Option(name: .customLong("max-cost"), parsing: .unconditional,
            help: "The most you accept to pay in total, in USD (at most two decimals, up to $10,000,000.00).")
    var maxCost: String?

    /// The limit in cents; nil on a terminal without one (`push` asks then).
    /// - Parameter refusal: why the verb needs a limit, as the refusal
    ///   starts: `renewing spends money`.
    func limit(refusal: String) throws -> Int64? {
        if let maxCost {
            do { return try Cents.parse(maxCost, what: "--max-cost") } catch { throw CLIFailure.usage(error.description) }
        }
        guard isInteractive else {
            throw CLIFailure.usage("\(refusal); pass --max-cost AMOUNT (the total in USD you accept) when not on a terminal")
        }
        return nil
    }
}

/// `--years N` of a renewal or registration: 1 to 10, as the reference
/// allows. Parse it with `parsing: .unconditional`, so `--years -1` reaches
/// this check instead of being read as a flag.
enum YearsOption {
    static func check(_ years: Int) throws {
        guard (1...10).contains(years) else { throw CLIFailure.usage("--years must be from 1 to 10 (got \(years))") }
    }
}

extension MaxCostOption {
    /// What every verb that queues money for names starts with: the limit
    /// (see ``limit(refusal:)``), the names (arguments or `--file`), and
    /// the cache, open for writing.
    func start(refusal: String, names: [String], file: String?) throws -> (limit: Int64?, names: [String], context: AppContext) {
        let cents = try limit(refusal: refusal)
        let wanted = try SearchCommand.names(arguments: names, file: file)
        let context = try AppContext.open()
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        return (cents, wanted, context)
    }

    /// The line a money verb prints after queueing: the cost, the balance
    /// as last fetched and the limit `push --yes` keeps to (`cost:
    /// $24.00 · balance $100.00 (limit $30.00; `push --yes` sends them)`).
    /// `warnsOverBalance` adds what happens to a cost over the balance.
    static func costLine(_ label: String, costCents: Int64?, limit: Int64?, context: AppContext,
                         warnsOverBalance: Bool = false) throws -> String {
        let cost = costCents ?? 0
        var line = "\(label): \(Cents.dollars(cost))"
        if let balance = try context.store.account()?.balanceCents {
            line += " · balance \(Cents.dollars(balance))"
            if warnsOverBalance && cost > balance { line += " — not enough: the push will hold them until funds are added" }
        }
        if let limit { line += " (limit \(Cents.dollars(limit)); `push --yes` sends them)" }
        return line
    }
}
