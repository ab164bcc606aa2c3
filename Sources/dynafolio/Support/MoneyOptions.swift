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
