import Foundation
import GRDB

/// Who holds the push lock.
public struct PushLockHolder: Sendable, Hashable, CustomStringConvertible {
    public var pid: Int32
    public var host: String
    public var startedMs: Int64

    public init(pid: Int32, host: String, startedMs: Int64) {
        self.pid = pid
        self.host = host
        self.startedMs = startedMs
    }

    /// This process, now.
    public static func current(startedMs: Int64) -> PushLockHolder {
        PushLockHolder(pid: getpid(), host: ProcessInfo.processInfo.hostName, startedMs: startedMs)
    }

    public var description: String {
        let since = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(startedMs) / 1000))
        return "process \(pid) on \(host) since \(since)"
    }
}

/// Refusal to take the push lock.
public struct PushLockError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The process that holds it.
    public let holder: PushLockHolder
    /// True when the holder runs on another host, so its liveness could not
    /// be checked.
    public let otherHost: Bool

    public var description: String {
        let hint = otherHost
            ? "wait for it to finish (it runs on another host, so whether it is still alive cannot be checked from here)"
            : "wait for it to finish, or stop it"
        return "another push is running: \(holder) — \(hint)"
    }
}

/// The right to push from this cache. Only one process at a time holds it;
/// reading and queueing never need it. Released by `release()` or when the
/// value is deinitialised; a holder that died is detected (`kill(pid, 0)`
/// on the same host) and its lock taken over.
public final class PushLock: Sendable {
    /// The holder recorded in the cache.
    public let holder: PushLockHolder
    private let store: PortfolioDatabase
    private let token: String

    init(store: PortfolioDatabase, holder: PushLockHolder, token: String) {
        self.store = store
        self.holder = holder
        self.token = token
    }

    /// Gives the lock up (idempotent).
    public func release() {
        // Only our own row is deleted: a stale lock taken over by someone
        // else must not be released by us.
        _ = try? store.writer.write { db in
            try db.execute(sql: "DELETE FROM push_lock WHERE token = ?", arguments: [token])
        }
    }

    deinit { release() }
}

extension PortfolioDatabase {
    /// Takes the push lock for `holder` (default: this process), or throws
    /// `PushLockError` naming the live holder. A lock left by a dead process
    /// on this host is taken over.
    public func acquirePushLock(holder: PushLockHolder? = nil) throws -> PushLock {
        let me = holder ?? .current(startedMs: nowMs)
        let token = UUID().uuidString
        try writer.write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT pid, host, started_ms FROM push_lock WHERE id = 1") {
                let current = PushLockHolder(pid: row[0], host: row[1], startedMs: row[2])
                let sameHost = current.host == ProcessInfo.processInfo.hostName
                if !sameHost || Self.processIsAlive(current.pid) {
                    throw PushLockError(holder: current, otherHost: !sameHost)
                }
            }
            try db.execute(sql: """
                INSERT OR REPLACE INTO push_lock (id, pid, host, started_ms, token) VALUES (1, ?, ?, ?, ?)
                """, arguments: [me.pid, me.host, me.startedMs, token])
        }
        return PushLock(store: self, holder: me, token: token)
    }

    /// The current holder, if any (for status displays).
    public func pushLockHolder() throws -> PushLockHolder? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT pid, host, started_ms FROM push_lock WHERE id = 1").map {
                PushLockHolder(pid: $0[0], host: $0[1], startedMs: $0[2])
            }
        }
    }

    /// Removes the lock whoever holds it: for a holder on another host that
    /// is known to be gone. Returns whether there was one.
    @discardableResult
    public func breakPushLock() throws -> Bool {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM push_lock")
            return db.changesCount > 0
        }
    }

    /// `kill(pid, 0)` succeeds or fails with EPERM for a live process.
    static func processIsAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
