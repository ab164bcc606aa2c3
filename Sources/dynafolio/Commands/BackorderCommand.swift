import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio backorder add|rm|ls`.
struct BackorderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backorder",
        abstract: "Backorder domains (catch them when they drop), list and remove backorders.",
        subcommands: [BackorderAdd.self, BackorderRemove.self, BackorderList.self]
    )
}

/// `dynafolio backorder add NAME… [--file FILE] [--max-cost AMOUNT]`.
struct BackorderAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Queue backorder requests (money: you agree to pay if Dynadot catches a name).",
        discussion: """
        A caught name costs its TLD's registration price (from the cached prices, checked again \
        before the push sends). --max-cost records the total you accept if every name is caught; \
        `push --yes` then sends them within it and within the balance. Without --max-cost this \
        refuses unless run on a terminal, where `push` shows the cost and asks. Up to 100 names \
        go in one add_backorder_request call.
        """
    )

    @Argument(help: "Domain names to backorder.") var names: [String] = []
    @Option(help: "A file of names, one per line (`-` for standard input).") var file: String?
    @OptionGroup var maxCost: MaxCostOption

    func run() async throws {
        let (limit, wanted, context) = try maxCost.start(refusal: "a backorder agrees to pay if the name is caught", names: names, file: file)
        // The engine's refusals are usage errors (exit 2) as they propagate.
        let summary = try context.engine.queueBackorders(wanted, add: true, origin: .cli, maxCostCents: limit).summary
        QueueReport.print(summary, what: "backorder")
        print(try MaxCostOption.costLine("cost if every name is caught", costCents: summary.costCents, limit: limit, context: context))
    }
}

/// `dynafolio backorder rm NAME…`.
struct BackorderRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Queue taking names off the backorder list (sent by `push`, 100 per call)."
    )

    @Argument(help: "Domain names to take off the list.") var names: [String] = []
    @Option(help: "A file of names, one per line (`-` for standard input).") var file: String?

    func run() async throws {
        let wanted = try SearchCommand.names(arguments: names, file: file)
        let context = try AppContext.open()
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        QueueReport.print(try context.engine.queueBackorders(wanted, add: false, origin: .cli).summary, what: "backorder removal")
    }
}

/// `dynafolio backorder ls [--json] [--cached]`.
struct BackorderList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List the account's backorder requests (fetched, or --cached)."
    )

    @Flag(help: "Print a JSON array instead of a table.") var json = false
    @Flag(help: "Print the cached list without asking Dynadot.") var cached = false

    func run() async throws {
        let context = try AppContext.open()
        let rows: [BackorderRow]
        if cached {
            rows = try context.store.backorders().rows
        } else {
            if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
            try context.requireAccount()
            rows = try await context.engine.pullBackorders()
        }
        if json {
            try JSONOutput.emit(rows.map(JSONOutput.Backorder.init))
            return
        }
        if rows.isEmpty {
            print("no backorder requests")
            return
        }
        let width = max(6, rows.map { NameText.shown($0.domain).count }.max() ?? 6)
        print(SearchCommand.padded("DOMAIN", width) + "  STATUS     CUTOFF")
        for row in rows {
            let status = SearchCommand.padded(TerminalText.escaped(row.status), 9)
            print("\(SearchCommand.padded(NameText.shown(row.domain), width))  \(status)  \(row.cutoffMs.map(ValueDisplay.isoDate) ?? "-")")
        }
    }
}
