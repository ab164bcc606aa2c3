import DynadotAPI

/// How an edit goes on the wire: the command and its parameters other than
/// the domain list. Intents whose edits map to the same (command, parameters)
/// can share one call, up to the command's domain limit.
public struct CommandShape: Sendable, Hashable {
    public var command: String
    public var parameters: [QueryParameter]
}

extension Edit {
    /// The command shape for this edit. `expiryYear` is the year the domain
    /// currently expires (cached); a renewal always carries it so a resent
    /// renewal is refused by the provider instead of charged twice.
    public func commandShape(expiryYear: Int?) -> CommandShape {
        func shape(_ command: String, _ pairs: [(String, String)]) -> CommandShape {
            CommandShape(command: command, parameters: pairs.map { QueryParameter($0.0, $0.1) })
        }
        switch self {
        case .nameServers(let hosts):
            let normalised = hosts.map(Self.normaliseHost)
            return shape("set_ns", normalised.enumerated().map { ("ns\($0.offset)", $0.element) })
        case .parking(let ads):
            return shape("set_parking", ads ? [] : [("with_ads", "no")])
        case .forwarding(let url, let permanent):
            return shape("set_forwarding", [("forward_url", url)] + (permanent ? [("is_temp", "no")] : []))
        case .stealth(let url, let title):
            return shape("set_stealth", [("stealth_url", url)] + (title.isEmpty ? [] : [("stealth_title", title)]))
        case .dns(let set):
            return shape("set_dns2", set.parameters)
        case .renewOption(let choice):
            return shape("set_renew_option", [("renew_option", choice == .none ? "reset" : choice.rawValue)])
        case .privacy(let choice):
            return shape("set_privacy", [("option", choice == .none ? "off" : choice.rawValue)])
        case .lock:
            return shape("lock_domain", [])
        case .folder(let name):
            return shape("set_folder", [("folder", name.isEmpty ? "Default" : name)])
        case .note(let text):
            return shape("set_note", [("note", text)])
        case .forSale(let terms):
            var pairs: [(String, String)] = [("for_sale_type", "marketplace"), ("listing_type", terms.listingType)]
            if let p = terms.priceCents { pairs.append(("price", Cents.format(cents: p))) }
            if let m = terms.minimumOfferCents { pairs.append(("minimum_offer", Cents.format(cents: m))) }
            return shape("set_for_sale", pairs)
        case .unlist:
            return shape("set_for_sale", [("for_sale_type", "not_for_sale")])
        case .contacts(let r, let a, let t, let b):
            var pairs: [(String, String)] = []
            if let r { pairs.append(("registrant_contact", r)) }
            if let a { pairs.append(("admin_contact", a)) }
            if let t { pairs.append(("technical_contact", t)) }
            if let b { pairs.append(("billing_contact", b)) }
            return shape("set_whois", pairs)
        case .renew(let years):
            var pairs: [(String, String)] = [("duration", String(years))]
            if let expiryYear { pairs.append(("year", String(expiryYear))) }
            return shape("renew", pairs)
        case .editContact(let id, let fields):
            return shape("edit_contact", [("contact_id", id)] + fields.keys.sorted().map { ($0, fields[$0]!) })
        case .buyItNow:
            return shape("buy_it_now", [("currency", "usd")])
        }
    }
}

/// Money amounts as integer cents, the way the cache stores them.
public enum Cents {
    /// `1234` → `"12.34"`.
    public static func format(cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let a = abs(cents)
        let frac = a % 100
        return "\(sign)\(a / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// `"12.34"`, `"$1,234.5"`, `"12"` → cents; `nil` when not an amount
    /// (`"12x"`). The provider's money parser (`Money.parse`) reads it.
    public static func parseCents(_ text: String) -> Int64? {
        Money.parse(text)?.cents
    }
}

import Foundation
