import GRDB

/// Queueing edits whose value and base depend only on a few cached columns
/// (a note, a folder, the renew option, …) without reading the rows into
/// Swift: the names go into a temporary table, the *distinct* combinations of
/// the columns each field reads are read and encoded once each in Swift (so
/// the stored JSON is exactly `JSONValue.serialized()`'s), each edit's value
/// is encoded once, and one `INSERT … SELECT` joins names, domains, values and
/// encodings into the staging table that `enqueue(_:intents:)` also uses; the
/// same supersede, cancel and insert statements then queue it. The stored
/// intents are the ones `enqueue(_:intents:)` stores for the same names and
/// values (ids in the order of the groups and their names, supersede and
/// cancel rules, rounds for a name given the same field twice, the operation
/// row).
extension PortfolioDatabase {
    /// One field edited by a queue from the cache.
    public struct CachedField {
        /// The intent field (`IntentField.rawValue`).
        public var field: String
        /// The cache's columns its base (and a row-dependent value) reads:
        /// names from `DomainRow.columns` besides `name`, `tld` and
        /// `ns_type`, which the encoding must not read.
        public var columns: [String]
        /// The cached (base) value of a row that has only `columns` read.
        public var base: (DomainRow) -> String

        public init(field: String, columns: [String], base: @escaping (DomainRow) -> String) {
            self.field = field
            self.columns = columns
            self.base = base
        }
    }

    /// One edit of a queue from the cache and the names that get it.
    public struct CachedGroup: Sendable {
        /// Its field: a position in the call's `fields`.
        public var field: Int
        /// The encoded target value; nil when it depends on the row (a
        /// contacts edit keeps the cached roles it leaves open): the call's
        /// `rowValue` gives it.
        public var value: String?
        /// Positions in the call's `names`.
        public var positions: [Int]

        public init(field: Int, value: String?, positions: [Int]) {
            self.field = field
            self.value = value
            self.positions = positions
        }
    }

    /// What `enqueue(_:names:fields:groups:…)` did.
    public struct CacheEnqueueResult: Sendable {
        public var result: EnqueueResult
        /// Positions in `names` of names the cache does not hold.
        public var missing: [Int]
        /// Intents staged (one per cached name of each group, back to base or not).
        public var staged: Int
    }

