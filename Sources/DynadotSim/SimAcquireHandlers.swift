import DynadotAPI
import Foundation

/// What `search` finds for one name in the simulated registry.
public enum SimAvailability: Sendable, Equatable {
    /// Free to register at this price (USD cents, one year).
    case available(cents: Int)
    /// A premium name: `premium=1` is needed, at this price.
    case premium(cents: Int)
    /// Registered already (in this account or someone else's), or listed for sale.
    case taken
    /// The TLD is not sold.
    case unsupported
}

extension SimAccount {
    /// The registry the simulator plays, a pure function of the name and the
    /// account: a name in this account, listed in the marketplace or in
    /// `takenNames` is taken; one whose FNV-1a hash is divisible by 4 is
    /// taken by someone else; a label of at most 3 characters is premium
    /// (50 × the TLD's registration price); anything else is available at
    /// the TLD's registration price. Tests read it to pick names.
    public func availability(of name: String) -> SimAvailability {
        let ascii = Punycode.asciiName(name)
        guard let dot = ascii.firstIndex(of: "."), let price = price(forTLD: String(ascii[ascii.index(after: dot)...])) else {
            return .unsupported
        }
        if domainIndex[ascii] != nil || takenNames.contains(ascii) || listings.contains(where: { $0.domain == ascii }) {
            return .taken
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in ascii.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        if hash % 4 == 0 { return .taken }
        let label = ascii[..<dot]
        return label.count <= 3 ? .premium(cents: price.registerCents * 50) : .available(cents: price.registerCents)
    }

    /// Registers `name` for `years` and takes the cost off the balance; the
    /// refusal says why not (taken, premium without `premium=1`, funds).
    mutating func register(_ name: String, years: Int, premiumAccepted: Bool, nowMs: Int64) throws -> SimDomain {
        let cents: Int
        switch availability(of: name) {
        case .available(let price): cents = price
        case .premium(let price):
            guard premiumAccepted else { throw SimRefusal(message: "this domain is a premium domain, please use premium option") }
            cents = price
        case .taken: throw SimRefusal(status: "not_available", message: "not_available", code: .number(1))
        case .unsupported: throw SimRefusal(message: "unsupported tld")
        }
        let cost = cents * years
        guard balanceCents >= cost else {
            throw SimRefusal(status: "insufficient_funds", message: "not enough account balance", code: .number(-1))
        }
        balanceCents -= cost
        let owner = contacts.first?.id ?? 0
        let domain = SimDomain(
            name: Punycode.asciiName(name), expirationMs: SimCalendar.adding(years: years, to: nowMs), registrationMs: nowMs,
            nameServers: .parking(withAds: true), contacts: [owner, owner, owner, owner], locked: true, privacy: "full",
            salePriceCents: nil, renewOption: .none, note: "", folderId: -1, renewals: 0, emailForward: nil
        )
        add(domain)
        _ = addOrder(at: nowMs, items: [SimOrderItem(type: "Domain Registration", domain: domain.name, years: years, costCents: cost)])
        return domain
    }
}

/// Availability and registration: `search`, `register`, `bulk_register`.
enum SimAcquireHandlers {
    static let entries: [String: SimCommandEntry] = [
        "search": SimCommandEntry(responseName: "SearchResponse", domainLimit: nil, handler: search),
        "register": SimCommandEntry(responseName: "RegisterResponse", domainLimit: .one, handler: register),
        "bulk_register": SimCommandEntry(responseName: "BulkRegisterResponse", domainLimit: nil, handler: bulkRegister),
    ]

    /// `domain0…domain99`, in order, as ASCII names.
    static func indexedNames(_ request: SimRequest) throws -> [String] {
        let names = (0..<100).compactMap { request["domain\($0)"] }
            .map { Punycode.asciiName($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
        if names.isEmpty { throw SimRefusal(message: "missing required parameter domain0") }
        return names
    }

    static func search(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let names = try indexedNames(request)
        if account.tier == .regular && names.count > 1 {
            throw SimRefusal(message: "regular account can only search 1 domain per request")
        }
        let showPrice = request["show_price"] == "1"
        let results: [JSONValue] = names.map { name in
            var fields: [String: JSONValue] = ["DomainName": .string(name)]
            switch account.availability(of: name) {
            case .available(let cents):
                fields["Available"] = .string("yes")
                if showPrice { fields["Price"] = .string("\(SimMoney.plain(cents)) in USD") }
            case .premium(let cents):
                fields["Available"] = .string("yes")
                fields["Premium"] = .string("yes")
                if showPrice { fields["Price"] = .string("\(SimMoney.plain(cents)) in USD") }
            case .taken, .unsupported:
                fields["Available"] = .string("no")
            }
            return .object(fields)
        }
        // The provider answers a one-name search as an object, more as a list.
        return request.ok(["SearchResults": results.count == 1 ? results[0] : .array(results)], code: .string("0"))
    }

    static func years(_ request: SimRequest) throws -> Int {
        let text = try request.required("duration")
        guard let years = Int(text), (1...10).contains(years) else { throw SimRefusal(message: "invalid duration \(text)") }
        return years
    }

    static func register(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let name = request.domainNames[0]
        let domain = try account.register(name, years: try years(request), premiumAccepted: request["premium"] == "1", nowMs: request.nowMs)
        return request.ok(["DomainName": .string(domain.name), "Expiration": .number(Double(domain.expirationMs))], applied: true)
    }

    static func bulkRegister(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let names = try indexedNames(request)
        guard names.count <= 100 else { throw SimRefusal(message: "too many domains: at most 100 per request") }
        var applied = false
        let results: [JSONValue] = names.map { name in
            do {
                let domain = try account.register(name, years: 1, premiumAccepted: request["premium"] == "1", nowMs: request.nowMs)
                applied = true
                return .object(["DomainName": .string(name), "Expiration": .string(String(domain.expirationMs)),
                                "Result": .string("success"), "Message": .string("-")])
            } catch let refusal as SimRefusal {
                return .object(["DomainName": .string(name), "Expiration": .string("-"), "Result": .string("error"),
                                "Message": .string(refusal.status == "error" ? refusal.message : refusal.status)])
            } catch {
                return .object(["DomainName": .string(name), "Expiration": .string("-"), "Result": .string("error"),
                                "Message": .string("\(error)")])
            }
        }
        return request.ok(["BulkRegister": .array(results)], applied: applied)
    }
}
