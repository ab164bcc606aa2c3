import Foundation
import GRDB
import GRDBSQLite

/// The in-memory, columnar copy of what the query language reads, one slot
/// per `domain` row (slots in rowid order): names and name servers as
/// ASCII-lower-cased bytes in one arena (substring terms scan contiguous
/// bytes), every keyed column as a small integer code into a codebook of
/// its distinct values, expiry as integers, and the outbox markers.
///
/// SQLite stays the one source of truth: this copy only says *which* rows
/// match and in what order; the visible rows are read from the table by
/// rowid. It is built from one read transaction and patched from the
/// `domain_change` log (written by triggers, see migration
/// `v3-filter-index`) for the rows an edit, a push or a pull changed or
/// deleted, and from the rowids above its own for the rows inserted.
///
/// A cache holding a value whose SQL comparison this copy does not model
/// (a text in `expires_ms`, a blob in `tld`, written by raw SQL) yields no
/// copy at all, so every query then runs in SQL: one semantics, always.
struct FilterColumns: Sendable {
    /// A byte range in `arena`.
    struct TextRef: Sendable {
        var start: Int32
        var count: Int32
        static let empty = TextRef(start: 0, count: 0)
    }

    /// A stored value of a keyed column.
    enum Cell: Hashable, Sendable {
        case integer(Int64)
        case text([UInt8])
    }

    /// The distinct values of one keyed column; a slot stores the code.
    struct Codebook: Sendable {
        var values: [Cell] = []
        var codes: [Cell: UInt16] = [:]

        mutating func code(for cell: Cell) -> UInt16? {
            if let code = codes[cell] { return code }
            guard values.count < Int(UInt16.max) else { return nil }
            let code = UInt16(values.count)
            values.append(cell)
            codes[cell] = code
            return code
        }
    }

    /// The keyed columns, in the order of `codes` and `books`.
    enum Keyed: Int, CaseIterable {
        case tld, folder, renew, privacy, nsType, locked, forSale, gone
        /// Whether the column holds text (else integers).
        var isText: Bool { rawValue <= Keyed.nsType.rawValue }
    }

    var rowIDs: [Int64] = []
    var alive: [Bool] = []
    var arena: [UInt8] = []
    /// `domain.name` as stored (sort order, lookups, the names returned).
    var name: [TextRef] = []
    /// `name_unicode`, ASCII-lower-cased (LIKE folds ASCII only).
    var unicodeName: [TextRef] = []
    /// `name`, ASCII-lower-cased, only where it differs from `name_unicode`.
    var asciiName: [TextRef] = []
    /// `nameservers`, ASCII-lower-cased.
    var nameservers: [TextRef] = []
    /// `expires_ms`; `Int64.min` stands for NULL.
    var expires: [Int64] = []
    /// `note`, ASCII-lower-cased.
    var notes: [TextRef] = []
    /// `sale_price_cents` and `registered_ms`; `Int64.min` stands for NULL.
    var salePrice: [Int64] = []
    var registered: [Int64] = []
    var codes: [[UInt16]] = Array(repeating: [], count: Keyed.allCases.count)
    var books: [Codebook] = Array(repeating: Codebook(), count: Keyed.allCases.count)
    /// Has pending or in-flight intents / failed or conflicting intents.
    var pending: [Bool] = []
    var failed: [Bool] = []
    /// When a push or a sync last recorded a change (`changed:`); `Int64.min`: never.
    var changed: [Int64] = []
    /// Live slots in `ORDER BY name` order.
    var byName: [Int32] = []
    /// Arena bytes no slot points at any more (replaced by patches).
    var garbage = 0

    /// `PRAGMA data_version` (or the in-memory change count) this copy is current for.
    var generation: Int64 = 0
    /// The last `domain_change.seq` folded in.
    var lastChange: Int64 = 0
    /// Fingerprint of the outbox's open and failed intents.
    var markerPrint: [Int64] = []
    /// The markers no longer follow the outbox: too many intents are open
    /// to re-read them in a patch. Queries that read `pending:` or `failed:`
    /// run in SQL until a background read replaces them; the others are
    /// answered from the rows as before.
    var markersStale = false
    /// Most open intents whose markers a patch re-reads (a test lowers it).
    var markerPatchLimit = FilterColumns.markerPatchLimit
    /// Bumped on every change, so caches of results know when to drop.
    var version = 0

