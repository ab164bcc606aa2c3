import DynadotSim
@_spi(OutboxWriter) import PortfolioStore
import Testing
@testable import SyncEngine

@Suite(.serialized) struct OrderStatusTests {
    @Test func fetchOrderStatusRecordsTheProviderStatusInTheCache() async throws {
        try await withEngine(domains: 40) { engine, server in
            _ = try await engine.pull(PullOptions())
            let order = try #require(try engine.store.orders(matching: OrderFilter(), limit: 1).first)
            // The cache is behind: the provider's answer replaces it.
            try engine.store.upsertOrders([OrderRow(id: order.id, submittedMs: order.submittedMs, status: "Processing",
                                                    items: order.items)], syncedAtMs: 0)
            let result = try await engine.fetchOrderStatus(orderID: order.id)
            #expect(server.count("get_order_status") == 1)
            #expect(result.orderId == order.id)
            let cached = try #require(try engine.store.orders(matching: OrderFilter(), limit: 1).first)
            #expect(cached.status == result.orderStatus)
            #expect(cached.status != "Processing")
            await #expect(throws: (any Error).self) { try await engine.fetchOrderStatus(orderID: "999999999") }
        }
    }
}
