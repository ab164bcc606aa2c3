import Foundation
import PortfolioStore
import Synchronization
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
        if let all = host.environment.allAccounts {
            return queueByAccount(all, edit, on: targets, maxCostCents: maxCostCents, createFolder: createFolder, host, describe: describe)
        }
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

    /// The All-accounts view's queueing: the names (read from the merged
    /// copy) go to each domain's own account, queued through that account's
    /// engine into its own outbox — the normal path, never a write through
    /// the copy. The message says what each account queued; one account
    /// refusing (an unknown folder, a renewal over its share of the total)
    /// says why and leaves the others queued. A renewal's cap is each
    /// account's share of the total the dialog showed, at the prices it
    /// showed.
    private static func queueByAccount(_ all: AllAccountsView, _ edit: Edit, on targets: QueueTargets, maxCostCents: Int64?, createFolder: Bool,
                                       _ host: any PaneHost, describe: @escaping @Sendable (QueueSummary) -> String) {
        let merged = all.store
        let hint = host.environment.actions.reviewHint
        let label = "queueing \(edit.field.rawValue) on \(targets.count) domains"
        let work: @Sendable (_ progress: (@Sendable (ProgressBar) -> Void)?) throws -> StatusMessage = { progress in
            let groups = all.split(try targets.names(in: merged))
            var parts: [String] = []
            var failed = false
            var added = 0
            for (index, group) in groups.enumerated() {
                progress?(ProgressBar(done: index, total: groups.count, label: label + " (\(group.member.name))"))
                do {
                    if !createFolder, let folder = try group.member.engine.unknownFolder(edit) {
                        parts.append("\(group.member.name): not queued, " + (try group.member.engine.unknownFolderText(folder))
                                     + " — create it from the account itself (:account \(group.member.name))")
                        failed = true
                        continue
                    }
                    var cap: Int64?
                    if maxCostCents != nil, case .renew(let years) = edit {
                        cap = try merged.domains(named: group.names).reduce(Int64(0)) { total, row in
                            total + (try merged.tldPrice(row.tld)?.renewCents ?? 0) * Int64(years)
                        }
                    }
                    let summary = try group.member.engine.queue(edit, domains: group.names, origin: .tui, maxCostCents: cap,
                                                                createFolder: createFolder)
                    added += summary.added
                    parts.append("\(group.member.name): " + describe(summary))
                } catch {
                    parts.append("\(group.member.name): not queued, " + StatusMessage(error: error).text)
                    failed = true
                }
            }
            if groups.isEmpty { return StatusMessage("no domain to queue: the rows are in no account's cache any more", isError: true) }
            return StatusMessage(parts.joined(separator: "; ") + (added > 0 ? " — " + hint : ""), isError: failed)
        }
        guard targets.count >= backgroundThreshold else {
            do {
                host.state.message = try work(nil)
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
        host.start(BackgroundJob(group: "queue", bar: (.queue, ProgressBar(done: 0, total: targets.count, label: label)),
                                 startMessage: label + "…") { _, progress in try work(progress) })
    }

    /// Reads what a confirmation about `targets` shows (their cached rows,
    /// say), then runs `then` on the UI thread with it to ask: at once for a
    /// small selection; for a big one in the background job with a progress
    /// line, so the keyboard keeps answering while the names and rows are
    /// read. The dialog `then` opens shows exactly what was read, and queues
    /// what it shows. Runs in the queueing job's group: one at a time, in
    /// order with the edits.
    static func readThenAsk<T: Sendable>(_ targets: QueueTargets, for purpose: String, _ host: any PaneHost,
                                         read: @escaping @Sendable (PortfolioDatabase, [String]) throws -> T,
                                         then: @escaping (T, any PaneHost) -> Void) {
        let store = host.environment.engine.store
        guard targets.count >= backgroundThreshold else {
            do {
                then(try read(store, try targets.names(in: store)), host)
            } catch {
                host.state.message = StatusMessage(error: error)
            }
            return
        }
        guard host.state.queueing == nil else {
            host.state.message = StatusMessage("still queueing the previous edit; try again when the progress line is gone",
                                               isError: true)
            return
        }
        let label = "reading \(targets.count) selected domains for \(purpose)"
        let carried = Carried<T>()
        var job = BackgroundJob(group: "queue", bar: (.queue, ProgressBar(done: 0, total: targets.count, label: label)),
                                startMessage: label + "…") { engine, progress in
            let names = try targets.names(in: engine.store)
            progress(ProgressBar(done: names.count / 2, total: targets.count, label: label))
            let value = try read(engine.store, names)
            carried.value.withLock { $0 = value }
            return nil
        }
        job.finished = { result, host in
            guard case .success = result, let value = carried.value.withLock({ $0 }) else {
                BackgroundJob.report(result, host)
                return
            }
            then(value, host)
        }
        host.start(job)
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

/// A value a background job hands to its ending on the UI thread.
final class Carried<T: Sendable>: Sendable {
    let value = Mutex<T?>(nil)
}
