import Foundation
import GRDB
import Synchronization

/// The store's in-memory filter index: `FilterColumns` plus what keeps it
/// current and the results it caches (the last query's matches, one order
/// per sort column). Off until `PortfolioDatabase.startFilterIndex()`; the
/// CLI's one-shot reads never pay for building it.
final class FilterIndex: Sendable {
    enum Phase: Sendable {
        case off
        /// A build runs in the background; queries run in SQL meanwhile.
        case building
        case ready
        /// The cache holds values the copy does not model: SQL only.
        case unavailable
    }

    struct State: Sendable {
        var phase: Phase = .off
        var columns = FilterColumns()
        /// The last evaluated query's matches, keyed by the copy's version.
        var matches: (query: PortfolioQuery, nowMs: Int64, version: Int, bits: [Bool], count: Int)?
        /// The latest ascending order by a field other than `.name`, for the copy's version.
        var orders: [DomainSort.Field: (version: Int, slots: [Int32])] = [:]
        var builds = 0
        var patches = 0
        /// A background read of the markers runs.
        var markerRefresh = false
        /// How often stale markers were replaced from the background (tests).
        var markerRefreshes = 0
        /// Set while a test reads the SQL path on purpose.
        var bypass = false
        /// Up to this many matches are sorted by name on their own, instead
        /// of walking the whole name order (a test lowers it to cover both).
        var fewMatches = 20_000
    }

    let state = Mutex(State())
}

extension PortfolioDatabase {
    /// Keeps an in-memory index of what the query language reads from now
    /// on, so a keystroke in the filter scans memory instead of the table.
    /// The first build runs in the background; until it is ready, and
    /// whenever it cannot be patched from the change log and is being
    /// rebuilt, queries run in SQL as before (same results). Idempotent.
    public func startFilterIndex() {
        let start = filterIndex.state.withLock { state -> Bool in
            guard case .off = state.phase else { return false }
            state.phase = .building
            return true
        }
        if start { rebuildFilterIndexInBackground() }
    }

    /// Builds (or rebuilds) the index now, on the calling thread, and
    /// keeps it current from then on: for a caller that would wait for it
    /// anyway (the benchmark). Whether the cache's values allow an index is
    /// returned; when not, queries run in SQL.
    @discardableResult
    public func buildFilterIndex() throws -> Bool {
        try buildFilterIndexNow()
        return filterIndex.state.withLock { if case .ready = $0.phase { return true } else { return false } }
    }

    /// Builds the index now, on the calling thread (tests, the benchmark).
    func buildFilterIndexNow() throws {
        filterIndex.state.withLock { $0.phase = .building }
        try rebuildFilterIndex()
    }

    /// After every row was replaced at once (the All-accounts view's copy
    /// read again): a running index is built again in the background, and
    /// queries run in SQL until it is ready, instead of a patch of every
    /// row on the caller's thread. An index that is off stays off; one
    /// being built catches up from the change log as after any write.
    func rebuildFilterIndexAfterReplacingRows() {
        let start = filterIndex.state.withLock { state -> Bool in
            switch state.phase {
            case .off, .building: return false
            case .ready, .unavailable:
                state.phase = .building
                state.matches = nil
                state.orders = [:]
                return true
            }
        }
        if start { rebuildFilterIndexInBackground() }
    }

    /// Runs `body` with every query in SQL (the differential test).
    func bypassingFilterIndex<T>(_ body: () throws -> T) rethrows -> T {
        filterIndex.state.withLock { $0.bypass = true }
        defer { filterIndex.state.withLock { $0.bypass = false } }
        return try body()
    }

    /// How often the index was built and patched (tests).
    var filterIndexCounts: (builds: Int, patches: Int) {
        filterIndex.state.withLock { ($0.builds, $0.patches) }
    }

    private func rebuildFilterIndexInBackground() {
        DispatchQueue.global(qos: .utility).async { [self] in
            do {
                try rebuildFilterIndex()
            } catch {
                // A failed read leaves the index off; SQL answers instead.
                filterIndex.state.withLock { $0.phase = .off }
            }
        }
    }

