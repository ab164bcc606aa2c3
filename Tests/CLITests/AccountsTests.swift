import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// Obviously fake keys of the two simulated accounts.
let alphaTestKey = "FAKE-ALPHA-ACCOUNT-KEY-1"
let betaTestKey = "FAKE-BETA-ACCOUNT-KEY-2"

/// Two simulators (different keys, seeds and portfolios) and a world whose
/// config.toml names them `alpha` (the default) and `beta`; each account's
/// cache sits in XDG_DATA_HOME. Both servers stop, also when `body` throws.
func withTwoAccounts<T>(alphaDomains: Int = 12, betaDomains: Int = 17, betaKeyInConfig: String = betaTestKey,
                        _ body: (SimServer, SimServer, CLIWorld) async throws -> T) async throws -> T {
    let alpha = SimServer(configuration: SimConfiguration(domainCount: alphaDomains, seed: 11, apiKey: alphaTestKey,
                                                          referenceDate: cliReferenceDate))
    let beta = SimServer(configuration: SimConfiguration(domainCount: betaDomains, seed: 23, apiKey: betaTestKey,
                                                         referenceDate: cliReferenceDate))
    var started: [SimServer] = []
    do {
        let alphaEndpoint = try await alpha.start()
        started.append(alpha)
        let betaEndpoint = try await beta.start()
        started.append(beta)
        let world = try CLIWorld()
        world.key = nil
        world.extraEnvironment["DYNAFOLIO_DB"] = ""
        try world.writeConfig("""
            [accounts.alpha]
            api_key = "\(alphaTestKey)"
            endpoint = "\(alphaEndpoint.absoluteString)"
            default = true

            [accounts.beta]
            api_key = "\(betaKeyInConfig)"
            endpoint = "\(betaEndpoint.absoluteString)"
            """)
        let result = try await body(alpha, beta, world)
        for server in started { try await server.stop() }
        return result
    } catch {
        for server in started { try? await server.stop() }
        throw error
    }
}

extension CLIWorld {
    /// Writes config.toml (0600, as dynafolio requires).
    func writeConfig(_ text: String) throws {
        let url = URL(fileURLWithPath: configPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: configPath)
    }

    /// `$XDG_DATA_HOME/dynafolio/NAME.sqlite`, where an account's cache lives.
    func accountCachePath(_ name: String) -> String {
        root.appendingPathComponent("data-home/dynafolio/\(name).sqlite").path
    }
}

extension SimServer {
    var domainNames: Set<String> { Set(state.read { $0.domains.map(\.name) }) }
}

