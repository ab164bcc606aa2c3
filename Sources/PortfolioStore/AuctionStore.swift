import GRDB

/// One auction as last fetched (`get_open_auctions`, refined by
/// `get_auction_details` and `get_auction_bids`), kept with its fetch time
/// so lists can show their age.
public struct AuctionRow: Sendable, Hashable {
    public var id: String
    /// ASCII (punycode) name, lower case.
    public var domain: String
    /// `expired`, `user`, `backorder`, `registry_expired`, `registrar`.
    public var type: String
    /// Current price in USD cents.
    public var currentCents: Int64?
    /// The lowest bid accepted, when a details answer said it.
    public var minimumCents: Int64?
    public var bids: Int?
    public var bidders: Int?
    /// End, epoch milliseconds.
    public var endMs: Int64?
    /// This account's proxy bid in USD cents, when it has bid.
    public var yourProxyCents: Int64?
    public var highBidder: Bool
    public var ended: Bool
    public var syncedAtMs: Int64

    public init(id: String, domain: String, type: String, currentCents: Int64?, minimumCents: Int64? = nil, bids: Int? = nil,
                bidders: Int? = nil, endMs: Int64?, yourProxyCents: Int64? = nil, highBidder: Bool = false, ended: Bool = false,
                syncedAtMs: Int64) {
        self.id = id
        self.domain = domain.lowercased()
        self.type = type
        self.currentCents = currentCents
        self.minimumCents = minimumCents
        self.bids = bids
        self.bidders = bidders
        self.endMs = endMs
        self.yourProxyCents = yourProxyCents
        self.highBidder = highBidder
        self.ended = ended
        self.syncedAtMs = syncedAtMs
    }
}

extension Migrations {
    /// `auction`: the open auctions last listed, with this account's bids.
    static func createAuctions(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE auction (
                id TEXT PRIMARY KEY NOT NULL,
                domain TEXT NOT NULL,                        -- ASCII / punycode, lower case
                type TEXT NOT NULL DEFAULT '',
                current_cents INTEGER,
                minimum_cents INTEGER,
                bids INTEGER,
                bidders INTEGER,
                end_ms INTEGER,
                your_proxy_cents INTEGER,
                high_bidder INTEGER NOT NULL DEFAULT 0,
                ended INTEGER NOT NULL DEFAULT 0,
                synced_at_ms INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX auction_by_domain ON auction(domain);
            """)
    }
}

extension PortfolioDatabase {
    private static let auctionColumns = """
        id, domain, type, current_cents, minimum_cents, bids, bidders, end_ms, your_proxy_cents, high_bidder, ended, synced_at_ms
        """

    /// Replaces the cached open auctions of `types` with a complete listing
    /// of them; what this account bid on an auction is kept.
    public func replaceAuctions(_ rows: [AuctionRow], types: [String]) throws {
        try write { db in
            let bids = Dictionary(try Row.fetchAll(db, sql: "SELECT id, your_proxy_cents, high_bidder FROM auction WHERE your_proxy_cents IS NOT NULL")
                .map { (($0[0] as String?) ?? "", ($0[1] as Int64?, ($0[2] as Bool?) ?? false)) }, uniquingKeysWith: { a, _ in a })
            try db.execute(sql: "DELETE FROM auction WHERE type IN (\(types.map { _ in "?" }.joined(separator: ",")))",
                           arguments: StatementArguments(types))
            for var row in rows {
                if row.yourProxyCents == nil, let (proxy, high) = bids[row.id] {
                    row.yourProxyCents = proxy
                    row.highBidder = high
                }
                try Self.insert(row, db)
            }
        }
    }

    /// Records auctions fetched one by one (details, a bid's answer, the
    /// account's bids), replacing what was cached for them.
    public func saveAuctions(_ rows: [AuctionRow]) throws {
        guard !rows.isEmpty else { return }
        try write { db in
            for row in rows { try Self.insert(row, db) }
        }
    }

    private static func insert(_ row: AuctionRow, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR REPLACE INTO auction (\(auctionColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        statement.setUncheckedArguments([row.id, row.domain, row.type, row.currentCents, row.minimumCents, row.bids, row.bidders,
                                         row.endMs, row.yourProxyCents, row.highBidder, row.ended, row.syncedAtMs])
        try statement.execute()
    }

    /// The cached auctions, soonest end first (of `types`, or all), and
    /// when the oldest of them was fetched (nil when none is cached).
    public func auctions(types: [String]? = nil) throws -> (rows: [AuctionRow], syncedAtMs: Int64?) {
        let rows = try writer.read { db in
            if let types {
                return try Row.fetchAll(db, sql: """
                    SELECT \(Self.auctionColumns) FROM auction WHERE type IN (\(types.map { _ in "?" }.joined(separator: ",")))
                    ORDER BY end_ms, domain
                    """, arguments: StatementArguments(types))
            }
            return try Row.fetchAll(db, sql: "SELECT \(Self.auctionColumns) FROM auction ORDER BY end_ms, domain")
        }
        let decoded = decodeRows(rows, table: "auction", Self.auctionRow)
        return (decoded, decoded.map(\.syncedAtMs).min())
    }

    /// The cached auction with this id, or of this domain (ASCII).
    public func auction(idOrDomain key: String) throws -> AuctionRow? {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.auctionColumns) FROM auction WHERE id = ? OR domain = ? ORDER BY synced_at_ms DESC LIMIT 1",
                             arguments: [key, key.lowercased()])
        }
        return decodeRows(rows, table: "auction", Self.auctionRow).first
    }

    private static func auctionRow(_ c: ColumnReader) throws -> AuctionRow {
        AuctionRow(id: try c.text(0), domain: try c.text(1), type: try c.text(2), currentCents: try c.optionalInt64(3),
                   minimumCents: try c.optionalInt64(4), bids: try c.optionalInt(5), bidders: try c.optionalInt(6),
                   endMs: try c.optionalInt64(7), yourProxyCents: try c.optionalInt64(8), highBidder: try c.bool(9),
                   ended: try c.bool(10), syncedAtMs: try c.int64(11))
    }
}