    private func rebuildFilterIndex() throws {
        let generation = try changeGeneration()
        let built = try writer.read { db in try FilterColumns.build(db, generation: generation) }
        filterIndex.state.withLock { state in
            guard case .building = state.phase else { return }
            guard var built else {
                state.phase = .unavailable
                return
            }
            built.version = state.columns.version + 1
            state.columns = built
            state.matches = nil
            state.orders = [:]
            state.phase = .ready
            state.builds += 1
        }
    }

    /// Runs `body` on the index when it is ready and current (patching it
    /// first from the change log when the cache changed); nil when the
    /// query must run in SQL. `query` (when the body evaluates one) says
    /// whether it reads the outbox markers: while those are stale (a big
    /// edit just opened many intents) such a query runs in SQL, and the
    /// markers are read again in the background.
    func withFilterIndex<T>(reading query: PortfolioQuery? = nil, _ body: (inout FilterIndex.State) throws -> T) rethrows -> T? {
        guard let generation = try? changeGeneration() else { return nil }
        var rebuild = false
        var refreshMarkers: [Int64]?
        defer { if let rowIDs = refreshMarkers { refreshMarkersInBackground(rowIDs: rowIDs) } }
        let result: T? = try filterIndex.state.withLock { state in
            guard case .ready = state.phase, !state.bypass else { return nil }
            if state.columns.generation != generation {
                // In place (a copy would double the index's memory for a
                // moment); a patch that stops half way leaves a copy that
                // is rebuilt, never read.
                let patched = (try? writer.read { db in try state.columns.patch(db, generation: generation) }) ?? false
                guard patched else {
                    state.phase = .building
                    state.matches = nil
                    state.orders = [:]
                    rebuild = true
                    return nil
                }
                state.patches += 1
            }
            if state.columns.markersStale {
                if !state.markerRefresh {
                    state.markerRefresh = true
                    refreshMarkers = state.columns.rowIDs
                }
                if let query, FilterIndex.readsMarkers(query) { return nil }
            }
            return try body(&state)
        }
        if rebuild { rebuildFilterIndexInBackground() }
        return result
    }

    /// Reads both markers for the slots of `rowIDs` off the UI thread and
    /// installs them when the copy has not moved on meanwhile (else the next
    /// query asks again).
    private func refreshMarkersInBackground(rowIDs: [Int64]) {
        DispatchQueue.global(qos: .utility).async { [self] in
            var markers: FilterColumns.Markers?
            var generation: Int64?
            if let before = try? changeGeneration(),
               let read = try? writer.read({ db in try FilterColumns.readMarkers(db, rowIDs: rowIDs) }),
               (try? changeGeneration()) == before {
                // Nothing committed between the two generation reads: the
                // markers are those of `before`.
                markers = read
                generation = before
            }
            filterIndex.state.withLock { state in
                state.markerRefresh = false
                guard let markers, case .ready = state.phase, state.columns.markersStale,
                      state.columns.generation == generation, state.columns.rowIDs.count == rowIDs.count else { return }
                state.columns.install(markers)
                state.columns.version += 1
                state.markerRefreshes += 1
            }
        }
    }
}

// MARK: - Evaluating a query

extension FilterIndex {
    /// Whether `query` reads the outbox markers (`pending:`, `failed:`,
    /// `changed:`), in any group.
    static func readsMarkers(_ query: PortfolioQuery) -> Bool {
        query.allConditions().contains { condition in
            switch condition {
            case .pending, .failed, .changed: return true
            default: return false
            }
        }
    }
}

extension FilterIndex.State {
    /// Which slots match `query` (cached for the last query), and how many.
    mutating func evaluate(_ query: PortfolioQuery, nowMs: Int64) -> (bits: [Bool], count: Int) {
        // Only relative dates read the clock; other queries reuse their
        // matches across the count and the window of one keystroke.
        let nowMs = query.readsClock ? nowMs : 0
        if let cached = matches, cached.version == columns.version, cached.query == query, cached.nowMs == nowMs {
            return (cached.bits, cached.count)
        }
        let bits = columns.evaluate(query, nowMs: nowMs)
        let count = bits.withUnsafeBufferPointer { bits in
            var count = 0
            for bit in bits where bit { count += 1 }
            return count
        }
        matches = (query, nowMs, columns.version, bits, count)
        return (bits, count)
    }

