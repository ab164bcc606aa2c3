import Foundation
import GRDB

/// One account's cache, as the TUI's All-accounts view reads it.
public struct AccountCacheSource: Sendable {
    /// The `[accounts.NAME]` name.
    public let account: String
    /// The account's cache file.
    public let path: String

    public init(account: String, path: String) {
        self.account = account
        self.path = path
    }
}

extension PortfolioDatabase {
    /// Replaces this store's domains, contacts and TLD prices with every
    /// source cache's, and returns which account each domain came from.
    ///
    /// Each source is `ATTACH`ed read-only (`file:…?mode=ro`: SQLite itself
    /// refuses any write to it, and never creates a missing file), copied
    /// with one `INSERT … SELECT` per table, and detached again: another
    /// account's cache is never written from here. Meant for a private
    /// in-memory store (the All-accounts view's); a name two caches hold
    /// (a domain moved between accounts, one cache not synced since) is
    /// kept from the first source in order.
    ///
    /// The outbox markers the query language reads come along (see
    /// ``copyMarkers(_:)``), each domain's from its own account, so
    /// `pending:`, `failed:` and `changed:` answer as in that account. A
    /// running filter index is built again in the background.
    public func copyAccounts(_ sources: [AccountCacheSource]) throws -> [String: String] {
        if let newerCache { throw newerCache }
        let accountOf: [String: String] = try writer.writeWithoutTransaction { db in
            var accountOf: [String: String] = [:]
            try db.inTransaction {
                for table in Self.copiedTables + Self.markerTables { try db.execute(sql: "DELETE FROM main.\(table)") }
                return .commit
            }
            for source in sources {
                try db.execute(sql: "ATTACH DATABASE ? AS allview_source", arguments: [Self.readOnlyURI(source.path)])
                defer { try? db.execute(sql: "DETACH DATABASE allview_source") }
                // Without URI support the name would be a plain (new, empty)
                // file: refuse rather than show nothing.
                guard try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM allview_source.sqlite_master WHERE name = 'domain'") == true else {
                    throw PortfolioStoreError.unreadableAccountCache(account: source.account, path: source.path)
                }
                try db.inTransaction {
                    // Before the domains: `main.domain` still holds only the
                    // names earlier sources claimed.
                    try Self.copyMarkers(db)
                    for table in Self.copiedTables {
                        let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ", arguments: [table])
                            .map { "\"\($0)\"" }.joined(separator: ", ")
                        try db.execute(sql: "INSERT OR IGNORE INTO main.\(table) (\(columns)) SELECT \(columns) FROM allview_source.\(table)"
                                            + (table == "domain" ? " ORDER BY name" : ""))
                    }
                    return .commit
                }
                for name in try String.fetchAll(db, sql: "SELECT name FROM allview_source.domain") where accountOf[name] == nil {
                    accountOf[name] = source.account
                }
            }
            return accountOf
        }
        rebuildFilterIndexAfterReplacingRows()
        return accountOf
    }

    /// Copies from `allview_source` what `pending:`, `failed:` and
    /// `changed:` read (the same SQL, and the filter index's markers, then
    /// answer over the copy): every open, in-flight, failed or conflicting
    /// intent, and the latest done intent and remote change of each domain
    /// (`changed:` asks whether one is recent enough), for the domains this
    /// source holds that no earlier source claimed. Ids, operations,
    /// batches and approvals stay behind: ids of two caches collide, and
    /// nothing is ever pushed or undone from the copy (the view's engine
    /// has no client; edits go through each account's own engine).
    static func copyMarkers(_ db: Database) throws {
        let owned = "domain IN (SELECT name FROM allview_source.domain) AND domain NOT IN (SELECT name FROM main.domain)"
        let intentColumns = "domain, field, value, base_value, state, created_ms, updated_ms"
        try db.execute(sql: """
            INSERT INTO main.outbox_intent (\(intentColumns))
            SELECT \(intentColumns) FROM allview_source.outbox_intent
            WHERE state IN (\(FilterColumns.pendingStates),\(FilterColumns.failedStates)) AND \(owned)
            """)
        // SQLite takes the bare columns of a MAX() aggregate from the row holding the maximum.
        try db.execute(sql: """
            INSERT INTO main.outbox_intent (\(intentColumns))
            SELECT domain, field, value, base_value, state, created_ms, MAX(updated_ms) FROM allview_source.outbox_intent
            WHERE state = 'done' AND \(owned) GROUP BY domain
            """)
        try db.execute(sql: """
            INSERT INTO main.history_remote (created_ms, domain, before_row, after_row)
            SELECT MAX(created_ms), domain, before_row, after_row FROM allview_source.history_remote
            WHERE \(owned) GROUP BY domain
            """)
    }

    /// The tables the All-accounts view reads besides the outbox: the
    /// domains, their contacts (the detail panel) and the TLD prices (the
    /// renewal costs).
    static let copiedTables = ["domain", "contact", "tld_price"]

    /// The tables ``copyMarkers(_:)`` fills: the outbox markers the query
    /// language reads, and nothing else of the outbox or the history.
    static let markerTables = ["outbox_intent", "history_remote"]

    /// `file:/path?mode=ro`, the path percent-encoded so `?` `#` `%` in it
    /// stay part of the name.
    static func readOnlyURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?mode=ro"
    }
}
