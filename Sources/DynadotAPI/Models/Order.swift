import Foundation

/// One line of an order (`order_list`).
public struct OrderItem: Sendable, Equatable {
    /// `Domain Registration`, `Domain Renewal`, `Domain Transfer`, …
    public var type: String
    public var domain: String?
    public var years: Int?
    public var cost: Money?
    public var status: String?

    public init(type: String, domain: String?, years: Int?, cost: Money?, status: String?) {
        self.type = type
        self.domain = domain
        self.years = years
        self.cost = cost
        self.status = status
    }

    init(json: JSONValue, currency: String?) {
        self.init(type: json.first("ItemType", "ItemTypeName", "Type")?.nonEmptyText ?? "",
                  domain: json.first("Name", "ItemName", "Domain", "OrderItemDomain")?.nonEmptyText,
                  years: json.first("Duration", "Years")?.looseInt,
                  cost: json["Cost"]?.money?.defaultingCurrency(to: currency),
                  status: json.first("Status", "ItemStatus")?.nonEmptyText)
    }
}

/// One order from `order_list`.
public struct Order: Sendable, Equatable {
    public var id: String
    /// Submission date, epoch milliseconds (UTC midnight for `yyyy/MM/dd`).
    public var dateMs: Int64?
    public var currency: String?
    public var paymentMethod: String?
    public var totalCost: Money?
    public var totalPaid: Money?
    /// `Submitted`, `Completed`, `Problem`, …, as sent.
    public var status: String?
    public var items: [OrderItem]

    public init(id: String, dateMs: Int64?, currency: String?, paymentMethod: String?, totalCost: Money?,
                totalPaid: Money?, status: String?, items: [OrderItem]) {
        self.id = id
        self.dateMs = dateMs
        self.currency = currency
        self.paymentMethod = paymentMethod
        self.totalCost = totalCost
        self.totalPaid = totalPaid
        self.status = status
        self.items = items
    }

    /// Reads one order object; `nil` without an `OrderId`.
    public init?(json: JSONValue) {
        guard case .object = json, let id = json["OrderId"]?.identifier else { return nil }
        let currency = json["Currency"]?.nonEmptyText?.uppercased()
        let itemNodes = json.first("ItemList", "OrderItem", "Items")
        let items = (itemNodes.flatMap { $0["OrderItem"] } ?? itemNodes)?.list ?? []
        self.init(id: id,
                  dateMs: json.first("SubmittedDate", "Date")?.dateMilliseconds,
                  currency: currency,
                  paymentMethod: json["PaymentMethod"]?.nonEmptyText,
                  totalCost: json.first("TotalCost", "Cost")?.money?.defaultingCurrency(to: currency),
                  totalPaid: json["TotalPaid"]?.money?.defaultingCurrency(to: currency),
                  status: json["Status"]?.nonEmptyText,
                  items: items.filter { if case .object = $0 { return true } else { return false } }
                      .map { OrderItem(json: $0, currency: currency) })
    }
}

/// An `order_list` answer.
public struct OrderList: Sendable, Equatable {
    public var orders: [Order]

    public init(orders: [Order]) { self.orders = orders }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let items = checked.firstList([["OrderList", "OrderItem"], ["OrderList"]]) else {
            throw checked.missing("OrderList")
        }
        self.init(orders: items.compactMap(Order.init(json:)))
    }
}

/// A `get_order_status` answer.
public struct OrderStatusResult: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var type: String
        public var name: String?
        public var status: String?
        public init(type: String, name: String?, status: String?) {
            self.type = type
            self.name = name
            self.status = status
        }
    }

    public var orderId: String
    /// `Shopping`, `Submitted`, `Waitpay`, `Processing`, `Completed`,
    /// `Problem`, `Deleted`, `Cancelled`, as sent.
    public var orderStatus: String?
    public var items: [Item]

    public init(orderId: String, orderStatus: String?, items: [Item]) {
        self.orderId = orderId
        self.orderStatus = orderStatus
        self.items = items
    }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        let node = checked.firstObject([["OrderStatus"]]) ?? checked.content
        guard let id = node["OrderId"]?.identifier else { throw checked.missing("OrderStatus.OrderId") }
        let items = node.first("ItemList", "Item")?.list.map {
            Item(type: $0.first("ItemTypeName", "ItemType")?.nonEmptyText ?? "",
                 name: $0.first("ItemName", "Name")?.nonEmptyText,
                 status: $0["ItemStatus"]?.nonEmptyText)
        } ?? []
        self.init(orderId: id, orderStatus: node["OrderStatus"]?.nonEmptyText, items: items)
    }
}