    /// Live slots in `sort` order.
    mutating func order(_ sort: DomainSort) -> [Int32] {
        let ascending: [Int32]
        if sort.field == .name {
            ascending = columns.byName
        } else if let cached = orders[sort.field], cached.version == columns.version {
            ascending = cached.slots
        } else {
            ascending = columns.order(by: sort.field)
            // The name order is always kept; of the others, the latest
            // (4 MB per million domains each).
            orders = [sort.field: (columns.version, ascending)]
        }
        return sort.descending ? ascending.reversed() : ascending
    }

    /// Matching slots in `sort` order, `limit` of them from `offset`, and the total.
    mutating func window(_ query: PortfolioQuery, nowMs: Int64, sort: DomainSort,
                         limit: Int?, offset: Int) -> (total: Int, slots: [Int32]) {
        let (bits, count) = evaluate(query, nowMs: nowMs)
        let wanted = limit.map { max($0, 0) } ?? Int.max
        guard wanted > 0, offset < count else { return (count, []) }
        // Few matches in name order: collect them in one pass over the bits
        // and sort just those, instead of walking the whole name order.
        if sort.field == .name, count <= fewMatches {
            var found: [Int32] = []
            found.reserveCapacity(count)
            bits.withUnsafeBufferPointer { bits in
                for slot in bits.indices where bits[slot] { found.append(Int32(slot)) }
            }
            columns.sortByName(&found)
            if sort.descending { found.reverse() }
            let skip = max(offset, 0)
            return (count, Array(found[skip..<min(found.count, skip + min(wanted, found.count))]))
        }
        var slots: [Int32] = []
        if limit != nil { slots.reserveCapacity(min(wanted, count)) }
        var seen = 0
        let skip = max(offset, 0)
        let ascending = sort.field == .name ? columns.byName : order(DomainSort(sort.field))
        bits.withUnsafeBufferPointer { bits in
            func visit(_ slot: Int32) -> Bool {
                guard bits[Int(slot)] else { return true }
                if seen >= skip { slots.append(slot) }
                seen += 1
                return slots.count < wanted
            }
            if sort.descending {
                for slot in ascending.reversed() where !visit(slot) { break }
            } else {
                for slot in ascending where !visit(slot) { break }
            }
        }
        return (count, slots)
    }

    /// Position of `slot` among the matches in `sort` order; nil when it does not match.
    mutating func position(of slot: Int, _ query: PortfolioQuery, nowMs: Int64, sort: DomainSort) -> Int? {
        let (bits, _) = evaluate(query, nowMs: nowMs)
        guard bits[slot] else { return nil }
        let ascending = sort.field == .name ? columns.byName : order(DomainSort(sort.field))
        var before = 0
        let target = Int32(slot)
        if sort.descending {
            for s in ascending.reversed() { if s == target { break }; if bits[Int(s)] { before += 1 } }
        } else {
            for s in ascending { if s == target { break }; if bits[Int(s)] { before += 1 } }
        }
        return before
    }
}

extension FilterColumns {
    /// One bit per slot: live, and every term holds (the same rules as the
    /// SQL in `PortfolioQuerySQL`: NULL tests false, and a negated test of
    /// NULL true, as `NOT COALESCE(…, 0)` does).
    func evaluate(_ query: PortfolioQuery, nowMs: Int64) -> [Bool] {
        var bits = alive
        if !query.mentionsGone {
            let present = table(.gone) { $0 == .integer(0) }
            apply(&bits, codes[Keyed.gone.rawValue], present, negated: false)
        }
        for term in query.terms { narrow(&bits, by: term, nowMs: nowMs) }
        return bits
    }

