import DynadotAPI
import DynadotSim
import Foundation
import Logging
import PortfolioStore
import SyncEngine
import Testing
import TerminalUI
@testable import PortfolioApp

/// Obviously fake keys of the two simulated accounts.
private let alphaKey = "FAKE-ALLVIEW-ALPHA-KEY-1"
private let betaKey = "FAKE-ALLVIEW-BETA-KEY-2"

/// Two simulators (different keys, seeds and portfolios, both on
/// 127.0.0.1), one cache file per account synced from each, and an app on
/// the All-accounts view over both. Both simulators stop, also when `body`
/// throws.
final class TwoAccounts {
    let alpha: SimServer
    let beta: SimServer
    let alphaEngine: SyncEngine
    let betaEngine: SyncEngine
    let view: AllAccountsView
    let app: PortfolioApp
    let directory: URL

    private init(alpha: SimServer, beta: SimServer, alphaEngine: SyncEngine, betaEngine: SyncEngine, directory: URL) throws {
        self.alpha = alpha
        self.beta = beta
        self.alphaEngine = alphaEngine
        self.betaEngine = betaEngine
        self.directory = directory
        view = try AllAccountsView(members: [AllAccountsView.Member(name: "alpha", engine: alphaEngine, hasAccount: true),
                                             AllAccountsView.Member(name: "beta", engine: betaEngine, hasAccount: true)])
        app = PortfolioApp(environment: AppEnvironment(allAccounts: view, actions: try ActionTable(), unicode: true, names: ["alpha", "beta"]))
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static func with<T>(_ body: (TwoAccounts) async throws -> T) async throws -> T {
        let reference = Date(timeIntervalSince1970: 1_790_000_000)
        let alpha = SimServer(configuration: SimConfiguration(domainCount: 12, seed: 11, apiKey: alphaKey, referenceDate: reference))
        let beta = SimServer(configuration: SimConfiguration(domainCount: 17, seed: 23, apiKey: betaKey, referenceDate: reference))
        var started: [SimServer] = []
        do {
            let alphaEndpoint = try await alpha.start()
            started.append(alpha)
            let betaEndpoint = try await beta.start()
            started.append(beta)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("allview-tests-\(UUID().uuidString)")
            let alphaEngine = try engine(directory.appendingPathComponent("alpha.sqlite").path, alphaEndpoint, alphaKey)
            let betaEngine = try engine(directory.appendingPathComponent("beta.sqlite").path, betaEndpoint, betaKey)
            _ = try await alphaEngine.pull(PullOptions())
            _ = try await betaEngine.pull(PullOptions())
            let world = try TwoAccounts(alpha: alpha, beta: beta, alphaEngine: alphaEngine, betaEngine: betaEngine, directory: directory)
            let result = try await body(world)
            for server in started { try await server.stop() }
            return result
        } catch {
            for server in started { try? await server.stop() }
            throw error
        }
    }

    private static func engine(_ path: String, _ endpoint: URL, _ key: String) throws -> SyncEngine {
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        let configuration = try ClientConfiguration(endpoint: endpoint, apiKey: key, concurrency: 2,
                                                    retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.02))
        return SyncEngine(store: try PortfolioDatabase(path: path), client: DynadotClient(configuration: configuration, logger: quiet),
                          logger: quiet)
    }

    var alphaNames: Set<String> { Set(alpha.state.read { $0.domains.map(\.name) }) }
    var betaNames: Set<String> { Set(beta.state.read { $0.domains.map(\.name) }) }

    func note(_ server: SimServer, _ name: String) -> String? {
        server.state.read { account in account.domainIndex[name].map { account.domains[$0].note } }
    }

