import GRDB

/// Queueing an edit whose value and base depend only on a few cached columns
/// (a note, a folder, the renew option, …) without reading the rows into
/// Swift: the names go into a temporary table, the *distinct* combinations of
/// the columns the edit reads are read and encoded once each in Swift (so the
/// stored JSON is exactly `JSONValue.serialized()`'s), and one
/// `INSERT … SELECT` joins names, domains and encodings into the staging
/// table that `enqueue(_:intents:)` also uses; the same supersede, cancel and
/// insert statements then queue it. The stored intents are the ones
/// `enqueue(_:intents:)` stores for the same names and values (ids in the
/// order of `names`, supersede and cancel rules, the operation row).
extension PortfolioDatabase {
    /// The encodings of one combination of the columns an edit reads.
    public struct CachedEncoding: Sendable {
        /// The intent's target value.
        public var value: String
        /// The cached (base) value.
        public var base: String

        public init(value: String, base: String) {
            self.value = value
            self.base = base
        }
    }

    /// What `enqueue(_:names:field:reading:…)` did.
    public struct CacheEnqueueResult: Sendable {
        public var result: EnqueueResult
        /// Positions in `names` of names the cache does not hold.
        public var missing: [Int]
    }

    /// Queues an edit of `field` on the cached domains `names` (unique, lower
    /// case) as `operation(found)`, where `found` counts the names the cache
    /// holds, all in one transaction: `encode` gives the value
    /// and base for a row that has only `columns` read (names from
    /// `DomainRow.columns`, besides `name`, `tld` and `ns_type`, which it must
    /// not read), once per distinct combination. Returns nil, writing
    /// nothing, when `columns` names none besides those three, or when a
    /// target row has a column not of its usual storage type
    /// (the whole-row read converts or skips such rows): queue those through
    /// `enqueue(_:intents:)` from rows read whole. `progress` hears steps of 4.
    @_spi(OutboxWriter)
    public func enqueue(_ operation: (_ found: Int) -> NewOperation, names: [String], field: String, reading columns: [String],
                        money: Bool = false, valueVersion: Int,
                        progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
                        encode: (DomainRow) -> CachedEncoding) throws -> CacheEnqueueResult? {
        var seen = Set<String>()
        let columns = columns.filter { !["name", "tld", "ns_type"].contains($0) && seen.insert($0).inserted }
        guard !columns.isEmpty else { return nil }
        let readers = try columns.map { column -> NarrowColumn in
            guard let reader = Self.narrowColumns[column] else { throw NarrowReadError.unknownColumn(column) }
            return reader
        }
        let now = nowMs
        return try write { db -> CacheEnqueueResult? in
            try Self.stageTargets(db, names)
            // One pass over the target rows: their type check and the
            // columns the edit reads (reading a row is most of the cost).
            // Many names: the table is read in rowid order and each row looks
            // its name up among the targets (100k lookups by name, in name
            // order, jump around the table); few: each name is looked up.
            let check = ["name"] + columns
            let join: String
            if names.count >= Self.scanThreshold {
                try db.execute(sql: "CREATE INDEX temp.enqueue_target_by_name ON enqueue_target(target_name)")
                join = "main.domain d CROSS JOIN temp.enqueue_target t ON t.target_name = d.name"
            } else {
                join = "temp.enqueue_target t JOIN main.domain d ON d.name = t.target_name"
            }
            try db.execute(sql: """
                DROP TABLE IF EXISTS temp.enqueue_found;
                CREATE TEMP TABLE enqueue_found AS
                    SELECT t.pos AS pos, \(Self.canonicalTypesCheck) AS ok, \(check.map { "d.\($0) AS \($0)" }.joined(separator: ", "))
                    FROM \(join);
                """)
            progress?(1, 4)
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM temp.enqueue_found WHERE NOT ok)") != true else {
                try Self.dropCacheStaging(db)
                return nil
            }
            try Self.stageEncodings(db, columns: columns, readers: readers, encode: encode)
            progress?(2, 4)
            try Self.createStagingTable(db)
            // Same rule as `stage`: back to base only with nothing in flight;
            // new ids consecutive in the order of `names`.
            let inflight = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM main.outbox_intent WHERE state = 'inflight' AND field = ?)
                """, arguments: [field]) ?? true
            let back = inflight ? """
                (b.same AND NOT EXISTS (SELECT 1 FROM main.outbox_intent o
                                        WHERE o.domain = f.name AND o.field = ? AND o.state = 'inflight'))
                """ : "(b.same OR ? IS NULL)"
            let match = columns.map { "f.\($0) IS b.\($0)" }.joined(separator: " AND ")
            try db.execute(sql: """
                INSERT INTO temp.enqueue_new (seq, round, domain, field, value, base_value, money, cost_cents, value_version,
                                              back, new_id)
                SELECT seq, 0, name, ?, value, base, ?, NULL, ?, back,
                       CASE WHEN NOT back THEN ? - 1 + row_number() OVER (PARTITION BY back ORDER BY seq) END
                FROM (SELECT f.pos AS seq, f.name AS name, b.value AS value, b.base AS base, \(back) AS back
                      FROM temp.enqueue_found f JOIN temp.enqueue_encoding b ON \(match))
                ORDER BY seq
                """, arguments: [field, money, valueVersion, try Self.nextIntentID(db), field])
            progress?(3, 4)
            let found = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.enqueue_found") ?? 0
            let missing = found == names.count ? [] : try Int.fetchAll(db, sql: """
                SELECT pos FROM temp.enqueue_target WHERE pos NOT IN (SELECT pos FROM temp.enqueue_found) ORDER BY pos
                """)
            var result = EnqueueResult()
            try Self.queueRound(db, 0, operation: operation(names.count - missing.count), now: now, into: &result)
            try db.execute(sql: "DROP TABLE IF EXISTS temp.enqueue_new")
            try Self.dropCacheStaging(db)
            return CacheEnqueueResult(result: result, missing: missing)
        }
    }

    /// The target names with their positions, bound 500 to an insert.
    static func stageTargets(_ db: Database, _ names: [String]) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.enqueue_target;
            CREATE TEMP TABLE enqueue_target (pos INTEGER PRIMARY KEY, target_name TEXT NOT NULL);
            """)
        let chunk = stageChunk
        var start = 0
        var fullChunk: Statement?
        while start < names.count {
            let end = min(start + chunk, names.count)
            let sql = "INSERT INTO temp.enqueue_target (pos, target_name) VALUES " + Array(repeating: "(?, ?)", count: end - start).joined(separator: ", ")
            let statement: Statement
            if end - start == chunk {
                if fullChunk == nil { fullChunk = try db.makeStatement(sql: sql) }
                statement = fullChunk!
            } else {
                statement = try db.makeStatement(sql: sql)
            }
            // Empty arguments reset the statement and mark it bound, so
            // `execute()` keeps the bindings made here.
            statement.setUncheckedArguments(StatementArguments())
            var binder = ParameterBinder(statement: statement.sqliteStatement)
            for pos in start..<end {
                binder.int(Int64(pos))
                binder.text(names[pos])
            }
            try statement.execute()
            start = end
        }
    }

    /// Each distinct combination of `columns` among the targets, with its
    /// encodings and whether value and base are equal as Swift compares them.
    /// The combinations are copied in SQL, so the join matches them byte for
    /// byte (a text with a NUL would not survive a trip through Swift).
    static func stageEncodings(_ db: Database, columns: [String], readers: [NarrowColumn],
                               encode: (DomainRow) -> CachedEncoding) throws {
        let list = columns.joined(separator: ", ")
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.enqueue_encoding;
            CREATE TEMP TABLE enqueue_encoding (k INTEGER PRIMARY KEY, \(list), value TEXT, base TEXT, same INTEGER);
            INSERT INTO temp.enqueue_encoding (\(list)) SELECT DISTINCT \(list) FROM temp.enqueue_found;
            """)
        let combinations = try Row.fetchAll(db, sql: "SELECT \(list), k FROM temp.enqueue_encoding")
        let update = try db.makeStatement(sql: "UPDATE temp.enqueue_encoding SET value = ?, base = ?, same = ? WHERE k = ?")
        for combination in combinations {
            let reader = ColumnReader(combination)
            var row = DomainRow(name: "", tld: "")
            for (index, column) in readers.enumerated() {
                try column(&row, reader, index)
            }
            let encoded = encode(row)
            try update.execute(arguments: [encoded.value, encoded.base, encoded.value == encoded.base,
                                           combination[columns.count] as Int64])
        }
        try db.execute(sql: "CREATE INDEX temp.enqueue_encoding_by_columns ON enqueue_encoding(\(list))")
    }

    static func dropCacheStaging(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.enqueue_target; DROP TABLE IF EXISTS temp.enqueue_found;
            DROP TABLE IF EXISTS temp.enqueue_encoding
            """)
    }
}
