import Foundation
import GRDB
import Synchronization

/// The dynafolio cache: one SQLite database holding everything the panes and
/// the CLI show, plus the outbox of queued edits.
///
/// Opened as a WAL `DatabasePool` on disk (readers never block the writer) or
/// as a private `DatabaseQueue` for tests. Every write runs in a
/// `BEGIN IMMEDIATE` transaction: GRDB 7 picks IMMEDIATE for every write
/// access on its own (its `defaultTransactionKind` setting is gone), so two
/// processes contend at `BEGIN` under the busy timeout instead of failing
/// later when a read transaction would be upgraded.
///
/// ```swift
/// let store = try PortfolioDatabase(path: "/home/me/.local/share/dynafolio/cache.sqlite")
/// let count = try store.count(matching: PortfolioQuery(parsing: "tld:com exp:<30d"))
/// ```
public final class PortfolioDatabase: Sendable {
    /// The GRDB writer; exposed so the sync engine can run its own
    /// transactions (for example inside `completeIntents(ids:applying:)`).
    public let writer: any DatabaseWriter
    /// The database file, or `nil` for a private in-memory database.
    public let path: String?
    /// Current time in epoch milliseconds; injectable so tests pin relative
    /// dates (`exp:<30d`) and timestamps.
    public let clock: @Sendable () -> Int64

    /// The in-memory store's push lock holder.
    let memoryPushLock = Mutex<PushLockHolder?>(nil)
    /// Keys of rows `decodeRows` could not read.
    let unreadableRows = Mutex<Set<String>>([])

    /// How long a write waits for another process's transaction to finish.
    public static let busyTimeout: TimeInterval = 5

    /// Opens (creating if needed) the cache at `path`: parent directories are
    /// created with mode 0700, the database file is restricted to 0600 (it
    /// lists the account's whole portfolio), and pending migrations run.
    public init(path: String, clock: @escaping @Sendable () -> Int64 = PortfolioDatabase.systemClock) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Create the file ourselves first so it never exists with a wider mode,
        // not even for the moment before SQLite's first write.
        if !FileManager.default.fileExists(atPath: path) {
            let fd = open(path, O_CREAT | O_RDWR, 0o600)
            if fd < 0 { throw PortfolioStoreError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            close(fd)
        }
        chmod(path, 0o600)
        let pool = try DatabasePool(path: path, configuration: Self.configuration())
        self.writer = pool
        self.path = path
        self.clock = clock
        try Migrations.migrator.migrate(pool)
        // The -wal and -shm companions hold the same data; restrict them too.
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, 0o600)
        }
    }

    /// A private in-memory database for tests and previews; each call gets a
    /// fresh, migrated, empty store.
    public init(inMemoryWithClock clock: @escaping @Sendable () -> Int64 = PortfolioDatabase.systemClock) throws {
        let queue = try DatabaseQueue(configuration: Self.configuration())
        self.writer = queue
        self.path = nil
        self.clock = clock
        try Migrations.migrator.migrate(queue)
    }

    /// Wall-clock time in epoch milliseconds.
    public static let systemClock: @Sendable () -> Int64 = {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }

    /// Current time from the injected clock, epoch milliseconds.
    public var nowMs: Int64 { clock() }

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "dynafolio.cache"
        config.prepareDatabase { db in
            // 32 MB of page cache per connection (SQLite's default is 2 MB):
            // 100k domains with their indexes are ~40 MB, and a sync or a
            // filter that misses the cache pays a system call per page.
            try db.execute(sql: "PRAGMA cache_size = -32000")
            // Statement journals in memory: every multi-row upsert of a
            // `list_domain` page keeps one, and on disk they wrote ~1.7 GB of
            // temp files for a 100k-domain first sync (17 KB per domain).
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        return config
    }

    /// Names of the migrations applied to this database, oldest first.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Migrations.migrator.appliedMigrations(db) }
    }
}

/// Errors the store raises itself (SQLite failures surface as GRDB's
/// `DatabaseError`).
public enum PortfolioStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The cache file could not be created.
    case cannotOpen(path: String, reason: String)
    /// An outbox operation named intents that are not in the state it needs.
    case intentsNotInState(ids: [Int64], expected: String)
    /// A lock file beside the cache (`.lock`) could not be used.
    case lockFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot create the cache at \(path): \(reason) — check the directory's permissions or set DYNAFOLIO_DB"
        case .intentsNotInState(let ids, let expected):
            let list = ids.prefix(10).map(String.init).joined(separator: ", ")
            return "outbox intents \(list)\(ids.count > 10 ? ", …" : "") are not \(expected) — run `dynafolio plan` to see the queue"
        case .lockFile(let path, let reason):
            return "cannot use the lock file \(path): \(reason) — check the permissions of the cache's directory, or set DYNAFOLIO_DB"
        }
    }
}

extension PortfolioDatabase {
    /// Refreshes the query planner's statistics (`ANALYZE domain`, ~50 ms
    /// for 100k domains): without them SQLite cannot tell `tld:com` (1 in
    /// 7) from `lock:no` (1 in 2) and may pick the worse index. Run after
    /// each complete domain listing.
    public func optimize() throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "ANALYZE domain")
            try db.execute(sql: "PRAGMA optimize")
        }
    }
}
