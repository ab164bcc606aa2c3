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
    public func copyAccounts(_ sources: [AccountCacheSource]) throws -> [String: String] {
        if let newerCache { throw newerCache }
        return try writer.writeWithoutTransaction { db in
            var accountOf: [String: String] = [:]
            try db.inTransaction {
                for table in Self.copiedTables { try db.execute(sql: "DELETE FROM main.\(table)") }
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
    }

    /// The tables the All-accounts view reads besides the outbox: the
    /// domains, their contacts (the detail panel) and the TLD prices (the
    /// renewal costs).
    static let copiedTables = ["domain", "contact", "tld_price"]

    /// `file:/path?mode=ro`, the path percent-encoded so `?` `#` `%` in it
    /// stay part of the name.
    static func readOnlyURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?mode=ro"
    }
}
