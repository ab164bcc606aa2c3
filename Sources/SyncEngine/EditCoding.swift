import DynadotAPI

/// The outbox stores an intent's target and base values as canonical JSON
/// text (sorted keys), so "is this the same value?" is a string comparison
/// and setting a field back to its base value is recognised.
extension Edit {
    /// The encoding version of `encodedValue`, stored with every intent so a
    /// later encoding can read older values (or refuse them plainly).
    public static let valueVersion = 1

    /// Canonical JSON text of the value this edit sets.
    public var encodedValue: String { jsonValue.serialized() }

    var jsonValue: JSONValue {
        switch self {
        case .nameServers(let hosts):
            return .object(["kind": .string("ns"), "hosts": .array(hosts.map { .string(Self.normaliseHost($0)) })])
        case .parking(let ads):
            return .object(["kind": .string("parking"), "ads": .bool(ads)])
        case .forwarding(let url, let permanent):
            return .object(["kind": .string("forward"), "url": .string(url), "permanent": .bool(permanent)])
        case .stealth(let url, let title):
            return .object(["kind": .string("stealth"), "url": .string(url), "title": .string(title)])
        case .dns(let set):
            let records: [JSONValue] = set.records.map {
                .object(["host": .string($0.host), "type": .string($0.type), "value": .string($0.value), "extra": .string($0.extra)])
            }
            return .object(["kind": .string("dns"), "ttl": set.ttl.map { .number(Double($0)) } ?? .null, "records": .array(records)])
        case .renewOption(let choice): return .string(choice.rawValue)
        case .privacy(let choice): return .string(choice.rawValue)
        case .lock: return .string("locked")
        case .folder(let name): return .string(name)
        case .note(let text): return .string(text)
        case .forSale(let terms):
            var fields: [String: JSONValue] = ["listed": .bool(true), "type": .string(terms.listingType)]
            if let p = terms.priceCents { fields["price"] = .number(Double(p)) }
            if let m = terms.minimumOfferCents { fields["min_offer"] = .number(Double(m)) }
            return .object(fields)
        case .unlist:
            return .object(["listed": .bool(false)])
        case .contacts(let r, let a, let t, let b):
            var fields: [String: JSONValue] = [:]
            if let r { fields["registrant"] = .string(r) }
            if let a { fields["admin"] = .string(a) }
            if let t { fields["technical"] = .string(t) }
            if let b { fields["billing"] = .string(b) }
            return .object(fields)
        case .renew(let years):
            return .object(["years": .number(Double(years))])
        case .editContact(let id, let fields):
            return .object(["contact_id": .string(id), "fields": .object(fields.mapValues { .string($0) })])
        case .buyItNow(let price):
            return .object(["buy": .bool(true), "price": price.map { .number(Double($0)) } ?? .null])
        case .register(let years, let price, let premium):
            return .object(["years": .number(Double(years)), "price": price.map { .number(Double($0)) } ?? .null,
                            "premium": .bool(premium)])
        case .backorder(let add):
            return .object(["backorder": .bool(add)])
        case .folderSetting(let change):
            return change.jsonValue
        case .transfer(let price):
            return .object(["transfer": .bool(true), "price": price.map { .number(Double($0)) } ?? .null])
        case .bid(let id, let amount, let backorder):
            return .object(["auction": .string(id), "amount": .number(Double(amount)), "backorder": .bool(backorder)])
        case .buyCloseout(let price):
            return .object(["closeout": .bool(true), "price": price.map { .number(Double($0)) } ?? .null])
        }
    }

    /// Reads an edit back from the outbox.
    public init?(field: IntentField, encodedValue: String) {
        guard let value = try? JSONValue.parse(Data(encodedValue.utf8)) else { return nil }
        switch field {
        case .nameServerSetting:
            switch value["kind"]?.text {
            case "ns": self = .nameServers(value["hosts"]?.list.compactMap(\.text) ?? [])
            case "parking": self = .parking(withAds: value["ads"]?.bool ?? true)
            case "forward": self = .forwarding(url: value["url"]?.text ?? "", permanent: value["permanent"]?.bool ?? false)
            case "stealth": self = .stealth(url: value["url"]?.text ?? "", title: value["title"]?.text ?? "")
            case "dns":
                let records = value["records"]?.list.map {
                    DnsEntry(host: $0["host"]?.text ?? "", type: $0["type"]?.text ?? "", value: $0["value"]?.text ?? "",
                              extra: $0["extra"]?.text ?? "")
                } ?? []
                self = .dns(RecordSet(records: records, ttl: value["ttl"]?.int))
            default: return nil
            }
        case .renewOption:
            guard let c = value.text.flatMap(RenewChoice.init(rawValue:)) else { return nil }
            self = .renewOption(c)
        case .privacy:
            guard let c = value.text.flatMap(PrivacyChoice.init(rawValue:)) else { return nil }
            self = .privacy(c)
        case .lock: self = .lock
        case .folder: self = .folder(value.text ?? "")
        case .note: self = .note(value.text ?? "")
        case .sale:
            if value["listed"]?.bool == true {
                self = .forSale(SaleTerms(listingType: value["type"]?.text ?? "buy_now",
                                          priceCents: value["price"]?.int.map(Int64.init),
                                          minimumOfferCents: value["min_offer"]?.int.map(Int64.init)))
            } else {
                self = .unlist
            }
        case .contacts:
            self = .contacts(registrant: value["registrant"]?.text, admin: value["admin"]?.text,
                             technical: value["technical"]?.text, billing: value["billing"]?.text)
        case .renew:
            self = .renew(years: value["years"]?.int ?? 1)
        case .contact:
            guard let id = value["contact_id"]?.text else { return nil }
            self = .editContact(id: id, fields: (value["fields"]?.fields ?? [:]).compactMapValues(\.text))
        case .purchase:
            self = .buyItNow(priceCents: value["price"]?.int.map(Int64.init))
        case .registration:
            guard let years = value["years"]?.int else { return nil }
            self = .register(years: years, priceCents: value["price"]?.int.map(Int64.init), premium: value["premium"]?.bool ?? false)
        case .backorder:
            guard let add = value["backorder"]?.bool else { return nil }
            self = .backorder(add)
        case .folderSetting:
            guard let change = FolderChange(json: value) else { return nil }
            self = .folderSetting(change)
        case .transfer:
            self = .transfer(priceCents: value["price"]?.int.map(Int64.init))
        case .bid:
            guard let id = value["auction"]?.text, let amount = value["amount"]?.int else { return nil }
            self = .bid(auctionID: id, amountCents: Int64(amount), backorder: value["backorder"]?.bool ?? false)
        case .closeout:
            self = .buyCloseout(priceCents: value["price"]?.int.map(Int64.init))
        }
    }

    /// Host names compare case-insensitively and without a trailing dot.
    static func normaliseHost(_ host: String) -> String {
        // Fast path for a host already in normal form (printable ASCII, no
        // capitals, no trailing dot): every synced name server passes here.
        if let last = host.utf8.last, last != UInt8(ascii: "."),
           host.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E && !($0 >= 0x41 && $0 <= 0x5A) }) {
            return host
        }
        var h = host.trimmingCharacters(in: .whitespaces).lowercased()
        while h.hasSuffix(".") { h.removeLast() }
        return h
    }
}

import Foundation
