import GRDB

extension PortfolioDatabase {
    /// A number that changes whenever any connection commits to the cache:
    /// this store's, another store's in this process, or another process's
    /// (a CLI push, a cron sync). Cheap enough to poll several times a
    /// second; compare values only from the same store.
    ///
    /// On disk it is `PRAGMA data_version` of a connection kept for nothing
    /// else: SQLite bumps it on every commit made by any *other*
    /// connection, and every writer is another connection to this one. In
    /// memory (one private connection) it is the connection's total change
    /// count, which every write that changes a row bumps.
    public func changeGeneration() throws -> Int64 {
        if let generationMonitor { return try Self.dataVersion(generationMonitor) }
        return try writer.read { db in Int64(db.totalChangesCount) }
    }

    /// `changeGeneration()` from inside a transaction on the writer
    /// connection (`writer.read` would not be reentrant there).
    func changeGeneration(_ db: Database) throws -> Int64 {
        if let generationMonitor { return try Self.dataVersion(generationMonitor) }
        return Int64(db.totalChangesCount)
    }

    private static func dataVersion(_ monitor: DatabaseQueue) throws -> Int64 {
        try monitor.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
