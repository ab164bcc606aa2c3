import Foundation
import GRDB
import GRDBSQLite

/// Patching the filter index's columns from the `domain_change` log
/// instead of building them again.
extension FilterColumns {
    /// Folds in the rows changed since `lastChange` and the outbox markers.
    /// Returns false when patching is not possible or not worth it (the
    /// caller rebuilds): the log was pruned past this copy, too many rows
    /// changed, a value is not modelled, or a new row took an old rowid.
    mutating func patch(_ db: Database, generation: Int64) throws -> Bool {
        // Rows changed or deleted since this copy, from the log.
        let newest = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM domain_change") ?? 0
        var changed: [Int64] = []
        if newest != lastChange {
            let oldest = try Int64.fetchOne(db, sql: "SELECT MIN(seq) FROM domain_change") ?? newest
            guard newest > lastChange, oldest <= lastChange + 1 else { return false }
            changed = try Int64.fetchAll(db, sql: "SELECT DISTINCT domain_rowid FROM domain_change WHERE seq > ? ORDER BY domain_rowid",
                                         arguments: [lastChange])
        }
        // New rows take rowids above every one this copy has seen (SQLite
        // gives max(rowid) + 1), so inserts need no log entry.
        let known = rowIDs.last ?? 0
        let added = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM domain WHERE rowid > ?", arguments: [known]) ?? 0
        guard changed.count + added <= Self.patchLimit(slots: slotCount) else { return false }
        guard !changed.isEmpty || added > 0 else {
            lastChange = newest
            return try finishPatch(db, generation: generation, touchedNames: false, rowsChanged: false)
        }
        var touchedNames = false
        var found = Set<Int64>()
        var newSlots: [Int32] = []
        var renamed = Set<Int32>()
        /// Takes every row of `statement` (in rowid order) into the copy.
        func takeAll(_ statement: Statement) throws -> Bool {
            let cursor = try Row.fetchCursor(statement)
            let s = statement.sqliteStatement
            while try cursor.next() != nil {
                let rowID = sqlite3_column_int64(s, 0)
                found.insert(rowID)
                do {
                    if let slot = slot(ofRowID: rowID) {
                        let before = nameBytes(slot)
                        let wasAlive = alive[slot]
                        try take(s, into: slot)
                        if !wasAlive || nameBytes(slot) != before { renamed.insert(Int32(slot)); touchedNames = true }
                    } else {
                        guard rowID > (rowIDs.last ?? .min) else { return false }
                        newSlots.append(Int32(slotCount))
                        try take(s, into: slotCount)
                        touchedNames = true
                    }
                } catch is Unmodelled {
                    return false
                }
            }
            return true
        }
        let logged = changed.filter { $0 <= known }
        for chunk in stride(from: 0, to: logged.count, by: 500).map({ logged[$0..<min($0 + 500, logged.count)] }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let statement = try db.makeStatement(sql: "SELECT \(Self.selectList) FROM domain WHERE rowid IN (\(marks)) ORDER BY rowid")
            statement.arguments = StatementArguments(Array(chunk))
            guard try takeAll(statement) else { return false }
        }
        if added > 0 {
            let statement = try db.makeStatement(sql: "SELECT \(Self.selectList) FROM domain WHERE rowid > ? ORDER BY rowid")
            statement.arguments = [known]
            guard try takeAll(statement) else { return false }
        }
        // Logged rowids no longer in the table were deleted.
        for rowID in logged where !found.contains(rowID) {
            guard let slot = slot(ofRowID: rowID), alive[slot] else { continue }
            alive[slot] = false
            renamed.insert(Int32(slot))
            touchedNames = true
        }
        if touchedNames {
            guard reorderNames(renamed: renamed, added: newSlots) else { return false }
        }
        // Replaced bytes stay in the arena until a rebuild compacts it.
        guard garbage <= arena.count / 2 else { return false }
        lastChange = newest
        return try finishPatch(db, generation: generation, touchedNames: touchedNames, rowsChanged: true)
    }

    /// Brings the markers along and takes `generation`. The version (which
    /// results and sort orders are cached by) moves only when what a query
    /// reads did: rows, or markers read again.
    private mutating func finishPatch(_ db: Database, generation: Int64, touchedNames: Bool, rowsChanged: Bool) throws -> Bool {
        // Stale markers stay stale until the background read replaces them:
        // no fingerprint (a pass over the open intents) on the way.
        guard !markersStale else {
            self.generation = generation
            if rowsChanged { version += 1 }
            return true
        }
        let print = try Self.markerFingerprint(db)
        var reread = false
        if touchedNames || print != markerPrint {
            if print[0] + print[3] <= markerPatchLimit {
                try readMarkers(db)
                reread = true
            } else {
                // Re-reading the markers costs about 0.5 s per 300,000 open
                // intents: past `markerPatchLimit` they are marked stale and
                // read in the background (queries that read them run in SQL
                // meanwhile) instead of blocking a key.
                markersStale = true
            }
        }
        self.generation = generation
        if rowsChanged || reread { version += 1 }
        return true
    }

    /// Most open (pending, in-flight, failed, conflicting) intents whose
    /// markers a patch re-reads in place.
    static let markerPatchLimit: Int64 = 20_000

    /// Most changed rows a patch folds in; beyond, a rebuild is cheaper.
    static func patchLimit(slots: Int) -> Int { max(20_000, slots / 10) }

    /// Takes renamed, revived, deleted and new slots out of the name order
    /// and merges the live ones back in. False when two live slots then
    /// share a name (a row replaced under a new rowid without a logged
    /// delete): the caller rebuilds.
    private mutating func reorderNames(renamed: Set<Int32>, added: [Int32]) -> Bool {
        var moving = renamed.filter { alive[Int($0)] } + added
        sortByName(&moving)
        let kept = renamed.isEmpty ? byName : byName.filter { !renamed.contains($0) }
        var merged: [Int32] = []
        merged.reserveCapacity(kept.count + moving.count)
        let ok = arena.withUnsafeBufferPointer { bytes -> Bool in
            let base = bytes.baseAddress
            var i = 0, j = 0
            while i < kept.count || j < moving.count {
                if j == moving.count { merged.append(kept[i]); i += 1; continue }
                if i == kept.count { merged.append(moving[j]); j += 1; continue }
                let c = Self.compare(base, name[Int(kept[i])], base, name[Int(moving[j])])
                if c == 0 { return false }
                if c < 0 { merged.append(kept[i]); i += 1 } else { merged.append(moving[j]); j += 1 }
            }
            return true
        }
        guard ok else { return false }
        for index in moving.indices.dropFirst() {
            let a = name[Int(moving[index - 1])], b = name[Int(moving[index])]
            let equal = arena.withUnsafeBufferPointer { Self.compare($0.baseAddress, a, $0.baseAddress, b) == 0 }
            if equal { return false }
        }
        byName = merged
        return true
    }
}
