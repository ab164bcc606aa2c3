import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio expiring [--within 30d] [--json | --ical [--remind 30d,7d]]`:
/// for cron — exit 0 when no domain expires within the window, 10 when
/// some do; `--ical` writes a calendar of the expiry dates (exit 0).
struct ExpiringCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expiring",
        abstract: "List domains expiring soon; exit 10 when there are some (for cron).",
        discussion: "Works offline, from the cache."
    )

    @Option(help: "The window, e.g. 30d, 8w or 3m.") var within: String = "30d"
    @Flag(help: "Print a JSON array (the `ls --json` fields).") var json = false
    @Flag(help: "Print an RFC 5545 calendar: one all-day event per expiry date, with reminders.") var ical = false
    @Option(help: "With --ical: reminders before each expiry, e.g. 30d,7d or 2w.") var remind: String = "30d"
    @Flag(name: .customLong("all-accounts"), help: "Every configured account's cache (one cron job for all); JSON gains \"account\".")
    var allAccounts = false
    @Flag(help: "Report the watchlist's news instead: names that became available or entered an auction or closeout at the last `watch refresh`; exit 10 when there are some.")
    var watch = false

    func validate() throws {
        if json && ical { throw ValidationError("give at most one of --json and --ical") }
        if watch && (ical || allAccounts) { throw ValidationError("--watch reports the watchlist of one account; drop --ical and --all-accounts") }
        if ExpiryCalendar.reminderDays(remind) == nil {
            throw ValidationError("--remind '\(remind)' — give days or weeks before the expiry, e.g. 30d,7d or 2w")
        }
    }

    func run() async throws {
        if watch {
            try reportWatchNews()
            return
        }
        let query: PortfolioQuery
        do {
            query = try PortfolioQuery(parsing: "exp:<\(within)")
        } catch {
            throw CLIFailure.usage("--within '\(within)' is not a duration; use e.g. 30d, 8w or 3m")
        }
        let listed: [(account: String, row: DomainRow, pending: [PendingField])]
        if allAccounts {
            listed = try AllAccounts.rows(matching: query, sort: DomainSort(.expires), in: AllAccounts.openCaches())
        } else {
            let context = try AppContext.open()
            let rows = try context.store.rows(matching: query, sort: DomainSort(.expires))
            let pending = json ? try context.store.pendingFields(for: rows.map(\.name)) : [:]
            listed = rows.map { (context.configuration.accountName, $0, pending[$0.name] ?? []) }
        }
        let rows = listed.map(\.row)
        let now = UTCDate.nowMs()
        if ical {
            let days = ExpiryCalendar.reminderDays(remind) ?? [30]
            FileHandle.standardOutput.write(Data(ExpiryCalendar.render(rows, reminderDays: days, nowMs: now).utf8))
            return
        }
        if json {
            try JSONOutput.emit(listed.map { JSONOutput.Domain(row: $0.row, pending: $0.pending, account: allAccounts ? $0.account : nil) })
        } else {
            let accountWidth = listed.map(\.account.count).max() ?? 0
            for (account, row, _) in listed {
                let days = row.expiresMs.map { "\(UTCDate.daysLeft(until: $0, from: now))d" } ?? "?"
                print((allAccounts ? account.padding(toLength: accountWidth, withPad: " ", startingAt: 0) + "  " : "")
                      + "\(row.expiresMs.map(ValueDisplay.isoDate) ?? "?")  \(String(repeating: " ", count: max(0, 5 - days.count)) + days)  "
                      + "\(row.renewOption.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0))  \(NameText.shown(row.name))")
            }
        }
        if !rows.isEmpty { throw ExitCode(Exit.expiringSome) }
    }

    /// `--watch`: the names the last `watch refresh` found new; exit 10
    /// when there are some, 0 when none.
    private func reportWatchNews() throws {
        let context = try AppContext.open()
        let rows = try context.store.watchlist(withNewsOnly: true)
        let now = context.store.nowMs
        if json {
            try JSONOutput.emit(rows.map { JSONOutput.WatchItem(row: $0, nowMs: now) })
        } else {
            for row in rows {
                let checked = row.checkedMs.map { " (checked \(ValueDisplay.age(sinceMs: $0, nowMs: now)) ago)" } ?? ""
                print("\(NameText.shown(row.name))  \(row.news.words.joined(separator: ", "))\(checked)"
                      + (row.note.isEmpty ? "" : "  — \(TerminalText.escaped(row.note))"))
            }
        }
        if !rows.isEmpty { throw ExitCode(Exit.expiringSome) }
    }
}
