import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// The domains an edit is queued on: names, or a selection whose names are
/// read only when the edit is queued (off the UI thread when it is big).
enum QueueTargets: Sendable {
    case names([String])
    case selection(Selection)

    var count: Int {
        switch self {
        case .names(let names): names.count
        case .selection(let selection): selection.count
        }
    }

    var isEmpty: Bool { count == 0 }

    /// The names, in order.
    func names(in store: PortfolioDatabase) throws -> [String] {
        switch self {
        case .names(let names): names
        case .selection(let selection): try selection.sortedNames(in: store)
        }
    }
}

extension EditQueueing {
    /// Selections at least this big are queued in a background job with a
    /// progress line; smaller ones are queued at once (a few milliseconds).
    static let backgroundThreshold = 2000

    /// Queues `edit` on `names` through the engine and says what happened
    /// (`describe` words the summary; the key that opens the Queue follows). A big selection is queued off the UI
    /// thread: the keyboard keeps answering and a progress line shows; one
    /// such edit runs at a time, so edits reach the outbox in the order made.
    static func queue(_ edit: Edit, on names: [String], maxCostCents: Int64? = nil, createFolder: Bool = false,
                      _ host: any PaneHost, describe: @escaping @Sendable (QueueSummary) -> String) {
        queue(edit, on: .names(names), maxCostCents: maxCostCents, createFolder: createFolder, host, describe: describe)
    }

    /// Queues `edit` on `targets`; a selection's names are read in the
    /// background job when it is big.
    static func queue(_ edit: Edit, on targets: QueueTargets, maxCostCents: Int64? = nil, createFolder: Bool = false,
                      _ host: any PaneHost, describe: @escaping @Sendable (QueueSummary) -> String) {
        let engine = host.environment.engine
        let hint = host.environment.actions.reviewHint
        let describe: @Sendable (QueueSummary) -> String = { summary in
            let text = describe(summary)
            return summary.added > 0 ? text + " — " + hint : text
        }
        guard targets.count >= backgroundThreshold else {
            do {
                let names = try targets.names(in: engine.store)
                let summary = try engine.queue(edit, domains: names, origin: .tui, maxCostCents: maxCostCents,
                                               createFolder: createFolder)
                host.state.message = StatusMessage(describe(summary))
            } catch {
                host.state.message = StatusMessage(error: error)
            }
            host.refreshAll()
            return
        }
        guard host.state.queueing == nil else {
            host.state.message = StatusMessage("still queueing the previous edit; try again when the progress line is gone",
                                               isError: true)
            return
        }
        let label = "queueing \(edit.field.rawValue) on \(targets.count) domains"
        host.start(BackgroundJob(group: "queue", bar: (.queue, ProgressBar(done: 0, total: targets.count, label: label)),
                                 startMessage: label + "…") { engine, progress in
            let names = try targets.names(in: engine.store)
            let summary = try engine.queue(edit, domains: names, origin: .tui, maxCostCents: maxCostCents,
                                           createFolder: createFolder) { done, total in
                progress(ProgressBar(done: done, total: total, label: label))
            }
            return StatusMessage(describe(summary))
        })
    }

    /// The usual words for a queued edit.
    static func describe(_ field: String) -> @Sendable (QueueSummary) -> String {
        { summary in
            var parts = ["queued \(field) on \(summary.added) domain\(summary.added == 1 ? "" : "s")"]
            if summary.unchanged > 0 { parts.append("\(summary.unchanged) already set") }
            if summary.cancelled > 0 { parts.append("\(summary.cancelled) set back (dropped)") }
            if summary.superseded > 0 { parts.append("\(summary.superseded) replaced") }
            return parts.joined(separator: ", ")
        }
    }
}
