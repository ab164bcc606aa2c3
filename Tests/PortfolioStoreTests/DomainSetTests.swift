import Foundation
import GRDB
import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

/// A bulk selection is a set of rowids: its set operations, and the store's
/// reads that build it and read its names back, through the filter index
/// and through SQL.
@Suite("Domain sets by rowid")
struct DomainSetTests {
    @Test("union, difference, symmetric difference, insert and remove keep the rowids sorted and unique")
    func setOperations() {
        let a = DomainSet([5, 1, 3, 3, 9])
        let b = DomainSet([3, 4, 9, 10])
        #expect(a.rowIDs == [1, 3, 5, 9])
        #expect(a.count == 4)
        #expect(a.union(b).rowIDs == [1, 3, 4, 5, 9, 10])
        #expect(a.subtracting(b).rowIDs == [1, 5])
        #expect(a.symmetricDifference(b).rowIDs == [1, 4, 5, 10])
        #expect(a.symmetricDifference(b).symmetricDifference(b) == a)
        #expect(DomainSet([3, 9]).isSubset(of: a))
        #expect(!b.isSubset(of: a))
        var c = a
        c.insert(4)
        c.insert(4)
        c.remove(1)
        c.remove(2)
        #expect(c.rowIDs == [3, 4, 5, 9])
        #expect(c.contains(4) && !c.contains(1))
        #expect(DomainSet().isEmpty && DomainSet().union(a) == a)
    }

    /// The rowids of `names`, read in SQL.
    static func rowIDs(_ store: PortfolioDatabase, _ names: [String]) throws -> [Int64] {
        try store.bypassingFilterIndex { try store.rowIDs(named: names) }.values.sorted()
    }

    @Test("a query's domain set holds the domains names(matching:) lists, whole or a window, through the index and through SQL")
    func matchesNames() throws {
        let store = try FilterIndexTests.makePortfolioStore()
        try store.buildFilterIndexNow()
        let sort = DomainSort(.expires, descending: true)
        for text in ["", "tld:com", "-renew:auto ü", "pending:yes", "gone:yes", "exp:<30d lock:no", "nothing-matches"] {
            let query = try PortfolioQuery(parsing: text)
            let names = try store.bypassingFilterIndex { try store.names(matching: query) }
            let window = try store.bypassingFilterIndex { try store.names(matching: query, sort: sort, limit: 17, offset: 5) }
            for indexed in [true, false] {
                func read<T>(_ body: () throws -> T) throws -> T {
                    indexed ? try body() : try store.bypassingFilterIndex(body)
                }
                let all = try read { try store.domainSet(matching: query) }
                #expect(all.rowIDs == (try Self.rowIDs(store, names)), "'\(text)' indexed: \(indexed)")
                #expect(all.count == names.count)
                let part = try read { try store.domainSet(matching: query, sort: sort, limit: 17, offset: 5) }
                #expect(part.rowIDs == (try Self.rowIDs(store, window)), "'\(text)' window, indexed: \(indexed)")
                #expect(Set(try read { try store.names(in: all) }) == Set(names), "'\(text)' names, indexed: \(indexed)")
            }
        }
    }

    @Test("rowids by name ignore case and skip names the cache lacks; names of rowids skip rowids it lacks")
    func lookups() throws {
        let store = try FilterIndexTests.makePortfolioStore()
        for indexed in [false, true] {
            if indexed { try store.buildFilterIndexNow() }
            let found = try store.rowIDs(named: ["domain-1.net", "DOMAIN-2.org", "missing.com"])
            #expect(Set(found.keys) == ["domain-1.net", "DOMAIN-2.org"])
            let set = DomainSet(found.values).union(DomainSet([9_999_999]))
            #expect(Set(try store.names(in: set)) == ["domain-1.net", "domain-2.org"])
            #expect(try store.names(in: DomainSet()).isEmpty)
        }
    }
}
