import DynadotAPI
import Foundation

/// One backorder request.
public struct SimBackorder: Sendable, Equatable {
    public var domain: String
    public var addedMs: Int64
    /// `Active`, `Caught`, or `Lost` (caught, but the balance could not pay).
    public var status: String
}

extension SimAccount {
    /// Catches every active backorder whose delay has passed: the domain
    /// joins the account and its TLD's registration price is charged
    /// (`Lost` when the balance cannot pay or the name is gone).
    mutating func settleBackorders(nowMs: Int64) {
        for index in backorders.indices where backorders[index].status == "Active" {
            guard backorders[index].addedMs + backorderCatchMs <= nowMs else { continue }
            let name = backorders[index].domain
            guard domainIndex[name] == nil, let dot = name.firstIndex(of: "."),
                  let price = price(forTLD: String(name[name.index(after: dot)...])), balanceCents >= price.registerCents else {
                backorders[index].status = "Lost"
                continue
            }
            balanceCents -= price.registerCents
            let owner = contacts.first?.id ?? 0
            add(SimDomain(
                name: name, expirationMs: SimCalendar.adding(years: 1, to: nowMs), registrationMs: nowMs,
                nameServers: .parking(withAds: true), contacts: [owner, owner, owner, owner], locked: true, privacy: "full",
                salePriceCents: nil, renewOption: .none, note: "", folderId: -1, renewals: 0, emailForward: nil
            ))
            _ = addOrder(at: nowMs, items: [SimOrderItem(type: "Domain Backorder", domain: name, years: 1, costCents: price.registerCents)])
            backorders[index].status = "Caught"
        }
    }
}

/// `add_backorder_request`, `delete_backorder_request`, `backorder_request_list`.
enum SimBackorderHandlers {
    static let entries: [String: SimCommandEntry] = [
        "add_backorder_request": SimCommandEntry(responseName: "AddBackorderRequestResponse", domainLimit: .upTo100, handler: add),
        "delete_backorder_request": SimCommandEntry(responseName: "DeleteBackorderRequestResponse", domainLimit: .upTo100, handler: delete),
        "backorder_request_list": SimCommandEntry(responseName: "BackorderRequestListResponse", domainLimit: nil, handler: list),
    ]

    static func add(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleBackorders(nowMs: request.nowMs)
        let names = request.domainNames
        for name in names {
            if account.domainIndex[name] != nil { throw SimRefusal(message: "\(name) is already in your account") }
            if case .unsupported = account.availability(of: name) { throw SimRefusal(message: "\(name): unsupported tld") }
        }
        // Adding a name already on the list again changes nothing.
        for name in names where !account.backorders.contains(where: { $0.domain == name && $0.status == "Active" }) {
            account.backorders.append(SimBackorder(domain: name, addedMs: request.nowMs, status: "Active"))
        }
        return request.ok(applied: true)
    }

    static func delete(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleBackorders(nowMs: request.nowMs)
        let names = request.domainNames
        for name in names where !account.backorders.contains(where: { $0.domain == name && $0.status == "Active" }) {
            throw SimRefusal(message: "\(name) is not in your backorder request list")
        }
        account.backorders.removeAll { names.contains($0.domain) && $0.status == "Active" }
        return request.ok(applied: true)
    }

    static func list(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleBackorders(nowMs: request.nowMs)
        let from = try day(request["start_date"] ?? request["startDate"])
        let until = try day(request["end_date"] ?? request["endDate"])
        let shown = account.backorders.filter { entry in
            let cutoff = SimCalendar.slashDate(entry.addedMs + account.backorderCatchMs)
            return (from.map { cutoff >= $0 } ?? true) && (until.map { cutoff <= $0 } ?? true)
        }
        let items: [JSONValue] = shown.map { entry in
            .object(["DomainName": .string(entry.domain), "CutoffTime": .string(String(entry.addedMs + account.backorderCatchMs)),
                     "BackorderRequestStatus": .string(entry.status)])
        }
        return request.ok(["BackorderRequestList": .array(items)])
    }

    /// `2015-05-05` or `2015-5-5` as `2015/05/05` (comparable with
    /// `SimCalendar.slashDate`); nil when absent.
    static func day(_ text: String?) throws -> String? {
        guard let text, !text.isEmpty else { return nil }
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2], (1...12).contains(m), (1...31).contains(d) else {
            throw SimRefusal(message: "invalid date \(text): use yyyy-mm-dd")
        }
        return String(format: "%04d/%02d/%02d", y, m, d)
    }
}
