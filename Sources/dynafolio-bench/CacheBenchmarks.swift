import DynadotAPI
import DynadotSim
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Logging
import PortfolioStore
import SyncEngine

/// Benchmarks of the cache path: parse + upsert, filter per keystroke.
enum CacheBenchmarks {
    static let benchKey = "FAKE-BENCH-KEY-42"

    static func quietLogger() -> Logger {
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        return logger
    }

    /// Fetches every body a pull needs from a simulator once.
    static func cannedBodies(server: SimServer, endpoint: URL, domains: Int, pageSize: Int) async throws -> [String: Data] {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        func fetch(_ query: String) async throws -> Data {
            guard let url = URL(string: endpoint.absoluteString + "?key=\(benchKey)&" + query) else { throw URLError(.badURL) }
            return try await session.data(from: url).0
        }
        var bodies: [String: Data] = [:]
        for page in 0...(domains / pageSize) {
            bodies["list_domain:\(page)"] = try await fetch("command=list_domain&count_per_page=\(pageSize)&page_index=\(page)")
        }
        bodies["list_domain:empty"] = bodies["list_domain:\(domains / pageSize)"]
        for command in ["account_info", "get_account_balance", "contact_list", "folder_list", "server_list"] {
            bodies[command] = try await fetch("command=\(command)")
        }
        bodies["tld_price"] = try await fetch("command=tld_price&currency=USD")
        bodies["order_list"] = try await fetch("command=order_list&search_by=date_range&start_date=2000/01/01&end_date=2100/01/01")
        return bodies
    }

    /// parse + upsert of list_domain pages through the real pull path, and the
    /// raw SQLite insert rate of the same rows.
    static func ingest(bodies: [String: Data], domains: Int, pageSize: Int, directory: URL) async throws -> (BenchResult, BenchResult, PortfolioDatabase) {
        let store = try PortfolioDatabase(path: directory.appendingPathComponent("ingest.sqlite").path)
        let client = DynadotClient(configuration: try ClientConfiguration(endpoint: URL(string: "http://127.0.0.1:9/api3.json")!,
                                                                          apiKey: benchKey),
                                   transport: CannedTransport(bodies: bodies), logger: quietLogger())
        let engine = SyncEngine(store: store, client: client, logger: quietLogger())
        var summary: PullSummary?
        let elapsed = try await seconds { summary = try await engine.pull(PullOptions(pageSize: pageSize)) }
        let pulled = summary?.domains ?? 0
        let rate = Double(pulled) / elapsed

        let rows = try store.rows(matching: .all, sort: .byName, limit: nil, offset: 0)
        let rawQueue = try DatabaseQueue(path: directory.appendingPathComponent("raw.sqlite").path)
        let columns = 15
        try await rawQueue.write { db in
            try db.execute(sql: "CREATE TABLE t (\((0..<columns).map { "c\($0)" }.joined(separator: ", ")))")
        }
        let rawElapsed = try timed {
            try rawQueue.inTransaction(.immediate) { db in
                let statement = try db.makeStatement(sql: "INSERT INTO t VALUES (\(Array(repeating: "?", count: columns).joined(separator: ",")))")
                for row in rows {
                    statement.setUncheckedArguments([row.name, row.nameUnicode, row.tld, row.expiresMs, row.registeredMs,
                                                     row.nsType.rawValue, row.nameservers.joined(separator: "\n"), row.withAds,
                                                     row.registrantID, row.locked, row.privacy.rawValue, row.forSale,
                                                     row.renewOption.rawValue, row.note, row.folderName])
                    try statement.execute()
                }
                return .commit
            }
        }
        let rawRate = Double(rows.count) / rawElapsed

        // The same pull into a cache that still has the eight query-key
        // indexes migration v3-filter-index dropped: what dropping them lifts,
        // measured in the same run.
        let withKeysPath = directory.appendingPathComponent("ingest-with-key-indexes.sqlite").path
        let withKeys = try PortfolioDatabase(path: withKeysPath)
        let withKeysQueue = try DatabaseQueue(path: withKeysPath)
        try await withKeysQueue.write { db in
            for column in ["tld", "expires_ms", "folder_name", "renew_option", "locked", "privacy", "ns_type", "for_sale"] {
                try db.execute(sql: "CREATE INDEX domain_by_\(column) ON domain(\(column)) WHERE gone = 0")
            }
        }
        try withKeysQueue.close()
        let withKeysEngine = SyncEngine(store: withKeys, client: client, logger: quietLogger())
        var withKeysSummary: PullSummary?
        let withKeysElapsed = try await seconds { withKeysSummary = try await withKeysEngine.pull(PullOptions(pageSize: pageSize)) }
        let withKeysRate = Double(withKeysSummary?.domains ?? 0) / withKeysElapsed
        try withKeys.close()
        let ingest = BenchResult(
            name: "parse + upsert of list_domain pages",
            value: "\(Int(rate)) domains/s (\(pulled) in \(format(elapsed, 2)) s; \(Int(rate / rawRate * 100))% of raw insert); with the eight query-key indexes still there, same run: \(Int(withKeysRate)) domains/s (\(Int(withKeysRate / rawRate * 100))%)",
            budget: "≥ 150k domains/s and ≥ 50% of raw insert", met: rate >= 150_000 && rate >= rawRate / 2,
            json: ["domains_per_s": .number(rate.rounded()), "seconds": .number(elapsed), "ratio_to_raw": .number(rate / rawRate),
                   "with_key_indexes_domains_per_s": .number(withKeysRate.rounded())])
        let raw = BenchResult(
            name: "raw SQLite insert of the same rows (15 columns, prepared)",
            value: "\(Int(rawRate)) rows/s", budget: "reference", met: nil,
            json: ["rows_per_s": .number(rawRate.rounded())])
        return (ingest, raw, store)
    }

