import DynadotAPI
import Foundation

/// An expired domain on closeout sale: anyone may buy it at its price.
public struct SimCloseout: Sendable, Equatable {
    /// ASCII (punycode) name, lower case.
    public var domain: String
    public var priceCents: Int
    public var renewalCents: Int
    public var endMs: Int64
    public var revenueCents: Int
    public var links: Int
    public var visitors: Int
}

extension SimAccount {
    /// Puts `count` expired names on closeout sale, deterministic from
    /// `seed`, priced $1.99 to $25.99; they are taken until bought.
    public mutating func openCloseouts(count: Int, seed: UInt64, nowMs: Int64) {
        var random = SeededRandom(seed: seed ^ 0xC105_E007)
        for _ in 0..<count {
            let name = "\(random.pick(PortfolioGenerator.words))\(random.pick(PortfolioGenerator.words))\(100 + random.below(900)).\(random.pick(["com", "net", "org"]))"
            guard domainIndex[name] == nil, !closeouts.contains(where: { $0.domain == name }),
                  !auctions.contains(where: { $0.domain == name }) else { continue }
            let renewal = price(forTLD: String(name.split(separator: ".").last ?? "com"))?.renewCents ?? 1099
            closeouts.append(SimCloseout(domain: name, priceCents: 199 + random.below(25) * 100, renewalCents: renewal,
                                         endMs: nowMs + Int64(1 + random.below(14)) * 86_400_000, revenueCents: random.below(2000),
                                         links: random.below(50), visitors: random.below(300)))
            takenNames.insert(name)
        }
        closeouts.sort { $0.domain < $1.domain }
    }
}

/// `get_expired_closeout_domains` (paged, or one name) and
/// `buy_expired_closeout_domain`.
enum SimCloseoutHandlers {
    static let entries: [String: SimCommandEntry] = [
        "get_expired_closeout_domains": SimCommandEntry(responseName: "GetExpiredCloseoutDomainsResponse", domainLimit: nil, handler: list),
        "buy_expired_closeout_domain": SimCommandEntry(responseName: "BuyExpiredCloseoutDomainResponse", domainLimit: .one, handler: buy),
    ]

    /// The reference's shape: each item wrapped in `closeoutItem`, camel case.
    static func itemJSON(_ c: SimCloseout) -> JSONValue {
        .object(["closeoutItem": .object([
            "domainName": .string(c.domain), "domainNameUtf": .string(Punycode.unicodeName(c.domain)),
            "currentPrice": .string(SimMoney.plain(c.priceCents)), "isIdn": .bool(c.domain.contains("xn--")),
            "endTimeStamp": .number(Double(c.endMs)), "renewalPrice": .string(SimMoney.plain(c.renewalCents)),
            "expiredRevenue": .string(SimMoney.plain(c.revenueCents)), "estibotAppraisal": .string("-"),
            "inboundLinks": .number(Double(c.links)), "monthlyVisitors": .number(Double(c.visitors)), "currency": .string("usd"),
        ])])
    }

    static func list(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let shown: [SimCloseout]
        if let name = request["domain"].map({ Punycode.asciiName($0.trimmingCharacters(in: .whitespaces).lowercased()) }), !name.isEmpty {
            shown = account.closeouts.filter { $0.domain == name }
        } else {
            let size = try request["count_per_page"].map { text in
                guard let n = Int(text), n > 0 else { throw SimRefusal(message: "invalid count_per_page \(text)") }
                return n
            } ?? 100
            let page = try request["page_index"].map { text in
                guard let n = Int(text), n >= 0 else { throw SimRefusal(message: "invalid page_index \(text)") }
                return n
            } ?? 0
            let start = min(account.closeouts.count, page * size)
            shown = Array(account.closeouts[start..<min(account.closeouts.count, start + size)])
        }
        return request.ok(["Size": .number(Double(shown.count)), "CloseoutDomains": .array(shown.map(itemJSON))])
    }

    static func buy(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let name = request.domainNames[0]
        guard let index = account.closeouts.firstIndex(where: { $0.domain == name }) else {
            throw SimRefusal(message: "\(name) is not an expired closeout domain")
        }
        let closeout = account.closeouts[index]
        guard account.balanceCents >= closeout.priceCents else {
            throw SimRefusal(status: "insufficient_funds", message: "not enough account balance", code: .number(-1))
        }
        account.balanceCents -= closeout.priceCents
        account.closeouts.remove(at: index)
        account.takenNames.remove(name)
        let owner = account.contacts.first?.id ?? 0
        account.add(SimDomain(
            name: name, expirationMs: SimCalendar.adding(years: 1, to: request.nowMs), registrationMs: request.nowMs,
            nameServers: .parking(withAds: true), contacts: [owner, owner, owner, owner], locked: true, privacy: "full",
            salePriceCents: nil, renewOption: .none, note: "", folderId: -1, renewals: 0, emailForward: nil
        ))
        _ = account.addOrder(at: request.nowMs, items: [SimOrderItem(type: "Expired Closeout", domain: name, years: 1, costCents: closeout.priceCents)])
        return request.ok(code: .string("0"), applied: true)
    }
}
