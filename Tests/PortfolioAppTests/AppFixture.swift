import ChildProcess
import DynadotAPI
import DynadotSim
import Foundation
import PortfolioApp
import PortfolioStore
import SyncEngine
import TerminalUI

/// A pinned world for golden screens: a temp store with hand-made domains,
/// "now" fixed at 2026-11-01T00:00:00Z (UTC throughout), no network.
final class AppFixture {
    static let nowMs: Int64 = 1_793_491_200_000  // 2026-11-01T00:00:00Z
    static let day: Int64 = 86_400_000

    let directory: URL
    let store: PortfolioDatabase
    let engine: SyncEngine
    let app: PortfolioApp

    /// `newerCache`: the filled cache is then marked as written by a newer
    /// dynafolio, so it reopens read-only (`readOnlyReason`).
    init(unicode: Bool = true, hasAccount: Bool = false, keys: [String: [String]] = [:], newerCache: Bool = false,
         views: ViewSettings = ViewSettings(), columns: ColumnSettings = ColumnSettings(), accounts: AccountChoice? = nil,
         processEnvironment: [String: String] = ProcessInfo.processInfo.environment) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("portfolioapp-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("cache.sqlite").path
        if newerCache {
            try Self.fill(try PortfolioDatabase(path: path, clock: { AppFixture.nowMs }))
            try Self.markWrittenByANewerDynafolio(path)
            store = try PortfolioDatabase(path: path, clock: { AppFixture.nowMs })
        } else {
            store = try PortfolioDatabase(path: path, clock: { AppFixture.nowMs })
            try Self.fill(store)
        }
        engine = SyncEngine(store: store, client: nil)
        app = PortfolioApp(environment: AppEnvironment(engine: engine, actions: try ActionTable(overrides: keys),
                                                       unicode: unicode, hasAccount: hasAccount, columns: columns, views: views, accounts: accounts,
                                                       processEnvironment: processEnvironment))
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Feeds `keys` through the loop on a headless terminal of `size` and
    /// returns the last screen as text.
    @discardableResult
    func drive(_ keys: [KeyEvent], size: Size = Size(rows: 24, cols: 80)) -> HeadlessTerminal {
        let terminal = HeadlessTerminal(size: size, keys: keys)
        app.run(terminal: terminal, stopWhenIdle: true)
        return terminal
    }

    /// Feeds `terminal`'s keys through the loop until it is idle; waiting
    /// for background jobs suspends instead of blocking a pool thread.
    func driveAwaiting(_ terminal: HeadlessTerminal) async {
        await app.runUntilIdle(terminal: terminal)
    }

    /// Records a migration this build does not know, as a newer dynafolio
    /// would (through Python's sqlite3: the tests do not link GRDB).
    static func markWrittenByANewerDynafolio(_ path: String) throws {
        let result = try ChildProcess.run("/usr/bin/env", ["python3", "-c",
                                                           "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')\"); c.commit()",
                                                           path])
        guard result.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: result.output]) }
    }

    /// Every selected name (a bulk selection's names read from the store).
    func selectedNames() throws -> Set<String> {
        try app.state.selection.names(in: store)
    }

    static func typed(_ text: String) -> [KeyEvent] { text.map { KeyEvent.char($0) } }

    static func fill(_ store: PortfolioDatabase) throws {
        let synced = nowMs - 5 * 60_000
        let rows: [DomainRow] = [
            DomainRow(name: "alpha.com", expiresMs: nowMs + 12 * day, registeredMs: nowMs - 400 * day, nsType: .nameservers,
                      nameservers: ["ns1.hostingco.net", "ns2.hostingco.net"], registrantID: "101", adminID: "101",
                      technicalID: "102", billingID: "101", locked: true, privacy: .full, renewOption: .auto,
                      note: "main site", folderName: "Clients", status: "active"),
            DomainRow(name: "bravo.net", expiresMs: nowMs - 3 * day, nsType: .parking, withAds: true, privacy: .none,
                      renewOption: .donot),
            DomainRow(name: "xn--bcher-kva.de", nameUnicode: "bücher.de", expiresMs: nowMs + 60 * day, nsType: .dynadotDNS,
                      locked: true, privacy: .partial, forSale: true, salePriceCents: 49_900, saleType: "buy_now",
                      renewOption: .auto, folderName: "For Sale"),
            DomainRow(name: "charlie.com", expiresMs: nowMs + 200 * day, nsType: .forwarding, privacy: .full),
            DomainRow(name: "delta.io", expiresMs: nowMs + 45 * day, nsType: .nameservers,
                      nameservers: ["dns1.cloudexample.com", "dns2.cloudexample.com"], locked: true, renewOption: .auto),
            DomainRow(name: "echo.com", expiresMs: nowMs + 80 * day, nsType: .stealth, privacy: .full, renewOption: .none,
                      note: "old campaign"),
            DomainRow(name: "xn--r8jz45g.jp", nameUnicode: "例え.jp", expiresMs: nowMs + 500 * day, nsType: .dynadotDNS,
                      locked: true, privacy: .full, renewOption: .auto),
        ]
        _ = try store.upsertDomains(rows, syncedAtMs: synced)
        try store.replaceContacts([ContactRow(id: "101", name: "Ada Lovelace", email: "ada@example.org", country: "GB"),
                                   ContactRow(id: "102", name: "Tech Desk", organization: "Hosting Co", email: "tech@example.org", country: "US")],
                                  syncedAtMs: synced)
        try store.replaceFolders([FolderRow(id: "1", name: "Clients"), FolderRow(id: "2", name: "For Sale")], syncedAtMs: synced)
        try store.upsertTLDPrices([TLDPriceRow(tld: "com", renewCents: 1099, fetchedAtMs: synced),
                                   TLDPriceRow(tld: "net", renewCents: 1299, fetchedAtMs: synced)])
        try store.saveAccount(AccountRow(username: "acme", tier: "regular", balanceCents: 10_000, fetchedAtMs: synced))
        let run = try store.beginSyncRun(kind: "domains", startedMs: synced - 10_000)
        try store.endSyncRun(id: run, pages: 1, items: rows.count, changed: rows.count, outcome: .complete, endedMs: synced)
    }
}

