import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small file beside the cache, opened only to hold flock(2) locks and a
/// line of text (who holds the push lock, whether the last session closed).
///
/// flock locks belong to the open file description, not the process: two
/// `LockFile`s on one path conflict even within one process (two stores,
/// or the same store asked twice), and the kernel drops a lock when the
/// last descriptor closes — also when the holder is killed, whatever its
/// pid or host name, which a pid written in a table cannot tell.
final class LockFile: Sendable {
    let path: String
    /// The descriptor, or -1 once closed.
    private let descriptor: Mutex<Int32>

    /// Opens (creating with mode 0600) the file at `path`. `O_CLOEXEC`: a
    /// child process (a pager, `python3` in a test) must not inherit the
    /// descriptor and with it the lock.
    init(path: String) throws {
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw PortfolioStoreError.lockFile(path: path, reason: String(cString: strerror(errno)))
        }
        // An existing file may have been created with a wider mode.
        _ = fchmod(fd, 0o600)
        self.path = path
        self.descriptor = Mutex(fd)
    }

    deinit { close() }

    /// Takes the lock without waiting; false when another description holds
    /// a conflicting one.
    func tryLock(exclusive: Bool) throws -> Bool {
        try descriptor.withLock { fd in
            guard fd >= 0 else { throw PortfolioStoreError.lockFile(path: path, reason: "the lock file was closed") }
            while true {
                if flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 { return true }
                if errno == EINTR { continue }
                if errno == EWOULDBLOCK { return false }
                throw PortfolioStoreError.lockFile(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Takes a shared lock, waiting up to `timeout` seconds for an
    /// exclusive holder to let go; false when it did not.
    func lockShared(timeout: TimeInterval) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try tryLock(exclusive: false) { return true }
            if Date() >= deadline { return false }
            usleep(10_000)
        }
    }

    /// Converts a held exclusive lock to a shared one, waiting if needed.
    func downgradeToShared() throws {
        try descriptor.withLock { fd in
            guard fd >= 0 else { throw PortfolioStoreError.lockFile(path: path, reason: "the lock file was closed") }
            while flock(fd, LOCK_SH) != 0 {
                if errno != EINTR { throw PortfolioStoreError.lockFile(path: path, reason: String(cString: strerror(errno))) }
            }
        }
    }

    /// The file's text (at most 4 KB: it only ever holds a line).
    func read() -> String {
        descriptor.withLock { fd in
            guard fd >= 0 else { return "" }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
            return count > 0 ? String(decoding: buffer.prefix(count), as: UTF8.self) : ""
        }
    }

    /// Replaces the file's text.
    func write(_ text: String) throws {
        try descriptor.withLock { fd in
            guard fd >= 0 else { throw PortfolioStoreError.lockFile(path: path, reason: "the lock file was closed") }
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            guard written == bytes.count, ftruncate(fd, off_t(bytes.count)) == 0 else {
                throw PortfolioStoreError.lockFile(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Closes the descriptor, which releases any lock it holds (idempotent).
    func close() {
        descriptor.withLock { fd in
            if fd >= 0 { closeDescriptor(fd) }
            fd = -1
        }
    }
}

/// `close(2)`, out of reach of `LockFile.close()`'s name.
private func closeDescriptor(_ fd: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(fd)
    #else
    _ = Darwin.close(fd)
    #endif
}