@Suite("Several accounts")
struct AccountsTests {
    @Test("sync --all-accounts fills one cache per account; ls --all-accounts --json names each domain's account")
    func syncAllAndListByAccount() async throws {
        try await withTwoAccounts { alpha, beta, world in
            let synced = try await world.ok("sync", "--all-accounts")
            #expect(synced.stdout.contains("alpha: synced 12 domains"))
            #expect(synced.stdout.contains("beta: synced 17 domains"))
            #expect(FileManager.default.fileExists(atPath: world.accountCachePath("alpha")))
            #expect(FileManager.default.fileExists(atPath: world.accountCachePath("beta")))
            #expect(alpha.domainNames.isDisjoint(with: beta.domainNames))

            let listed = try await world.ok("ls", "--all-accounts", "--json")
            let rows = listed.json?.list ?? []
            #expect(rows.count == 29)
            for row in rows {
                let name = row["name"]?.text ?? ""
                let expected = alpha.domainNames.contains(name) ? "alpha" : beta.domainNames.contains(name) ? "beta" : "?"
                #expect(row["account"]?.text == expected, "\(name)")
            }
            // Merged in name order across both caches.
            let names = rows.compactMap { $0["name"]?.text }
            #expect(names == names.sorted())

            // Without --all-accounts: the default account only, no "account" field.
            let alphaOnly = try await world.ok("ls", "--json").json?.list ?? []
            #expect(Set(alphaOnly.compactMap { $0["name"]?.text }) == alpha.domainNames)
            #expect(alphaOnly.allSatisfy { $0["account"] == nil })
            let betaOnly = try await world.ok("ls", "--json", "--account", "beta").json?.list ?? []
            #expect(Set(betaOnly.compactMap { $0["name"]?.text }) == beta.domainNames)
            let viaEnvironment = try await world.run("ls", "--json", environment: ["DYNAFOLIO_ACCOUNT": "beta"])
            #expect(Set((viaEnvironment.json?.list ?? []).compactMap { $0["name"]?.text }) == beta.domainNames)

            // The table gains an account column.
            let table = try await world.ok("ls", "--all-accounts")
            let lines = table.stdout.split(separator: "\n")
            #expect(lines.count == 29)
            #expect(lines.allSatisfy { $0.hasPrefix("alpha  ") || $0.hasPrefix("beta   ") })

            let accounts = try await world.ok("accounts", "--json").json?.list ?? []
            #expect(accounts.compactMap { $0["name"]?.text } == ["alpha", "beta"])
            #expect(accounts.first?["domains"]?.int == 12)
            #expect(accounts.last?["domains"]?.int == 17)
            #expect(accounts.first?["default"]?.bool == true)
            #expect(accounts.first?["username"]?.text == "simuser11")
            #expect(accounts.last?["username"]?.text == "simuser23")
            #expect(accounts.allSatisfy { $0["synced"]?.text != nil && $0["balance"]?.text != nil && $0["queued"]?.int == 0 })
            let output = try world.allOutput()
            #expect(!output.contains(alphaTestKey) && !output.contains(betaTestKey))
        }
    }

    @Test("expiring --all-accounts covers both caches and names the account")
    func expiringAllAccounts() async throws {
        try await withTwoAccounts(alphaDomains: 40, betaDomains: 40) { alpha, beta, world in
            try await world.ok("sync", "--all-accounts")
            let result = try await world.run("expiring", "--all-accounts", "--within", "3m", "--json")
            let rows = result.json?.list ?? []
            let single = try await world.run("expiring", "--within", "3m", "--json")
            let betaSingle = try await world.run("expiring", "--within", "3m", "--json", "--account", "beta")
            #expect(rows.count == (single.json?.list.count ?? 0) + (betaSingle.json?.list.count ?? 0))
            #expect(result.status == (rows.isEmpty ? 0 : 10))
            for row in rows {
                let name = row["name"]?.text ?? ""
                #expect(row["account"]?.text == (alpha.domainNames.contains(name) ? "alpha" : "beta"))
            }
            let dates = rows.compactMap { $0["expires"]?.text }
            #expect(dates == dates.sorted())
        }
    }

    @Test("one account failing to sync leaves the other's sync and cache intact")
    func syncAllOneFails() async throws {
        try await withTwoAccounts(betaKeyInConfig: "FAKE-WRONG-BETA-KEY") { alpha, _, world in
            let result = try await world.run("sync", "--all-accounts")
            #expect(result.status == 1)
            #expect(result.stdout.contains("alpha: synced 12 domains"))
            #expect(result.stderr.contains("beta:"))
            #expect(!result.stderr.contains("alpha:"))
            let alphaRows = try await world.ok("ls", "--json").json?.list ?? []
            #expect(Set(alphaRows.compactMap { $0["name"]?.text }) == alpha.domainNames)
            #expect(!(try world.allOutput()).contains("FAKE-WRONG-BETA-KEY"))
        }
    }

