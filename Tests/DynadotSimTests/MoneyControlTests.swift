import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// `/_sim/price` and `/_sim/balance` (and their `SimServer` twins) set up a
/// known price and balance, so money tests can check exact charges.
@Suite("Simulator price and balance controls")
struct MoneyControlTests {
    func expiryYear(_ ms: Int64) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.component(.year, from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    func comDomain(_ server: SimServer) throws -> SimDomain {
        try #require(server.state.read { $0.domains.first { $0.tld == "com" && $0.expirationMs > 0 } })
    }

    func balance(_ client: SimTestClient) async throws -> String? {
        try await client.call("get_account_balance")["BalanceList"]?.list.first?["Amount"]?.text
    }

    @Test func priceControlSetsTheRenewPriceAndRenewChargesItPerYear() async throws {
        try await withSim { server, client in
            let set = try await client.control("/_sim/price", query: "tld=com&renew=32.97")
            #expect(set.status == 200)
            #expect(set.json?["tld"]?.text == "com")
            #expect(set.json?["renew"]?.text == "32.97")
            #expect(set.json?["register"]?.text == "10.99", "prices not named stay")
            let listed = try await client.call("tld_price")["TldPrice"]?.list.first { $0["Tld"]?.text == "com" }
            #expect(listed?["Price"]?["Renew"]?.text == "32.97")
            let domain = try comDomain(server)
            _ = try await client.call("renew", [("domain", domain.name), ("duration", "2"), ("year", String(expiryYear(domain.expirationMs)))])
            #expect(try await balance(client) == "4934.06", "5000.00 − 2 × 32.97")
        }
    }

    @Test func shortBalanceRefusesRenewalWithInsufficientFunds() async throws {
        try await withSim { server, client in
            let set = try await client.control("/_sim/balance", query: "amount=30.00")
            #expect(set.status == 200)
            #expect(set.json?["balance"]?.text == "30.00")
            #expect(try await balance(client) == "30.00")
            try server.setRenewPrice(tld: "com", cents: 3297)
            let domain = try comDomain(server)
            let year = String(expiryYear(domain.expirationMs))
            let refused = try await client.raw("renew", [("domain", domain.name), ("duration", "1"), ("year", year)])
            #expect(refused.statusWord == "insufficient_funds")
            #expect(try await balance(client) == "30.00", "nothing charged")
            #expect(server.state.read { $0.domain(named: domain.name)?.expirationMs } == domain.expirationMs)
            // Exactly enough is enough.
            try server.setBalance(cents: 3297)
            _ = try await client.call("renew", [("domain", domain.name), ("duration", "1"), ("year", year)])
            #expect(try await balance(client) == "0.00")
        }
    }

    @Test func priceCheckAnswersThePriceAndRenewsNothing() async throws {
        try await withSim { server, client in
            try server.setPrice(tld: "com", renew: 2000)
            let domain = try comDomain(server)
            let orders = server.state.read { $0.orders.count }
            let check = try await client.raw("renew", [("domain", domain.name), ("duration", "3"), ("price_check", "1")])
            #expect(check.statusWord == "price_check_success")
            #expect(check.content["Price"]?.text == "60.00")
            #expect(try await balance(client) == "5000.00")
            #expect(server.state.read { $0.domain(named: domain.name)?.expirationMs } == domain.expirationMs)
            #expect(server.state.read { $0.orders.count } == orders)
        }
    }

    @Test func controlsAnswerWithoutChangingWhenNothingIsNamed() async throws {
        try await withSim { _, client in
            #expect(try await client.control("/_sim/balance").json?["balance"]?.text == "5000.00")
            let prices = try await client.control("/_sim/price", query: "tld=net")
            #expect(prices.json?["renew"]?.text == "13.99")
            #expect(prices.json?["transfer"]?.text == "12.99")
        }
    }

    @Test func controlsRefuseBadInputAndSayWhy() async throws {
        try await withSim { server, client in
            for query in ["renew=1.00", "tld=zzz&renew=1.00", "tld=com&renew=abc", "tld=com&renew=-1", "tld=com&price=1"] {
                let reply = try await client.control("/_sim/price", query: query)
                #expect(reply.status == 400, "\(query)")
                #expect(reply.json?["error"]?.text?.isEmpty == false)
            }
            #expect(try await client.control("/_sim/price", query: "tld=zzz&renew=1").json?["error"]?.text?.contains("com") == true)
            for query in ["amount=-5", "amount=lots", "amt=5"] {
                #expect(try await client.control("/_sim/balance", query: query).status == 400, "\(query)")
            }
            #expect(throws: SimControlError.self) { try server.setBalance(cents: -1) }
            #expect(throws: SimControlError.self) { try server.setRenewPrice(tld: "nosuch", cents: 100) }
            #expect(try await balance(client) == "5000.00")
        }
    }

    @Test func controlsAreNeverFaulted() async throws {
        try await withSim(testConfiguration(faults: SimFaults(busyRate: 1, outageRate: 1))) { server, client in
            let balance = try await client.control("/_sim/balance", query: "amount=12.34")
            #expect(balance.json?["balance"]?.text == "12.34")
            let price = try await client.control("/_sim/price", query: "tld=com&register=5.00")
            #expect(price.json?["register"]?.text == "5.00")
            #expect(server.state.read { $0.balanceCents } == 1234)
        }
    }
}
