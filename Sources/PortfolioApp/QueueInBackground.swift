import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

extension PortfolioApp {
    /// Selections at least this big are queued in a background Task with a
    /// progress line; smaller ones are queued at once (a few milliseconds).
    public static let backgroundQueueThreshold = 2000

    /// Queues `edit` on `names` through the engine and says what happened
    /// (`describe` words the summary). A big selection is queued off the UI
    /// thread: the keyboard keeps answering and a progress line shows; one
    /// such edit runs at a time, so edits reach the outbox in the order made.
    func queueEdit(_ edit: Edit, on names: [String], maxCostCents: Int64? = nil, createFolder: Bool = false,
                   describe: @escaping @Sendable (QueueSummary) -> String) {
        if work.isQueueing {
            state.message = StatusMessage("still queueing the previous edit; try again when the progress line is gone",
                                          isError: true)
            return
        }
        let engine = environment.engine
        guard names.count >= Self.backgroundQueueThreshold else {
            do {
                let summary = try engine.queue(edit, domains: names, origin: .tui, maxCostCents: maxCostCents,
                                               createFolder: createFolder)
                state.message = StatusMessage(describe(summary))
            } catch {
                state.message = StatusMessage(error: error)
            }
            refreshAll()
            return
        }
        let work = self.work
        let label = "queueing \(edit.field.rawValue) on \(names.count) domains"
        let bar = ProgressBar(done: 0, total: names.count, label: label)
        work.setQueue(bar)
        state.queueing = bar
        state.message = StatusMessage(label + "…")
        Task.detached {
            do {
                let summary = try engine.queue(edit, domains: names, origin: .tui, maxCostCents: maxCostCents,
                                               createFolder: createFolder) { done, total in
                    work.setQueue(ProgressBar(done: done, total: total, label: label))
                }
                work.finish(.queued(.success(describe(summary))))
            } catch {
                work.finish(.queued(.failure(error)))
            }
        }
    }
}