    /// Keeps set, of the slots set in `bits`, those where `term` holds.
    func narrow(_ bits: inout [Bool], by term: PortfolioQuery.Term, nowMs: Int64) {
        let negated = term.negated
        switch term.condition {
        case .nameContains(let word):
            let needle = Self.folded(word)
            scanText(&bits, negated: negated, needle, unicodeName, asciiName) { _ in false }
        case .nameserver(let text):
            let needle = Self.folded(text)
            let typeMatches = table(.nsType) { cell in
                guard case .text(let bytes) = cell else { return false }
                return Self.contains(Self.foldedBytes(bytes), needle)
            }
            let types = codes[Keyed.nsType.rawValue]
            scanText(&bits, negated: negated, needle, nameservers, nil) { typeMatches[Int(types[$0])] }
        case .nameserverMatching(let wildcard):
            let pattern = Self.foldedPattern(wildcard)
            for slot in bits.indices where bits[slot] {
                let ref = nameservers[slot]
                let hosts = arena[Int(ref.start)..<Int(ref.start + ref.count)]
                bits[slot] = Self.anyHost(hosts, matches: pattern) != negated
            }
        case .note(let text):
            scanText(&bits, negated: negated, Self.folded(text), notes, nil) { _ in false }
        case .tld(let tld):
            let value = Cell.text(Array(tld.utf8))
            apply(&bits, codes[Keyed.tld.rawValue], table(.tld) { $0 == value }, negated: negated)
        case .tldMatching(let wildcard):
            let pattern = Self.foldedPattern(wildcard)
            apply(&bits, codes[Keyed.tld.rawValue], table(.tld) { Self.text($0, matches: pattern) }, negated: negated)
        case .folder(let folder):
            let value = Self.foldedBytes(Array(folder.utf8))
            apply(&bits, codes[Keyed.folder.rawValue], table(.folder) { cell in
                if case .text(let bytes) = cell { return Self.foldedBytes(bytes) == value }
                return false
            }, negated: negated)
        case .folderMatching(let wildcard):
            let pattern = Self.foldedPattern(wildcard)
            apply(&bits, codes[Keyed.folder.rawValue], table(.folder) { Self.text($0, matches: pattern) }, negated: negated)
        case .renew(let option):
            let value = Cell.text(Array(option.rawValue.utf8))
            apply(&bits, codes[Keyed.renew.rawValue], table(.renew) { $0 == value }, negated: negated)
        case .privacy(let level):
            let value = Cell.text(Array(level.rawValue.utf8))
            apply(&bits, codes[Keyed.privacy.rawValue], table(.privacy) { $0 == value }, negated: negated)
        case .locked(let flag):
            apply(&bits, codes[Keyed.locked.rawValue], table(.locked) { $0 == .integer(flag ? 1 : 0) }, negated: negated)
        case .forSale(let flag):
            apply(&bits, codes[Keyed.forSale.rawValue], table(.forSale) { $0 == .integer(flag ? 1 : 0) }, negated: negated)
        case .gone(let flag):
            apply(&bits, codes[Keyed.gone.rawValue], table(.gone) { $0 == .integer(flag ? 1 : 0) }, negated: negated)
        case .pending(let flag):
            flags(&bits, pending, flag, negated: negated)
        case .failed(let flag):
            flags(&bits, failed, flag, negated: negated)
        case .changed(let amount, let unit):
            let since = CalendarPeriod.adding(-amount, unit, to: nowMs)
            for slot in bits.indices where bits[slot] { bits[slot] = (changed[slot] >= since) != negated }
        case .expires(let expiry):
            within(&bits, expires, expiry.bounds(nowMs: nowMs), negated: negated)
        case .daysLeft(let days):
            within(&bits, expires, PortfolioQuery.expiryRange(daysLeft: days, nowMs: nowMs), negated: negated)
        case .registered(let date):
            within(&bits, registered, date.ageBounds(nowMs: nowMs), negated: negated)
        case .salePrice(let cents):
            // Inclusive bounds; `Int64.min` (NULL) is below every lower bound.
            let low = cents.lower ?? .min + 1
            for slot in bits.indices where bits[slot] {
                let value = salePrice[slot]
                let holds = value != .min && value >= low && cents.upper.map { value <= $0 } ?? true
                bits[slot] = holds != negated
            }
        case .selected:
            // Resolved by the TUI before querying; elsewhere nothing is selected.
            for slot in bits.indices where bits[slot] { bits[slot] = negated }
        case .named(let names):
            var marker = [Bool](repeating: false, count: bits.count)
            for name in names { if let slot = slot(named: name) { marker[slot] = true } }
            flags(&bits, marker, true, negated: negated)
        case .anyOf(let groups):
            var any = [Bool](repeating: false, count: bits.count)
            for group in groups {
                var groupBits = bits
                for inner in group { narrow(&groupBits, by: inner, nowMs: nowMs) }
                for slot in groupBits.indices where groupBits[slot] { any[slot] = true }
            }
            for slot in bits.indices where bits[slot] { bits[slot] = any[slot] != negated }
        }
    }

