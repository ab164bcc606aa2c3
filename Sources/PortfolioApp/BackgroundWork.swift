import Foundation
import SyncEngine
import TerminalUI

/// Background jobs running in Tasks while the UI stays responsive. Tasks
/// write progress and results here; the event loop reads them between keys.
/// A condition lets an idle loop (tests, headless) wait for the next change
/// instead of sleeping; an async loop suspends until it instead of blocking
/// a thread of the cooperative pool the jobs themselves run on.
final class BackgroundWork: @unchecked Sendable {
    // @unchecked: every stored property is guarded by `condition`. It stays
    // an NSCondition, not a Mutex: `waitForChange` sleeps until a job signals,
    // and Synchronization's Mutex has no condition variable to wait on.
    private let condition = NSCondition()
    private var bars: [BackgroundJob.Bar: ProgressBar] = [:]
    /// Running jobs: id → group and bar.
    private var running: [Int: (group: String?, bar: BackgroundJob.Bar?)] = [:]
    private var finished: [Completion] = []
    private var changes = 0
    /// Suspended ``changed(after:timeout:)`` calls, by token.
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0
    /// Awaited by a job's Task before its work starts (tests hold jobs
    /// with it); nil: start at once.
    var beforeJob: (@Sendable () async -> Void)? {
        get { condition.withLock { _beforeJob } }
        set { condition.withLock { _beforeJob = newValue } }
    }
    private var _beforeJob: (@Sendable () async -> Void)?

    /// A job that ended, with what it returned.
    struct Completion {
        var id: Int
        var result: Result<StatusMessage?, any Error>
    }

    struct Snapshot {
        var sync: ProgressBar?
        var push: ProgressBar?
        var queue: ProgressBar?
        var finished: [Completion]
        var changes: Int
    }

    var isRunning: Bool { condition.withLock { !running.isEmpty } }

    /// Whether a job of `group` runs now.
    func isRunning(group: String) -> Bool { condition.withLock { running.values.contains { $0.group == group } } }

    /// Registers a job; false (and nothing registered) when one of its
    /// group runs already.
    func begin(id: Int, group: String?, bar: (BackgroundJob.Bar, ProgressBar)?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if let group, running.values.contains(where: { $0.group == group }) { return false }
        running[id] = (group, bar?.0)
        if let bar { bars[bar.0] = bar.1 }
        changes += 1
        condition.broadcast()
        resumeWaiters()
        return true
    }

    func setBar(_ bar: BackgroundJob.Bar, _ progress: ProgressBar) { update { $0.bars[bar] = progress } }

    func finish(id: Int, _ result: Result<StatusMessage?, any Error>) {
        update {
            if let bar = $0.running.removeValue(forKey: id)?.bar { $0.bars[bar] = nil }
            $0.finished.append(Completion(id: id, result: result))
        }
    }

    /// Progress now, and the completions not taken yet.
    func take() -> Snapshot {
        condition.withLock {
            let snapshot = Snapshot(sync: bars[.sync], push: bars[.push], queue: bars[.queue], finished: finished, changes: changes)
            finished = []
            return snapshot
        }
    }

    /// Waits until something changes after `seen` changes, or `timeout` passes.
    func waitForChange(after seen: Int, timeout: TimeInterval) {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while changes == seen, condition.wait(until: deadline) {}
    }

    /// Suspends until something changes after `seen` changes, or `timeout`
    /// passes, without holding a thread.
    func changed(after seen: Int, timeout: Duration) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            condition.lock()
            guard changes == seen else {
                condition.unlock()
                continuation.resume()
                return
            }
            let token = nextWaiter
            nextWaiter += 1
            waiters[token] = continuation
            condition.unlock()
            Task { [weak self] in
                try? await Task.sleep(for: timeout)
                self?.resumeWaiter(token)
            }
        }
    }

    private func resumeWaiter(_ token: Int) {
        let waiter = condition.withLock { waiters.removeValue(forKey: token) }
        waiter?.resume()
    }

    /// Resumes every suspended waiter; called with the lock held (resuming
    /// only schedules the waiting task).
    private func resumeWaiters() {
        let all = waiters.values
        waiters = [:]
        for waiter in all { waiter.resume() }
    }

    private func update(_ change: (BackgroundWork) -> Void) {
        condition.lock()
        change(self)
        changes += 1
        condition.broadcast()
        resumeWaiters()
        condition.unlock()
    }
}
