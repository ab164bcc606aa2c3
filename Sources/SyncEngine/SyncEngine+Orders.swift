import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

extension SyncEngine {
    /// Asks the provider for one order's status (`get_order_status`) and
    /// records it in the cache (order and items).
    @discardableResult
    public func fetchOrderStatus(orderID: String) async throws -> OrderStatusResult {
        let client = try requireClient()
        do {
            let result = try OrderStatusResult(try await client.send(APIRequest("get_order_status", ["order_id": orderID])))
            var items: [String: String] = [:]
            for item in result.items {
                if let name = item.name, let status = item.status { items[name] = status }
            }
            try store.updateOrderStatus(id: orderID, status: result.orderStatus ?? "", itemStatuses: items, syncedAtMs: store.nowMs)
            return result
        } catch let error as DynadotError {
            if case .transport = error { throw SyncError.offline(error.message) }
            throw error
        }
    }
}