    /// The parse side of a pull alone, per path: the generic decoder (JSON
    /// tree, then records) against the `list_domain` fast path, both on the
    /// same canned pages.
    static func decode(bodies: [String: Data], domains: Int, pageSize: Int) throws -> BenchResult {
        let pages = (0...(domains / pageSize)).compactMap { bodies["list_domain:\($0)"] }
        var genericCount = 0, fastCount = 0
        let generic = try timed {
            for body in pages {
                genericCount += try DomainList(try APIResponse.parse(command: "list_domain", body: body).checked()).domains.count
            }
        }
        let fast = timed {
            for body in pages { fastCount += DomainList.fastDecode(body)?.domains.count ?? 0 }
        }
        return BenchResult(
            name: "decode of list_domain pages (parse side only)",
            value: "fast path \(format(fast, 3)) s, generic \(format(generic, 3)) s for \(genericCount) domains (fast path read \(fastCount))",
            budget: "reference", met: nil,
            json: ["fast_s": .number(fast), "generic_s": .number(generic), "domains": .number(Double(genericCount))])
    }

    /// 20 representative queries typed a character at a time: parse, then
    /// count and fetch the visible window (60 rows) with `window(matching:)`
    /// per keystroke.
    static let queries = [
        "tld:com", "exp:<30d", "exp:<90d tld:com", "renew:auto", "lock:no", "privacy:full", "ns:cloudflare",
        "sale:yes", "folder:Sale", "exp:2027-01", "exp:2027-01..2027-03", "-renew:auto", "pending:yes",
        "maple", "get", "tld:de lock:yes", "privacy:none -tld:com", "exp:>1y renew:donot", "bright", "tld:io sale:no",
    ]

