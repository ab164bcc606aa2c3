import Foundation
import Testing

/// DESIGN.md's boundaries, checked on the sources: the store keeps GRDB to
/// itself, and only the sync engine may write the outbox.
@Suite("Store boundaries")
struct StoreBoundaryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func swiftFiles(under folder: String) throws -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
    }

    /// GRDB's types that a caller could otherwise receive or pass.
    static let grdbTypes = ["Database", "DatabaseWriter", "DatabaseReader", "DatabaseQueue", "DatabasePool", "Row",
                            "StatementArguments", "DatabaseValue", "DatabaseValueConvertible", "Statement",
                            "FetchableRecord", "PersistableRecord", "DatabaseMigrator", "Configuration", "SQLiteStatement"]

    @Test("no public declaration of PortfolioStore mentions a GRDB type")
    func noGRDBInPublicAPI() throws {
        let pattern = try NSRegularExpression(pattern: "\\b(" + Self.grdbTypes.joined(separator: "|") + ")\\b")
        var offenders: [String] = []
        let files = try Self.swiftFiles(under: "Sources/PortfolioStore")
        #expect(!files.isEmpty)
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            var index = 0
            while index < lines.count {
                let line = lines[index].trimmingCharacters(in: .whitespaces)
                index += 1
                guard !line.hasPrefix("//"), line.range(of: #"(^|\s)public(\s|\()"#, options: .regularExpression) != nil else { continue }
                // The declaration runs until its body or its end: join
                // continuation lines of a multi-line signature.
                var declaration = line
                while !declaration.contains("{"), !declaration.contains("="), index < lines.count,
                      declaration.filter({ $0 == "(" }).count > declaration.filter({ $0 == ")" }).count {
                    declaration += " " + lines[index].trimmingCharacters(in: .whitespaces)
                    index += 1
                }
                let signature = declaration.components(separatedBy: "{").first ?? declaration
                let range = NSRange(signature.startIndex..., in: signature)
                if pattern.firstMatch(in: signature, range: range) != nil {
                    offenders.append("\(file.lastPathComponent): \(signature)")
                }
            }
        }
        #expect(offenders.isEmpty, "public API exposes GRDB: \(offenders.joined(separator: "\n"))")
    }

    @Test("only the sync engine imports the outbox writers, and nothing else names the outbox tables")
    func outboxHasOneWriter() throws {
        var offenders: [String] = []
        for folder in ["Sources/PortfolioApp", "Sources/dynafolio", "Sources/TerminalUI", "Sources/DynadotAPI",
                       "Sources/DynadotSim", "Sources/dynafolio-bench"] {
            for file in try Self.swiftFiles(under: folder) {
                let text = try String(contentsOf: file, encoding: .utf8)
                if text.contains("@_spi(OutboxWriter)") || text.contains("outbox_intent") || text.contains("outbox_batch")
                    || text.contains("import GRDB") && folder != "Sources/dynafolio-bench" {
                    offenders.append(file.path.replacingOccurrences(of: Self.root.path + "/", with: ""))
                }
            }
        }
        #expect(offenders.isEmpty, "outbox written or GRDB used outside the store and the engine: \(offenders)")
        let engine = try Self.swiftFiles(under: "Sources/SyncEngine")
        #expect(engine.contains { (try? String(contentsOf: $0, encoding: .utf8))?.contains("@_spi(OutboxWriter) import PortfolioStore") == true })
    }
}
