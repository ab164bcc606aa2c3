import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import Synchronization
import SyncEngine

/// `dynafolio accounts [--json]`: every configured account with its cache
/// age, domain count, balance and queue size, from the caches (offline).
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts",
        abstract: "List the configured accounts: cache age, domains, balance and queue size.",
        discussion: "Works offline, from each account's cache. Accounts are [accounts.NAME] tables in config.toml; the single-account keys form the account `default`."
    )

    @Flag(help: "Print a JSON array (name, default, cache, synced, domains, balance, currency, username, queued).") var json = false

    /// One account's line.
    struct Entry: Encodable {
        let name: String
        let `default`: Bool
        let cache: String
        /// ISO time of the last complete domain listing; nil when never synced.
        let synced: String?
        let domains: Int
        let balance: String?
        let currency: String?
        /// The Dynadot username the cache was synced from.
        let username: String?
        /// Changes waiting to be pushed (pending or in flight).
        let queued: Int
    }

    func run() async throws {
        let chosen = try AppConfiguration.load(requireChoice: false)
        var entries: [Entry] = []
        var ages: [String] = []
        for configuration in try AppConfiguration.loadAll() {
            let isDefault = chosen.accountChosen && configuration.accountName == chosen.accountName
            guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
                entries.append(Entry(name: configuration.accountName, default: isDefault, cache: configuration.databasePath, synced: nil,
                                     domains: 0, balance: nil, currency: nil, username: nil, queued: 0))
                ages.append("never synced")
                continue
            }
            let store = try AppContext.open(configuration: configuration).store
            let synced = try store.lastSyncRun(kind: "domains", outcome: .complete)?.endedMs
            let account = try store.account()
            let counts = try store.intentCounts()
            entries.append(Entry(name: configuration.accountName, default: isDefault, cache: configuration.databasePath,
                                 synced: synced.map(UTCDate.isoTimestamp), domains: try store.count(matching: .all),
                                 balance: account?.balanceCents.map { Cents.format(cents: $0) }, currency: account?.currency,
                                 username: account.map(\.username).flatMap { $0.isEmpty ? nil : $0 },
                                 queued: (counts[.pending] ?? 0) + (counts[.inflight] ?? 0)))
            ages.append(synced.map { ValueDisplay.age(sinceMs: $0, nowMs: store.nowMs) + " ago" } ?? "never synced")
        }
        if json {
            try JSONOutput.emit(entries)
            return
        }
        let width = max(7, entries.map(\.name.count).max() ?? 0)
        var out = "  " + "ACCOUNT".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + "SYNCED".padding(toLength: 12, withPad: " ", startingAt: 0)
            + "  " + Self.right("DOMAINS", 7) + "  " + Self.right("BALANCE", 12) + "  " + Self.right("QUEUED", 6) + "  DYNADOT USER\n"
        for (entry, age) in zip(entries, ages) {
            let balance = entry.balance.map { "\($0) \(entry.currency ?? "")" } ?? "-"
            out += (entry.default ? "* " : "  ") + entry.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  " + age.padding(toLength: 12, withPad: " ", startingAt: 0)
                + "  " + Self.right("\(entry.domains)", 7) + "  " + Self.right(balance, 12) + "  " + Self.right("\(entry.queued)", 6) + "  "
                + (entry.username.map { TerminalText.escaped($0) } ?? "-") + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    private static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

/// Every configured account's context, for the `--all-accounts` commands.
enum AllAccounts {
    /// The accounts whose cache exists, opened (in `accountNames` order);
    /// an account never synced is named on standard error and skipped.
    static func openCaches() throws -> [AppContext] {
        var contexts: [AppContext] = []
        for configuration in try AppConfiguration.loadAll() {
            guard FileManager.default.fileExists(atPath: configuration.databasePath) else {
                printError("dynafolio: account '\(configuration.accountName)' has no cache yet; run `dynafolio sync --account \(configuration.accountName)`")
                continue
            }
            contexts.append(try AppContext.open(configuration: configuration))
        }
        return contexts
    }

    /// Rows matching `query` in every account's cache, merged in `sort`
    /// order, each with its account and pending changes.
    static func rows(matching query: PortfolioQuery, sort: DomainSort,
                     in contexts: [AppContext]) throws -> [(account: String, row: DomainRow, pending: [PendingField])] {
        var all: [(account: String, row: DomainRow, pending: [PendingField])] = []
        for context in contexts {
            let rows = try context.store.rows(matching: query, sort: sort)
            let pending = try context.store.pendingFields(for: rows.map(\.name))
            all += rows.map { (context.configuration.accountName, $0, pending[$0.name] ?? []) }
        }
        // Stable for equal rows: accounts stay in configuration order.
        return all.enumerated().sorted { a, b in
            if sort.precedes(a.element.row, b.element.row) { return true }
            if sort.precedes(b.element.row, a.element.row) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }
}
