import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

@Suite("Order filters and contact usage")
struct PaneQueryTests {
    static func order(_ id: String, _ date: String, _ status: String) -> OrderRow {
        OrderRow(id: id, submittedMs: ms(date), currency: "USD", totalCostCents: 1099, status: status,
                 items: [OrderItemRow(itemType: "Domain Renewal", domain: "o\(id).com", duration: 1, costCents: 1099, status: status)])
    }

    @Test("orders are filtered by date range (end exclusive) and status in SQL, newest first")
    func orderFilter() throws {
        let store = try makeStore()
        try store.upsertOrders([Self.order("1", "2026-05-01", "Completed"), Self.order("2", "2026-05-10", "Processing"),
                                Self.order("3", "2026-05-20", "Completed"), Self.order("4", "2026-06-01", "Completed")],
                               syncedAtMs: testNow)
        #expect(try store.orders(matching: OrderFilter()).map(\.id) == ["4", "3", "2", "1"])
        let may = OrderFilter(fromMs: ms("2026-05-01"), untilMs: ms("2026-06-01"))
        #expect(try store.orders(matching: may).map(\.id) == ["3", "2", "1"])
        var completedInMay = may
        completedInMay.status = "completed"
        #expect(try store.orders(matching: completedInMay).map(\.id) == ["3", "1"])
        #expect(try store.orderCount(matching: completedInMay) == 2)
        #expect(try store.orders(matching: OrderFilter(status: "")).count == 4)
        #expect(try store.orders(matching: may, limit: 1, offset: 1).first?.items.first?.domain == "o2.com")
    }

    @Test("the status filter matches the start of the status: `complete` finds orders shown as Completed")
    func orderStatusPrefix() throws {
        let store = try makeStore()
        try store.upsertOrders([Self.order("1", "2026-05-01", "Completed"), Self.order("2", "2026-05-10", "Processing")],
                               syncedAtMs: testNow)
        #expect(try store.orders(matching: OrderFilter(status: "complete")).map(\.id) == ["1"])
        #expect(try store.orderCount(matching: OrderFilter(status: " COMPLETE ")) == 1)
        #expect(try store.orders(matching: OrderFilter(status: "proc")).map(\.id) == ["2"])
        #expect(try store.orders(matching: OrderFilter(status: "completedx")).isEmpty)
    }

    @Test("an order status refresh rewrites the order and its items; an unknown order changes nothing")
    func orderStatusUpdate() throws {
        let store = try makeStore()
        try store.upsertOrders([Self.order("2", "2026-05-10", "Processing")], syncedAtMs: testNow)
        #expect(try store.updateOrderStatus(id: "2", status: "Completed", itemStatuses: ["O2.com": "Completed"], syncedAtMs: testNow))
        let order = try #require(try store.orders(matching: OrderFilter()).first)
        #expect(order.status == "Completed")
        #expect(order.items.first?.status == "Completed")
        #expect(try store.updateOrderStatus(id: "99", status: "Completed", syncedAtMs: testNow) == false)
    }

    @Test("contact usage counts present domains per role")
    func contactUsage() throws {
        let store = try makeStore()
        var a = DomainRow(name: "a.com", expiresMs: testNow)
        a.registrantID = "1"; a.adminID = "1"; a.technicalID = "2"; a.billingID = "1"
        var b = DomainRow(name: "b.com", expiresMs: testNow)
        b.registrantID = "1"; b.adminID = "2"; b.technicalID = "2"; b.billingID = nil
        var gone = DomainRow(name: "c.com", expiresMs: testNow)
        gone.registrantID = "1"
        _ = try store.upsertDomains([a, b, gone], syncedAtMs: testNow)
        try store.writer.write { try $0.execute(sql: "UPDATE domain SET gone = 1 WHERE name = 'c.com'") }
        let usage = try store.contactUsage()
        #expect(usage["1"] == ContactUsage(registrant: 2, admin: 1, technical: 0, billing: 1))
        #expect(usage["2"] == ContactUsage(registrant: 0, admin: 1, technical: 2, billing: 0))
        #expect(usage.count == 2)
    }
}