    static func filter(store: PortfolioDatabase) throws -> [BenchResult] {
        // The TUI builds the index in the background when it starts; here
        // the build is timed on its own, then every keystroke is answered
        // from it (count and order from memory, the 60 rows by rowid).
        var indexed = false
        let build = try timed { indexed = try store.buildFilterIndex() }
        var samples: [Double] = []
        var labelled: [(Double, String)] = []
        for query in queries {
            var typed = ""
            for ch in query {
                typed.append(ch)
                let text = typed
                let sample = try timed {
                    guard let parsed = try? PortfolioQuery(parsing: text) else { return }
                    // What the Domains pane asks per keystroke: the match
                    // count and the visible rows, in one read.
                    _ = try store.window(matching: parsed, sort: .byName, limit: 60, offset: 0)
                }
                samples.append(sample)
                labelled.append((sample, text))
            }
        }
        // A keystroke on a freshly opened cache before its index is built:
        // SQL, with SQLite's page cache cold.
        var cold = 0.0
        if let path = store.path {
            let fresh = try PortfolioDatabase(path: path)
            cold = try timed { _ = try fresh.window(matching: try PortfolioQuery(parsing: "m"), sort: .byName, limit: 60, offset: 0) }
        }
        // A patch: one edit's worth of changed rows, then the next keystroke.
        let patchNames = try store.names(matching: .all, sort: .byName, limit: 1000, offset: 0)
        var patchRows = try store.domains(named: patchNames)
        for index in patchRows.indices { patchRows[index].folderName = "Bench patch" }
        try store.upsertDomains(patchRows, syncedAtMs: UTCDate.nowMs())
        let patch = try timed { _ = try store.window(matching: try PortfolioQuery(parsing: "folder:\"Bench patch\""), sort: .byName, limit: 60, offset: 0) }
        for index in patchRows.indices { patchRows[index].folderName = "" }
        try store.upsertDomains(patchRows, syncedAtMs: UTCDate.nowMs())
        let count = try store.count()
        let p50 = percentile(samples, 50) * 1000, p99 = percentile(samples, 99) * 1000
        let slowest = labelled.sorted { $0.0 > $1.0 }.prefix(5).map { "'\($0.1)' \(format($0.0 * 1000, 2)) ms" }
        log("filter: slowest keystrokes: \(slowest.joined(separator: ", "))")
        let budget = count >= 1_000_000 ? 40.0 : 5.0
        return [
            BenchResult(name: "filter over \(count) cached domains, per keystroke (count + 60 visible rows)",
                        value: "p50 \(format(p50, 2)) ms, p99 \(format(p99, 2)) ms (\(samples.count) keystrokes\(indexed ? "" : ", NO INDEX: SQL"))",
                        budget: "p99 ≤ \(Int(budget)) ms", met: indexed && p99 <= budget,
                        json: ["p50_ms": .number(p50), "p99_ms": .number(p99), "keystrokes": .number(Double(samples.count))]),
            BenchResult(name: "filter index: build, patch, SQL before it is ready",
                        value: "build \(format(build * 1000, 0)) ms; keystroke after 1,000 rows changed (patch + answer) \(format(patch * 1000, 1)) ms; first read in SQL on a freshly opened cache \(format(cold * 1000, 1)) ms",
                        budget: "reference", met: nil,
                        json: ["build_ms": .number(build * 1000), "patch_ms": .number(patch * 1000), "first_read_ms": .number(cold * 1000)]),
        ]
    }

    /// `PRAGMA quick_check` over the whole cache (what the sync engine may
    /// run before every push) and over the outbox tables alone; the median
    /// of three runs each, the first on a warm page cache like a push's.
    static func quickCheck(store: PortfolioDatabase) throws -> BenchResult {
        func median(_ body: () throws -> Void) throws -> Double {
            try (0..<3).map { _ in try timed(body) }.sorted()[1]
        }
        var ok = true
        let whole = try median { ok = try store.integrityCheck().isOK && ok }
        let outbox = try median { ok = try store.integrityCheck(tables: PortfolioDatabase.outboxTables).isOK && ok }
        return BenchResult(name: "quick_check at \(try store.count()) domains",
                           value: "whole cache \(format(whole * 1000, 1)) ms, outbox tables only \(format(outbox * 1000, 2)) ms\(ok ? "" : " (FAILED)")",
                           budget: "≤ 200 ms before a push", met: whole <= 0.2 && ok,
                           json: ["whole_ms": .number(whole * 1000), "outbox_ms": .number(outbox * 1000), "ok": .bool(ok)])
    }
}
