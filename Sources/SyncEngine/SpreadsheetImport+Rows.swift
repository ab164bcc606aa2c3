import Dispatch
@_spi(OutboxWriter) import PortfolioStore

/// Cached rows by name (the first row of a name, should two share one).
struct CachedRows: Sendable {
    private let rows: [DomainRow]
    private let position: [String: Int]

    init(_ rows: [DomainRow]) {
        self.rows = rows
        var position = [String: Int](minimumCapacity: rows.count)
        for (index, row) in rows.enumerated() where position[row.name] == nil { position[row.name] = index }
        self.position = position
    }

    subscript(name: String) -> DomainRow? { position[name].map { rows[$0] } }

    func contains(_ name: String) -> Bool { position[name] != nil }
}

/// The cache read whole on another thread while a large sheet is parsed:
/// at that size reading the rows the sheet names is a pass over the whole
/// table anyway (`domains(named:reading:)` scans from 5,000 names).
final class CachePrefetch: @unchecked Sendable {
    /// The columns read: those of the fields the header line fills.
    let columns: Set<String>
    private let done = DispatchGroup()
    /// Written by the reading thread before it leaves `done`, read after
    /// `wait()`: the group orders the two.
    private var result: Result<CachedRows, Error>?

    private init(store: PortfolioDatabase, columns: [String]) {
        self.columns = Set(columns)
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { CachedRows(try store.allDomains(reading: columns)) }
            self.done.leave()
        }
    }

    /// Starts reading when the sheet has at least `minimumRows` lines and
    /// the cache at most twice as many domains (a small sheet against a
    /// large cache reads only its names, afterwards), and its header line
    /// (up to the first line break) names a domain column.
    static func start(for text: String, options: ImportOptions, store: PortfolioDatabase,
                      minimumRows: Int = 5_000) throws -> CachePrefetch? {
        let lineBreaks = text.utf8.count { $0 == 0x0A }
        guard lineBreaks >= minimumRows,
              let end = text.utf8.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return nil }
        // A header line SwiftCSV cannot read alone (a quoted line break)
        // gets no prefetch; the whole file is read (or refused) as usual.
        guard let header = try? SyncEngine.readCSV(String(text[..<end]), delimiter: options.delimiter).header else { return nil }
        let columnAt = SyncEngine.importColumns(header).columnAt
        guard columnAt.values.contains(.domain), try store.count() <= 2 * lineBreaks else { return nil }
        return CachePrefetch(store: store, columns: SyncEngine.cachedColumns(SyncEngine.fieldsFilled(by: columnAt)))
    }

    /// The rows, once read.
    func rows() throws -> CachedRows {
        done.wait()
        return try result!.get()
    }

    /// Waits for the read to end (its rows unused).
    func wait() { done.wait() }
}

/// What one row of an import asks, worked out apart from the other rows.
enum ImportRowOutcome: Sendable {
    /// Every cell blank: not counted.
    case blank
    /// Skipped before its name counts as seen (no name, not in the cache).
    case skipped(String)
    /// A bad value: skipped (after the one-row-per-domain check).
    case refused(String)
    /// The changes it makes, and the fields it gives that change nothing
    /// (a set of `bit(_:)`s).
    case read(changes: [Change], same: UInt8)

    struct Change: Sendable {
        var edit: Edit
        /// `edit.hashValue`, worked out with the row (on its core).
        var hash: Int
        /// Its field's `bit(_:)`.
        var field: UInt8
        /// The encoded target value and the cached one.
        var value: String
        var base: String
    }

    /// An edit as a key of the groups, hashed by its `hashValue` worked out
    /// before (a dictionary would hash the edit's strings again).
    struct Key: Hashable {
        var edit: Edit
        var hash: Int

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
        static func == (a: Key, b: Key) -> Bool { a.hash == b.hash && a.edit == b.edit }
    }

    /// A field's bit: its position in `SyncEngine.importFields` (0 for a
    /// field an import does not fill, which it never gives).
    static func bit(_ field: IntentField) -> UInt8 {
        SyncEngine.importFields.firstIndex(of: field).map { 1 << $0 } ?? 0
    }

    static func fieldSet(_ fields: Set<IntentField>) -> UInt8 {
        fields.reduce(0) { $0 | bit($1) }
    }
}