/// Golden comparison: on a mismatch the actual screen is written next to
/// the build for inspection, and the test fails.
func screenText(_ terminal: HeadlessTerminal) -> String {
    trimBottom(terminal.lastScreen?.plainText() ?? "")
}

func styledText(_ terminal: HeadlessTerminal) -> String {
    trimBottom(terminal.lastScreen?.styledText(theme: .builtinDefault) ?? "")
}

func trimBottom(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
}

/// Writes `actual` to `$TMPDIR/portfolioapp-goldens/<name>.txt` when it
/// differs from `golden` (to read it and update the test after review).
func recordIfDifferent(_ name: String, _ actual: String, _ golden: String) -> Bool {
    guard actual != golden else { return true }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portfolioapp-goldens")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try? actual.write(to: folder.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
    return false
}

extension AppFixture {
    /// An app on a fresh cache synced from a simulator on loopback (with
    /// `configuration`'s obviously fake key), for the paths that talk to
    /// the provider through the real client. The server stops even when
    /// `body` fails.
    static func withSimApp(_ configuration: SimConfiguration,
                           _ body: (PortfolioApp, PortfolioDatabase, SimServer) async throws -> Void) async throws {
        let server = SimServer(configuration: configuration)
        let endpoint = try await server.start()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sim-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let store = try PortfolioDatabase(path: directory.appendingPathComponent("cache.sqlite").path)
            let client = try ClientConfiguration(endpoint: endpoint, apiKey: configuration.apiKey, concurrency: 1,
                                                 retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05))
            let engine = SyncEngine(store: store, client: DynadotClient(configuration: client))
            try await engine.pull(PullOptions())
            let app = PortfolioApp(environment: AppEnvironment(engine: engine, actions: try ActionTable(), unicode: true, hasAccount: true))
            app.refreshAll()
            try await body(app, store, server)
            try await server.stop()
        } catch {
            try? await server.stop()
            throw error
        }
    }
}