    @discardableResult
    func drive(_ keys: [KeyEvent], size: Size = Size(rows: 24, cols: 80)) async -> [String] {
        let terminal = HeadlessTerminal(size: size, keys: keys)
        await app.runUntilIdle(terminal: terminal)
        return (terminal.lastScreen?.plainText() ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The open intents of `engine`'s outbox, as domain names.
    func queued(_ engine: SyncEngine) throws -> Set<String> {
        Set(try engine.store.intents(in: [.pending]).map(\.domain))
    }
}

@Suite("All-accounts view", .serialized)
struct AllAccountsViewTests {
    @Test("lists both accounts' domains, each with its account in the first column; [all] in the status bar")
    func listsBothAccounts() async throws {
        try await TwoAccounts.with { world in
            #expect(world.alphaNames.isDisjoint(with: world.betaNames))
            #expect(world.app.domainsPane.count == 29)
            for size in [Size(rows: 24, cols: 80), Size(rows: 48, cols: 160)] {
                let lines = await world.drive([], size: size)
                #expect(lines[1].contains("Account") && lines[1].contains("Domain"), "\(lines[1])")
                #expect(lines[size.rows - 2].hasPrefix(" [all] "), "\(lines[size.rows - 2])")
                var checked = 0
                for line in lines[2..<(size.rows - 2)] {
                    let words = line.split(separator: " ").map(String.init)
                    guard let account = words.first, let name = words.dropFirst().first(where: { $0.contains(".") }) else { continue }
                    // Unicode (IDN) names are shown decoded; the ASCII ones are checked.
                    let expected = world.alphaNames.contains(name) ? "alpha" : world.betaNames.contains(name) ? "beta" : nil
                    guard let expected else { continue }
                    #expect(account == expected, "\(line)")
                    checked += 1
                }
                #expect(checked >= 10, "\(lines.joined(separator: "\n"))")
            }
            // Every domain of both caches maps to its own account.
            for name in world.alphaNames { #expect(world.view.account(of: name) == "alpha") }
            for name in world.betaNames { #expect(world.view.account(of: name) == "beta") }
        }
    }

    @Test("filter, sort and select work over both accounts")
    func filterSortSelect() async throws {
        try await TwoAccounts.with { world in
            let query = try PortfolioQuery(parsing: "tld:com")
            let expected = Set(try world.alphaEngine.store.names(matching: query) + world.betaEngine.store.names(matching: query))
            #expect(!expected.isEmpty)
            await world.drive([.char("/")] + AppFixture.typed("tld:com") + [.enter])
            #expect(world.app.domainsPane.count == expected.count)
            await world.drive([.char("*")])
            #expect(try world.app.state.selection.names(in: world.view.store) == expected)
            await world.drive([.escape, .char("/"), .escape, .char("S")])
            #expect(world.app.domainsPane.sort.descending)
            let first = try #require(world.app.domainsPane.cursorDomain)
            #expect(first == world.alphaNames.union(world.betaNames).max())
        }
    }

    @Test("an edit made in the All view is queued into each domain's own account and lands only in its simulator after the push")
    func editLandsInItsOwnAccount() async throws {
        try await TwoAccounts.with { world in
            let alphaDomain = try #require(world.alphaNames.sorted().first { !$0.hasPrefix("xn--") })
            let betaDomain = try #require(world.betaNames.sorted().first { !$0.hasPrefix("xn--") })
            world.app.state.setSelection(Selection([alphaDomain, betaDomain]))
            await world.drive([.char(":")] + AppFixture.typed("set note all-view") + [.enter])
            let message = world.app.state.message?.text ?? ""
            #expect(message.hasPrefix("alpha: queued note on 1 domain; beta: queued note on 1 domain"), "\(message)")
            #expect(try world.queued(world.alphaEngine) == [alphaDomain])
            #expect(try world.queued(world.betaEngine) == [betaDomain])
            // The Domains pane shows both pending, each read from its own outbox.
            let shown = await world.drive([], size: Size(rows: 48, cols: 160))
            for name in [alphaDomain, betaDomain] {
                let row = try #require(shown.first { $0.contains(" \(name) ") && !$0.contains("┌") })
                #expect(row.contains("•"), "\(row)")
            }

            // The Queue: one section per account.
            let queue = await world.drive([.char("7")]).joined(separator: "\n")
            #expect(queue.contains("alpha: Plan: 1 change in 1 API call"), "\(queue)")
            #expect(queue.contains("beta: Plan: 1 change in 1 API call"), "\(queue)")
            // One confirmation shows what each account sends.
            await world.drive([.char("p")])
            let dialog = try #require(world.app.dialog?.0)
            #expect(dialog.summary == "2 changes in 2 API calls across 2 accounts")
            let text = dialog.lines.map { $0.map(\.text).joined() }.joined(separator: "\n")
            #expect(text.contains("alpha: 1 change in 1 API call") && text.contains("beta: 1 change in 1 API call"), "\(text)")
            #expect(text.contains(alphaDomain) && text.contains(betaDomain))
            await world.drive([.char("y")])
            let pushed = world.app.state.message?.text ?? ""
            #expect(pushed.contains("alpha: pushed: 1 done") && pushed.contains("beta: pushed: 1 done"), "\(pushed)")

            #expect(world.note(world.alpha, alphaDomain) == "all-view")
            #expect(world.note(world.beta, betaDomain) == "all-view")
            // Each simulator heard only its own account's domain.
            let alphaSent = world.alpha.recentRequests.filter { $0.command == "set_note" }
            let betaSent = world.beta.recentRequests.filter { $0.command == "set_note" }
            #expect(alphaSent.count == 1 && alphaSent.allSatisfy { $0.parameters["domain"] == alphaDomain })
            #expect(betaSent.count == 1 && betaSent.allSatisfy { $0.parameters["domain"] == betaDomain })
            #expect(world.app.state.queueSize == 0)
        }
    }

    @Test("a push failing on one account leaves the other's results recorded and names the failing account")
    func oneAccountFailing() async throws {
        try await TwoAccounts.with { world in
            let alphaDomain = try #require(world.alphaNames.sorted().first)
            let betaDomain = try #require(world.betaNames.sorted().first)
            world.app.state.setSelection(Selection([alphaDomain, betaDomain]))
            await world.drive([.char(":")] + AppFixture.typed("set note half") + [.enter])
            world.beta.setFaults(SimFaults(httpErrorRate: 1))
            await world.drive([.char("7"), .char("p"), .char("y")])
            let message = world.app.state.message
            #expect(message?.isError == true, "\(message?.text ?? "")")
            #expect(message?.text.contains("alpha: pushed: 1 done") == true, "\(message?.text ?? "")")
            #expect(message?.text.contains("beta: ") == true && message?.text.contains("beta: pushed: 1 done") == false, "\(message?.text ?? "")")
            #expect(world.note(world.alpha, alphaDomain) == "half")
            #expect(world.note(world.beta, betaDomain) != "half")
            // alpha's result is recorded in its own outbox; beta's change is not lost.
            #expect(try world.alphaEngine.store.intents(in: [.done]).map(\.domain) == [alphaDomain])
            #expect(try world.betaEngine.store.intents(in: [.pending, .failed, .inflight]).map(\.domain) == [betaDomain])
            world.beta.setFaults(SimFaults())
        }
    }

    @Test("pending:yes, failed:yes and -pending:yes list each domain with its own account's open and failed changes, read again after an edit and a push")
    func queueMarkersPerAccount() async throws {
        try await TwoAccounts.with { world in
            let alphaNames = world.alphaNames.sorted().filter { !$0.hasPrefix("xn--") }
            let betaNames = world.betaNames.sorted().filter { !$0.hasPrefix("xn--") }
            let waiting = alphaNames[0], pushed = betaNames[0], refused = betaNames[1]
            // Queued from the All view: into alpha, and into beta.
            world.app.state.setSelection(Selection([waiting]))
            await world.drive([.char(":")] + AppFixture.typed("set note waiting") + [.enter])
            world.app.state.setSelection(Selection([pushed, refused]))
            await world.drive([.char(":")] + AppFixture.typed("set note tried") + [.enter])
            world.app.state.setSelection([])
            // beta pushes on its own (as another terminal would); Dynadot no
            // longer knows one of the two domains, so that change fails.
            try world.beta.removeDomain(refused)
            _ = try await world.betaEngine.push(try world.betaEngine.plan().confirmation)
            #expect(try world.betaEngine.store.intents(in: [.failed]).map(\.domain) == [refused])
            #expect(try world.queued(world.betaEngine).isEmpty)
            // What the change feed does when a cache moved.
            world.app.refreshIfChanged()

            /// The rows the Domains pane lists for `text`, with their accounts.
            func listed(_ text: String) async throws -> [String: String] {
                await world.drive([.char("/"), .escape, .char("/")] + AppFixture.typed(text) + [.enter])
                let names = try world.view.store.names(matching: PortfolioQuery(parsing: text))
                #expect(world.app.domainsPane.count == names.count, "'\(text)'")
                return Dictionary(uniqueKeysWithValues: names.map { ($0, world.view.account(of: $0) ?? "?") })
            }
            /// What each account alone answers.
            func alone(_ text: String) throws -> [String: String] {
                let query = try PortfolioQuery(parsing: text)
                var names: [String: String] = [:]
                for name in try world.alphaEngine.store.names(matching: query) { names[name] = "alpha" }
                for name in try world.betaEngine.store.names(matching: query) { names[name] = "beta" }
                return names
            }
            #expect(try await listed("pending:yes") == [waiting: "alpha"])
            let screen = await world.drive([], size: Size(rows: 48, cols: 160))
            let row = try #require(screen.first { $0.contains(" \(waiting) ") && !$0.contains("┌") }, "\(screen.joined(separator: "\n"))")
            #expect(row.split(separator: " ").first == "alpha" && row.contains("•"), "\(row)")
            #expect(try await listed("failed:yes") == [refused: "beta"])
            let notPending = try await listed("-pending:yes")
            #expect(notPending.count == 28 && notPending[waiting] == nil)
            #expect(notPending[refused] == "beta" && notPending[pushed] == "beta" && notPending[alphaNames[1]] == "alpha")
            for text in ["pending:yes", "failed:yes", "-pending:yes", "pending:no failed:no", "-failed:yes", "changed:<1d",
                         "pending:yes OR failed:yes", "-(pending:yes OR failed:yes) tld:com"] {
                #expect(try await listed(text) == alone(text), "'\(text)'")
            }

            // An edit queued from the All view shows in the filter at once.
            world.app.state.setSelection(Selection([pushed]))
            await world.drive([.char(":")] + AppFixture.typed("set note again") + [.enter])
            world.app.state.setSelection([])
            #expect(try await listed("pending:yes") == [waiting: "alpha", pushed: "beta"])
        }
    }

    @Test(":export in the All view writes each row's account first, as ls --all-accounts does: CSV and JSON")
    func exportWithAccounts() async throws {
        try await TwoAccounts.with { world in
            let waiting = try #require(world.betaNames.sorted().first { !$0.hasPrefix("xn--") })
            world.app.state.setSelection(Selection([waiting]))
            await world.drive([.char(":")] + AppFixture.typed("set note waiting") + [.enter])
            world.app.state.setSelection([])
            let expected = { (name: String) in world.alphaNames.contains(name) ? "alpha" : world.betaNames.contains(name) ? "beta" : "?" }

            let csv = world.directory.appendingPathComponent("all.csv")
            await world.drive([.char(":")] + AppFixture.typed("export \(csv.path) all") + [.enter])
            #expect(world.app.state.message?.text.hasPrefix("exported 29 domains to") == true, "\(world.app.state.message?.text ?? "")")
            let lines = String(decoding: try Data(contentsOf: csv), as: UTF8.self).split(separator: "\n").map(String.init)
            #expect(lines.first == "account," + DomainExport.fields(.csv).joined(separator: ","))
            #expect(lines.first.map { $0 + "\n" } == (try DomainExport.Writer(.csv, withAccount: true)).header)
            #expect(lines.count == 30)
            for line in lines.dropFirst() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                #expect(cells[0] == expected(cells[1]), "\(line)")
                // The pending, failed and conflict columns, from the row's own account.
                #expect(cells.suffix(3) == (cells[1] == waiting ? ["note", "", ""] : ["", "", ""]), "\(line)")
            }

            // JSON with the columns shown: `account` beside them, in the order shown.
            let json = world.directory.appendingPathComponent("com.json")
            await world.drive([.char("/"), .escape, .char("/")] + AppFixture.typed("tld:com") + [.enter, .char(":")]
                              + AppFixture.typed("export \(json.path)") + [.enter])
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [[String: Any]])
            let shown = try world.view.store.names(matching: PortfolioQuery(parsing: "tld:com"))
            #expect(objects.map { $0["name"] as? String } == shown)
            #expect(Set(objects.map { $0["account"] as? String }) == ["alpha", "beta"])
            for object in objects {
                let name = try #require(object["name"] as? String)
                #expect(object["account"] as? String == expected(name), "\(object)")
                #expect(Set(object.keys) == Set(["account", "name", "expires", "ns_type", "nameservers", "renew_option", "locked", "privacy",
                                                 "folder", "for_sale", "sale_type", "sale_price", "sale_min_offer", "note"]))
            }
        }
    }

    @Test("panes that show one account say so and how to pick one; their verbs are refused with the same advice")
    func oneAccountPanes() async throws {
        try await TwoAccounts.with { world in
            let lines = await world.drive([.char("3")]).joined(separator: "\n")
            #expect(lines.contains("The DNS pane shows one account at a time."), "\(lines)")
            #expect(lines.contains(":account NAME (alpha, beta)"))
            await world.drive([.char(":")] + AppFixture.typed("import x.csv") + [.enter])
            #expect(world.app.state.message?.text.hasPrefix(":import works on one account: pick it with @ or :account NAME") == true)
        }
    }
}

@Suite struct AllAccountsChoiceTests {
    @Test("the picker offers All accounts and :account all asks for the All view")
    func pickerAndCommand() throws {
        let fixture = try AppFixture(accounts: AccountSwitchTests.accounts)
        let shown = AccountSwitchTests.screen(fixture.drive([.char("@")])).joined(separator: "\n")
        #expect(shown.contains("  All accounts"))
        fixture.drive([.char("j"), .char("j"), .enter])
        #expect(fixture.app.requestedAccount == "all")
        fixture.app.resumeAfterSwitch()
        fixture.drive([.char(":")] + AppFixture.typed("account all") + [.enter])
        #expect(fixture.app.requestedAccount == "all")
    }
}
