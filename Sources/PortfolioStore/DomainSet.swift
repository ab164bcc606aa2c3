import GRDB

/// A set of cached domains by rowid, sorted and unique: what a selection of
/// a million domains is kept as, instead of a million name strings (8 bytes
/// a domain; union, difference and invert are one merge). Names are read
/// back only where an action needs them (`PortfolioDatabase.names(in:)`).
public struct DomainSet: Sendable, Hashable {
    /// Ascending, no duplicates.
    public private(set) var rowIDs: [Int64]

    public init() { rowIDs = [] }

    /// From rowids in any order (duplicates dropped).
    public init<S: Sequence>(_ ids: S) where S.Element == Int64 {
        var sorted = Array(ids)
        sorted.sort()
        rowIDs = sorted
        dedupe()
    }

    /// From rowids already ascending and unique.
    init(ascending ids: [Int64]) { rowIDs = ids }

    public var count: Int { rowIDs.count }
    public var isEmpty: Bool { rowIDs.isEmpty }

    public func contains(_ rowID: Int64) -> Bool {
        let at = position(of: rowID)
        return at < rowIDs.count && rowIDs[at] == rowID
    }

    public mutating func insert(_ rowID: Int64) {
        let at = position(of: rowID)
        if at < rowIDs.count, rowIDs[at] == rowID { return }
        rowIDs.insert(rowID, at: at)
    }

    public mutating func remove(_ rowID: Int64) {
        let at = position(of: rowID)
        if at < rowIDs.count, rowIDs[at] == rowID { rowIDs.remove(at: at) }
    }

    public func union(_ other: DomainSet) -> DomainSet {
        merge(other) { inSelf, inOther in inSelf || inOther }
    }

    public func subtracting(_ other: DomainSet) -> DomainSet {
        merge(other) { inSelf, inOther in inSelf && !inOther }
    }

    public func symmetricDifference(_ other: DomainSet) -> DomainSet {
        merge(other) { inSelf, inOther in inSelf != inOther }
    }

    public func isSubset(of other: DomainSet) -> Bool {
        subtracting(other).isEmpty
    }

    /// One pass over both sorted arrays; `keep` decides each rowid by which
    /// side holds it.
    private func merge(_ other: DomainSet, keep: (Bool, Bool) -> Bool) -> DomainSet {
        var out: [Int64] = []
        out.reserveCapacity(rowIDs.count + other.rowIDs.count)
        rowIDs.withUnsafeBufferPointer { a in
            other.rowIDs.withUnsafeBufferPointer { b in
                var i = 0, j = 0
                while i < a.count || j < b.count {
                    if j == b.count || (i < a.count && a[i] < b[j]) {
                        if keep(true, false) { out.append(a[i]) }
                        i += 1
                    } else if i == a.count || b[j] < a[i] {
                        if keep(false, true) { out.append(b[j]) }
                        j += 1
                    } else {
                        if keep(true, true) { out.append(a[i]) }
                        i += 1
                        j += 1
                    }
                }
            }
        }
        return DomainSet(ascending: out)
    }

    /// First index whose rowid is not less than `rowID`.
    private func position(of rowID: Int64) -> Int {
        var low = 0, high = rowIDs.count
        while low < high {
            let mid = (low + high) / 2
            if rowIDs[mid] < rowID { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private mutating func dedupe() {
        guard rowIDs.count > 1 else { return }
        var kept = 1
        for i in 1..<rowIDs.count where rowIDs[i] != rowIDs[kept - 1] {
            rowIDs[kept] = rowIDs[i]
            kept += 1
        }
        rowIDs.removeLast(rowIDs.count - kept)
    }
}

extension PortfolioDatabase {
    /// The domains matching `query` (in `sort` order, `limit` of them from
    /// `offset`; nil limit: all) as a set: the same domains
    /// `names(matching:sort:limit:offset:)` lists, without a string each.
    public func domainSet(matching query: PortfolioQuery = .all, sort: DomainSort = .byName,
                          limit: Int? = nil, offset: Int = 0) throws -> DomainSet {
        let now = nowMs
        if let ids = withFilterIndex(reading: query, { state -> [Int64] in
            if limit == nil, offset <= 0 {
                // Every match: one pass over the bits, already in rowid order.
                let (bits, count) = state.evaluate(query, nowMs: now)
                var ids: [Int64] = []
                ids.reserveCapacity(count)
                state.columns.rowIDs.withUnsafeBufferPointer { rowIDs in
                    bits.withUnsafeBufferPointer { bits in
                        for slot in bits.indices where bits[slot] { ids.append(rowIDs[slot]) }
                    }
                }
                return ids
            }
            return state.window(query, nowMs: now, sort: sort, limit: limit, offset: offset).slots.map {
                state.columns.rowIDs[Int($0)]
            }
        }) {
            return limit == nil && offset <= 0 ? DomainSet(ascending: ids) : DomainSet(ids)
        }
        let filter = query.filter(nowMs: now)
        let ids = try writer.read { db in
            let (sql, arguments) = try Self.selectSQL(db, "domain.rowid", query, filter, sort, limit, offset)
            return try Int64.fetchAll(db, sql: sql, arguments: arguments)
        }
        return DomainSet(ids)
    }

    /// The rowids of the cached domains among `names` (any case; names not
    /// in the cache are left out).
    public func rowIDs(named names: [String]) throws -> [String: Int64] {
        guard !names.isEmpty else { return [:] }
        if names.count <= 1000, let found = withFilterIndex({ state -> [String: Int64] in
            var found: [String: Int64] = [:]
            for name in names {
                if let slot = state.columns.slot(named: name.lowercased()) { found[name] = state.columns.rowIDs[slot] }
            }
            return found
        }) {
            return found
        }
        return try writer.read { db in
            var found: [String: Int64] = [:]
            var wanted: [String: [String]] = [:]
            for name in names { wanted[name.lowercased(), default: []].append(name) }
            let keys = Array(wanted.keys)
            for chunk in stride(from: 0, to: keys.count, by: 500).map({ keys[$0..<min($0 + 500, keys.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: "SELECT name, rowid FROM domain WHERE name IN (\(marks))",
                                            arguments: StatementArguments(Array(chunk)))
                for row in rows {
                    let stored: String = row[0]
                    for name in wanted[stored] ?? [] { found[name] = row[1] }
                }
            }
            return found
        }
    }

    /// The names of the domains in `set`, unordered (rowids no longer in
    /// the cache are left out).
    public func names(in set: DomainSet) throws -> [String] {
        guard !set.isEmpty else { return [] }
        if let names = withFilterIndex({ state -> [String] in
            var names: [String] = []
            names.reserveCapacity(set.count)
            for rowID in set.rowIDs {
                guard let slot = state.columns.slot(ofRowID: rowID), state.columns.alive[slot] else { continue }
                names.append(state.columns.nameString(slot))
            }
            return names
        }) {
            return names
        }
        return try writer.read { db in
            var names: [String] = []
            names.reserveCapacity(set.count)
            if set.count >= Self.scanThreshold {
                let cursor = try Row.fetchCursor(db, sql: "SELECT rowid, name FROM domain")
                while let row = try cursor.next() {
                    if set.contains(row[0]) { names.append(row[1]) }
                }
            } else {
                for chunk in stride(from: 0, to: set.count, by: 500).map({ set.rowIDs[$0..<min($0 + 500, set.count)] }) {
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    names += try String.fetchAll(db, sql: "SELECT name FROM domain WHERE rowid IN (\(marks))",
                                                 arguments: StatementArguments(Array(chunk)))
                }
            }
            return names
        }
    }
}
