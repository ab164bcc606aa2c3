import DynadotAPI
import DynadotSim
import Foundation
import Testing

@Suite("Money, order and marketplace commands over loopback")
struct OrderCommandTests {
    func year(_ ms: Int64) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.component(.year, from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    @Test func renewChargesMovesExpiryAndRefusesADuplicate() async throws {
        try await withSim { server, client in
            let domain = try #require(server.state.read { $0.domains.first { $0.tld == "com" } })
            let year = year(domain.expirationMs)
            let check = try await client.raw("renew", [("domain", domain.name), ("duration", "1"), ("price_check", "1")])
            #expect(check.statusWord == "price_check_success")
            #expect(check.content["Price"]?.text == "10.99")
            let renewed = try await client.call("renew", [("domain", domain.name), ("duration", "1"), ("year", String(year))])
            let orderId = try #require(renewed["OrderId"]?.text)
            let info = try await client.info(domain.name)
            #expect(Int64(info["Expiration"]?.text ?? "") == renewed["Expiration"].flatMap { $0.int.map(Int64.init) })
            #expect(self.year(Int64(info["Expiration"]?.text ?? "0")!) == year + 1)
            #expect(try await client.call("get_account_balance")["BalanceList"]?.list.first?["Amount"]?.text == "4989.01")
            let duplicate = try await client.raw("renew", [("domain", domain.name), ("duration", "1"), ("year", String(year))])
            #expect(duplicate.statusWord == "error")
            #expect(try await client.call("get_account_balance")["BalanceList"]?.list.first?["Amount"]?.text == "4989.01")
            let status = try await client.call("get_order_status", [("order_id", orderId)])
            #expect(status["OrderStatus"]?["ItemList"]?.list.first?["ItemName"]?.text == domain.name)
            let byDomain = try await client.call("order_list", [("search_by", "domain"), ("domain", domain.name)])
            #expect(byDomain["OrderList"]?.list.contains { $0["OrderId"]?.text == orderId } == true)
        }
    }

    @Test func renewWithoutFundsIsRefused() async throws {
        var configuration = testConfiguration()
        configuration.initialBalanceCents = 500
        try await withSim(configuration) { server, client in
            let domain = server.domainNames()[0]
            let before = try await client.info(domain)["Expiration"]?.text
            let reply = try await client.raw("renew", [("domain", domain), ("duration", "1")])
            #expect(reply.statusWord == "insufficient_funds")
            #expect(try await client.info(domain)["Expiration"]?.text == before)
        }
    }

    @Test func searchRegisterAndGraceDelete() async throws {
        try await withSim { _, client in
            var free: String?
            for i in 0..<20 {
                let name = "fresh-test-name-\(i).com"
                let result = try await client.call("search", [("domain0", name), ("show_price", "1")])["SearchResults"]?.list.first
                if result?["Available"]?.text == "yes" {
                    #expect(result?["Price"]?.text == "10.99 in USD")
                    free = name
                    break
                }
            }
            let name = try #require(free)
            let registered = try await client.raw("register", [("domain", name), ("duration", "2")])
            #expect(registered.statusWord == "success")
            guard case .number = registered.content["Expiration"] else { Issue.record("register answers Expiration as a number"); return }
            #expect(try await client.info(name)["Name"]?.text == name)
            #expect(try await client.raw("register", [("domain", name), ("duration", "1")]).statusWord == "not_available")
            let balance = try await client.call("get_account_balance")["BalanceList"]?.list.first?["Amount"]?.text
            #expect(balance == "4978.02")
            _ = try await client.call("delete", [("domain", name)])
            #expect(try await client.raw("domain_info", [("domain", name)]).error == "could not find domain in your account")
            #expect(try await client.call("get_account_balance")["BalanceList"]?.list.first?["Amount"]?.text == "5000.00")
        }
    }

    @Test func deleteOutsideGraceIsRefused() async throws {
        try await withSim { server, client in
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let old = try #require(server.domainNames { now - $0.registrationMs > 10 * 86_400_000 }.first)
            let reply = try await client.raw("delete", [("domain", old)])
            #expect(reply.statusWord == "grace_expired")
            #expect(try await client.info(old)["Name"]?.text == old)
        }
    }

    @Test func orderListByDateRange() async throws {
        try await withSim { server, client in
            let all = try await client.call("order_list", [("search_by", "date_range"), ("start_date", "2000/01/01"), ("end_date", "2100/12/31")])
            #expect(all["OrderList"]?.list.count == server.state.read { $0.orders.count })
            let none = try await client.call("order_list", [("search_by", "date_range"), ("start_date", "2001/01/01"), ("end_date", "2001/12/31")])
            #expect(none["OrderList"]?.list.isEmpty == true)
            #expect(try await client.raw("order_list", [("search_by", "date_range"), ("start_date", "yesterday"), ("end_date", "2001/12/31")]).statusWord == "error")
        }
    }

    @Test func marketplace() async throws {
        try await withSim { server, client in
            let domain = try #require(server.domainNames { $0.salePriceCents == nil }.first)
            let listed = try await client.raw("set_for_sale", [("domains", domain), ("for_sale_type", "marketplace"), ("listing_type", "buy_now"), ("price", "1234")])
            #expect(listed.text.contains("\"ResponseCode: \":\"0\""))
            #expect(listed.statusWord == "success")
            #expect(try await client.info(domain)["isForSale"]?.text == "yes")
            let item = try await client.raw("get_listing_item", [("domain", domain)])
            #expect(item.envelope == "GetListingsItemResponse")
            #expect(item.content["Listing"]?["Price"]?.text == "1234.00")
            let catalogue = try await client.call("get_listings")["Listing"]?.list ?? []
            #expect(catalogue.contains { $0["Domain"]?.text == domain })
            _ = try await client.raw("set_for_sale", [("domains", domain), ("for_sale_type", "not_for_sale")])
            #expect(try await client.info(domain)["isForSale"]?.text == "no")

            let external = try #require(server.state.read { $0.listings.first })
            let bought = try await client.call("buy_it_now", [("domain", external.domain)])
            #expect(bought["Message"]?.text == "domain order created")
            #expect(try await client.info(external.domain)["Name"]?.text == external.domain)
            #expect(try await client.raw("buy_it_now", [("domain", external.domain)]).statusWord == "error")
        }
    }
}