    /// On every slot still matching: whether `values[slot]` (not NULL) lies in `[low, high)`.
    func within(_ bits: inout [Bool], _ values: [Int64], _ range: (Int64, Int64), negated: Bool) {
        let (low, high) = range
        values.withUnsafeBufferPointer { values in
            for slot in bits.indices where bits[slot] {
                let value = values[slot]
                let holds = value != .min && value >= low && value < high
                bits[slot] = holds != negated
            }
        }
    }

    /// A wildcard's text as folded bytes, with where it must sit.
    static func foldedPattern(_ wildcard: PortfolioQuery.Wildcard) -> (bytes: [UInt8], wildcard: PortfolioQuery.Wildcard) {
        switch wildcard {
        case .prefix(let text), .suffix(let text), .infix(let text): return (folded(text), wildcard)
        }
    }

    /// Whether a text cell matches the pattern as `LIKE` does (ASCII case ignored).
    static func text(_ cell: Cell, matches pattern: (bytes: [UInt8], wildcard: PortfolioQuery.Wildcard)) -> Bool {
        guard case .text(let raw) = cell else { return false }
        let bytes = foldedBytes(raw)
        switch pattern.wildcard {
        case .prefix: return bytes.starts(with: pattern.bytes)
        case .suffix: return bytes.count >= pattern.bytes.count && bytes.suffix(pattern.bytes.count).elementsEqual(pattern.bytes)
        case .infix: return contains(bytes, pattern.bytes)
        }
    }

    /// Whether some newline-separated host in `hosts` (folded) starts,
    /// ends with or contains the pattern.
    static func anyHost(_ hosts: ArraySlice<UInt8>, matches pattern: (bytes: [UInt8], wildcard: PortfolioQuery.Wildcard)) -> Bool {
        hosts.split(separator: 10, omittingEmptySubsequences: false).contains { host in
            switch pattern.wildcard {
            case .prefix: return host.starts(with: pattern.bytes)
            case .suffix: return host.count >= pattern.bytes.count && host.suffix(pattern.bytes.count).elementsEqual(pattern.bytes)
            case .infix: return host.firstRange(of: pattern.bytes) != nil
            }
        }
    }

    /// Per code of `column`, whether the test holds.
    func table(_ column: Keyed, _ test: (Cell) -> Bool) -> [Bool] {
        books[column.rawValue].values.map(test)
    }

    func apply(_ bits: inout [Bool], _ codes: [UInt16], _ table: [Bool], negated: Bool) {
        codes.withUnsafeBufferPointer { codes in
            table.withUnsafeBufferPointer { table in
                bits.withUnsafeMutableBufferPointer { bits in
                    for slot in bits.indices where bits[slot] {
                        bits[slot] = table[Int(codes[slot])] != negated
                    }
                }
            }
        }
    }

    func flags(_ bits: inout [Bool], _ marker: [Bool], _ flag: Bool, negated: Bool) {
        for slot in bits.indices where bits[slot] {
            bits[slot] = (marker[slot] == flag) != negated
        }
    }

