import Foundation
import Synchronization

/// Unclean-shutdown detection through `<cache path>.session`.
///
/// Every process with the cache open holds a shared flock on the file, so
/// an opener that gets the *exclusive* lock knows it is alone. The file
/// says `dirty` while the cache is open and `clean` once its last user
/// closed it: an opener that is alone and reads `dirty` follows a process
/// that died with the cache open, and checks the cache before using it.
///
/// flock cannot convert a lock atomically (Linux drops the old one first),
/// so two processes opening or closing at the same instant may both think
/// they are alone. The cost is at worst an extra check, or a missed one
/// after a crash in that instant; never a refused open.
final class CacheSession: Sendable {
    /// Whether this opener was alone (it may check and move the cache).
    let exclusive: Bool
    /// The previous user died without closing (read when `exclusive`).
    let previousWasDirty: Bool
    private let file: LockFile
    private let closed = Mutex(false)
    /// An integrity check failed: the next lone opener must check again.
    private let damaged = Mutex(false)

    /// How long an opener waits for another process to finish checking or
    /// upgrading the cache (it holds the exclusive lock meanwhile).
    static let waitForOpener: TimeInterval = 60

    /// Takes the exclusive lock if nobody has the cache open, else a shared
    /// one.
    init(cachePath: String) throws {
        let file = try LockFile(path: cachePath + ".session")
        self.file = file
        if try file.tryLock(exclusive: true) {
            exclusive = true
            previousWasDirty = file.read().hasPrefix("dirty")
        } else {
            guard try file.lockShared(timeout: Self.waitForOpener) else {
                throw PortfolioStoreError.cacheBusy(path: cachePath)
            }
            exclusive = false
            previousWasDirty = false
        }
    }

    /// Marks the cache in use and keeps only a shared lock, so that later
    /// openers share it. Also a shared opener writes `dirty`: a closer
    /// that thought itself the last may have just written `clean`.
    func markOpen() throws {
        try file.write("dirty\n")
        // The conversion may wait, but only for another opener's or
        // closer's momentary exclusive attempt.
        if exclusive { try file.downgradeToShared() }
    }

    /// Leaves the marker `dirty` at close, so the next opener that is
    /// alone checks the cache (and moves it aside if it is damaged).
    func keepDirty() {
        damaged.withLock { $0 = true }
    }

    /// Records a clean close when this is the last process with the cache
    /// open, then lets go (idempotent).
    func close() throws {
        let first = closed.withLock { wasClosed -> Bool in
            defer { wasClosed = true }
            return !wasClosed
        }
        guard first else { return }
        defer { file.close() }
        if !damaged.withLock({ $0 }), try file.tryLock(exclusive: true) {
            try file.write("clean\n")
        }
    }
}
