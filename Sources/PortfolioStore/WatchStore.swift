import GRDB

/// What a watchlist refresh found new for a name since the refresh before
/// it (stored as a bit set, read back typed).
public struct WatchNews: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// It was taken (or in the account) and can now be registered.
    public static let available = WatchNews(rawValue: 1 << 0)
    /// It is in an open auction it was not in before.
    public static let auction = WatchNews(rawValue: 1 << 1)
    /// It is on closeout sale and was not before.
    public static let closeout = WatchNews(rawValue: 1 << 2)

    /// `available`, `auction`, `closeout`: the short names (JSON, tables).
    public var names: [String] {
        [(WatchNews.available, "available"), (.auction, "auction"), (.closeout, "closeout")].filter { contains($0.0) }.map(\.1)
    }

    /// `became available, entered an auction` for messages and tables.
    public var words: [String] {
        var out: [String] = []
        if contains(.available) { out.append("became available") }
        if contains(.auction) { out.append("entered an auction") }
        if contains(.closeout) { out.append("entered closeout") }
        return out
    }
}

/// One watched name: the user's note and what the last refresh found
/// (nil / false before the first refresh).
public struct WatchRow: Sendable, Hashable {
    /// ASCII (punycode) name, lower case.
    public var name: String
    public var note: String
    public var addedMs: Int64
    /// Availability at the last refresh.
    public var status: AvailabilityStatus?
    /// One year's registration price in USD cents at the last refresh.
    public var priceCents: Int64?
    /// The open auction it was in at the last refresh (id), if any.
    public var auctionID: String?
    /// Whether it was on closeout sale at the last refresh.
    public var inCloseout: Bool
    /// When it was last refreshed.
    public var checkedMs: Int64?
    /// What the last refresh found new.
    public var news: WatchNews

    public init(name: String, note: String = "", addedMs: Int64, status: AvailabilityStatus? = nil, priceCents: Int64? = nil,
                auctionID: String? = nil, inCloseout: Bool = false, checkedMs: Int64? = nil, news: WatchNews = []) {
        self.name = name.lowercased()
        self.note = note
        self.addedMs = addedMs
        self.status = status
        self.priceCents = priceCents
        self.auctionID = auctionID
        self.inCloseout = inCloseout
        self.checkedMs = checkedMs
        self.news = news
    }
}

extension Migrations {
    /// `watch`: the watchlist — names the user cares about, with a note and
    /// what the last refresh found (availability, auction, closeout) and
    /// what it found new (`news`, a bit set of ``WatchNews``).
    static func createWatchlist(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE watch (
                name TEXT PRIMARY KEY NOT NULL,              -- ASCII / punycode, lower case
                note TEXT NOT NULL DEFAULT '',
                added_ms INTEGER NOT NULL,
                status TEXT CHECK (status IN ('available','premium','taken','yours')),
                price_cents INTEGER,
                auction_id TEXT,
                in_closeout INTEGER NOT NULL DEFAULT 0,
                checked_ms INTEGER,
                news INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID
            """)
    }
}

extension PortfolioDatabase {
    private static let watchColumns = "name, note, added_ms, status, price_cents, auction_id, in_closeout, checked_ms, news"

    /// Adds `names` (ASCII) to the watchlist. A name already watched keeps
    /// what it has, except its note when `note` is given. Returns the names
    /// that were not watched before.
    @discardableResult
    public func watch(_ names: [String], note: String?) throws -> [String] {
        let now = nowMs
        return try write { db in
            var added: [String] = []
            for name in names.map({ $0.lowercased() }) {
                let known = try Bool.fetchOne(db, sql: "SELECT 1 FROM watch WHERE name = ?", arguments: [name]) ?? false
                if known {
                    if let note { try db.execute(sql: "UPDATE watch SET note = ? WHERE name = ?", arguments: [note, name]) }
                } else {
                    try db.execute(sql: "INSERT INTO watch (name, note, added_ms) VALUES (?, ?, ?)", arguments: [name, note ?? "", now])
                    added.append(name)
                }
            }
            return added
        }
    }

    /// Takes `names` (ASCII) off the watchlist; returns those that were on it.
    @discardableResult
    public func unwatch(_ names: [String]) throws -> [String] {
        try write { db in
            var removed: [String] = []
            for name in names.map({ $0.lowercased() }) {
                try db.execute(sql: "DELETE FROM watch WHERE name = ?", arguments: [name])
                if db.changesCount > 0 { removed.append(name) }
            }
            return removed
        }
    }

    /// The watchlist by name (all, or only the names with news).
    public func watchlist(withNewsOnly: Bool = false) throws -> [WatchRow] {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.watchColumns) FROM watch \(withNewsOnly ? "WHERE news != 0" : "") ORDER BY name")
        }
        return decodeRows(rows, table: "watch") { c in
            var status: AvailabilityStatus?
            if let text = try c.optionalText(3) {
                guard let parsed = AvailabilityStatus(rawValue: text) else { throw UnreadableValue(column: 3) }
                status = parsed
            }
            return WatchRow(name: try c.text(0), note: try c.text(1), addedMs: try c.int64(2), status: status, priceCents: try c.optionalInt64(4),
                            auctionID: try c.optionalText(5), inCloseout: try c.bool(6), checkedMs: try c.optionalInt64(7),
                            news: WatchNews(rawValue: try c.int(8)))
        }
    }

    /// How many watched names the last refresh found news for.
    public func watchNewsCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM watch WHERE news != 0") ?? 0 }
    }

    /// Records what a refresh found for watched names (the note and the
    /// time added stay); a name taken off the list meanwhile stays off.
    public func saveWatchRefresh(_ rows: [WatchRow]) throws {
        guard !rows.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(sql: """
                UPDATE watch SET status = ?, price_cents = ?, auction_id = ?, in_closeout = ?, checked_ms = ?, news = ? WHERE name = ?
                """)
            for row in rows {
                statement.setUncheckedArguments([row.status?.rawValue, row.priceCents, row.auctionID, row.inCloseout, row.checkedMs,
                                                 row.news.rawValue, row.name])
                try statement.execute()
            }
        }
    }
}
