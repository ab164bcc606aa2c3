import GRDB

/// Which way a transfer moves a domain.
public enum TransferDirection: String, Sendable, Hashable, CaseIterable {
    /// Into this Dynadot account from another registrar (`transfer`).
    case transferIn = "in"
    /// Away to another registrar (`transfer_domain_list`).
    case transferOut = "out"
    /// Pushed to this account by another Dynadot account (`get_domain_push_request`).
    case pushIn = "push-in"
    /// Pushed by this account to another Dynadot account (`push`).
    case pushOut = "push-out"
}

/// One transfer or push as last seen. Never holds an auth code.
public struct TransferRow: Sendable, Hashable {
    public var direction: TransferDirection
    /// ASCII (punycode) name, lower case.
    public var domain: String
    /// The provider's order id, empty when it gave none (pushes).
    public var orderId: String
    /// The provider's word (`none`, `waiting`, `auth code needed`, `Pending`, …),
    /// or dynafolio's (`pushed to NAME`, `awaiting your answer`).
    public var status: String
    /// When dynafolio first saw it (epoch milliseconds): its age counts from here.
    public var startedMs: Int64
    /// When its status was last read.
    public var checkedMs: Int64

    public init(direction: TransferDirection, domain: String, orderId: String, status: String, startedMs: Int64, checkedMs: Int64) {
        self.direction = direction
        self.domain = domain.lowercased()
        self.orderId = orderId
        self.status = status
        self.startedMs = startedMs
        self.checkedMs = checkedMs
    }
}

extension Migrations {
    /// `transfer`: transfers in and out and pushes, with status and age.
    /// `transfer_auth_code`: auth codes of queued transfers in, kept only
    /// until the push sends them (then erased with `secure_delete`); never
    /// in the outbox, the history or a log.
    static func createTransfers(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE transfer (
                direction TEXT NOT NULL,                     -- in | out | push-in | push-out
                domain TEXT NOT NULL,                        -- ASCII / punycode, lower case
                order_id TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT '',
                started_ms INTEGER NOT NULL,
                checked_ms INTEGER NOT NULL,
                PRIMARY KEY (direction, domain)
            ) WITHOUT ROWID;
            CREATE TABLE transfer_auth_code (
                domain TEXT PRIMARY KEY NOT NULL,
                code TEXT NOT NULL
            ) WITHOUT ROWID;
            """)
    }
}

extension PortfolioDatabase {
    /// Records transfers as seen now: a known (direction, domain) keeps its
    /// start time; its order id and status are replaced.
    public func saveTransfers(_ rows: [TransferRow]) throws {
        guard !rows.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO transfer (direction, domain, order_id, status, started_ms, checked_ms) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (direction, domain) DO UPDATE SET
                    started_ms = CASE WHEN transfer.order_id = excluded.order_id THEN transfer.started_ms ELSE excluded.started_ms END,
                    order_id = excluded.order_id, status = excluded.status, checked_ms = excluded.checked_ms
                """)
            for row in rows {
                statement.setUncheckedArguments([row.direction.rawValue, row.domain, row.orderId, row.status, row.startedMs, row.checkedMs])
                try statement.execute()
            }
        }
    }

    /// Replaces every transfer of `direction` with a complete listing
    /// (rows of that direction the listing lacks are dropped; kept ones
    /// keep their start time).
    public func replaceTransfers(_ direction: TransferDirection, with rows: [TransferRow]) throws {
        try write { db in
            let keep = rows.map(\.domain)
            if keep.isEmpty {
                try db.execute(sql: "DELETE FROM transfer WHERE direction = ?", arguments: [direction.rawValue])
            } else {
                let marks = Array(repeating: "?", count: keep.count).joined(separator: ",")
                try db.execute(sql: "DELETE FROM transfer WHERE direction = ? AND domain NOT IN (\(marks))",
                               arguments: StatementArguments([direction.rawValue] + keep))
            }
        }
        try saveTransfers(rows)
    }

    /// Takes one transfer off the list (cancelled, declined, accepted).
    public func removeTransfer(_ direction: TransferDirection, domain: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM transfer WHERE direction = ? AND domain = ?", arguments: [direction.rawValue, domain.lowercased()])
        }
    }

    /// Every cached transfer and push, newest first.
    public func transfers() throws -> [TransferRow] {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT direction, domain, order_id, status, started_ms, checked_ms FROM transfer ORDER BY started_ms DESC, domain")
        }
        return decodeRows(rows, table: "transfer") { c in
            guard let direction = TransferDirection(rawValue: try c.text(0)) else { throw UnreadableValue(column: 0) }
            return TransferRow(direction: direction, domain: try c.text(1), orderId: try c.text(2), status: try c.text(3),
                               startedMs: try c.int64(4), checkedMs: try c.int64(5))
        }
    }
}

@_spi(OutboxWriter)
extension PortfolioDatabase {
    /// Keeps auth codes of transfers in until the push sends them.
    public func storeTransferAuthCodes(_ codes: [(domain: String, code: String)]) throws {
        try write { db in
            let statement = try db.cachedStatement(sql: "INSERT OR REPLACE INTO transfer_auth_code (domain, code) VALUES (?, ?)")
            for entry in codes {
                statement.setUncheckedArguments([entry.domain.lowercased(), entry.code])
                try statement.execute()
            }
        }
    }

    /// The auth code waiting for `domain`'s transfer in, if any.
    public func transferAuthCode(_ domain: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT code FROM transfer_auth_code WHERE domain = ?", arguments: [domain.lowercased()])
        }
    }

    /// Erases auth codes once sent (or no longer wanted): `secure_delete`
    /// overwrites the freed bytes, so the code does not linger in the file.
    public func eraseTransferAuthCodes(_ domains: [String]) throws {
        guard !domains.isEmpty else { return }
        try write { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
            let marks = Array(repeating: "?", count: domains.count).joined(separator: ",")
            try db.execute(sql: "DELETE FROM transfer_auth_code WHERE domain IN (\(marks))",
                           arguments: StatementArguments(domains.map { $0.lowercased() }))
        }
        // The write-ahead log still holds the pages as they were when the
        // code was stored: copy the erased pages into the file and empty the
        // log. Best effort: a reader in another process may hold the log
        // (SQLite then answers busy), and the next erase tries again.
        if newerCache == nil {
            try writer.writeWithoutTransaction { db in
                _ = try? db.checkpoint(.truncate)
            }
        }
    }

    /// Erases the codes no open or in-flight intent of `field` (the
    /// engine's transfer in) waits for any more: dropped, undone, replaced
    /// or cancelled ones. A code in flight stays, for the verification of
    /// a lost answer. Returns the domains whose code was erased.
    @discardableResult
    public func eraseTransferAuthCodes(notAwaitedBy field: String) throws -> [String] {
        let orphaned = try writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT domain FROM transfer_auth_code WHERE domain NOT IN (
                    SELECT domain FROM outbox_intent WHERE field = ? AND state IN ('pending','failed','conflict','inflight'))
                """, arguments: [field])
        }
        try eraseTransferAuthCodes(orphaned)
        return orphaned
    }
}
