import ArgumentParser
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

    func validate() throws {
        if json && ical { throw ValidationError("give at most one of --json and --ical") }
        if ExpiryCalendar.reminderDays(remind) == nil {
            throw ValidationError("--remind '\(remind)' — give days or weeks before the expiry, e.g. 30d,7d or 2w")
        }
    }

    func run() async throws {
        let query: PortfolioQuery
        do {
            query = try PortfolioQuery(parsing: "exp:<\(within)")
        } catch {
            throw CLIFailure.usage("--within '\(within)' is not a duration; use e.g. 30d, 8w or 3m")
        }
        let context = try AppContext.open()
        let rows = try context.store.rows(matching: query, sort: DomainSort(.expires))
        if ical {
            let days = ExpiryCalendar.reminderDays(remind) ?? [30]
            FileHandle.standardOutput.write(Data(ExpiryCalendar.render(rows, reminderDays: days, nowMs: context.store.nowMs).utf8))
            return
        }
        if json {
            let pending = try context.store.pendingFields(for: rows.map(\.name))
            try JSONOutput.emit(rows.map { JSONOutput.Domain(row: $0, pending: pending[$0.name] ?? []) })
        } else {
            let now = context.store.nowMs
            for row in rows {
                let days = row.expiresMs.map { "\(UTCDate.daysLeft(until: $0, from: now))d" } ?? "?"
                print("\(row.expiresMs.map(ValueDisplay.isoDate) ?? "?")  \(String(repeating: " ", count: max(0, 5 - days.count)) + days)  "
                      + "\(row.renewOption.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0))  \(NameText.shown(row.name))")
            }
        }
        if !rows.isEmpty { throw ExitCode(Exit.expiringSome) }
    }
}
