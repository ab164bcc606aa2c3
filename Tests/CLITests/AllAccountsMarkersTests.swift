import DynadotSim
import Foundation
import PortfolioStore
import Testing

/// Issue 17: `ls --all-accounts` and the TUI's All-accounts view answer the
/// queries that read the queue (`pending:`, `failed:`) from each domain's
/// own account, and agree.
@Suite("Several accounts: queue markers")
struct AllAccountsMarkersTests {
    @Test("ls --all-accounts pending:yes, failed:yes and -pending:yes name each domain with its own account's changes, as the All view's copy does")
    func markersAgreeWithTheAllView() async throws {
        try await withTwoAccounts { alpha, beta, world in
            try await world.ok("sync", "--all-accounts")
            let waiting = try #require(alpha.domainNames.sorted().first)
            let betaNames = beta.domainNames.sorted()
            let (pushed, refused) = (betaNames[0], betaNames[1])
            try await world.ok("set", "note", "waiting", "--domains", waiting)
            try await world.ok("set", "note", "tried", "--domains", "\(pushed),\(refused)", "--account", "beta")
            // Dynadot no longer knows one of beta's two: its change fails.
            try beta.removeDomain(refused)
            let push = try await world.run("push", "--yes", "--account", "beta")
            #expect(push.status == 3, "\(push.stderr)")

            func listed(_ query: String) async throws -> [String: String] {
                let rows = try await world.ok("ls", "--all-accounts", query, "--json").json?.list ?? []
                return Dictionary(uniqueKeysWithValues: rows.compactMap { row in
                    row["name"]?.text.map { ($0, row["account"]?.text ?? "?") }
                })
            }
            #expect(try await listed("pending:yes") == [waiting: "alpha"])
            #expect(try await listed("failed:yes") == [refused: "beta"])
            let notPending = try await listed("-pending:yes")
            var everyOther = Dictionary(uniqueKeysWithValues: alpha.domainNames.map { ($0, "alpha") })
            for name in beta.domainNames { everyOther[name] = "beta" }
            // Gone from Dynadot, still in beta's cache until beta syncs.
            everyOther[refused] = "beta"
            everyOther[waiting] = nil
            #expect(notPending == everyOther)

            // The All view's merged copy of the same two caches agrees.
            let merged = try PortfolioDatabase(inMemoryWithClock: PortfolioDatabase.systemClock)
            let accountOf = try merged.copyAccounts(["alpha", "beta"].map {
                AccountCacheSource(account: $0, path: world.accountCachePath($0))
            })
            for query in ["pending:yes", "failed:yes", "-pending:yes", "pending:no failed:no", "pending:yes OR failed:yes"] {
                let view = try merged.names(matching: PortfolioQuery(parsing: query))
                let byAccount = Dictionary(uniqueKeysWithValues: view.map { ($0, accountOf[$0] ?? "?") })
                #expect(try await listed(query) == byAccount, "'\(query)'")
            }
        }
    }
}
