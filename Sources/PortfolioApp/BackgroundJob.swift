import Foundation
import SyncEngine
import TerminalUI

/// Work that runs off the UI thread through the sync engine (never an API
/// call from the UI) — a sync, a push, a pane's fetch. One runner starts
/// them all; the pane that asks for a job says what it does and what to do
/// when it ends.
struct BackgroundJob {
    /// Which status-bar progress a job drives.
    enum Bar: Sendable, Hashable { case sync, push, queue }

    /// Jobs of one group run one at a time: while one runs, another is not
    /// started (e.g. `get_dns`).
    var group: String?
    /// The progress bar it drives, with its first value.
    var bar: (Bar, ProgressBar)?
    /// What the footer says when it starts.
    var startMessage: String?
    /// The work; its message (if any) goes to the footer when it ends.
    var work: @Sendable (SyncEngine, _ progress: @escaping @Sendable (ProgressBar) -> Void) async throws -> StatusMessage?
    /// Runs on the UI thread when the job is started.
    var started: () -> Void = {}
    /// Runs on the UI thread when the job ends; by default it shows the
    /// message or the error and notes whether the provider answered.
    var finished: (Result<StatusMessage?, any Error>, any PaneHost) -> Void = BackgroundJob.report

    /// The usual ending: the message or the error in the footer, and the
    /// offline flag from whether the provider could be reached.
    static func report(_ result: Result<StatusMessage?, any Error>, _ host: any PaneHost) {
        switch result {
        case .success(let message):
            host.state.offline = false
            if let message { host.state.message = message }
        case .failure(let error):
            if case SyncError.offline = error { host.state.offline = true }
            host.state.message = StatusMessage(error: error)
        }
    }

    /// A pull of the whole account; the status bar shows its progress.
    static var sync: BackgroundJob {
        BackgroundJob(bar: (.sync, ProgressBar(done: 0, total: 0, label: "sync"))) { engine, progress in
            let summary = try await engine.pull(PullOptions()) { step in
                // No known total (a first sync, past the estimate): a running
                // count, never a full bar that means nothing.
                progress(ProgressBar(done: step.done, total: step.total ?? 0, label: "sync \(step.step)"))
            }
            return StatusMessage("synced \(NumberText.count(summary.domains, "domain")) (\(NumberText.grouped(summary.changed)) changed) "
                                 + "in \(NumberText.count(summary.calls, "call"))")
        }
    }
}

extension PortfolioApp {
    /// Starts `job` in a background Task; its completion is absorbed by the
    /// loop between keys. A job whose group is busy is not started.
    func start(_ job: BackgroundJob) {
        let id = nextJobID
        guard work.begin(id: id, group: job.group, bar: job.bar) else { return }
        nextJobID += 1
        jobEndings[id] = job.finished
        job.started()
        switch job.bar?.0 {
        case .sync: state.sync = job.bar?.1
        case .push: state.push = job.bar?.1
        case .queue: state.queueing = job.bar?.1
        case nil: break
        }
        if let text = job.startMessage { state.message = StatusMessage(text) }
        let work = self.work
        let engine = environment.engine
        let run = job.work
        let bar = job.bar?.0
        let before = work.beforeJob
        Task.detached {
            await before?()
            do {
                let message = try await run(engine) { progress in
                    if let bar { work.setBar(bar, progress) }
                }
                work.finish(id: id, .success(message))
            } catch {
                work.finish(id: id, .failure(error))
            }
        }
    }

    /// Records a finished job and reads the store again.
    func finish(_ completion: BackgroundWork.Completion) {
        jobEndings.removeValue(forKey: completion.id)?(completion.result, self)
        refreshAll()
    }
}
