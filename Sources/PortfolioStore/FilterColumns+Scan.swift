import Foundation

/// The column scans behind a query: one bit per slot for each term, the
/// codebook and text tests, and the orders by each sort field.
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
