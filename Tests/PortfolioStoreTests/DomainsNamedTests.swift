import Testing
@testable import PortfolioStore

/// `domains(named:)` reads many names in one pass over the table and a few
/// by lookup; both ways must return the same rows.
@Suite("Rows by name, many or few")
struct DomainsNamedTests {
    @Test("a read of thousands of names (one pass) returns what lookups return, by name, missing ones skipped")
    func scanMatchesLookups() throws {
        let store = try makeStore()
        try store.upsertDomains(generatedDomains(PortfolioDatabase.scanThreshold + 1000), syncedAtMs: testNow)
        let wanted = (0..<(PortfolioDatabase.scanThreshold + 500)).map { i in
            let name = generatedDomain(i * 2 % (PortfolioDatabase.scanThreshold + 1000)).name
            return i % 3 == 0 ? name.uppercased() : name
        } + ["missing.example", "Absent.COM"]
        let scanned = try store.domains(named: wanted)
        var looked: [DomainRow] = []
        for start in stride(from: 0, to: wanted.count, by: 1000) {
            looked += try store.domains(named: Array(wanted[start..<min(start + 1000, wanted.count)]))
        }
        let expected = Dictionary(looked.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }).values.sorted { $0.name < $1.name }
        #expect(scanned.count == Set(wanted.map { $0.lowercased() }).count - 2)
        #expect(scanned == expected)
    }
}
