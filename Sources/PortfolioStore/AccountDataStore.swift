import GRDB

/// Upserts and reads of everything besides domains, DNS and the outbox.
/// Full lists (`contact_list`, `folder_list`, `server_list`, `get_listings`)
/// replace what was cached; orders accumulate (pulled incrementally by date).
extension PortfolioDatabase {
    /// Replaces the cached contacts with `contacts`.
    public func replaceContacts(_ contacts: [ContactRow], syncedAtMs: Int64) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM contact")
            let statement = try db.cachedStatement(sql: """
                INSERT INTO contact (id, name, organization, email, phone, address, city, state, zip, country, extra_json, synced_at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for c in contacts {
                statement.setUncheckedArguments([c.id, c.name, c.organization, c.email, c.phone,
                                                 c.address.joined(separator: "\n"), c.city, c.state, c.zip, c.country,
                                                 c.extraJSON, syncedAtMs])
                try statement.execute()
            }
        }
    }

    /// Cached contacts by id.
    public func contacts() throws -> [ContactRow] {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, name, organization, email, phone, address, city, state, zip, country, extra_json FROM contact ORDER BY id
                """)
        }
        return decodeRows(rows, table: "contact") { c in
            let address = try c.text(5)
            return ContactRow(id: try c.text(0), name: try c.text(1), organization: try c.text(2), email: try c.text(3),
                              phone: try c.text(4), address: address.isEmpty ? [] : address.split(separator: "\n").map(String.init),
                              city: try c.text(6), state: try c.text(7), zip: try c.text(8), country: try c.text(9),
                              extraJSON: try c.optionalText(10))
        }
    }

    /// Replaces the cached folders.
    public func replaceFolders(_ folders: [FolderRow], syncedAtMs: Int64) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM folder")
            for f in folders {
                try db.execute(sql: "INSERT INTO folder (id, name, extra_json, synced_at_ms) VALUES (?, ?, ?, ?)",
                               arguments: [f.id, f.name, f.extraJSON, syncedAtMs])
            }
        }
    }

    /// Cached folders by name.
    public func folders() throws -> [FolderRow] {
        let rows = try writer.read { db in try Row.fetchAll(db, sql: "SELECT id, name, extra_json FROM folder ORDER BY name, id") }
        return decodeRows(rows, table: "folder") { c in
            FolderRow(id: try c.text(0), name: try c.text(1), extraJSON: try c.optionalText(2))
        }
    }

    /// Replaces the cached registered name servers.
    public func replaceRegisteredNameServers(_ servers: [RegisteredNameServerRow], syncedAtMs: Int64) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM registered_ns")
            for s in servers {
                try db.execute(sql: "INSERT INTO registered_ns (server_id, host, ips, synced_at_ms) VALUES (?, ?, ?, ?)",
                               arguments: [s.serverID, s.host, s.ips.joined(separator: "\n"), syncedAtMs])
            }
        }
    }

    /// Cached registered name servers by host.
    public func registeredNameServers() throws -> [RegisteredNameServerRow] {
        let rows = try writer.read { db in try Row.fetchAll(db, sql: "SELECT server_id, host, ips FROM registered_ns ORDER BY host") }
        return decodeRows(rows, table: "registered_ns") { c in
            let ips = try c.text(2)
            return RegisteredNameServerRow(serverID: try c.text(0), host: try c.text(1),
                                           ips: ips.isEmpty ? [] : ips.split(separator: "\n").map(String.init))
        }
    }

    /// Inserts or replaces orders (and their items) — pulls overlap, so an
    /// order seen again is rewritten, never duplicated.
    public func upsertOrders(_ orders: [OrderRow], syncedAtMs: Int64) throws {
        try write { db in
            for o in orders {
                try db.execute(sql: """
                    INSERT INTO "order" (id, submitted_ms, currency, payment_method, total_cost_cents, total_paid_cents,
                        status, extra_json, synced_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET submitted_ms = excluded.submitted_ms, currency = excluded.currency,
                        payment_method = excluded.payment_method, total_cost_cents = excluded.total_cost_cents,
                        total_paid_cents = excluded.total_paid_cents, status = excluded.status,
                        extra_json = excluded.extra_json, synced_at_ms = excluded.synced_at_ms
                    """, arguments: [o.id, o.submittedMs, o.currency, o.paymentMethod, o.totalCostCents,
                                     o.totalPaidCents, o.status, o.extraJSON, syncedAtMs])
                try db.execute(sql: "DELETE FROM order_item WHERE order_id = ?", arguments: [o.id])
                for (position, item) in o.items.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO order_item (order_id, position, item_type, domain, duration, cost_cents, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [o.id, position, item.itemType, item.domain.lowercased(), item.duration,
                                         item.costCents, item.status])
                }
            }
        }
    }

    /// Cached orders, newest first, with their items.
    public func orders(limit: Int = 500, offset: Int = 0) throws -> [OrderRow] {
        try writer.read { db in
            try decodeOrders(db, Row.fetchAll(db, sql: """
                SELECT id, submitted_ms, currency, payment_method, total_cost_cents, total_paid_cents, status, extra_json
                FROM "order" ORDER BY submitted_ms DESC, id DESC LIMIT ? OFFSET ?
                """, arguments: [limit, offset]))
        }
    }

    /// Newest `submitted_ms` among cached orders: where the next incremental pull starts (minus overlap).
    public func latestOrderSubmittedMs() throws -> Int64? {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(submitted_ms) FROM \"order\"") }
    }

    /// Replaces the cached marketplace listings.
    public func replaceMarketplaceListings(_ listings: [MarketplaceListingRow], syncedAtMs: Int64) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM marketplace_listing")
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO marketplace_listing (listing_id, domain, price_cents, currency, inbound_links, age,
                    pending_sale_locked, synced_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for l in listings {
                statement.setUncheckedArguments([l.listingID, l.domain.lowercased(), l.priceCents, l.currency,
                                                 l.inboundLinks, l.age, l.pendingSaleLocked, syncedAtMs])
                try statement.execute()
            }
        }
    }

    /// Cached marketplace listings by domain, a window at a time; `domain`
    /// keeps only listings whose name contains it (case-insensitive).
    public func marketplaceListings(limit: Int = 500, offset: Int = 0, domain: String? = nil) throws -> [MarketplaceListingRow] {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT listing_id, domain, price_cents, currency, inbound_links, age, pending_sale_locked
                FROM marketplace_listing WHERE ? IS NULL OR instr(domain, lower(?)) > 0
                ORDER BY domain, listing_id LIMIT ? OFFSET ?
                """, arguments: [domain, domain, limit, offset])
        }
        return decodeRows(rows, table: "marketplace_listing") { c in
            MarketplaceListingRow(listingID: try c.text(0), domain: try c.text(1), priceCents: try c.optionalInt64(2),
                                  currency: try c.text(3), inboundLinks: try c.optionalInt(4), age: try c.optionalInt(5),
                                  pendingSaleLocked: try c.bool(6))
        }
    }

    /// How many marketplace listings are cached (matching `domain` when given).
    public func marketplaceListingCount(domain: String? = nil) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM marketplace_listing WHERE ? IS NULL OR instr(domain, lower(?)) > 0",
                             arguments: [domain, domain]) ?? 0
        }
    }

    /// Inserts or replaces TLD prices.
    public func upsertTLDPrices(_ prices: [TLDPriceRow]) throws {
        try write { db in
            for p in prices {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO tld_price (tld, register_cents, renew_cents, transfer_cents, restore_cents,
                        currency, fetched_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [p.tld, p.registerCents, p.renewCents, p.transferCents, p.restoreCents,
                                     p.currency, p.fetchedAtMs])
            }
        }
    }

    /// Cached price of one TLD (any case, with or without the dot).
    public func tldPrice(_ tld: String) throws -> TLDPriceRow? {
        let key = tld.lowercased().drop { $0 == "." }.description
        return try tldPrices(where: "tld = ?", [key]).first
    }

    /// All cached TLD prices by TLD.
    public func tldPrices() throws -> [TLDPriceRow] { try tldPrices(where: "1", []) }

    private func tldPrices(where condition: String, _ arguments: StatementArguments) throws -> [TLDPriceRow] {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT tld, register_cents, renew_cents, transfer_cents, restore_cents, currency, fetched_at_ms
                FROM tld_price WHERE \(condition) ORDER BY tld
                """, arguments: arguments)
        }
        return decodeRows(rows, table: "tld_price") { c in
            TLDPriceRow(tld: try c.text(0), registerCents: try c.optionalInt64(1), renewCents: try c.optionalInt64(2),
                        transferCents: try c.optionalInt64(3), restoreCents: try c.optionalInt64(4),
                        currency: try c.text(5), fetchedAtMs: try c.int64(6))
        }
    }

    /// Stores the account row (there is one).
    public func saveAccount(_ account: AccountRow) throws {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO account (id, username, tier, balance_cents, currency, extra_json, fetched_at_ms)
                VALUES (1, ?, ?, ?, ?, ?, ?)
                """, arguments: [account.username, account.tier, account.balanceCents, account.currency,
                                 account.extraJSON, account.fetchedAtMs])
        }
    }

    /// The cached account, if fetched.
    public func account() throws -> AccountRow? {
        let row = try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT username, tier, balance_cents, currency, extra_json, fetched_at_ms FROM account")
        }
        return row.flatMap { row in
            decodeRow(row, table: "account") { c in
                AccountRow(username: try c.text(0), tier: try c.text(1), balanceCents: try c.optionalInt64(2),
                           currency: try c.text(3), extraJSON: try c.optionalText(4), fetchedAtMs: try c.int64(5))
            }
        }
    }
}
