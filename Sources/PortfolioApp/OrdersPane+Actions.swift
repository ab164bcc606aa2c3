import PortfolioStore
import SyncEngine
import TerminalUI

extension Action {
    static let showOrders = Action("pane-orders")
    static let orderFilter = Action("order-filter")
    static let orderStatus = Action("order-status")
}

extension ActionScope {
    static let orders = ActionScope("orders", title: "Orders pane")
}

extension OrdersPane {
    /// The tab: its number key, its actions and their default keys.
    static let registration = PaneRegistration(
        scope: .orders, showAction: .showOrders, showDescription: "Orders pane",
        actions: actions(.orders)) { OrdersPane() }

    private static func actions(_ scope: ActionScope) -> [ActionSpec] {
        [
            ActionSpec(.orderFilter, ["/"], scope, "filter by date range and status", hint: "filter"),
            ActionSpec(.orderStatus, ["s"], scope, "refresh the cursor order's status", hint: "status",
                       disabled: { $0.hasAccount ? nil : AppState.needsKey("fetching") }),
        ]
    }
}

extension BackgroundJob {
    /// `get_order_status` for one order.
    static func orderStatus(_ id: String) -> BackgroundJob {
        BackgroundJob(startMessage: "fetching the status of order \(id)…") { engine, _ in
            let result = try await engine.fetchOrderStatus(orderID: id)
            return StatusMessage("order \(id): \(result.orderStatus ?? "no status")")
        }
    }
}
