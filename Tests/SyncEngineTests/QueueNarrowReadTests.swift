import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore
import Testing
@testable import SyncEngine

/// Queueing reads only the columns an edit's base value needs
/// (`FieldValues.columns(for:)`); the intents it stores must be those the
/// whole cached rows give.
@Suite("Queueing from the narrow read")
struct QueueNarrowReadTests {
    @Test("every field's base (and a contacts edit's resolved value) is the same from the narrow rows as from whole rows")
    func basesMatchWholeRows() async throws {
        try await withEngine(domains: 300) { engine, _ in
            try await engine.pull()
            let names = try engine.store.names(matching: .all, limit: nil)
            let whole = try engine.store.domains(named: names)
            #expect(whole.count == names.count)
            let dns = try engine.store.dnsRecordSets(domains: whole.filter { $0.nsType == .dynadotDNS }.map(\.name))
            let contacts = Edit.contacts(registrant: "c-new", admin: nil, technical: nil, billing: nil)
            for field in IntentField.allCases {
                let narrow = try engine.store.domains(named: names, reading: FieldValues.columns(for: field)).sorted { $0.name < $1.name }
                #expect(narrow.map(\.name) == whole.map(\.name))
                for (n, w) in zip(narrow, whole) {
                    #expect(n.tld == w.tld && n.nsType == w.nsType)
                    #expect(FieldValues.cached(field, row: n, dns: dns[n.name]) == FieldValues.cached(field, row: w, dns: dns[w.name]),
                            "\(field) of \(w.name)")
                    if field == .contacts {
                        #expect(engine.resolved(contacts, row: n) == engine.resolved(contacts, row: w))
                    }
                }
            }
        }
    }

    @Test("queued intents carry the base values and targets the whole rows give")
    func queuedIntentsMatchWholeRows() async throws {
        try await withEngine(domains: 300) { engine, _ in
            try await engine.pull()
            let names = try engine.store.names(matching: .all, limit: nil)
            let whole = try engine.store.domains(named: names)
            let edits: [Edit] = [.note("from the narrow read"), .renewOption(.auto), .privacy(.full), .lock, .folder(""),
                                 .unlist, .contacts(registrant: nil, admin: nil, technical: nil, billing: nil)]
            for edit in edits {
                try engine.queue(edit, domains: names, origin: .cli)
                let expected = whole.compactMap { row -> [String]? in
                    let base = FieldValues.cached(edit.field, row: row, dns: nil)
                    let value = engine.resolved(edit, row: row).encodedValue
                    return value == base ? nil : [row.name, value, base]
                }
                let stored = try engine.store.pendingIntents().filter { $0.field == edit.field.rawValue }
                    .sorted { $0.domain < $1.domain }.map { [$0.domain, $0.value, $0.baseValue] }
                #expect(stored == expected, "\(edit.field)")
                #expect(!stored.isEmpty || edit.field == .contacts, "the edit queued something (\(edit.field))")
            }
        }
    }
}
