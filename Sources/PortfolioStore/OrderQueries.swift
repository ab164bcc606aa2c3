import Foundation
import GRDB

/// Which cached orders the Orders pane shows: a date range and a status.
public struct OrderFilter: Sendable, Hashable {
    /// Submitted at or after this instant (ms since 1970), if set.
    public var fromMs: Int64?
    /// Submitted before this instant, if set (exclusive, so a whole day is
    /// `day ..< day + 1`).
    public var untilMs: Int64?
    /// The start of the order status, compared case-insensitively, if set:
    /// `complete` and `Completed` both match orders the provider calls
    /// "Completed".
    public var status: String?

    public init(fromMs: Int64? = nil, untilMs: Int64? = nil, status: String? = nil) {
        self.fromMs = fromMs
        self.untilMs = untilMs
        self.status = status.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// No condition: every cached order.
    public var isEmpty: Bool { fromMs == nil && untilMs == nil && status == nil }
}

/// Filtered order reads and status updates (`get_order_status`).
extension PortfolioDatabase {
    /// Cached orders matching `filter`, newest first (ids are numbers as
    /// text: a longer id is newer within a day), with their items; the
    /// filter runs in SQL so only the window is read.
    public func orders(matching filter: OrderFilter, limit: Int = 500, offset: Int = 0) throws -> [OrderRow] {
        try writer.read { db in
            try decodeOrders(db, Row.fetchAll(db, sql: """
                SELECT id, submitted_ms, currency, payment_method, total_cost_cents, total_paid_cents, status, extra_json
                FROM "order"
                WHERE (? IS NULL OR submitted_ms >= ?) AND (? IS NULL OR submitted_ms < ?)
                    AND (? IS NULL OR substr(lower(status), 1, length(?)) = lower(?))
                ORDER BY submitted_ms DESC, length(id) DESC, id DESC LIMIT ? OFFSET ?
                """, arguments: [filter.fromMs, filter.fromMs, filter.untilMs, filter.untilMs,
                                 filter.status, filter.status, filter.status, limit, offset]))
        }
    }

    /// Order rows (selected as `orders(matching:)` does) with their items;
    /// unreadable orders and items are left out (see `skippedRows`).
    func decodeOrders(_ db: Database, _ rows: [Row]) throws -> [OrderRow] {
        var orders: [OrderRow] = []
        for row in rows {
            guard var order = decodeRow(row, table: "order", { c in
                OrderRow(id: try c.text(0), submittedMs: try c.optionalInt64(1), currency: try c.text(2),
                         paymentMethod: try c.text(3), totalCostCents: try c.optionalInt64(4),
                         totalPaidCents: try c.optionalInt64(5), status: try c.text(6), extraJSON: try c.optionalText(7))
            }) else { continue }
            // The order id leads each item row so a skipped item is named by it.
            let items = try Row.fetchAll(db, sql: """
                SELECT order_id || '#' || position, item_type, domain, duration, cost_cents, status
                FROM order_item WHERE order_id = ? ORDER BY position
                """, arguments: [order.id])
            order.items = decodeRows(items, table: "order_item") { c in
                OrderItemRow(itemType: try c.text(1), domain: try c.text(2), duration: try c.optionalInt(3),
                             costCents: try c.optionalInt64(4), status: try c.text(5))
            }
            orders.append(order)
        }
        return orders
    }

    /// How many cached orders match `filter`.
    public func orderCount(matching filter: OrderFilter) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM "order" WHERE (? IS NULL OR submitted_ms >= ?) AND (? IS NULL OR submitted_ms < ?)
                    AND (? IS NULL OR substr(lower(status), 1, length(?)) = lower(?))
                """, arguments: [filter.fromMs, filter.fromMs, filter.untilMs, filter.untilMs, filter.status, filter.status, filter.status]) ?? 0
        }
    }

    /// Records a fresher status for a cached order and, by domain, its
    /// items' statuses. Returns false when the order is not cached.
    @discardableResult
    public func updateOrderStatus(id: String, status: String, itemStatuses: [String: String] = [:],
                                  syncedAtMs: Int64) throws -> Bool {
        try write { db in
            try db.execute(sql: #"UPDATE "order" SET status = ?, synced_at_ms = ? WHERE id = ?"#,
                           arguments: [status, syncedAtMs, id])
            guard db.changesCount > 0 else { return false }
            for (domain, itemStatus) in itemStatuses {
                try db.execute(sql: "UPDATE order_item SET status = ? WHERE order_id = ? AND domain = ?",
                               arguments: [itemStatus, id, domain.lowercased()])
            }
            return true
        }
    }
}
