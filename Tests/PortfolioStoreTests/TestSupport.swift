import Foundation
@_spi(OutboxWriter) @testable import PortfolioStore

/// 2026-06-15T00:00:00Z, the pinned "now" of every test.
let testNow: Int64 = 1_781_481_600_000
let dayMs: Int64 = 86_400_000

/// Epoch ms of a UTC date `YYYY-MM-DD`.
func ms(_ date: String) -> Int64 {
    CalendarPeriod(parsing: date)!.start
}

/// A fresh in-memory store with the pinned clock.
func makeStore(now: Int64 = testNow) throws -> PortfolioDatabase {
    try PortfolioDatabase(inMemoryWithClock: { now })
}

/// A fresh directory under the system temp dir, removed by `cleanup`.
struct TempDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("portfolio-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// `count` generated domains: tlds, folders, expiries and flags vary with the index.
func generatedDomains(_ count: Int, start: Int = 0) -> [DomainRow] {
    (start..<(start + count)).map(generatedDomain)
}

func generatedDomain(_ i: Int) -> DomainRow {
    let tlds = ["com", "net", "org", "io", "xyz"]
    let custom = i % 3 == 0
    let expires: Int64 = testNow + Int64(i % 700) * dayMs
    var row = DomainRow(name: "domain-\(i).\(tlds[i % tlds.count])", expiresMs: expires)
    row.registeredMs = testNow - 400 * dayMs
    row.nsType = custom ? .nameservers : .dynadotDNS
    row.nameservers = custom ? ["ns1.example.net", "ns2.example.net"] : []
    row.registrantID = String(1000 + i % 7)
    row.locked = i % 2 == 0
    row.privacy = i % 4 == 0 ? .full : .none
    row.forSale = i % 10 == 0
    row.salePriceCents = i % 10 == 0 ? 99_900 : nil
    row.renewOption = i % 5 == 0 ? .auto : .donot
    row.note = i % 11 == 0 ? "note \(i)" : ""
    row.folderName = i % 6 == 0 ? "Sale" : ""
    row.status = "active"
    return row
}

extension PortfolioDatabase {
    /// Queues intents as one test operation.
    @discardableResult
    func enqueue(intents: [NewIntent]) throws -> EnqueueResult {
        try enqueue(NewOperation(origin: .cli, label: "test"), intents: intents)
    }
}
