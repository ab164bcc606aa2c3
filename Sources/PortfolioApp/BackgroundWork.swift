import Foundation
import SyncEngine
import TerminalUI

/// Sync and push running in Tasks while the UI stays responsive. Tasks
/// write progress and results here; the event loop reads them between keys.
/// A condition lets an idle loop (tests, headless) wait for the next change
/// instead of sleeping.
final class BackgroundWork: @unchecked Sendable {
    // @unchecked: every stored property is guarded by `condition`.
    private let condition = NSCondition()
    private var syncBar: ProgressBar?
    private var pushBar: ProgressBar?
    /// A big edit being queued (the outbox write runs off the UI thread).
    private var queueBar: ProgressBar?
    /// The domain whose record set is being fetched (`get_dns`).
    private var dnsDomain: String?
    private var finished: [Completion] = []
    private var changes = 0
    /// Pane fetches (listing prices, marketplace, order status) running.
    private var jobs = 0

    enum Completion {
        case sync(Result<PullSummary, any Error>)
        case push(Result<PushSummary, any Error>)
        /// A pane fetch ended; the string is what to tell the user.
        case job(BackgroundJob, Result<String, any Error>)
        case dns(String, Result<Void, any Error>)
        /// An edit queued in the background: what to tell the user.
        case queued(Result<String, any Error>)
    }

    struct Snapshot {
        var sync: ProgressBar?
        var push: ProgressBar?
        var queue: ProgressBar?
        var finished: [Completion]
        var changes: Int
    }

    var isRunning: Bool { condition.withLock { syncBar != nil || pushBar != nil || queueBar != nil || dnsDomain != nil || jobs > 0 } }
    /// Whether an edit is being queued in the background (one at a time, so
    /// edits reach the outbox in the order they were made).
    var isQueueing: Bool { condition.withLock { queueBar != nil } }
    /// Whether a record set fetch runs now (one at a time).
    var isFetchingDNS: Bool { condition.withLock { dnsDomain != nil } }
    /// How many pane fetches run now.
    var jobsRunning: Int { condition.withLock { jobs } }

    func beginJob() { update { $0.jobs += 1 } }

    func setSync(_ bar: ProgressBar?) { update { $0.syncBar = bar } }
    func setPush(_ bar: ProgressBar?) { update { $0.pushBar = bar } }
    func setQueue(_ bar: ProgressBar?) { update { $0.queueBar = bar } }
    func setFetchingDNS(_ domain: String?) { update { $0.dnsDomain = domain } }
    func finish(_ completion: Completion) {
        update {
            switch completion {
            case .sync: $0.syncBar = nil
            case .push: $0.pushBar = nil
            case .job: $0.jobs -= 1
            case .dns: $0.dnsDomain = nil
            case .queued: $0.queueBar = nil
            }
            $0.finished.append(completion)
        }
    }

    /// Progress now, and the completions not taken yet.
    func take() -> Snapshot {
        condition.withLock {
            let snapshot = Snapshot(sync: syncBar, push: pushBar, queue: queueBar, finished: finished, changes: changes)
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
