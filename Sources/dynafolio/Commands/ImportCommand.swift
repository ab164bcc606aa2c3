import ArgumentParser
import DynadotAPI
import Foundation
import SyncEngine

/// `dynafolio import FILE [--dry-run] [--strict] [--decimal , | .]
/// [--delimiter C]`: queue the prices, notes, folders, renew options,
/// name servers and privacy of a spreadsheet, as one operation.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Queue values from a CSV or TSV file (prices, notes, folders, …) as one operation.",
        discussion: """
            Columns by header (case, spaces and punctuation ignored): domain (domain name, name, fqdn), price \
            (asking price, bin, buy now price, list price), min offer (minimum offer, floor), listing type, note \
            (notes, comment), folder, renew (auto renew: yes/no), ns (nameservers), privacy. A blank cell never \
            overwrites; a value equal to the cached one queues nothing; a 0 price means "not set". Bad rows are \
            reported with their line and skipped (--strict refuses the whole file). Prints a preview per field, \
            then queues (nothing with --dry-run). Exit 0 when the file was read, 2 when it could not be. Works offline.
            """
    )

    @Argument(help: "The CSV or TSV file (UTF-8, with a header row).") var file: String
    @Flag(help: "Show the preview only; queue nothing.") var dryRun = false
    @Flag(help: "Refuse the whole file (exit 2, nothing queued) when any row is bad.") var strict = false
    @Option(help: "The decimal mark of amounts: , or . (default: read each amount when unambiguous).") var decimal: String?
    @Option(help: "The cell separator (default: detect , ; or tab). Write tab as \\t or tab.") var delimiter: String?

    func validate() throws {
        if let decimal, decimal != ",", decimal != "." {
            throw ValidationError("--decimal takes , or . (got '\(TerminalText.escaped(decimal))')")
        }
        if let delimiter, Self.delimiterCharacter(delimiter) == nil {
            throw ValidationError("--delimiter takes one character, e.g. --delimiter ';' or --delimiter tab")
        }
    }

    static func delimiterCharacter(_ text: String) -> Character? {
        if ["\\t", "tab", "\t"].contains(text.lowercased()) { return "\t" }
        guard text.count == 1, let c = text.first, c != "\"", !c.isNewline else { return nil }
        return c
    }

    func run() async throws {
        let url = URL(fileURLWithPath: file)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CLIFailure.usage("cannot read \(TerminalText.escaped(file)): \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIFailure.usage("\(TerminalText.escaped(file)) is not UTF-8 text; save it as CSV UTF-8 and try again")
        }
        let context = try AppContext.open()
        let options = ImportOptions(delimiter: delimiter.flatMap(Self.delimiterCharacter), decimal: decimal?.first)
        let preview: ImportPreview
        do {
            preview = try context.engine.previewImport(text, options: options)
        } catch let error as ImportError {
            throw CLIFailure.usage(error.description)
        }
        for line in preview.lines { print(line) }
        if strict, !preview.problems.isEmpty {
            throw CLIFailure.usage("--strict: \(preview.problems.count) bad row\(preview.problems.count == 1 ? "" : "s"); nothing queued. Fix them, or import without --strict to skip them.")
        }
        if dryRun {
            print("Dry run: nothing queued (\(preview.changeCount) change\(preview.changeCount == 1 ? "" : "s") would be).")
            return
        }
        guard preview.changeCount > 0 else {
            print("Nothing to queue: every value is already cached or queued.")
            return
        }
        let summary = try context.engine.queueImport(preview, label: "import \(url.lastPathComponent)")
        QueueReport.print(summary, what: "\(summary.added) change\(summary.added == 1 ? "" : "s") from \(url.lastPathComponent) as one operation",
                          domains: preview.domainCount)
    }
}
