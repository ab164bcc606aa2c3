import Foundation
import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

@Suite("Push lock")
struct PushLockTests {
    @Test("a second push is refused with the holder's pid, host and start time")
    func refusal() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let path = dir.path("cache.sqlite")
        let first = try PortfolioDatabase(path: path, clock: { testNow })
        let other = try PortfolioDatabase(path: path, clock: { testNow + 1 })
        let lock = try first.acquirePushLock()
        do {
            _ = try other.acquirePushLock()
            Issue.record("a second push lock was granted")
        } catch let error as PushLockError {
            #expect(error.holder == PushLockHolder(pid: getpid(), host: ProcessInfo.processInfo.hostName, startedMs: testNow))
            #expect(error.description.hasPrefix("another push is running: process \(getpid()) on \(ProcessInfo.processInfo.hostName) since 2026-06-15T00:00:00Z"))
        }
        #expect(try other.pushLockHolder()?.pid == getpid())
        lock.release()
        #expect(try other.pushLockHolder() == nil)
        let second = try other.acquirePushLock()
        #expect(second.holder.startedMs == testNow + 1)
    }

    @Test("releasing on deinit frees the lock")
    func releaseOnDeinit() throws {
        let store = try makeStore()
        do { _ = try store.acquirePushLock() }
        #expect(try store.pushLockHolder() == nil)
    }

    @Test("a lock left by a dead process on this host is taken over; another host's is not")
    func staleAndRemote() throws {
        let store = try makeStore()
        let host = ProcessInfo.processInfo.hostName
        // Far above Linux's pid_max, so no process has it.
        let dead = try store.acquirePushLock(holder: PushLockHolder(pid: 99_999_999, host: host, startedMs: 1))
        let taken = try store.acquirePushLock()
        #expect(taken.holder.pid == getpid())
        dead.release()
        #expect(try store.pushLockHolder()?.pid == getpid(), "the stale holder must not release the new lock")
        taken.release()

        let remote = try store.acquirePushLock(holder: PushLockHolder(pid: 1234, host: "elsewhere.example", startedMs: 5))
        #expect(throws: PushLockError.self) { _ = try store.acquirePushLock() }
        #expect(try store.breakPushLock())
        _ = remote
    }
}
