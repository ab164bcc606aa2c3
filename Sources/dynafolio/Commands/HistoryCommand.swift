import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio history [QUERY] [--since 30d] [--domain D] [--json]` and
/// `dynafolio history show ID [--json]`: operations and remote events.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the history: operations (your changes) and remote events (changes found at Dynadot).",
        subcommands: [HistoryList.self, HistoryShow.self],
        defaultSubcommand: HistoryList.self
    )
}

struct HistoryList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List operations and remote events, newest first.",
        discussion: "QUERY matches an entry's label or the name of a domain it changed. Works offline."
    )

    @Argument(help: "Text to find in the label or a changed domain's name.") var query: [String] = []
    @Option(help: "Only entries of the last N days, weeks, months or years, e.g. 30d, 8w, 3m, 1y.") var since: String?
    @Option(help: "Only entries that changed this domain.") var domain: String?
    @Flag(help: "Print a JSON array of entries.") var json = false

    func run() async throws {
        let sinceMs = try since.map(HistoryTime.since)
        let context = try AppContext.open()
        let text = query.joined(separator: " ")
        let entries = try context.engine.history(text: text.isEmpty ? nil : text, sinceMs: sinceMs, domain: domain)
        if json {
            try JSONOutput.emit(entries.map(JSONOutput.HistoryEntryJSON.init))
            return
        }
        if entries.isEmpty { print("no history\(sinceMs == nil && domain == nil && text.isEmpty ? " yet" : " matches")") }
        for entry in entries { print(HistoryText.line(entry)) }
    }
}

struct HistoryShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one operation or remote event with every change it made.",
        discussion: "Works offline."
    )

    @Argument(help: "The entry's id (the number `dynafolio history` prints).") var id: Int64
    @Flag(help: "Print a JSON object.") var json = false

    func run() async throws {
        let context = try AppContext.open()
        guard let detail = try context.engine.historyDetail(id: id) else {
            throw CLIFailure.usage("no history entry #\(id); `dynafolio history` lists them")
        }
        if json {
            try JSONOutput.emit(JSONOutput.HistoryDetailJSON(detail))
            return
        }
        print(HistoryText.line(detail.entry))
        let targets = try context.engine.targetNames()
        for change in detail.changes {
            var line = "  \(NameText.target(change.domain, targets))  \(change.field): \(TerminalText.escaped(change.before)) → "
                + "\(TerminalText.escaped(change.after))  [\(change.result.rawValue)]"
            if !change.message.isEmpty { line += " \(TerminalText.escaped(change.message))" }
            print(line)
        }
    }
}

/// Text lines of the history, shared by `history` and `undo`.
enum HistoryText {
    /// `#12  2026-12-02 20:38:09Z  cli     set renew auto on 150 domains  (150: 150 done)`
    static func line(_ entry: HistoryEntry) -> String {
        var counts = ["\(entry.done) done"]
        if entry.pending > 0 { counts.append("\(entry.pending) pending") }
        if entry.held > 0 { counts.append("\(entry.held) held") }
        if entry.failed > 0 { counts.append("\(entry.failed) failed") }
        if entry.conflict > 0 { counts.append("\(entry.conflict) conflict") }
        if entry.dropped > 0 { counts.append("\(entry.dropped) dropped") }
        let origin = entry.origin.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
        return "#\(entry.id)  \(UTCDate.isoTimestamp(entry.createdMs))  \(origin)  \(TerminalText.escaped(entry.label))"
            + "  (\(entry.changes) change\(entry.changes == 1 ? "" : "s"): \(counts.joined(separator: ", ")))"
    }
}

/// `--since 30d`: the instant that many days, weeks, months or years ago.
enum HistoryTime {
    static func since(_ text: String) throws -> Int64 {
        guard case .expires(.relative(_, let amount, let unit))? = (try? PortfolioQuery(parsing: "exp:<\(text)"))?.terms.first?.condition
        else { throw CLIFailure.usage("--since '\(text)' is not a duration; use e.g. 30d, 8w, 3m or 1y") }
        let component: Calendar.Component
        switch unit {
        case .day: component = .day
        case .week: return UTCDate.nowMs() - Int64(amount) * 7 * UTCDate.msPerDay
        case .month: component = .month
        case .year: component = .year
        }
        return UTCDate.adding(-amount, component, to: UTCDate.nowMs())
    }
}

extension JSONOutput {
    /// One entry of `history --json`.
    struct HistoryEntryJSON: Encodable {
        let id: Int64
        let time: String
        let origin: String
        let label: String
        let changes, done, failed, pending: Int

        init(_ entry: HistoryEntry) {
            id = entry.id
            time = UTCDate.isoTimestamp(entry.createdMs)
            origin = entry.origin.rawValue
            label = entry.label
            changes = entry.changes
            done = entry.done
            failed = entry.failed
            pending = entry.pending
        }
    }

    /// `history show --json`: the entry's fields plus its changes.
    struct HistoryDetailJSON: Encodable {
        let entry: HistoryEntryJSON
        let changes: [Change]

        struct Change: Encodable {
            let domain, field, before, after, result: String
            let message: String
            let sent: String?

            private enum CodingKeys: String, CodingKey { case domain, field, before, after, result, message, sent }

            func encode(to encoder: any Encoder) throws {
                var out = encoder.container(keyedBy: CodingKeys.self)
                try out.encode(domain, forKey: .domain)
                try out.encode(field, forKey: .field)
                try out.encode(before, forKey: .before)
                try out.encode(after, forKey: .after)
                try out.encode(result, forKey: .result)
                try out.encode(message, forKey: .message)
                try out.encode(sent, forKey: .sent)
            }
        }

        init(_ detail: HistoryDetail) {
            entry = HistoryEntryJSON(detail.entry)
            changes = detail.changes.map {
                Change(domain: $0.domain, field: $0.field, before: $0.before, after: $0.after, result: $0.result.rawValue,
                       message: $0.message, sent: $0.sentMs.map(UTCDate.isoTimestamp))
            }
        }

        private enum Key: String, CodingKey { case id, time, origin, label, changes, done, failed, pending, count }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(entry.id, forKey: .id)
            try out.encode(entry.time, forKey: .time)
            try out.encode(entry.origin, forKey: .origin)
            try out.encode(entry.label, forKey: .label)
            try out.encode(changes, forKey: .changes)
            try out.encode(entry.done, forKey: .done)
            try out.encode(entry.failed, forKey: .failed)
            try out.encode(entry.pending, forKey: .pending)
            try out.encode(entry.changes, forKey: .count)
        }
    }
}
