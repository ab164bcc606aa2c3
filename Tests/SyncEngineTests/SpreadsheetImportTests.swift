import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore
import Testing
@testable import SyncEngine

/// Issue 16: spreadsheets in. Every fixture runs against a cache pulled
/// from the simulator; nothing is pushed.
@Suite("Spreadsheet import")
struct SpreadsheetImportTests {
    /// Open intents by (domain, field) → value.
    static func queued(_ engine: SyncEngine) throws -> [String: String] {
        Dictionary(try engine.store.intents(in: [.pending]).map { ("\($0.domain) \($0.field)", $0.value) },
                   uniquingKeysWith: { _, b in b })
    }

    /// Two cached domains not for sale, and a folder the account has.
    static func setUp(_ engine: SyncEngine) throws -> (names: [String], folder: String) {
        let unlisted = try names(engine, "sale:no")
        let folder = try engine.store.folders().map(\.name).first { !$0.isEmpty && !$0.contains(",") }!
        return (Array(unlisted.prefix(5)), folder)
    }

    @Test("every header alias and every delimiter (comma, semicolon, tab; BOM, CRLF, quoted delimiters and line breaks) reads the same values")
    func aliasesAndDelimiters() async throws {
        try await withEngine(domains: 40) { engine, _ in
            try await engine.pull()
            let (unlisted, folder) = try Self.setUp(engine)
            let a = unlisted[0], b = unlisted[1]
            let renewA = try engine.store.domains(named: [a])[0].renewOption, renewB = try engine.store.domains(named: [b])[0].renewOption
            // Each header spelling of each column, one file per spelling.
            let spellings: [[String]] = [
                ["domain", "price", "min offer", "note", "folder", "renew", "ns", "privacy"],
                ["Domain Name", "Asking Price", "Minimum Offer", "Notes", "FOLDER", "Auto Renew", "nameservers", "Privacy"],
                ["name", "BIN", "floor", "comment", "folder", "auto-renew", "NameServers", "privacy"],
                ["FQDN", "Buy Now Price", "min_offer", "note", "folder", "renew", "ns", "privacy"],
                ["fqdn", "List Price", "min. offer", "notes", "folder", "renew", "ns", "privacy"],
            ]
            for header in spellings {
                for (delimiter, bom, newline) in [(",", "", "\n"), (";", "\u{FEFF}", "\r\n"), ("\t", "", "\r\n")] {
                    let rows = [
                        header,
                        [a, "1250", "100", "multi, line; note", folder, "yes", "ns1.example.net\nns2.example.net", "full"],
                        [b, "99.5", "", "", "", "no", "", ""],
                    ]
                    let text = bom + rows.map { row in
                        row.map { $0.contains(delimiter) || $0.contains("\n") ? "\"\($0)\"" : $0 }.joined(separator: delimiter)
                    }.joined(separator: newline) + newline
                    let preview = try engine.previewImport(text)
                    let label = "\(header[0]) \(delimiter == "\t" ? "tab" : delimiter)"
                    #expect(preview.delimiter == Character(delimiter), "\(label)")
                    #expect(preview.unknownHeaders.isEmpty, "\(label): \(preview.unknownHeaders)")
                    #expect(preview.problems.isEmpty, "\(label): \(preview.problems)")
                    #expect(preview.rowsRead == 2)
                    let tallies = Dictionary(preview.tallies.map { ($0.field, $0) }, uniquingKeysWith: { x, _ in x })
                    #expect(tallies["sale listing"]?.change == 2, "\(label)")
                    #expect(tallies["note"]?.change == 1 && tallies["note"]?.skipped == 1, "\(label)")
                    #expect(tallies["name servers"]?.change == 1, "\(label)")
                    let edits = Dictionary(preview.edits.flatMap { edit, names in names.map { ("\($0) \(edit.field.rawValue)", edit) } },
                                           uniquingKeysWith: { x, _ in x })
                    #expect(edits["\(a) sale"] == .forSale(SaleTerms(priceCents: 125_000, minimumOfferCents: 10_000)), "\(label)")
                    #expect(edits["\(b) sale"] == .forSale(SaleTerms(priceCents: 9_950)), "\(label)")
                    #expect(edits["\(a) note"] == .note("multi, line; note"), "\(label)")
                    #expect(edits["\(a) folder"] == .folder(folder))
                    // Equal to the cached value: nothing to queue.
                    #expect(edits["\(a) renew_option"] == (renewA == .auto ? nil : .renewOption(.auto)))
                    #expect(edits["\(b) renew_option"] == (renewB == .donot ? nil : .renewOption(.donot)))
                    #expect(edits["\(a) ns"] == .nameServers(["ns1.example.net", "ns2.example.net"]))
                    #expect(edits["\(b) ns"] == nil && edits["\(b) note"] == nil && edits["\(b) folder"] == nil)
                }
            }
        }
    }

