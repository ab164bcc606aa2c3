@_spi(OutboxWriter) import PortfolioStore

/// The user's own actions on the queue. The engine is the only writer of
/// the outbox: the TUI and the CLI come here for every change to it.
extension SyncEngine {
    /// Cancels every queued, failed or conflicting change; in-flight ones
    /// stay for verification and are counted in the result.
    @discardableResult
    public func dropAll() throws -> DropResult {
        try erasingUnawaitedAuthCodes { try store.dropAll() }
    }

    /// Cancels the open changes of these domains, of one field when given
    /// (the DNS pane's `u` drops the queued record set and nothing else).
    @discardableResult
    public func drop(domains: [String], field: IntentField? = nil) throws -> DropResult {
        try erasingUnawaitedAuthCodes { try store.drop(domains: domains, field: field?.rawValue) }
    }

    /// Puts every failed change back in the queue; returns how many.
    @discardableResult
    public func retryFailed() throws -> Int {
        try store.retryFailed()
    }

    /// Settles conflicts (of these domains, or all): keep Dynadot's value, or
    /// queue the user's value again over it. Returns how many were settled.
    @discardableResult
    public func resolveConflicts(domains: [String]? = nil, keepRemote: Bool) throws -> Int {
        var conflicts = try store.intents(in: [.conflict])
        if let domains {
            let names = Set(domains.map { $0.lowercased() })
            conflicts = conflicts.filter { names.contains($0.domain) }
        }
        guard !conflicts.isEmpty else { return 0 }
        try erasingUnawaitedAuthCodes { try store.resolveConflict(ids: conflicts.map(\.id), keepRemote: keepRemote) }
        return conflicts.count
    }

    /// Settles one conflict by intent id.
    public func resolveConflict(id: Int64, keepRemote: Bool) throws {
        try erasingUnawaitedAuthCodes { try store.resolveConflict(ids: [id], keepRemote: keepRemote) }
    }
}
