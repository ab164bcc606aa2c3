import Foundation
import SyncEngine
import TerminalUI

/// Background jobs running in Tasks while the UI stays responsive. Tasks
/// write progress and results here; the event loop reads them between keys.
/// A condition lets an idle loop (tests, headless) wait for the next change
/// instead of sleeping.
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

    private func update(_ change: (BackgroundWork) -> Void) {
        condition.lock()
        change(self)
        changes += 1
        condition.broadcast()
        condition.unlock()
    }
}
