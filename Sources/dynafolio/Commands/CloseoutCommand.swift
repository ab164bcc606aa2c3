import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio closeout ls|buy`.
struct CloseoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "closeout",
        abstract: "List expired domains on closeout sale, and buy them (money).",
        subcommands: [CloseoutListCommand.self, CloseoutBuyCommand.self]
    )
}

/// `dynafolio closeout ls [QUERY…] [--max-price AMOUNT] [--cached] [--json]`.
struct CloseoutListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List expired closeout domains with their price (fetched page by page and cached, or --cached).",
        discussion: """
        Fetches every page of get_expired_closeout_domains (100 names a page) into the cache. Words \
        filter by domain name (every word must appear); --max-price keeps names at or below a price.
        """
    )

    @Argument(help: "Words the domain name must contain.") var query: [String] = []
    @Option(name: .customLong("max-price"), help: "Only names at or below this price, in USD.") var maxPrice: String?
    @Flag(help: "Print the cached list (with its age) without asking Dynadot.") var cached = false
    @Flag(help: "Print a JSON array instead of a table.") var json = false

    func run() async throws {
        var ceiling: Int64?
        if let maxPrice {
            do { ceiling = try Cents.parse(maxPrice, what: "--max-price") } catch { throw CLIFailure.usage(error.description) }
        }
        let context = try AppContext.open()
        var rows: [CloseoutRow]
        if cached {
            rows = try context.store.closeouts().rows
        } else {
            if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
            try context.requireAccount()
            let printer = ProgressPrinter(quiet: json)
            do {
                rows = try await context.engine.pullCloseouts { read in printer.update(step: "closeouts", done: read, total: nil) }
            } catch {
                printer.finish()
                throw error
            }
            printer.finish()
        }
        let filter = NameFilter(words: query)
        rows = rows.filter { row in filter.matches(row.domain) && (ceiling.map { (row.priceCents ?? .max) <= $0 } ?? true) }
        let now = context.store.nowMs
        if json {
            try JSONOutput.emit(rows.map { JSONOutput.CloseoutItem(row: $0, nowMs: now) })
            return
        }
        if rows.isEmpty {
            print(cached ? "no cached closeouts match; run `dynafolio closeout ls` to fetch them" : "no closeouts match")
            return
        }
        let width = max(6, rows.map { NameText.shown($0.domain).count }.max() ?? 6)
        print(SearchCommand.padded("DOMAIN", width) + "  PRICE       RENEWAL     ENDS")
        for row in rows {
            print(SearchCommand.padded(NameText.shown(row.domain), width) + "  " + SearchCommand.padded(row.priceCents.map(Cents.dollars) ?? "-", 10)
                  + "  " + SearchCommand.padded(row.renewalCents.map(Cents.dollars) ?? "-", 10) + "  " + (row.endMs.map(ValueDisplay.isoDate) ?? "-"))
        }
        if let oldest = rows.map(\.syncedAtMs).min() {
            print("\(rows.count) closeout\(rows.count == 1 ? "" : "s") · fetched \(ValueDisplay.age(sinceMs: oldest, nowMs: now)) ago")
        }
    }
}

/// `dynafolio closeout buy NAME… [--file FILE] [--max-cost AMOUNT]`.
struct CloseoutBuyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "buy",
        abstract: "Queue buying expired closeout domains (money) and show their cost.",
        discussion: """
        Each name's price is read fresh; a name not on closeout sale refuses the whole command, with \
        nothing queued. --max-cost records the total you accept; `push --yes` then buys them if their \
        price, read again just before paying, stays within it and within the balance. Without \
        --max-cost this refuses unless run on a terminal, where `push` shows the total against the \
        balance and asks. One buy_expired_closeout_domain call per name; a lost answer is verified with \
        domain_info, never resent blindly.
        """
    )

    @Argument(help: "Closeout domain names to buy.") var names: [String] = []
    @Option(help: "A file of names, one per line (`-` for standard input).") var file: String?
    @OptionGroup var maxCost: MaxCostOption

    func run() async throws {
        let (limit, wanted, context) = try maxCost.start(refusal: "buying spends money", names: names, file: file)
        try context.requireAccount()
        // The engine's refusals are usage errors (exit 2) as they propagate.
        let queued = try await context.engine.queueCloseoutPurchases(wanted, origin: .cli, maxCostCents: limit)
        for name in wanted { print("  \(NameText.shown(name))  \(Cents.dollars(queued.prices[name] ?? 0))") }
        QueueReport.print(queued.summary, what: "closeout purchase")
        print(try MaxCostOption.costLine("total cost", costCents: queued.summary.costCents, limit: limit, context: context,
                                         warnsOverBalance: true))
    }
}
