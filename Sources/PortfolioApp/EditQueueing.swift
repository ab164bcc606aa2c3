import PortfolioStore
import SyncEngine
import TerminalUI

/// What several panes' confirmations do: queue a non-money edit on some
/// domains through the engine and say what happened.
enum EditQueueing {
    /// Queues `edit` on `names` when the dialog is confirmed; with
    /// `createFolder` the push creates the folder first (`create_folder`).
    static func confirmed(_ edit: Edit, domains names: [String], createFolder: Bool = false) -> (any PaneHost) -> Void {
        confirmed(edit, domains: .names(names), createFolder: createFolder)
    }

    /// Queues `edit` on `targets` when the dialog is confirmed.
    static func confirmed(_ edit: Edit, domains names: QueueTargets, createFolder: Bool = false) -> (any PaneHost) -> Void {
        { host in
            let field = edit.field.rawValue
            queue(edit, on: names, createFolder: createFolder, host) { summary in
                var text = "queued \(field) on \(summary.added) domain\(summary.added == 1 ? "" : "s")"
                if summary.unchanged > 0 { text += ", \(summary.unchanged) already set" }
                return text
            }
        }
    }
}
