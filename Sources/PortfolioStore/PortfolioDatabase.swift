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
/// Beside `cache.sqlite` live `cache.sqlite.lock` (the push lock) and
/// `cache.sqlite.session` (unclean-shutdown detection), both mode 0600.
/// Call `close()` when done with the store.
///
/// ```swift
/// let store = try PortfolioDatabase(path: "/home/me/.local/share/dynafolio/cache.sqlite")
/// let count = try store.count(matching: PortfolioQuery(parsing: "tld:com exp:<30d"))
/// ```
public final class PortfolioDatabase: Sendable {
    /// The GRDB writer: the store's implementation detail, never public.
    let writer: any DatabaseWriter
    /// The database file, or `nil` for a private in-memory database.
    public let path: String?
    /// Current time in epoch milliseconds; injectable so tests pin relative
    /// dates (`exp:<30d`) and timestamps.
    public let clock: @Sendable () -> Int64
    /// Why the cache is open read-only, or nil when it is writable: a newer
    /// dynafolio wrote it (see `PortfolioStoreError.newerCache`). Every
    /// write then throws; reading works.
    public let readOnlyReason: String?
    /// What opening found and did that the user must be told (a damaged
    /// cache moved aside, with what its outbox held), in order. Empty on
    /// an ordinary open.
    public let openingNotes: [String]

    /// Set when a newer dynafolio wrote the cache: writes throw this.
    let newerCache: PortfolioStoreError?
    /// The unclean-shutdown marker this store holds open (nil in memory).
    let session: CacheSession?
    /// A connection that only reads `PRAGMA data_version` (nil in memory).
    let generationMonitor: DatabaseQueue?
    /// The in-memory store's push lock holder.
    let memoryPushLock = Mutex<PushLockHolder?>(nil)
    /// The in-memory filter index (off until `startFilterIndex()`).
    let filterIndex = FilterIndex()
    /// Keys of rows `decodeRows` could not read.
    let unreadableRows = Mutex<Set<String>>([])

    /// How long a write waits for another process's transaction to finish.
    public static let busyTimeout: TimeInterval = 5

    /// Opens (creating if needed) the cache at `path`: parent directories are
    /// created with mode 0700, the database file is restricted to 0600 (it
    /// lists the account's whole portfolio), and pending migrations run.
    ///
    /// A cache that is not a valid database (empty, "not a database",
    /// corrupt, or failing `PRAGMA quick_check` after a process died with
    /// it open) is moved aside as `<path>.damaged-<time>` and a fresh one
    /// created; `openingNotes` says so. A cache written by a newer
    /// dynafolio is opened read-only (`readOnlyReason`).
    public init(path: String, clock: @escaping @Sendable () -> Int64 = PortfolioDatabase.systemClock) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // A cache this user may not write (a read-only file or directory)
        // opens read-only: reading works, every write says why it cannot.
        if let readOnly = Self.readOnlyCause(path: path, directory: directory) {
            let opened = try CacheOpener.openReadOnly(path: path)
            self.writer = opened
            self.path = path
            self.clock = clock
            self.newerCache = readOnly
            self.readOnlyReason = readOnly.description
            self.openingNotes = []
            // The session marker is left alone: it may not be writable.
            self.session = nil
            // Without it, other processes' changes are not noticed live.
            self.generationMonitor = try? DatabaseQueue(path: path, configuration: Self.configuration(readonly: true))
            return
        }
        // The session lock first: an opener that is alone may move a
        // damaged file aside, which it must not do under another process.
        let session = try CacheSession(cachePath: path)
        let opened = try CacheOpener.open(path: path, session: session, nowMs: clock())
        self.writer = opened.writer
        self.path = path
        self.clock = clock
        self.newerCache = opened.newer
        self.readOnlyReason = opened.newer?.description
        self.openingNotes = opened.notes
        self.session = session
        try session.markOpen()
        // The -wal and -shm companions hold the same data; restrict them too.
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            chmod(path + suffix, 0o600)
        }
        self.generationMonitor = try DatabaseQueue(path: path, configuration: Self.configuration(readonly: true))
    }

    /// A private in-memory database for tests and previews; each call gets a
    /// fresh, migrated, empty store.
    public init(inMemoryWithClock clock: @escaping @Sendable () -> Int64 = PortfolioDatabase.systemClock) throws {
        let queue = try DatabaseQueue(configuration: Self.configuration())
        self.writer = queue
        self.path = nil
        self.clock = clock
        self.readOnlyReason = nil
        self.openingNotes = []
        self.newerCache = nil
        self.session = nil
        self.generationMonitor = nil
        try CacheOpener.migrate(queue)
    }

    /// `.readOnlyCache` when the cache file exists but this process may not
    /// write it or its directory (SQLite needs both); nil otherwise.
    static func readOnlyCause(path: String, directory: String) -> PortfolioStoreError? {
        guard access(path, F_OK) == 0 else { return nil }
        if access(path, W_OK) != 0 {
            return .readOnlyCache(path: path, reason: errno == EROFS ? "it is on a read-only file system" : "the file is read-only")
        }
        if access(directory, W_OK) != 0 {
            return .readOnlyCache(path: path, reason: errno == EROFS ? "it is on a read-only file system" : "its directory is read-only")
        }
        return nil
    }

    /// Wall-clock time in epoch milliseconds.
    public static let systemClock: @Sendable () -> Int64 = {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }

    /// Current time from the injected clock, epoch milliseconds.
    public var nowMs: Int64 { clock() }

    static func configuration(readonly: Bool = false) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
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

    /// Every write of the store goes through here: it refuses a cache a
    /// newer dynafolio wrote (whose schema this build may corrupt) before
    /// SQLite is asked.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if let newerCache { throw newerCache }
        return try writer.write(body)
    }

    /// Names of the migrations applied to this database, oldest first.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Migrations.migrator.appliedMigrations(db) }
    }

    /// Ends this process's use of the cache: when no other process has it
    /// open, records that it was closed cleanly, so the next open skips the
    /// integrity check. Call once, when done (the CLI does at exit); a
    /// store that is never closed is checked at the next open. Idempotent.
    public func close() throws {
        try session?.close()
    }
}

