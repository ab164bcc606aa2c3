import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// `:export FILE.csv` / `:export FILE.json` (add `all` for every field):
/// writes the Domains pane's filtered rows in the order shown — or the
/// selection, when there is one — with the visible columns, through the
/// same writer as `ls --csv` / `ls --json` (in the All-accounts view, as
/// `ls --all-accounts`: each row starts with its account, and its open
/// changes are read from that account's outbox). It runs in the background with
/// progress, writes a temporary file next to the target and moves it into
/// place at the end (an error leaves no half-written file), and never
/// replaces an existing file unless a dialog confirmed it.
enum DomainExportJob {
    /// Rows read and written per step (one progress update each).
    static let chunk = 2_000

    /// The export fields behind each optional Domains column
    /// (``DomainsPane/choosableColumns``); the domain name always comes first.
    static let columnFields: [String: [String]] = [
        "expires": ["expires"], "ns": ["ns_type", "nameservers"], "renew": ["renew_option"], "lock": ["locked"],
        "privacy": ["privacy"], "folder": ["folder"], "sale": ["for_sale", "sale_type", "sale_price", "sale_min_offer"],
        "note": ["note"],
    ]

    /// What was asked, checked on the UI thread.
    struct Request: Sendable {
        let url: URL
        /// The path as typed, for messages.
        let shown: String
        let writer: DomainExport.Writer
        let query: PortfolioQuery
        let sort: DomainSort
        /// Exported instead of the filtered rows when not empty.
        let selection: Selection
        let allFields: Bool
        /// Set in the All-accounts view: the account of each row.
        let accounts: AllAccountsView?
    }

    static let usage = "give a file: :export domains.csv or :export domains.json (add 'all' for every field, not only the columns shown)"

    static func start(_ words: [String], source: (query: PortfolioQuery, sort: DomainSort, shownColumns: [String]),
                      _ host: any PaneHost) {
        var words = words
        let allFields = words.count > 1 && words.last?.lowercased() == "all"
        if allFields { words.removeLast() }
        let path = words.joined(separator: " ")
        guard !path.isEmpty else {
            host.state.message = StatusMessage(usage, isError: true)
            return
        }
        let shown = TerminalText.escaped(path)
        let url = URL(fileURLWithPath: UserPath.expanded(path, environment: host.environment.processEnvironment))
        guard let format = DomainExport.Format(rawValue: url.pathExtension.lowercased()) else {
            host.state.message = StatusMessage("cannot export to \(shown): name the file .csv or .json, e.g. :export \(shown).csv", isError: true)
            return
        }
        guard host.state.queueing == nil else {
            host.state.message = StatusMessage("busy with an export, import or queueing; export again when its progress line is gone", isError: true)
            return
        }
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            host.state.message = StatusMessage("cannot export: folder \(TerminalText.escaped(folder.path)) does not exist; "
                                               + "create it first, or give another path", isError: true)
            return
        }
        let fields = allFields ? nil : ["name"] + source.shownColumns.flatMap { columnFields[$0] ?? [] }
        let writer: DomainExport.Writer
        do {
            writer = try DomainExport.Writer(format, fields: fields, withAccount: host.environment.allAccounts != nil)
        } catch {
            host.state.message = StatusMessage(error: error)
            return
        }
        let request = Request(url: url, shown: shown, writer: writer, query: source.query, sort: source.sort,
                              selection: host.state.selection, allFields: allFields, accounts: host.environment.allAccounts)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            guard !isFolder.boolValue else {
                host.state.message = StatusMessage("cannot export to \(shown): it is a folder; give a file name, e.g. :export \(shown)/domains.\(format.rawValue)",
                                                   isError: true)
                return
            }
            let what = request.selection.isEmpty ? "the filtered domains" : "the \(NumberText.count(request.selection.count, "selected domain"))"
            host.confirm(ConfirmDialog(title: "Overwrite \(TerminalText.escaped(url.lastPathComponent))?",
                                       summary: "Replace it with \(what)?",
                                       lines: DisplayWidth.wrap("\(shown) exists; what it holds now is lost.", to: ConfirmDialog.maxLineWidth - 4)
                                           .map { [Span("  " + $0)] },
                                       isDangerous: true,
                                       confirmLabel: "Overwrite")) { host in
                run(request, overwrite: true, host)
            }
            return
        }
        run(request, overwrite: false, host)
    }

    static func run(_ request: Request, overwrite: Bool, _ host: any PaneHost) {
        let label = "exporting to \(request.url.lastPathComponent)"
        host.start(BackgroundJob(group: "queue", bar: (.queue, ProgressBar(done: 0, total: 0, label: label)),
                                 startMessage: label + "…") { engine, progress in
            let written = try write(request, overwrite: overwrite, store: engine.store) { done, total in
                progress(ProgressBar(done: done, total: total, label: label))
            }
            let fields = request.allFields ? "all fields" : "the columns shown"
            return StatusMessage("exported \(NumberText.count(written, "domain")) to \(request.shown) (\(fields))")
        })
    }

    /// Writes the export and returns how many domains it holds.
    static func write(_ request: Request, overwrite: Bool, store: PortfolioDatabase,
                      progress: (_ done: Int, _ total: Int) -> Void) throws -> Int {
        var query = request.query
        if !request.selection.isEmpty {
            query = try PortfolioQuery(parsing: "selected:yes").resolvingSelection(request.selection.names(in: store))
        }
        let names = try store.names(matching: query, sort: request.sort)
        progress(0, names.count)
        let folder = request.url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(request.url.lastPathComponent).\(UUID().uuidString).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw ExportError(description: "cannot write in \(TerminalText.escaped(folder.path)): \(String(cString: strerror(errno)))")
        }
        defer { unlink(temporary.path) }
        let handle = try FileHandle(forWritingTo: temporary)
        var written = 0
        do {
            defer { try? handle.close() }
            let now = store.nowMs
            try handle.write(contentsOf: Data(request.writer.header.utf8))
            var start = 0
            while start < names.count {
                let part = Array(names[start..<min(start + chunk, names.count)])
                let byName = Dictionary(try store.domains(named: part).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
                let rows = part.compactMap { byName[$0] }
                let text: String
                if let accounts = request.accounts {
                    // Each row with its account, its open changes from that account's outbox.
                    let pending = try accounts.pendingFields(for: part)
                    text = try request.writer.body(rows.map { (account: accounts.account(of: $0.name) ?? "", row: $0, pending: pending[$0.name] ?? []) },
                                                   nowMs: now, first: written == 0)
                } else {
                    text = try request.writer.body(rows, pending: try store.pendingFields(for: part), nowMs: now, first: written == 0)
                }
                try handle.write(contentsOf: Data(text.utf8))
                written += rows.count
                start += part.count
                progress(start, names.count)
            }
            try handle.write(contentsOf: Data(request.writer.footer.utf8))
            try handle.synchronize()
        }
        // Into place: a confirmed overwrite replaces the file; otherwise a
        // file that appeared meanwhile is left alone.
        if overwrite {
            guard rename(temporary.path, request.url.path) == 0 else {
                throw ExportError(description: "cannot write \(request.shown): \(String(cString: strerror(errno)))")
            }
        } else if link(temporary.path, request.url.path) != 0 {
            if errno == EEXIST {
                throw ExportError(description: "\(request.shown) appeared while exporting and was left as it is; export again to replace it")
            }
            throw ExportError(description: "cannot write \(request.shown): \(String(cString: strerror(errno)))")
        }
        return written
    }
}
