import DynadotAPI
import DynadotSim
import Foundation
import Logging
import Testing

/// `search`, `register` and `bulk_register` on the simulator, through the
/// product's client and decoders (issue 18).
@Suite struct AcquireCommandTests {
    func client(_ endpoint: URL) throws -> DynadotClient {
        var quiet = Logger(label: "acquire-test")
        quiet.logLevel = .critical
        return DynadotClient(configuration: try ClientConfiguration(endpoint: endpoint, apiKey: testKey, concurrency: 1, retry: .none),
                             logger: quiet)
    }

    func names(_ server: SimServer, _ count: Int, available: Bool) -> [String] {
        server.state.read { account in
            var found: [String] = []
            var i = 0
            while found.count < count {
                let name = "sim-acquire-\(i).com"
                let kind = account.availability(of: name)
                if case .available = kind, available { found.append(name) }
                if kind == .taken, !available { found.append(name) }
                i += 1
            }
            return found
        }
    }

    @Test func searchAnswersWithPricesAndPremiumAndTheTierLimit() async throws {
        try await withSim(testConfiguration(domains: 20, tier: .regular)) { server, sim in
            let api = try client(sim.endpoint)
            let free = names(server, 1, available: true)[0]
            let result = try SearchResults(try await api.send(APIRequest.make("search", domains: [free], [("show_price", "1")])))
            let price = try #require(server.state.read { $0.price(forTLD: "com")?.registerCents })
            #expect(result.results.map(\.domain) == [free])
            #expect(result.results.first?.available == true)
            #expect(result.results.first?.price?.cents == Int64(price))
            let premium = try SearchResults(try await api.send(APIRequest.make("search", domains: ["xy.com"], [("show_price", "1")])))
            #expect(premium.results.first?.premium == true)
            #expect(premium.results.first?.price?.cents == Int64(price * 50))
            let owned = try #require(server.state.read { $0.domains.first?.name })
            let mine = try SearchResults(try await api.send(APIRequest.make("search", domains: [owned], [("show_price", "1")])))
            #expect(mine.results.first?.available == false)
            await #expect(throws: DynadotError.self) {
                _ = try await api.send(APIRequest.make("search", domains: [free, "other-name.com"], [("show_price", "1")]))
            }
        }
    }

    @Test func registerChecksAvailabilityPremiumAndFunds() async throws {
        try await withSim(testConfiguration(domains: 20)) { server, sim in
            let api = try client(sim.endpoint)
            let free = names(server, 2, available: true)
            let taken = names(server, 1, available: false)[0]
            let registered = try RegisterResult(try await api.send(APIRequest("register", ["domain": free[0], "duration": "2"])))
            #expect(registered.domain == free[0])
            #expect(server.state.read { $0.domain(named: free[0]) } != nil)
            do {
                _ = try await api.send(APIRequest("register", ["domain": free[0], "duration": "1"]))
                Issue.record("a second registration of the same name must be refused")
            } catch let error as DynadotError {
                #expect(error.message.contains("not_available"), "\(error.message)")
            }
            await #expect(throws: DynadotError.self) { _ = try await api.send(APIRequest("register", ["domain": taken, "duration": "1"])) }
            let premium = try #require(server.state.read { account in
                ["qq.com", "zz.com", "ab.com", "xy.com", "abc.com"].first { if case .premium = account.availability(of: $0) { return true } else { return false } }
            })
            do {
                _ = try await api.send(APIRequest("register", ["domain": premium, "duration": "1"]))
                Issue.record("a premium name without premium=1 must be refused")
            } catch let error as DynadotError {
                #expect(error.message.contains("premium"), "\(error.message)")
            }
            let paid = try RegisterResult(try await api.send(APIRequest("register", ["domain": premium, "duration": "1", "premium": "1"])))
            #expect(paid.domain == premium)
            let premiumPrice = try #require(server.state.read { $0.price(forTLD: "com")?.registerCents }) * 50
            #expect(server.state.read { $0.orders.last?.items.first?.costCents } == premiumPrice)
            try server.setBalance(cents: 100)
            do {
                _ = try await api.send(APIRequest("register", ["domain": free[1], "duration": "1"]))
                Issue.record("registering without funds must be refused")
            } catch let error as DynadotError {
                #expect(error.message.contains("balance") || error.message.contains("insufficient"), "\(error.message)")
            }
            #expect(server.state.read { $0.balanceCents } == 100)
        }
    }

    @Test func bulkRegisterAnswersPerNameAndRefusesOnlyTheNamesItCannotPay() async throws {
        try await withSim(testConfiguration(domains: 20)) { server, sim in
            let api = try client(sim.endpoint)
            let free = names(server, 3, available: true)
            let taken = names(server, 1, available: false)[0]
            let price = try #require(server.state.read { $0.price(forTLD: "com")?.registerCents })
            try server.setBalance(cents: price * 2)
            let answer = try BulkRegisterResults(try await api.send(APIRequest.make("bulk_register", domains: free + [taken], [])))
            #expect(answer.items.map(\.domain) == free + [taken])
            #expect(answer.items.map(\.registered) == [true, true, false, false])
            #expect(answer.items[2].message == "insufficient_funds")
            #expect(answer.items[3].message == "not_available")
            #expect(answer.items[0].expirationMs != nil)
            #expect(server.state.read { $0.balanceCents } == 0)
        }
    }
}