/// Errors the store raises itself (SQLite failures surface as GRDB's
/// `DatabaseError`). Each message says what the user can do.
public enum PortfolioStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The cache file could not be created.
    case cannotOpen(path: String, reason: String)
    /// An outbox operation named intents that are not in the state it needs.
    case intentsNotInState(ids: [Int64], expected: String)
    /// A write to a cache written by a newer dynafolio: `found` is the
    /// file's schema version, `supported` this build's.
    case newerCache(found: Int, supported: Int)
    /// The cache is not a valid database, and it could not be moved aside
    /// (other processes have it open, or the move failed).
    case damagedCache(path: String, reason: String, advice: String)
    /// A lock file beside the cache (`.lock`, `.session`) could not be used.
    case lockFile(path: String, reason: String)
    /// The cache file or its directory is not writable: it is open
    /// read-only, and writes throw this.
    case readOnlyCache(path: String, reason: String)
    /// Another process kept the cache's session lock exclusively (it checks
    /// or upgrades the cache) for longer than an opener waits.
    case cacheBusy(path: String)
    /// The All-accounts view could not read an account's cache.
    case unreadableAccountCache(account: String, path: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot create the cache at \(path): \(reason) — \(Self.advice(forSystemReason: reason))"
        case .intentsNotInState(let ids, let expected):
            let list = ids.prefix(10).map(String.init).joined(separator: ", ")
            return "outbox intents \(list)\(ids.count > 10 ? ", …" : "") are not \(expected) — run `dynafolio plan` to see the queue"
        case .newerCache(let found, let supported):
            return "this cache was written by a newer dynafolio (schema version \(found); this build supports \(supported)),"
                + " so it is open read-only — upgrade dynafolio, or point DYNAFOLIO_DB at another cache file"
        case .readOnlyCache(let path, let reason):
            return "the cache at \(path) is open read-only because \(reason): listing and showing work, but nothing can be queued,"
                + " synced or pushed — make it writable (chmod 600 the file, chmod 700 its directory) or set DYNAFOLIO_DB to a writable cache"
        case .damagedCache(let path, let reason, let advice):
            return "the cache at \(path) is damaged (\(reason)) — \(advice)"
        case .lockFile(let path, let reason):
            return "cannot use the lock file \(path): \(reason) — check the permissions of the cache's directory, or set DYNAFOLIO_DB"
        case .cacheBusy(let path):
            return "another dynafolio has been checking or upgrading the cache at \(path) for over a minute"
                + " — wait for it to finish, then try again"
        case .unreadableAccountCache(let account, let path):
            return "the cache of the account \(account) (\(path)) cannot be read for the All-accounts view"
                + " — open the account alone (:account \(account)) or run `dynafolio sync --account \(account)`"
        }
    }
}

extension PortfolioStoreError {
    /// What to do about a system error text (`strerror`) met at the cache.
    static func advice(forSystemReason reason: String) -> String {
        let lowered = reason.lowercased()
        if lowered.contains("no space") || lowered.contains("disk is full") || lowered.contains("quota") {
            return "the disk is full: free some space there, or set DYNAFOLIO_DB to a cache on another disk"
        }
        if lowered.contains("read-only file system") {
            return "that file system is mounted read-only: set DYNAFOLIO_DB to a writable place"
        }
        if lowered.contains("is a directory") {
            return "that path is a directory: set DYNAFOLIO_DB to a file path"
        }
        return "check the directory's permissions or set DYNAFOLIO_DB"
    }

    /// A message for an error a store call threw, for people: SQLite's
    /// failures (GRDB's `DatabaseError`, whose own text quotes the SQL
    /// statement) become the cause in plain words, with no SQL. Nil for
    /// errors that are not SQLite's.
    public static func userMessage(for error: Error) -> String? {
        guard let error = error as? DatabaseError else { return nil }
        let sqlite = error.message ?? "error \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_FULL:
            return "the disk holding the cache is full (SQLite: \(sqlite)) — free some space, or set DYNAFOLIO_DB to a cache on another disk"
        case .SQLITE_READONLY:
            return "the cache is read-only (SQLite: \(sqlite)) — make the file and its directory writable, or set DYNAFOLIO_DB to a writable cache"
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return "the cache cannot be opened (SQLite: \(sqlite)) — check the permissions of the file and its directory, or set DYNAFOLIO_DB"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "the cache stayed busy: another dynafolio is writing it (SQLite: \(sqlite)) — try again when it is done"
        case .SQLITE_IOERR:
            return "reading or writing the cache failed (SQLite: \(sqlite)) — check the disk (space, errors), or set DYNAFOLIO_DB"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return "the cache is damaged (SQLite: \(sqlite)) — quit every dynafolio and run it again: it moves the damaged file aside"
        default:
            return "the cache refused the request (SQLite: \(sqlite)); if the query is very long or complex, simplify it"
        }
    }
}

extension PortfolioDatabase {
    /// Refreshes the query planner's statistics (`ANALYZE domain`, ~50 ms
    /// for 100k domains): without them SQLite cannot tell `tld:com` (1 in
    /// 7) from `lock:no` (1 in 2) and may pick the worse index. Run after
    /// each complete domain listing.
    public func optimize() throws {
        if let newerCache { throw newerCache }
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "ANALYZE domain")
            try db.execute(sql: "PRAGMA optimize")
        }
    }
}
