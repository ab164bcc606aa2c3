import GRDB

/// The outcome of SQLite's `PRAGMA quick_check` on the cache.
public struct IntegrityReport: Sendable, Hashable, CustomStringConvertible {
    /// SQLite's findings, at most `IntegrityReport.problemLimit` of them;
    /// empty when the check passed.
    public var problems: [String]

    /// True when the check found nothing wrong.
    public var isOK: Bool { problems.isEmpty }

    /// How many problems a report keeps: the first few say enough.
    public static let problemLimit = 10

    /// A report with these findings (none: passed).
    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String {
        guard let first = problems.first else { return "the cache passed its integrity check" }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
        return "the cache failed its integrity check: \(first)\(more) — nothing is pushed from a damaged cache;"
            + " quit every dynafolio using it and start dynafolio again: it moves the damaged file aside,"
            + " tells you what its outbox held, and starts a fresh cache to `dynafolio sync`"
    }

    /// Runs `PRAGMA quick_check` (`table`: that table and its indexes only).
    static func quickCheck(_ db: Database, table: String?) throws -> IntegrityReport {
        let argument = table.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" } ?? "\(problemLimit)"
        var problems: [String] = []
        let cursor = try String.fetchCursor(db, sql: "PRAGMA quick_check(\(argument))")
        while problems.count < problemLimit, let line = try cursor.next() {
            if line != "ok" { problems.append(line) }
        }
        return IntegrityReport(problems: problems)
    }

    static func quickCheck(_ db: Database) throws -> IntegrityReport {
        try quickCheck(db, table: nil)
    }
}

extension PortfolioDatabase {
    /// Checks the whole cache with `PRAGMA quick_check` (the sync engine
    /// runs it before every push: edits are never sent from a damaged
    /// cache). A failure also keeps the cache marked unclean, so the next
    /// open by a lone process moves it aside and starts afresh.
    public func integrityCheck() throws -> IntegrityReport {
        try recordingFailure(writer.read { db in try IntegrityReport.quickCheck(db) })
    }

    /// The same check limited to `tables` (and their indexes), for when a
    /// whole-cache check costs too much: the outbox tables are what a push
    /// reads and writes.
    public func integrityCheck(tables: [String]) throws -> IntegrityReport {
        try recordingFailure(writer.read { db in
            var problems: [String] = []
            for table in tables {
                problems += try IntegrityReport.quickCheck(db, table: table).problems
            }
            return IntegrityReport(problems: Array(problems.prefix(IntegrityReport.problemLimit)))
        })
    }

    /// The tables a push depends on: `integrityCheck(tables: PortfolioDatabase.outboxTables)`.
    public static let outboxTables = ["outbox_intent", "outbox_batch"]

    private func recordingFailure(_ report: IntegrityReport) -> IntegrityReport {
        if !report.isOK { session?.keepDirty() }
        return report
    }
}
