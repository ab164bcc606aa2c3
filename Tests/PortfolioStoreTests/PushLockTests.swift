import ChildProcess
import Foundation
import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

@Suite("Push lock")
struct PushLockTests {
    @Test("a second acquire in this process is refused, naming the holder's pid and start time")
    func refusal() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("cache.sqlite")
        let first = try PortfolioDatabase(path: path, clock: { testNow })
        let other = try PortfolioDatabase(path: path, clock: { testNow + 1 })
        let lock = try first.acquirePushLock()
        for store in [first, other] {
            do {
                _ = try store.acquirePushLock()
                Issue.record("a second push lock was granted")
            } catch let error as PushLockError {
                #expect(error.pid == getpid())
                #expect(error.startedMs == testNow)
                #expect(error.description.contains("process \(getpid()), started 2026-06-15T00:00:00Z"))
                #expect(error.description.contains("wait for that push to finish"))
                #expect(!error.description.contains("stop"))
            }
        }
        #expect(try other.pushLockHolder() == PushLockHolder(pid: getpid(), startedMs: testNow))
        lock.release()
        #expect(try other.pushLockHolder() == nil)
        let second = try other.acquirePushLock()
        #expect(second.holder.startedMs == testNow + 1)
    }

    @Test("the lock file is created beside the cache with mode 0600")
    func lockFileMode() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let store = try PortfolioDatabase(path: dir.path("cache.sqlite"))
        let lock = try store.acquirePushLock()
        defer { lock.release() }
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.path("cache.sqlite.lock"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("releasing on deinit frees the lock, on disk and in memory")
    func releaseOnDeinit() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        for store in [try makeStore(), try PortfolioDatabase(path: dir.path("cache.sqlite"))] {
            do { _ = try store.acquirePushLock() }
            #expect(try store.pushLockHolder() == nil)
            let again = try store.acquirePushLock()
            #expect(throws: PushLockError.self) { _ = try store.acquirePushLock() }
            again.release()
            again.release()
            #expect(try store.pushLockHolder() == nil)
        }
    }

    @Test("a lock file naming pid 1 that nobody holds does not block")
    func staleFileDoesNotBlock() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let store = try PortfolioDatabase(path: dir.path("cache.sqlite"))
        try "1 1000\n".write(toFile: dir.path("cache.sqlite.lock"), atomically: false, encoding: .utf8)
        #expect(try store.pushLockHolder() == nil)
        let lock = try store.acquirePushLock()
        #expect(lock.holder.pid == getpid())
        #expect(try store.pushLockHolder()?.pid == getpid())
    }

    @Test("a lock held by a process killed with SIGKILL is free afterwards")
    func killedHolderReleases() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("cache.sqlite")
        let store = try PortfolioDatabase(path: path)
        // A stand-in for another dynafolio's push: it locks the file as the
        // store does, records itself, says so, and waits to be killed.
        let holder = try ChildProcess("/usr/bin/env", ["python3", "-c", """
            import fcntl, os, sys, time
            fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX)
            os.ftruncate(fd, 0)
            os.pwrite(fd, ("%d 1781481600000\\n" % os.getpid()).encode(), 0)
            print("locked", flush=True)
            time.sleep(600)
            """, path + ".lock"], output: .pipe)
        defer { holder.stop(grace: 0) }
        // Blocks until the holder has the lock: no sleeping, no timing.
        let output = try #require(holder.output)
        let line = String(decoding: output.availableData, as: UTF8.self)
        try #require(line.hasPrefix("locked"), "the holder did not start: \(line)")

        do {
            _ = try store.acquirePushLock()
            Issue.record("the lock of a live holder was granted")
        } catch let error as PushLockError {
            #expect(error.pid == holder.processIdentifier)
            #expect(error.description.contains("process \(holder.processIdentifier), started 2026-06-15T00:00:00Z"))
        }
        #expect(try store.pushLockHolder()?.pid == holder.processIdentifier)

        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        #expect(try store.pushLockHolder() == nil, "the dead holder's text must not count")
        let lock = try store.acquirePushLock()
        #expect(lock.holder.pid == getpid())
    }
}