    /// Queues `groups` (each an edit of one of `fields` on some of the cached
    /// domains `names`: unique, lower case) as one operation
    /// `operation(found)`, where `found` counts the names the cache holds,
    /// all in one transaction. Intents are staged in the order of the groups
    /// and, within one, of its names; a name given the same field by several
    /// groups is queued in rounds (a later value supersedes an earlier one),
    /// as `enqueue(_:intents:)` does. Each field's `base` is called once per
    /// distinct combination of its columns among the targets; `rowValue`
    /// once per (group, combination) for the groups without a fixed value.
    /// Returns nil, writing nothing, when a field's columns name none besides
    /// `name`, `tld` and `ns_type`, or when a target row has a column not of
    /// its usual storage type (the whole-row read converts or skips such
    /// rows): queue those through `enqueue(_:intents:)` from rows read whole.
    /// The intents spend no money. `progress` hears steps of 4: rows read,
    /// encoded, staged.
    @_spi(OutboxWriter)
    public func enqueue(_ operation: (_ found: Int) -> NewOperation, names: [String], fields: [CachedField],
                        groups: [CachedGroup], valueVersion: Int,
                        progress: ((_ done: Int, _ total: Int) -> Void)? = nil,
                        rowValue: (_ group: Int, _ row: DomainRow) -> String) throws -> CacheEnqueueResult? {
        var fieldColumns: [[String]] = []
        var allColumns: [String] = []
        for field in fields {
            var seen = Set<String>()
            let columns = field.columns.filter { !["name", "tld", "ns_type"].contains($0) && seen.insert($0).inserted }
            guard !columns.isEmpty else { return nil }
            fieldColumns.append(columns)
            allColumns += columns.filter { !allColumns.contains($0) }
        }
        let readers = try fieldColumns.map { columns in
            try columns.map { column -> NarrowColumn in
                guard let reader = Self.narrowColumns[column] else { throw NarrowReadError.unknownColumn(column) }
                return reader
            }
        }
        // One edit on every name, in order: the found rows are its picks.
        let single = groups.count == 1 && groups[0].positions.elementsEqual(names.indices)
        let now = nowMs
        return try write { db -> CacheEnqueueResult? in
            try Self.stageTargets(db, names)
            // One pass over the target rows: their type check and the
            // columns the edits read (reading a row is most of the cost).
            // Many names: the table is read in rowid order and each row looks
            // its name up among the targets (100k lookups by name, in name
            // order, jump around the table); few: each name is looked up.
            let check = ["name"] + allColumns
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
                try Self.dropCacheStaging(db, fields: fields.count)
                return nil
            }
            // Which group gives each intent, in staging order (one edit on
            // every name needs none: its intents are the found rows).
            let rounds = try single ? 1 : Self.stagePicks(db, groups, fieldCount: fields.count, nameCount: names.count)
            // Each fixed value, encoded once; and the (group, combination)
            // pairs whose value equals the base or depends on the row.
            try db.execute(sql: """
                DROP TABLE IF EXISTS temp.enqueue_value;
                CREATE TEMP TABLE enqueue_value (g INTEGER PRIMARY KEY, value TEXT NOT NULL);
                DROP TABLE IF EXISTS temp.enqueue_same;
                CREATE TEMP TABLE enqueue_same (g INTEGER NOT NULL, k INTEGER NOT NULL, value TEXT, same INTEGER NOT NULL,
                                                PRIMARY KEY (g, k)) WITHOUT ROWID;
                """)
            try Self.insertRows(db, into: "enqueue_value", columns: ["g", "value"], count: groups.count,
                                skip: { groups[$0].value == nil }) { binder, g in
                binder.int(Int64(g))
                binder.text(groups[g].value)
            }
            // One SELECT per field; `?`s bound in the order they appear.
            var branches: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = [valueVersion, try Self.nextIntentID(db)]
            for (f, field) in fields.enumerated() {
                let table = "enqueue_encoding_\(f)"
                let rowDependent = groups.contains { $0.field == f && $0.value == nil }
                let combinations = try Self.stageEncodings(db, table: table, columns: fieldColumns[f], readers: readers[f],
                                                           keepRows: rowDependent, base: field.base)
                let match = fieldColumns[f].map { "fd.\($0) IS e.\($0)" }.joined(separator: " AND ")
                let seq = single ? "fd.pos" : "p.seq", round = single ? "0" : "p.round", g = single ? "0" : "p.g"
                let from = single ? "temp.enqueue_found fd"
                    : "temp.enqueue_pick p JOIN temp.enqueue_found fd ON fd.pos = p.pos"
                let filter = single ? "" : "WHERE p.f = \(f)"
                // Value equal to base, as Swift compares Strings (`é` and
                // `e\u{301}` are equal, their bytes are not): the pairs that
                // are, and every pair of a value that depends on the row.
                let pairs = try Self.stageSamePairs(db, field: f, groups: groups, combinations: combinations,
                                                    pairsSQL: "SELECT DISTINCT \(g), e.k FROM \(from) JOIN temp.\(table) e ON \(match) \(filter)",
                                                    rowValue: rowValue)
                let same = pairs ? "COALESCE(s.same, 0)" : "0"
                let inflight = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM main.outbox_intent WHERE state = 'inflight' AND field = ?)
                    """, arguments: [field.field]) ?? true
                // Same rule as `stage`: back to base only with nothing in flight.
                let back = inflight ? """
                    (\(same) AND NOT EXISTS (SELECT 1 FROM main.outbox_intent o
                                             WHERE o.domain = fd.name AND o.field = ? AND o.state = 'inflight'))
                    """ : same
                branches.append("""
                    SELECT \(seq) AS seq, \(round) AS round, fd.name AS domain, ? AS field,
                           \(pairs ? "COALESCE(s.value, x.value)" : "x.value") AS value, e.base AS base, \(back) AS back
                    FROM \(from) JOIN temp.\(table) e ON \(match)
                         LEFT JOIN temp.enqueue_value x ON x.g = \(g)
                         \(pairs ? "LEFT JOIN temp.enqueue_same s ON s.g = \(g) AND s.k = e.k" : "")
                    \(filter)
                    """)
                arguments.append(field.field)
                if inflight { arguments.append(field.field) }
            }
            progress?(2, 4)
            try Self.createStagingTable(db)
            // New ids consecutive in staging order.
            try db.execute(sql: """
                INSERT INTO temp.enqueue_new (seq, round, domain, field, value, base_value, money, cost_cents, value_version,
                                              back, new_id)
                SELECT seq, round, domain, field, value, base, 0, NULL, ?, back,
                       CASE WHEN NOT back THEN ? - 1 + row_number() OVER (PARTITION BY back ORDER BY seq) END
                FROM (\(branches.joined(separator: "\nUNION ALL\n")))
                ORDER BY seq
                """, arguments: StatementArguments(arguments))
            let staged = db.changesCount
            progress?(3, 4)
            let found = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.enqueue_found") ?? 0
            let missing = found == names.count ? [] : try Int.fetchAll(db, sql: """
                SELECT pos FROM temp.enqueue_target WHERE pos NOT IN (SELECT pos FROM temp.enqueue_found) ORDER BY pos
                """)
            var result = EnqueueResult()
            let recorded = operation(names.count - missing.count)
            for round in 0..<rounds {
                try Self.queueRound(db, round, operation: recorded, now: now, into: &result)
            }
            try db.execute(sql: "DROP TABLE IF EXISTS temp.enqueue_new")
            try Self.dropCacheStaging(db, fields: fields.count)
            return CacheEnqueueResult(result: result, missing: missing, staged: staged)
        }
    }

    /// The target names with their positions.
    static func stageTargets(_ db: Database, _ names: [String]) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.enqueue_target;
            CREATE TEMP TABLE enqueue_target (pos INTEGER PRIMARY KEY, target_name TEXT NOT NULL);
            """)
        try insertRows(db, into: "enqueue_target", columns: ["pos", "target_name"], count: names.count) { binder, pos in
            binder.int(Int64(pos))
            binder.text(names[pos])
        }
    }

    /// One row per (group, name) in staging order: its sequence number, the
    /// name's position, the group's field and the group, and its round (the
    /// k-th time a name gets a field is in round k). Returns the number of
    /// rounds.
    static func stagePicks(_ db: Database, _ groups: [CachedGroup], fieldCount: Int, nameCount: Int) throws -> Int {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.enqueue_pick;
            CREATE TEMP TABLE enqueue_pick (seq INTEGER PRIMARY KEY, pos INTEGER NOT NULL, f INTEGER NOT NULL,
                                            g INTEGER NOT NULL, round INTEGER NOT NULL);
            """)
        var picks: [(group: Int, pos: Int)] = []
        picks.reserveCapacity(groups.reduce(0) { $0 + $1.positions.count })
        for (g, group) in groups.enumerated() {
            for pos in group.positions { picks.append((g, pos)) }
        }
        // Times each name got each field so far.
        var seen = Array(repeating: [Int32](), count: fieldCount)
        var rounds = 0
        try insertRows(db, into: "enqueue_pick", columns: ["seq", "pos", "f", "g", "round"], count: picks.count) { binder, seq in
            let (g, pos) = picks[seq]
            let f = groups[g].field
            if seen[f].isEmpty { seen[f] = Array(repeating: 0, count: nameCount) }
            let round = Int(seen[f][pos])
            seen[f][pos] += 1
            rounds = max(rounds, round + 1)
            binder.int(Int64(seq))
            binder.int(Int64(pos))
            binder.int(Int64(f))
            binder.int(Int64(g))
            binder.int(Int64(round))
        }
        try db.execute(sql: "CREATE INDEX temp.enqueue_found_by_pos ON enqueue_found(pos)")
        return rounds
    }

    /// The combinations of one field's columns, by `k`: each one's base,
    /// and its row when asked to keep it.
    typealias Combinations = [Int64: (row: DomainRow?, base: String)]

    /// Each distinct combination of `columns` among the targets, with its
    /// base encoding, in temp table `table`. The combinations are copied in
    /// SQL, so the join matches them byte for byte (a text with a NUL would
    /// not survive a trip through Swift).
    static func stageEncodings(_ db: Database, table: String, columns: [String], readers: [NarrowColumn], keepRows: Bool,
                               base: (DomainRow) -> String) throws -> Combinations {
        let list = columns.joined(separator: ", ")
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.\(table);
            CREATE TEMP TABLE \(table) (k INTEGER PRIMARY KEY, \(list), base TEXT);
            INSERT INTO temp.\(table) (\(list)) SELECT DISTINCT \(list) FROM temp.enqueue_found;
            """)
        let combinations = try Row.fetchAll(db, sql: "SELECT \(list), k FROM temp.\(table)")
        let update = try db.makeStatement(sql: "UPDATE temp.\(table) SET base = ? WHERE k = ?")
        var read = Combinations(minimumCapacity: combinations.count)
        for combination in combinations {
            let reader = ColumnReader(combination)
            var row = DomainRow(name: "", tld: "")
            for (index, column) in readers.enumerated() {
                try column(&row, reader, index)
            }
            let k: Int64 = combination[columns.count]
            let encoded = base(row)
            read[k] = (keepRows ? row : nil, encoded)
            try update.execute(arguments: [encoded, k])
        }
        try db.execute(sql: "CREATE INDEX temp.\(table)_by_columns ON \(table)(\(list))")
        return read
    }

    /// Fills `enqueue_same` for field `field`: each (group, combination)
    /// whose fixed value equals the combination's base as Swift compares
    /// Strings, and every (group, combination) that `pairsSQL` lists for the
    /// groups without a fixed value, with the value `rowValue` gives.
    /// Returns whether it wrote any.
    static func stageSamePairs(_ db: Database, field: Int, groups: [CachedGroup],
                               combinations: Combinations, pairsSQL: String,
                               rowValue: (_ group: Int, _ row: DomainRow) -> String) throws -> Bool {
        var pairs: [(g: Int, k: Int64, value: String?, same: Bool)] = []
        let fixed = groups.indices.filter { groups[$0].field == field && groups[$0].value != nil }
        // A dictionary of the smaller side (Swift's hashing and `==` agree),
        // looked up from the other.
        if fixed.count <= combinations.count {
            var byValue: [String: [Int]] = [:]
            for g in fixed { byValue[groups[g].value ?? "", default: []].append(g) }
            for (k, combination) in combinations {
                for g in byValue[combination.base] ?? [] { pairs.append((g, k, nil, true)) }
            }
        } else {
            var byBase: [String: [Int64]] = [:]
            for (k, combination) in combinations { byBase[combination.base, default: []].append(k) }
            for g in fixed {
                for k in byBase[groups[g].value ?? ""] ?? [] { pairs.append((g, k, nil, true)) }
            }
        }
        if groups.contains(where: { $0.field == field && $0.value == nil }) {
            for row in try Row.fetchAll(db, sql: pairsSQL) {
                let g: Int = row[0], k: Int64 = row[1]
                guard groups[g].value == nil, let combination = combinations[k], let cached = combination.row else { continue }
                let value = rowValue(g, cached)
                pairs.append((g, k, value, value == combination.base))
            }
        }
        guard !pairs.isEmpty else { return false }
        try insertRows(db, into: "enqueue_same", columns: ["g", "k", "value", "same"], count: pairs.count) { binder, index in
            let pair = pairs[index]
            binder.int(Int64(pair.g))
            binder.int(pair.k)
            binder.text(pair.value)
            binder.flag(pair.same)
        }
        return true
    }

    static func dropCacheStaging(_ db: Database, fields: Int) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.enqueue_target; DROP TABLE IF EXISTS temp.enqueue_found;
            DROP TABLE IF EXISTS temp.enqueue_pick; DROP TABLE IF EXISTS temp.enqueue_value;
            DROP TABLE IF EXISTS temp.enqueue_same;
            """ + (0..<fields).map { "DROP TABLE IF EXISTS temp.enqueue_encoding_\($0);" }.joined())
    }
}