    /// On every slot still matching: whether `needle` occurs in its text in
    /// `first` (or in `second`), or `also(slot)` holds. A tight loop over
    /// the arena's bytes: a first-byte test, then `memcmp`.
    func scanText(_ bits: inout [Bool], negated: Bool, _ needle: [UInt8], _ first: [TextRef], _ second: [TextRef]?,
                  also: (Int) -> Bool) {
        let n = needle.count
        arena.withUnsafeBufferPointer { arena in
            needle.withUnsafeBufferPointer { needle in
                first.withUnsafeBufferPointer { first in
                    (second ?? []).withUnsafeBufferPointer { others in
                        bits.withUnsafeMutableBufferPointer { bits in
                            guard let base = arena.baseAddress, n > 0 else {
                                // An empty word matches every name (LIKE '%%').
                                for slot in bits.indices where bits[slot] { bits[slot] = !negated }
                                return
                            }
                            let head = needle[0]
                            let second = n > 1 ? needle[1] : 0
                            let tail = needle.baseAddress! + 2
                            @inline(__always) func found(_ ref: TextRef) -> Bool {
                                let count = Int(ref.count)
                                guard count >= n else { return false }
                                let start = base + Int(ref.start)
                                var i = 0
                                let last = count - n
                                while i <= last {
                                    if start[i] == head,
                                       n == 1 || (start[i + 1] == second && (n == 2 || memcmp(start + i + 2, tail, n - 2) == 0)) {
                                        return true
                                    }
                                    i += 1
                                }
                                return false
                            }
                            let hasSecond = !others.isEmpty
                            Self.inChunks(bits.count) { range in
                                for slot in range where bits[slot] {
                                    let holds = found(first[slot]) || (hasSecond && found(others[slot])) || also(slot)
                                    bits[slot] = holds != negated
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func folded(_ text: String) -> [UInt8] { foldedBytes(Array(text.utf8)) }

    /// ASCII letters lower-cased, other bytes kept: what `LIKE` and `NOCASE` fold.
    static func foldedBytes(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        guard haystack.count >= needle.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    // MARK: - Orders

    /// Live slots ordered by `field` ascending, ties by name (`ORDER BY col,
    /// name` in SQLite: NULL first, text by bytes, folder names ignoring
    /// ASCII case as its NOCASE column does). Descending is the reverse,
    /// since the name makes the order total.
    func order(by field: DomainSort.Field) -> [Int32] {
        let keyed: Keyed
        switch field {
        case .name: return byName
        case .expires:
            var keys: [(Int64, Int32, Int32)] = []
            keys.reserveCapacity(byName.count)
            for (rank, slot) in byName.enumerated() { keys.append((expires[Int(slot)], Int32(rank), slot)) }
            keys.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            return keys.map(\.2)
        case .tld: keyed = .tld
        case .folder: keyed = .folder
        case .renew: keyed = .renew
        case .privacy: keyed = .privacy
        case .ns: keyed = .nsType
        case .sale: keyed = .forSale
        case .lock: keyed = .locked
        }
        // Rank the codebook's values, then bucket the name order by rank:
        // stable, so ties stay in name order.
        let book = books[keyed.rawValue].values
        let fold = keyed == .folder
        func less(_ a: Cell, _ b: Cell) -> Bool {
            switch (a, b) {
            case (.integer(let x), .integer(let y)): return x < y
            case (.integer, .text): return true
            case (.text, .integer): return false
            case (.text(let x), .text(let y)):
                return fold ? Self.foldedBytes(x).lexicographicallyPrecedes(Self.foldedBytes(y)) : x.lexicographicallyPrecedes(y)
            }
        }
        let sortedCodes = book.indices.sorted { less(book[$0], book[$1]) }
        var rank = [Int](repeating: 0, count: book.count)
        var next = -1
        for (position, code) in sortedCodes.enumerated() {
            if position == 0 || less(book[sortedCodes[position - 1]], book[code]) { next += 1 }
            rank[code] = next
        }
        var buckets = [[Int32]](repeating: [], count: next + 1)
        let codes = self.codes[keyed.rawValue]
        for slot in byName { buckets[rank[Int(codes[Int(slot)])]].append(slot) }
        return buckets.flatMap { $0 }
    }
}
