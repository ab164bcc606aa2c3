import DynadotAPI
import Foundation

/// Commands that spend money or read orders: search, register, renew, delete, orders.
enum SimOrderHandlers {
    static let entries: [String: SimCommandEntry] = [
        "search": SimCommandEntry(responseName: "SearchResponse", domainLimit: nil, handler: search),
        "register": SimCommandEntry(responseName: "RegisterResponse", domainLimit: .one, handler: register),
        "renew": SimCommandEntry(responseName: "RenewResponse", domainLimit: .one, handler: renew),
        "delete": SimCommandEntry(responseName: "DeleteResponse", domainLimit: .one, handler: delete),
        "order_list": SimCommandEntry(responseName: "OrderListResponse", domainLimit: nil, handler: orderList),
        "get_order_status": SimCommandEntry(responseName: "GetOrderStatusResponse", domainLimit: nil, handler: orderStatus),
    ]

    static let graceDeleteMs: Int64 = 5 * 86_400_000

    /// Whether a name outside the account is free: a fixed hash decides, so
    /// the answer is stable across runs; marketplace names are always taken.
    static func isAvailable(_ name: String, in account: SimAccount) -> Bool {
        guard account.domainIndex[name] == nil, !account.listings.contains(where: { $0.domain == name }) else { return false }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash % 3 != 0
    }

    static func years(_ request: SimRequest) throws -> Int {
        let text = try request.required("duration")
        guard let years = Int(text), (1...10).contains(years) else { throw SimRefusal(message: "invalid duration \(text): 1 to 10 years") }
        return years
    }

    static func search(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let names = (0..<100).compactMap { request["domain\($0)"] }.map { Punycode.asciiName($0.trimmingCharacters(in: .whitespaces)) }
        guard !names.isEmpty else { throw SimRefusal(message: "missing required parameter domain0") }
        guard names.count == 1 || account.tier != .regular else {
            throw SimRefusal(message: "regular accounts can search 1 domain per request")
        }
        let showPrice = request["show_price"] == "1"
        let results = names.map { name -> JSONValue in
            let available = isAvailable(name, in: account)
            var fields: [String: JSONValue] = ["DomainName": .string(name), "Available": .string(available ? "yes" : "no")]
            let tld = String(name.split(separator: ".").last ?? "")
            if showPrice, available, let price = account.price(forTLD: tld) {
                fields["Price"] = .string("\(SimMoney.plain(price.registerCents)) in USD")
            }
            return .object(fields)
        }
        return request.ok(["SearchResults": .array(results)], code: .string("0"))
    }

    static func register(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let name = request.domainNames[0]
        let years = try years(request)
        guard let price = account.price(forTLD: String(name.split(separator: ".").last ?? "")) else {
            throw SimRefusal(message: "this tld is not supported")
        }
        guard isAvailable(name, in: account) else { throw SimRefusal(status: "not_available", message: "", code: .number(1)) }
        let cost = price.registerCents * years
        guard account.balanceCents >= cost else {
            throw SimRefusal(status: "insufficient_funds", message: "not enough account balance", code: .number(-1))
        }
        var contacts: [Int] = []
        for role in ["registrant_contact", "admin_contact", "technical_contact", "billing_contact"] {
            let id = Int(request[role] ?? "") ?? account.contacts.first?.id ?? 0
            guard account.contacts.contains(where: { $0.id == id }) else { throw SimRefusal(message: "\(role) \(id) not found") }
            contacts.append(id)
        }
        account.balanceCents -= cost
        let domain = SimDomain(
            name: name, expirationMs: SimCalendar.adding(years: years, to: request.nowMs), registrationMs: request.nowMs,
            nameServers: .parking(withAds: true), contacts: contacts, locked: true, privacy: "full",
            salePriceCents: nil, renewOption: .none, note: "", folderId: -1, renewals: 0, emailForward: nil
        )
        account.add(domain)
        _ = account.addOrder(at: request.nowMs, items: [SimOrderItem(type: "Domain Registration", domain: name, years: years, costCents: cost)])
        // register reports Expiration as a number, unlike the listings.
        return request.ok(["DomainName": .string(name), "Expiration": .number(Double(domain.expirationMs))], applied: true)
    }

