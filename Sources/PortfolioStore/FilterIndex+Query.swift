import Foundation

/// Evaluating a query over the filter index: the matching slots (cached
/// for the last query), their order and the window a pane shows.
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
