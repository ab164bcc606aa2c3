import PortfolioStore
import SyncEngine
import TerminalUI

/// What several panes' confirmations do: queue a non-money edit on some
/// domains through the engine and say what happened.
enum EditQueueing {
    /// Queues `edit` on `names` when the dialog is confirmed; with
    /// `createFolder` the push creates the folder first (`create_folder`).
    static func confirmed(_ edit: Edit, domains names: [String], createFolder: Bool = false) -> (any PaneHost) -> Void {
        { host in
            do {
                let summary = try host.environment.engine.queue(edit, domains: names, origin: .tui, createFolder: createFolder)
                var text = "queued \(edit.field.rawValue) on \(summary.added) domain\(summary.added == 1 ? "" : "s")"
                if summary.unchanged > 0 { text += ", \(summary.unchanged) already set" }
                host.state.message = StatusMessage(text + " — 7 to review and push")
            } catch {
                host.state.message = StatusMessage(error: error)
            }
            host.refreshAll()
        }
    }
}
