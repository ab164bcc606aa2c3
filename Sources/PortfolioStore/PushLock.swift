import Foundation
import Synchronization

/// Who holds the push lock: the process and when it took the lock.
public struct PushLockHolder: Sendable, Hashable, CustomStringConvertible {
    /// The holder's process id.
    public var pid: Int32
    /// When it took the lock, epoch milliseconds.
    public var startedMs: Int64

    /// A holder record.
    public init(pid: Int32, startedMs: Int64) {
        self.pid = pid
        self.startedMs = startedMs
    }

    /// "process 1234, started 2026-06-15T00:00:00Z".
    public var description: String {
        "process \(pid), started \(Self.iso8601(startedMs))"
    }

    static func iso8601(_ ms: Int64) -> String { UTCDate.isoTimestamp(ms) }

    /// What the holder writes into the lock file: "<pid> <startedMs>\n".
    var fileText: String { "\(pid) \(startedMs)\n" }

    /// Reads `fileText`; nil for an empty or foreign text (a holder that
    /// has locked but not yet written, or a released lock).
    init?(fileText: String) {
        let fields = fileText.split(whereSeparator: \.isWhitespace)
        guard fields.count >= 2, let pid = Int32(fields[0]), let started = Int64(fields[1]) else { return nil }
        self.init(pid: pid, startedMs: started)
    }
}

/// Refusal to take the push lock: another push from this cache is running.
public struct PushLockError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The holder's process id; nil when it had locked but not yet
    /// recorded itself.
    public let pid: Int32?
    /// When the holder took the lock (epoch ms), if recorded.
    public let startedMs: Int64?

    /// A refusal naming `holder` (nil: not recorded yet).
    public init(holder: PushLockHolder?) {
        pid = holder?.pid
        startedMs = holder?.startedMs
    }

    public var description: String {
        // The holder is alive (the kernel drops the lock of a dead one), so
        // the only advice is to let it finish: stopping a push mid-batch
        // leaves batches whose outcome must be verified.
        let who = pid.map { pid in
            "process \(pid)" + (startedMs.map { ", started \(PushLockHolder.iso8601($0))" } ?? "")
        } ?? "a process that has not recorded its id yet"
        return "another push is running: \(who) — wait for that push to finish, then push again"
    }
}

/// The right to push from this cache. Only one holder at a time; reading
/// and queueing never need it.
///
/// On disk it is `flock(LOCK_EX)` on `<cache path>.lock`, so the kernel
/// releases it when the holder exits or is killed: a crashed push never
/// locks later ones out. The holder writes its pid and start time into the
/// file for the refusal message. An in-memory store uses an in-process
/// lock with the same behaviour. Released by `release()` or on deinit.
public final class PushLock: Sendable {
    /// This holder.
    public let holder: PushLockHolder
    private let releaseAction: Mutex<(@Sendable () -> Void)?>

    init(holder: PushLockHolder, release: @escaping @Sendable () -> Void) {
        self.holder = holder
        self.releaseAction = Mutex(release)
    }

    /// Gives the lock up (idempotent).
    public func release() {
        let action = releaseAction.withLock { action -> (@Sendable () -> Void)? in
            defer { action = nil }
            return action
        }
        action?()
    }

    deinit { release() }
}

extension PortfolioDatabase {
    /// `<cache path>.lock`, or nil for an in-memory store.
    var pushLockPath: String? { path.map { $0 + ".lock" } }

    /// Takes the push lock for this process, or throws `PushLockError`
    /// naming the running push's process and start time.
    public func acquirePushLock() throws -> PushLock {
        let me = PushLockHolder(pid: getpid(), startedMs: nowMs)
        guard let lockPath = pushLockPath else {
            try memoryPushLock.withLock { current in
                if let current { throw PushLockError(holder: current) }
                current = me
            }
            return PushLock(holder: me) { [self] in memoryPushLock.withLock { $0 = nil } }
        }
        let file = try LockFile(path: lockPath)
        // A prober (`pushLockHolder()`) may hold a shared lock for an
        // instant; a second try tells it apart from a running push.
        for attempt in 0..<3 {
            if try file.tryLock(exclusive: true) {
                try file.write(me.fileText)
                return PushLock(holder: me) {
                    // Emptied before unlocking, so a reader never takes the
                    // finished push for a running one.
                    do { try file.write("") } catch {
                        // Stale text is harmless: `pushLockHolder()` and a
                        // refused locker's retry see the lock itself is free.
                    }
                    file.close()
                }
            }
            if attempt < 2 { usleep(20_000) }
        }
        let holder = PushLockHolder(fileText: file.read())
        file.close()
        throw PushLockError(holder: holder)
    }

    /// The running push's holder, if any (for status displays and tests).
    public func pushLockHolder() throws -> PushLockHolder? {
        guard let lockPath = pushLockPath else { return memoryPushLock.withLock { $0 } }
        guard FileManager.default.fileExists(atPath: lockPath) else { return nil }
        let file = try LockFile(path: lockPath)
        defer { file.close() }
        guard let recorded = PushLockHolder(fileText: file.read()) else { return nil }
        // Text left by a holder that was killed: nobody holds the lock, so
        // a shared lock is granted (and dropped at once by `close`).
        return try file.tryLock(exclusive: false) ? nil : recorded
    }
}
