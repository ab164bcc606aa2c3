import Foundation

// Prices, orders, coupons and the provider's queue
// (reference: TLD Prices, Order List, Get Order Status, Is Processing, List Coupons).
extension CommandCatalog {
    static let orderCommands: [CommandSpec] = [
        read("tld_price", "List registration, renewal and transfer prices per TLD.", [currency] + paging + [.optional("sort")]),
        read(
            "order_list", "List orders by date range, domain or order ID.",
            [
                .required("search_by"),
                // start_date/end_date apply to search_by=date_range. The table does not
                // name the value parameters for search_by=domain / order_id; domain
                // and order_id are the names every other command uses.
                .optional("start_date"), .optional("end_date"), .optional("payment_method"),
                .optional("domain"), .optional("order_id"),
            ]
        ),
        read("get_order_status", "Read the status of one order and its items.", [.required("order_id")]),
        read("is_processing", "Ask whether the provider is still processing this account's last request."),
        read("list_coupons", "List the coupons available for registration, renewal or transfer.", [.required("coupon_type")]),
    ]
}
