import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio watch ls|add|rm|refresh`: the watchlist.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Names you care about: watch them, with a note, and see when they become available or enter an auction.",
        subcommands: [WatchListCommand.self, WatchAddCommand.self, WatchRemoveCommand.self, WatchRefreshCommand.self]
    )

    /// The table `watch ls` and `expiring --watch` print.
    static func printTable(_ rows: [WatchRow], nowMs: Int64) {
        let width = max(6, rows.map { NameText.shown($0.name).count }.max() ?? 6)
        print(SearchCommand.padded("DOMAIN", width) + "  STATUS     PRICE/YEAR  MARKET     CHECKED  NEW                  NOTE")
        for row in rows {
            let price = row.priceCents.map(Cents.dollars) ?? "-"
            let market = row.auctionID != nil ? "auction" : row.inCloseout ? "closeout" : "-"
            let news = row.news.isEmpty ? "-" : row.news.names.joined(separator: ",")
            print(SearchCommand.padded(NameText.shown(row.name), width) + "  " + SearchCommand.padded(row.status?.rawValue ?? "unchecked", 9)
                  + "  " + String(repeating: " ", count: max(0, 10 - price.count)) + price + "  " + SearchCommand.padded(market, 9)
                  + "  " + SearchCommand.padded(row.checkedMs.map { ValueDisplay.age(sinceMs: $0, nowMs: nowMs) + " ago" } ?? "never", 7)
                  + "  " + SearchCommand.padded(news, 19) + "  " + TerminalText.escaped(row.note))
        }
    }
}

/// `dynafolio watch ls [--json]`.
struct WatchListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List the watched names with what the last refresh found (from the cache; works offline)."
    )

    @Flag(help: "Print a JSON array instead of a table.") var json = false

    func run() async throws {
        let context = try AppContext.open()
        let rows = try context.store.watchlist()
        let now = context.store.nowMs
        if json {
            try JSONOutput.emit(rows.map { JSONOutput.WatchItem(row: $0, nowMs: now) })
            return
        }
        if rows.isEmpty {
            print("the watchlist is empty; add names with `dynafolio watch add NAME…`")
            return
        }
        WatchCommand.printTable(rows, nowMs: now)
    }
}

/// `dynafolio watch add NAME… [--file FILE] [--note TEXT]`.
struct WatchAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Watch names (IDNs are kept as punycode); --note sets their note.",
        discussion: "A name already watched keeps its note unless --note is given. Nothing is asked of Dynadot: `watch refresh` does that."
    )

    @Argument(help: "Domain names to watch.") var names: [String] = []
    @Option(help: "A file of names, one per line (`-` for standard input).") var file: String?
    @Option(help: "A note kept with the names (replaces the note of names already watched).") var note: String?

    func run() async throws {
        let wanted = try SearchCommand.names(arguments: names, file: file)
        let context = try AppContext.open()
        try WatchAddCommand.add(wanted, note: note, context)
    }

    /// Adds `names` with `note` and says what happened (shared with `search --watch-add`).
    static func add(_ names: [String], note: String?, _ context: AppContext) throws {
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        let added: [String]
        do { added = try context.engine.watch(names, note: note) } catch let error as SyncError { throw CLIFailure.usage(error.description) }
        let already = names.filter { !added.contains($0) }
        if !added.isEmpty { print("watching \(added.map(NameText.shown).joined(separator: ", "))") }
        if !already.isEmpty {
            print("already watched\(note == nil ? "" : " (note replaced)"): \(already.map(NameText.shown).joined(separator: ", "))")
        }
    }
}

/// `dynafolio watch rm NAME… [--file FILE]`.
struct WatchRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Stop watching names (only those given; there is no \"remove all\")."
    )

    @Argument(help: "Domain names to stop watching.") var names: [String] = []
    @Option(help: "A file of names, one per line (`-` for standard input).") var file: String?

    func run() async throws {
        guard !names.isEmpty || file != nil else {
            throw CLIFailure.usage("give the names to stop watching, e.g. `dynafolio watch rm example.com`; nothing was removed")
        }
        let wanted = try SearchCommand.names(arguments: names, file: file)
        let context = try AppContext.open()
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        let removed = try context.engine.unwatch(wanted)
        let missing = wanted.filter { !removed.contains($0) }
        if !removed.isEmpty { print("stopped watching \(removed.map(NameText.shown).joined(separator: ", "))") }
        if !missing.isEmpty {
            printError("not watched: \(missing.map(NameText.shown).joined(separator: ", ")) — `dynafolio watch ls` lists the watched names")
            if removed.isEmpty { throw ExitCode(Exit.failure) }
        }
    }
}

/// `dynafolio watch refresh [--json] [--quiet]`.
struct WatchRefreshCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Ask Dynadot about every watched name: availability, open auctions, closeouts.",
        discussion: """
        Availability comes from search (one name per call on a regular account, 100 on bulk and super \
        bulk); auctions and closeouts from the cached lists, fetched again first when older than 15 \
        minutes. A name that became available, entered an auction or went on closeout sale since the \
        refresh before is marked new (a name's first refresh only records where it stands); \
        `dynafolio expiring --watch` reports them. Prints the watchlist afterwards.
        """
    )

    @Flag(help: "Print a JSON array instead of a table.") var json = false
    @Flag(help: "No progress on standard error.") var quiet = false

    func run() async throws {
        let context = try AppContext.open()
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        try context.requireAccount()
        guard try !context.store.watchlist().isEmpty else {
            print("the watchlist is empty; add names with `dynafolio watch add NAME…`")
            return
        }
        let printer = ProgressPrinter(quiet: quiet || json)
        let rows: [WatchRow]
        do {
            rows = try await context.engine.refreshWatchlist(configuredTier: context.configuration.tier) { step, done, total in
                printer.update(step: step, done: done, total: total > 0 ? total : nil)
            }
        } catch {
            printer.finish()
            throw error
        }
        printer.finish()
        let now = context.store.nowMs
        if json {
            try JSONOutput.emit(rows.map { JSONOutput.WatchItem(row: $0, nowMs: now) })
            return
        }
        WatchCommand.printTable(rows, nowMs: now)
        let news = rows.filter { !$0.news.isEmpty }.count
        print("\(rows.count) watched · \(news) new")
    }
}