    @Test("amounts: 1,250.00, 1.250,00 (with --decimal , or detected), $1,250, 1250 USD; 0 is not set; unclear marks are refused")
    func amounts() throws {
        func cents(_ text: String, _ decimal: Character? = nil) throws -> Int64? {
            try ImportAmount.cents(text, decimal: decimal, what: "price")
        }
        #expect(try cents("1,250.00") == 125_000)
        #expect(try cents("1.250,00") == 125_000)
        #expect(try cents("1.250,00", ",") == 125_000)
        #expect(try cents("1250,5") == 125_050)
        #expect(try cents("$1,250") == 125_000)
        #expect(try cents("1250 USD") == 125_000)
        #expect(try cents("US$ 99.99") == 9_999)
        #expect(try cents("1.250", ",") == 125_000)
        #expect(throws: SyncError.self) { try cents("1.250", ".") }
        #expect(try cents("1,250,000") == 125_000_000)
        #expect(try cents("0") == nil)
        #expect(try cents("0.00") == nil)
        #expect(throws: SyncError.self) { try cents("1.250") }
        #expect(throws: SyncError.self) { try cents("cheap") }
        #expect(throws: SyncError.self) { try cents("-5") }
        #expect(throws: SyncError.self) { try cents("12.345", ".") }
        do {
            _ = try cents("1.250")
        } catch {
            #expect("\(error)".contains("--decimal"))
        }
    }

    @Test("blank never overwrites, 0 is not set, bad rows are reported with their line and skipped, equal values queue nothing, one operation with origin import, a second import queues nothing")
    func rules() async throws {
        try await withEngine(domains: 40) { engine, _ in
            try await engine.pull()
            let (unlisted, _) = try Self.setUp(engine)
            let a = unlisted[0], b = unlisted[1], c = unlisted[2], d = unlisted[3], e = unlisted[4]
            let cachedNote = try engine.store.domains(named: [c]).first!.note
            let text = """
                domain,price,note,renew,mystery
                \(a),"$1,250",hello,,x
                \(b),0,,yes,
                \(c),,\(cachedNote.isEmpty ? "" : cachedNote),,
                nosuch-domain.example,5,x,,
                \(a.uppercased()),7,dup,,
                \(d),,"two
                lines",maybe,
                ,,,,
                \(e),abc,,,

                """
            let preview = try engine.previewImport(text)
            #expect(preview.unknownHeaders == ["mystery"])
            #expect(preview.problems.map(\.line) == [5, 6, 7, 10])
            #expect(preview.problems[0].reason.contains("nosuch-domain.example' is not in the cache"))
            #expect(preview.problems[1].reason.contains("is on line 2 already"))
            #expect(preview.problems[2].reason.contains("renew 'maybe'"))
            #expect(preview.problems[3].reason.contains("price 'abc' is not an amount"))
            let tallies = Dictionary(preview.tallies.map { ($0.field, $0) }, uniquingKeysWith: { x, _ in x })
            // a: price; b: 0 = not set, so no listing; c: blank.
            #expect(tallies["sale listing"] == .init(field: "sale listing", change: 1, same: 0, skipped: 6))
            #expect(tallies["note"]?.change == 1)
            let renew = try engine.store.domains(named: [b]).first!.renewOption
            #expect(tallies["renew"]?.change == (renew == .auto ? 0 : 1))
            #expect(tallies["renew"]?.same == (renew == .auto ? 1 : 0))
            let summary = try engine.queueImport(preview, label: "import prices.csv")
            #expect(summary.added == preview.changeCount)
            let operations = try engine.store.operations(limit: 5)
            #expect(operations.first?.origin == .import)
            #expect(operations.first?.label == "import prices.csv")
            let intents = try engine.store.intents(in: [.pending])
            #expect(Set(intents.map(\.domain)).isSubset(of: [a, b]))
            #expect(Set(intents.compactMap(\.operationID)).count == 1)
            let queued = try Self.queued(engine)
            #expect(queued["\(a) note"] == Edit.note("hello").encodedValue)
            #expect(queued["\(c) note"] == nil)
            // The same file again: everything is cached or already queued.
            let again = try engine.previewImport(text)
            #expect(again.changeCount == 0)
            #expect(again.tallies.allSatisfy { $0.change == 0 })
            #expect(try engine.queueImport(again, label: "again").added == 0)
            #expect(try engine.store.operations(limit: 5).count == operations.count)
        }
    }

    @Test("a file without a domain column, or not CSV at all, reads nothing")
    func unreadable() async throws {
        try await withEngine(domains: 10) { engine, _ in
            try await engine.pull()
            #expect(throws: ImportError.self) { try engine.previewImport("price,note\n5,x\n") }
            do {
                _ = try engine.previewImport("price;note\n5;x\n")
            } catch {
                #expect("\(error)".contains("no domain column (headers: price, note)"))
            }
            #expect(throws: ImportError.self) { try engine.previewImport("domain,note\n\"a.com\"x,y\n") }
        }
    }
}