    static func renew(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let index = try account.resolve(request)[0]
        let years = try years(request)
        let domain = account.domains[index]
        let currentYear = SimCalendar.year(of: domain.expirationMs)
        if let yearText = request["year"], !yearText.isEmpty, Int(yearText) != currentYear {
            // How the provider refuses a renewal that was already applied.
            throw SimRefusal(message: "the domain expires in \(currentYear), not \(yearText)")
        }
        guard let price = account.price(forTLD: domain.tld) else { throw SimRefusal(message: "this tld is not supported") }
        let cost = price.renewCents * years
        if request["price_check"] == "1" {
            let body = JSONValue.object([request.responseName: .object([
                "ResponseCode": .number(0), "Status": .string("price_check_success"),
                "PriceInfo": .string("Renewal price: \(SimMoney.plain(cost)) USD for \(years) year(s)"),
                "Price": .string(SimMoney.plain(cost)), "Currency": .string("USD"),
            ])])
            return SimAnswer(body: Array(body.serialized().utf8), outcome: "price_check_success")
        }
        guard account.balanceCents >= cost else {
            throw SimRefusal(status: "insufficient_funds", message: "not enough account balance", code: .number(-1))
        }
        account.balanceCents -= cost
        account.domains[index].expirationMs = SimCalendar.adding(years: years, to: domain.expirationMs)
        account.domains[index].renewals += 1
        let order = account.addOrder(at: request.nowMs, items: [SimOrderItem(type: "Domain Renewal", domain: domain.name, years: years, costCents: cost)])
        return request.ok([
            "DomainName": .string(domain.name), "Expiration": .number(Double(account.domains[index].expirationMs)),
            "OrderId": .string(String(order.id)),
        ], applied: true)
    }

    static func delete(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let index = try account.resolve(request)[0]
        let domain = account.domains[index]
        guard domain.renewals == 0, request.nowMs - domain.registrationMs <= graceDeleteMs else {
            throw SimRefusal(status: "grace_expired", message: "domain is past its add grace period", code: .number(1))
        }
        let years = max(1, Int((domain.expirationMs - domain.registrationMs + 86_400_000) / PortfolioGenerator.yearMs))
        account.balanceCents += (account.price(forTLD: domain.tld)?.registerCents ?? 0) * years
        account.remove(domainNamed: domain.name)
        return request.ok(["DomainName": .string(domain.name)], applied: true)
    }

    static func orderJSON(_ order: SimOrder) -> JSONValue {
        .object([
            "OrderId": .string(String(order.id)), "SubmittedDate": .string(SimCalendar.slashDate(order.submittedMs)),
            "Currency": .string("USD"), "PaymentMethod": .string("Account Balance"),
            "TotalCost": .string(SimMoney.dollars(order.totalCents)), "TotalPaid": .string(SimMoney.dollars(order.totalCents)),
            "Status": .string(order.status),
            "ItemList": .array(order.items.map { item in
                .object([
                    "ItemType": .string(item.type), "Name": .string(item.domain), "Duration": .number(Double(item.years)),
                    "Cost": .string(SimMoney.plain(item.costCents)), "Status": .string("Completed"),
                ])
            }),
        ])
    }

    static func orderList(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let searchBy = try request.required("search_by")
        let orders: [SimOrder]
        switch searchBy {
        case "date_range":
            let start = try request.required("start_date"), end = try request.required("end_date")
            let pattern = /^\d{4}\/\d{2}\/\d{2}$/
            guard start.wholeMatch(of: pattern) != nil, end.wholeMatch(of: pattern) != nil else {
                throw SimRefusal(message: "dates must be yyyy/MM/dd")
            }
            orders = account.orders.filter { (start...end).contains(SimCalendar.slashDate($0.submittedMs)) }
        case "domain":
            let name = Punycode.asciiName(try request.required("domain"))
            orders = account.orders.filter { $0.items.contains { $0.domain == name } }
        case "order_id":
            let id = Int(try request.required("order_id"))
            orders = account.orders.filter { $0.id == id }
        default:
            throw SimRefusal(message: "invalid search_by \(searchBy): use date_range, domain or order_id")
        }
        return request.ok(["OrderList": .array(orders.map(orderJSON))])
    }

    static func orderStatus(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let text = try request.required("order_id")
        guard let id = Int(text), let order = account.orders.first(where: { $0.id == id }) else {
            throw SimRefusal(message: "order \(text) not found")
        }
        return request.ok(["OrderStatus": .object([
            "OrderId": .number(Double(order.id)), "OrderStatus": .string(order.status),
            "ItemList": .array(order.items.map { item in
                .object(["ItemTypeName": .string(item.type.lowercased()), "ItemName": .string(item.domain), "ItemStatus": .string("Completed")])
            }),
        ])])
    }
}
