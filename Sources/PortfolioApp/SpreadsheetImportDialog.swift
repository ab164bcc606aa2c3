import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// `:import FILE`: reads and previews the file in the background, shows the
/// same preview as `dynafolio import` in a dialog, and queues it as one
/// operation (origin import) in a background job with progress when
/// confirmed.
enum SpreadsheetImportDialog {
    /// The preview the reading job hands to its ending, on the UI thread.
    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: ImportPreview?
        var preview: ImportPreview? {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }

    static func start(_ words: [String], _ host: any PaneHost) {
        let path = words.joined(separator: " ")
        guard !path.isEmpty else {
            host.state.message = StatusMessage("give a file: :import prices.csv (CSV or TSV with a domain column)", isError: true)
            return
        }
        guard host.state.queueing == nil else {
            host.state.message = StatusMessage("still queueing; try again when the progress line is gone", isError: true)
            return
        }
        let url = URL(fileURLWithPath: UserPath.expanded(path, environment: host.environment.processEnvironment))
        let name = TerminalText.escaped(url.lastPathComponent)
        let box = Box()
        let reading = "reading \(name)"
        host.start(BackgroundJob(group: "queue", bar: (.queue, ProgressBar(done: 0, total: 0, label: reading)),
                                 startMessage: reading + "…", work: { engine, _ in
            let data = try Data(contentsOf: url)
            guard let text = String(data: data, encoding: .utf8) else {
                throw ImportError(description: "\(name) is not UTF-8 text; save it as CSV UTF-8 and try again")
            }
            box.preview = try engine.previewImport(text)
            return nil
        }, finished: { result, host in
            guard case .success = result, let preview = box.preview else {
                BackgroundJob.report(result, host)
                return
            }
            // The reading is over: the status line says so, not "reading…".
            host.state.message = StatusMessage("read \(NumberText.count(preview.rowsRead, "row")) of \(name)")
            confirm(preview, name: name, host)
        }))
    }

    static func confirm(_ preview: ImportPreview, name: String, _ host: any PaneHost) {
        // Wrapped, not cut: a long reason or column list reads in full (the lines scroll).
        let lines = preview.lines.flatMap { line in
            DisplayWidth.wrap(line, to: ConfirmDialog.maxLineWidth - 4).enumerated().map { [Span(($0.offset == 0 ? "  " : "    ") + $0.element)] }
        }
        guard preview.changeCount > 0 else {
            host.confirm(ConfirmDialog(title: "Import \(name)", summary: "Nothing to queue: every value is already cached or queued.",
                                       lines: lines, confirmLabel: "OK")) { _ in }
            return
        }
        let count = NumberText.count(preview.changeCount, "change")
        let hint = host.environment.actions.reviewHint
        host.confirm(ConfirmDialog(title: "Import \(name)", summary: "Queue \(count) as one operation?", lines: lines,
                                   confirmLabel: "Queue")) { host in
            let label = "queueing \(count) from \(name)"
            host.start(BackgroundJob(group: "queue", bar: (.queue, ProgressBar(done: 0, total: preview.changeCount, label: label)),
                                     startMessage: label + "…") { engine, progress in
                let summary = try engine.queueImport(preview, label: "import \(name)") { done, total in
                    progress(ProgressBar(done: done, total: total, label: label))
                }
                return StatusMessage("queued \(NumberText.count(summary.added, "change")) from \(name) as one operation — \(hint)")
            })
        }
    }
}