    var slotCount: Int { rowIDs.count }

    static let selectList = """
        rowid, name, name_unicode, tld, expires_ms, ns_type, nameservers, locked, privacy, for_sale,
        renew_option, folder_name, gone, note, sale_price_cents, registered_ms
        """
    /// Column positions in `selectList` of the keyed columns, in `Keyed` order.
    static let keyedColumn: [Int32] = [3, 11, 10, 8, 5, 7, 9, 12]

    /// Why a value could not be taken into the copy.
    struct Unmodelled: Error {}

    // MARK: - Reading rows

    /// Appends `bytes` (ASCII-lower-cased when `fold`) to the arena.
    mutating func store(_ pointer: UnsafePointer<UInt8>?, _ count: Int, fold: Bool) -> TextRef {
        let start = arena.count
        if let pointer, count > 0 {
            let buffer = UnsafeBufferPointer(start: pointer, count: count)
            if fold {
                arena.append(contentsOf: buffer.lazy.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 })
            } else {
                arena.append(contentsOf: buffer)
            }
        }
        return TextRef(start: Int32(start), count: Int32(count))
    }

    static func textCell(_ s: OpaquePointer, _ column: Int32) throws -> (UnsafePointer<UInt8>?, Int) {
        guard sqlite3_column_type(s, column) == SQLITE_TEXT else { throw Unmodelled() }
        let pointer = sqlite3_column_text(s, column)
        return (pointer, Int(sqlite3_column_bytes(s, column)))
    }

    /// An INTEGER or NULL cell; `Int64.min` stands for NULL.
    static func integerCell(_ s: OpaquePointer, _ column: Int32) throws -> Int64 {
        switch sqlite3_column_type(s, column) {
        case SQLITE_NULL: return .min
        case SQLITE_INTEGER:
            let value = sqlite3_column_int64(s, column)
            if value == .min { throw Unmodelled() }
            return value
        default: throw Unmodelled()
        }
    }

    /// One row of `selectList` at the statement's current step, written
    /// into `slot` (appended when `slot == slotCount`).
    mutating func take(_ s: OpaquePointer, into slot: Int) throws {
        let appending = slot == slotCount
        let rowID = sqlite3_column_int64(s, 0)
        let (namePointer, nameCount) = try Self.textCell(s, 1)
        let (unicodePointer, unicodeCount) = try Self.textCell(s, 2)
        let (nsPointer, nsCount) = try Self.textCell(s, 6)
        let (notePointer, noteCount) = try Self.textCell(s, 13)
        guard arena.count + nameCount * 3 + unicodeCount + nsCount + noteCount < Int(Int32.max) else { throw Unmodelled() }
        let expiry = try Self.integerCell(s, 4)
        let price = try Self.integerCell(s, 14)
        let registration = try Self.integerCell(s, 15)
        var keyed = [UInt16](repeating: 0, count: Keyed.allCases.count)
        for key in Keyed.allCases {
            let column = Self.keyedColumn[key.rawValue]
            let cell: Cell
            if key.isText {
                let (pointer, count) = try Self.textCell(s, column)
                cell = .text(pointer.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
            } else {
                guard sqlite3_column_type(s, column) == SQLITE_INTEGER else { throw Unmodelled() }
                cell = .integer(sqlite3_column_int64(s, column))
            }
            guard let code = books[key.rawValue].code(for: cell) else { throw Unmodelled() }
            keyed[key.rawValue] = code
        }
        if !appending {
            let shared = name[slot].start == unicodeName[slot].start
            garbage += Int((shared ? 0 : name[slot].count) + unicodeName[slot].count + asciiName[slot].count + nameservers[slot].count
                           + notes[slot].count)
        }
        let unicodeRef = store(unicodePointer, unicodeCount, fold: true)
        let differs = nameCount != unicodeCount
            || (nameCount > 0 && memcmp(namePointer!, unicodePointer!, nameCount) != 0)
        // Most names are lower-case ASCII: the stored name is then the
        // folded Unicode form already, and shares its bytes.
        let nameRef = !differs && !UnsafeBufferPointer(start: namePointer, count: nameCount).contains(where: { $0 &- 65 < 26 })
            ? unicodeRef : store(namePointer, nameCount, fold: false)
        let asciiRef = differs ? store(namePointer, nameCount, fold: true) : .empty
        let nsRef = store(nsPointer, nsCount, fold: true)
        let noteRef = store(notePointer, noteCount, fold: true)
        if appending {
            rowIDs.append(rowID); alive.append(true)
            name.append(nameRef); unicodeName.append(unicodeRef); asciiName.append(asciiRef)
            nameservers.append(nsRef); expires.append(expiry)
            notes.append(noteRef); salePrice.append(price); registered.append(registration)
            for key in Keyed.allCases { codes[key.rawValue].append(keyed[key.rawValue]) }
            pending.append(false); failed.append(false); changed.append(.min)
        } else {
            alive[slot] = true
            name[slot] = nameRef; unicodeName[slot] = unicodeRef; asciiName[slot] = asciiRef
            nameservers[slot] = nsRef; expires[slot] = expiry
            notes[slot] = noteRef; salePrice[slot] = price; registered[slot] = registration
            for key in Keyed.allCases { codes[key.rawValue][slot] = keyed[key.rawValue] }
        }
    }

    // MARK: - Building

    /// Reads the whole table in rowid order, the name order and the markers,
    /// inside one read transaction. Nil when some value is not modelled or
    /// the cache has no change log (an older schema opened read-only).
    static func build(_ db: Database, generation: Int64) throws -> FilterColumns? {
        guard try db.tableExists("domain_change") else { return nil }
        var columns = FilterColumns()
        columns.generation = generation
        columns.lastChange = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM domain_change") ?? 0
        let statement = try db.makeStatement(sql: "SELECT \(selectList) FROM domain ORDER BY rowid")
        let cursor = try Row.fetchCursor(statement)
        let s = statement.sqliteStatement
        do {
            while try cursor.next() != nil {
                try columns.take(s, into: columns.slotCount)
            }
        } catch is Unmodelled {
            return nil
        }
        columns.byName = (0..<columns.slotCount).map { Int32($0) }
        columns.sortByName(&columns.byName)
        try columns.readMarkers(db)
        return columns
    }

    /// Sorts slots by their stored name, bytewise (SQLite's BINARY collation).
    func sortByName(_ slots: inout [Int32]) {
        arena.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress
            name.withUnsafeBufferPointer { names in
                slots.sort { a, b in
                    let x = names[Int(a)], y = names[Int(b)]
                    return Self.compare(base, x, base, y) < 0
                }
            }
        }
    }

    static func compare(_ p: UnsafePointer<UInt8>?, _ x: TextRef, _ q: UnsafePointer<UInt8>?, _ y: TextRef) -> Int32 {
        let common = Int(min(x.count, y.count))
        if common > 0, let p, let q {
            let c = memcmp(p + Int(x.start), q + Int(y.start), common)
            if c != 0 { return c }
        }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }

    /// The outbox states behind `pending:` and `failed:`.
    static let pendingStates = "'pending','inflight'"
    static let failedStates = "'failed','conflict'"

    /// A fingerprint of the intents in the marker states: per state group,
    /// count, sum and sum of squares of the ids (covered by the state index).
    static func markerFingerprint(_ db: Database) throws -> [Int64] {
        var print: [Int64] = []
        for states in [pendingStates, failedStates] {
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), TOTAL(id), TOTAL(id * id) FROM outbox_intent INDEXED BY outbox_intent_by_state
                WHERE state IN (\(states))
                """)
            let count: Int64 = row?[0] ?? 0
            let sum: Double = row?[1] ?? 0
            let squares: Double = row?[2] ?? 0
            print += [count, Int64(bitPattern: sum.bitPattern), Int64(bitPattern: squares.bitPattern)]
        }
        // `changed:` moves when an intent is done or a sync records a remote change.
        let history = try Row.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM outbox_intent WHERE state = 'done'), (SELECT MAX(updated_ms) FROM outbox_intent WHERE state = 'done'),
                   (SELECT MAX(id) FROM history_remote)
            """)
        print += [history?[0] ?? 0, history?[1] ?? 0, history?[2] ?? 0]
        return print
    }

    /// Recomputes both markers with the same `IN (subquery)` the SQL path uses.
    mutating func readMarkers(_ db: Database) throws {
        let markers = try Self.readMarkers(db, rowIDs: rowIDs)
        install(markers)
    }

    /// Both markers for the slots of `rowIDs`, with the fingerprint they
    /// were read at: readable off the index's lock, from a copy of its rowids.
    static func readMarkers(_ db: Database, rowIDs: [Int64]) throws -> Markers {
        var markers = Markers(pending: Array(repeating: false, count: rowIDs.count),
                              failed: Array(repeating: false, count: rowIDs.count),
                              print: try markerFingerprint(db))
        for (states, isPending) in [(Self.pendingStates, true), (Self.failedStates, false)] {
            let ids = try Int64.fetchCursor(db, sql: """
                SELECT domain.rowid FROM domain WHERE domain.name IN (SELECT i.domain FROM outbox_intent i WHERE i.state IN (\(states)))
                """)
            while let id = try ids.next() {
                guard let slot = slot(ofRowID: id, in: rowIDs) else { continue }
                if isPending { markers.pending[slot] = true } else { markers.failed[slot] = true }
            }
        }
        markers.changed = Array(repeating: .min, count: rowIDs.count)
        let times = try Row.fetchCursor(db, sql: """
            SELECT domain.rowid, MAX(t) FROM (SELECT domain AS d, updated_ms AS t FROM outbox_intent WHERE state = 'done'
                UNION ALL SELECT domain, created_ms FROM history_remote) JOIN domain ON domain.name = d GROUP BY domain.rowid
            """)
        while let row = try times.next() {
            guard let slot = slot(ofRowID: row[0], in: rowIDs) else { continue }
            markers.changed[slot] = row[1] ?? .min
        }
        return markers
    }

    /// The `pending:`, `failed:` and `changed:` columns as read at one fingerprint.
    struct Markers: Sendable {
        var pending: [Bool]
        var failed: [Bool]
        var changed: [Int64] = []
        var print: [Int64]
    }

    /// Takes markers read for exactly this copy's slots.
    mutating func install(_ markers: Markers) {
        pending = markers.pending
        failed = markers.failed
        changed = markers.changed
        markerPrint = markers.print
        markersStale = false
    }

    /// The slot holding `rowID`, by binary search (slots are in rowid order).
    func slot(ofRowID rowID: Int64) -> Int? {
        Self.slot(ofRowID: rowID, in: rowIDs)
    }

    static func slot(ofRowID rowID: Int64, in rowIDs: [Int64]) -> Int? {
        var low = 0, high = rowIDs.count
        while low < high {
            let mid = (low + high) / 2
            if rowIDs[mid] < rowID { low = mid + 1 } else { high = mid }
        }
        return low < rowIDs.count && rowIDs[low] == rowID ? low : nil
    }

    /// Position in `byName` of the first live slot whose name is not less than `bytes`.
    func namePosition(of bytes: [UInt8]) -> Int {
        arena.withUnsafeBufferPointer { arenaBytes in
            bytes.withUnsafeBufferPointer { key in
                let target = TextRef(start: 0, count: Int32(key.count))
                var low = 0, high = byName.count
                while low < high {
                    let mid = (low + high) / 2
                    if Self.compare(arenaBytes.baseAddress, name[Int(byName[mid])], key.baseAddress, target) < 0 {
                        low = mid + 1
                    } else {
                        high = mid
                    }
                }
                return low
            }
        }
    }

    /// The live slot whose stored name is exactly `text`.
    func slot(named text: String) -> Int? {
        let bytes = Array(text.utf8)
        let position = namePosition(of: bytes)
        guard position < byName.count else { return nil }
        let slot = Int(byName[position])
        return nameBytes(slot) == bytes ? slot : nil
    }

    func nameBytes(_ slot: Int) -> [UInt8] {
        let ref = name[slot]
        return Array(arena[Int(ref.start)..<Int(ref.start + ref.count)])
    }

    func nameString(_ slot: Int) -> String {
        let ref = name[slot]
        return arena.withUnsafeBufferPointer { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(ref.start)..<Int(ref.start + ref.count)]), as: UTF8.self)
        }
    }
}