    @Test("a cache synced from account A, opened as account B, is refused with both names")
    func otherAccountsCacheRefused() async throws {
        try await withTwoAccounts { alpha, beta, world in
            try await world.ok("sync", "--account", "alpha")
            // Point beta at alpha's cache.
            let refused = try await world.run("sync", "--account", "beta", environment: ["DYNAFOLIO_DB": world.accountCachePath("alpha")])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("simuser11"))
            #expect(refused.stderr.contains("simuser23"))
            #expect(beta.requests("list_domain").isEmpty)
            // Nothing of beta reached alpha's cache.
            let rows = try await world.ok("ls", "--json").json?.list ?? []
            #expect(Set(rows.compactMap { $0["name"]?.text }) == alpha.domainNames)
            // A push from it is refused before anything is sent.
            let name = try #require(alpha.domainNames.sorted().first)
            try await world.ok("set", "note", "alpha only", "--domains", name)
            let push = try await world.run("push", "--yes", "--account", "beta", environment: ["DYNAFOLIO_DB": world.accountCachePath("alpha")])
            #expect(push.status == 1)
            #expect(push.stderr.contains("simuser11") && push.stderr.contains("simuser23"))
            #expect(beta.requests("set_note").isEmpty)
        }
    }

    @Test("an unknown account is a usage error listing the accounts")
    func unknownAccount() async throws {
        try await withTwoAccounts { _, _, world in
            let result = try await world.run("ls", "--account", "gamma")
            #expect(result.status == 2)
            #expect(result.stderr.contains("gamma") && result.stderr.contains("alpha, beta"))
            let viaEnvironment = try await world.run("ls", environment: ["DYNAFOLIO_ACCOUNT": "gamma"])
            #expect(viaEnvironment.status == 2)
            let missing = try await world.run("ls", "--account")
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("--account needs an account name"))
        }
    }

    @Test("DYNADOT_API_KEY overrides the chosen account's key only")
    func keyOverride() async throws {
        try await withTwoAccounts(betaKeyInConfig: "FAKE-STALE-BETA-KEY") { _, beta, world in
            let withStale = try await world.run("sync", "--account", "beta")
            #expect(withStale.status != 0)
            let overridden = try await world.run("sync", "--account", "beta", environment: ["DYNADOT_API_KEY": betaTestKey])
            #expect(overridden.status == 0, "\(overridden.stderr)")
            #expect(!beta.requests("list_domain").isEmpty)
            // The override goes to the chosen account (beta), never to alpha.
            let all = try await world.run("sync", "--all-accounts", "--account", "beta", environment: ["DYNADOT_API_KEY": betaTestKey])
            #expect(all.status == 0, "\(all.stderr)")
            #expect(!(try world.allOutput()).contains(betaTestKey))
        }
    }

    @Test("upgrading keeps the single-account cache: the account default still uses cache.sqlite")
    func upgradeKeepsCache() async throws {
        try await withSimWorld(simConfiguration(domains: 9)) { server, world in
            world.key = nil
            world.extraEnvironment["DYNAFOLIO_DB"] = ""
            try world.writeConfig("api_key = \"\(cliTestKey)\"\n")
            try await world.ok("sync")
            let legacy = world.root.appendingPathComponent("data-home/dynafolio/cache.sqlite").path
            #expect(FileManager.default.fileExists(atPath: legacy))
            // A second account joins; the old keys are the account `default`, still the default.
            try world.writeConfig("""
                api_key = "\(cliTestKey)"

                [accounts.other]
                api_key = "FAKE-OTHER-KEY"
                endpoint = "http://127.0.0.1:9/api3.json"
                """)
            let rows = try await world.ok("ls", "--json").json?.list ?? []
            #expect(Set(rows.compactMap { $0["name"]?.text }) == server.domainNames)
            let accounts = try await world.ok("accounts", "--json").json?.list ?? []
            #expect(accounts.compactMap { $0["name"]?.text } == ["default", "other"])
            #expect(accounts.first?["cache"]?.text == legacy)
            #expect(accounts.first?["domains"]?.int == 9)
            #expect(accounts.last?["synced"]?.text == nil)
            #expect(!FileManager.default.fileExists(atPath: world.accountCachePath("other")))
        }
    }

    @Test("push --all-accounts pushes each account's own queue; one failing leaves the other's results intact")
    func pushAllOneFails() async throws {
        try await withTwoAccounts { alpha, beta, world in
            try await world.ok("sync", "--all-accounts")
            let alphaName = try #require(alpha.domainNames.sorted().first)
            let betaName = try #require(beta.domainNames.sorted().first)
            try await world.ok("set", "note", "alpha note", "--domains", alphaName)
            try await world.ok("set", "note", "beta note", "--domains", betaName, "--account", "beta")
            // An edit for a domain of the other account is refused, not queued there.
            let wrong = try await world.run("set", "note", "misplaced", "--domains", betaName)
            #expect(wrong.status != 0)
            let refusedAll = try await world.run("push", "--all-accounts")
            #expect(refusedAll.status == 2)

            beta.setFaults(SimFaults(outageRate: 1.0))
            let pushed = try await world.run("push", "--all-accounts", "--yes")
            #expect(pushed.status == 1)
            #expect(pushed.stdout.contains("alpha: pushed: 1 applied"))
            #expect(pushed.stderr.contains("beta: "))
            #expect(alpha.domain(alphaName)?.note == "alpha note")
            #expect(beta.domain(betaName)?.note != "beta note")
            #expect(beta.requests("set_note").allSatisfy { !$0.domains.contains(alphaName) })
            #expect(alpha.requests("set_note").allSatisfy { !$0.domains.contains(betaName) })
            // Alpha's result is recorded; beta's change is still queued.
            let alphaRow = domainsByName(try await world.ok("ls", "--json").json)[alphaName]
            #expect(alphaRow?["note"]?.text == "alpha note")
            #expect(alphaRow?["pending"]?.list.isEmpty == true)
            let betaRow = domainsByName(try await world.ok("ls", "--json", "--account", "beta").json)[betaName]
            #expect(betaRow?["pending"]?.list.first?["state"]?.text == "pending")

            beta.setFaults(SimFaults())
            let again = try await world.run("push", "--all-accounts", "--yes")
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stdout.contains("alpha: nothing to push"))
            #expect(beta.domain(betaName)?.note == "beta note")
            let accounts = try await world.ok("accounts", "--json").json?.list ?? []
            #expect(accounts.allSatisfy { $0["queued"]?.int == 0 })
        }
    }

    @Test("bad [accounts] tables are refused with what to do; several accounts and no default need a choice")
    func badAccountTables() async throws {
        let world = try CLIWorld()
        world.key = nil
        let cases: [(String, String, Int32)] = [
            ("[accounts.Client_A]\napi_key = \"FAKE-K\"\n", "must be 1 to 32 lowercase letters", 1),
            ("[accounts.a]\ndefault = true\n[accounts.b]\ndefault = true\n", "a, b all say default = true", 1),
            ("[accounts.a]\ncolour = 1\n", "unknown setting 'colour' in [accounts.a]", 1),
            ("[accounts.all]\napi_key = \"FAKE-K\"\n", "[accounts.all] cannot be used: `all` names the TUI's All-accounts view", 1),
            ("[accounts.a]\ndefault = \"yes\"\n", "accounts.a.default must be true or false", 1),
            ("api_key = \"FAKE-K\"\n[accounts.default]\napi_key = \"FAKE-L\"\n", "keep one of them", 1),
            ("[accounts.a]\napi_key = \"FAKE-K\"\n[accounts.b]\napi_key = \"FAKE-L\"\n", "none has default = true", 2),
        ]
        for (text, message, status) in cases {
            try world.writeConfig(text)
            let result = try await world.run("ls")
            #expect(result.status == status, "\(text)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        // Without a chosen account, `accounts` still lists them all.
        let listed = try await world.ok("accounts", "--json").json?.list ?? []
        #expect(listed.compactMap { $0["name"]?.text } == ["a", "b"])
        #expect(listed.allSatisfy { $0["default"]?.bool == false })
        let bad = try await world.run("ls", "--account=../x")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("must be 1 to 32 lowercase letters"))
    }
}
