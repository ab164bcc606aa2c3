import PortfolioStore

/// The selected domains: names picked one at a time (any pane), plus a set
/// of cached domains by rowid that select-all, invert and range selection
/// build without a string per domain (a million domains are 8 MB, and `*`
/// is one pass over the filter index). Both are snapshots: a later filter
/// or sync does not change what is selected. A domain is in at most one of
/// the two, so the count is their sum. Names are read back only where an
/// action needs them (``names(in:)``), for big selections off the UI thread.
public struct Selection: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// Chosen by name (kept as typed: the panes' names are the cache's).
    public private(set) var names: Set<String> = []
    /// Chosen in bulk, by rowid; none of these is also in `names`.
    public private(set) var domains = DomainSet()

    public init() {}

    public init(_ names: Set<String>) { self.names = names }

    public init(arrayLiteral names: String...) { self.names = Set(names) }

    public var count: Int { names.count + domains.count }
    public var isEmpty: Bool { names.isEmpty && domains.isEmpty }

    /// Which of `shown` (names on screen) are selected; rowids are looked up
    /// only when some domains are chosen in bulk.
    public func selected(among shown: [String], in store: PortfolioDatabase) throws -> Set<String> {
        var found = Set(shown.filter { names.contains($0) })
        guard !domains.isEmpty else { return found }
        for (name, rowID) in try store.rowIDs(named: shown.filter { !found.contains($0) }) where domains.contains(rowID) {
            found.insert(name)
        }
        return found
    }

    /// Selects `name` when it is not selected, else unselects it.
    public mutating func toggle(_ name: String, in store: PortfolioDatabase) throws {
        if names.remove(name) != nil { return }
        if !domains.isEmpty, let rowID = try store.rowIDs(named: [name])[name], domains.contains(rowID) {
            domains.remove(rowID)
            return
        }
        names.insert(name)
    }

    /// Adds the domains of `set`.
    public mutating func formUnion(_ set: DomainSet, in store: PortfolioDatabase) throws {
        try foldNames(in: store)
        domains = domains.union(set)
    }

    /// Selects what of `set` was not selected and unselects the rest of it.
    public mutating func formSymmetricDifference(_ set: DomainSet, in store: PortfolioDatabase) throws {
        try foldNames(in: store)
        domains = domains.symmetricDifference(set)
    }

    /// Every selected name, unordered (one read of the bulk part's names).
    public func names(in store: PortfolioDatabase) throws -> Set<String> {
        guard !domains.isEmpty else { return names }
        return names.union(try store.names(in: domains))
    }

    /// Every selected name in order: what an action applies to.
    public func sortedNames(in store: PortfolioDatabase) throws -> [String] {
        try names(in: store).sorted()
    }

    /// Moves the chosen names that are cached domains into the bulk part,
    /// so a set operation on rowids sees them (names the cache lacks stay).
    private mutating func foldNames(in store: PortfolioDatabase) throws {
        guard !names.isEmpty else { return }
        let found = try store.rowIDs(named: Array(names))
        guard !found.isEmpty else { return }
        domains = domains.union(DomainSet(found.values))
        names.subtract(found.keys)
    }
}
