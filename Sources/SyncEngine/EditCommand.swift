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
            return shape("edit_contact", [("contact_id", id)] + fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        case .buyItNow:
            return shape("buy_it_now", [("currency", "usd")])
        case .register(let years, _, let premium):
            // One year with the account's default contacts goes out as
            // `bulk_register` (100 per call; the planner sends a lone name
            // as `register`); more years need `register`, one per call.
            let flag = premium ? [("premium", "1")] : []
            return years == 1 ? shape("bulk_register", flag + [("currency", "usd")])
                : shape("register", [("duration", String(years))] + flag + [("currency", "usd")])
        case .backorder(let add):
            return shape(add ? "add_backorder_request" : "delete_backorder_request", [])
        case .folderSetting(let change):
            return change.commandShape
        case .transfer:
            // `auth` is added by the push just before sending (PushRun), from
            // the auth-code table: it never enters the plan or the outbox.
            return shape("transfer", [("currency", "usd")])
        case .bid(_, let amount, let backorder):
            return shape(backorder ? "place_backorder_auction_bid" : "place_auction_bid",
                         [("bid_amount", Cents.format(cents: amount)), ("currency", "usd")])
        case .buyCloseout:
            return shape("buy_expired_closeout_domain", [("currency", "usd")])
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

    /// The one way people read an amount: the currency and thousands
    /// separators, `61411291` → `"$614,112.91"`, `-500` → `"-$5.00"`.
    /// (``format(cents:)`` stays the plain form API parameters and JSON use.)
    public static func dollars(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let a = cents.magnitude
        let frac = a % 100
        var whole = String(a / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        return "\(sign)$\(whole)\(grouped).\(frac < 10 ? "0" : "")\(frac)"
    }

    /// The largest amount dynafolio takes from the user: $10,000,000.00
    /// (a price, a minimum offer or a `--max-cost`).
    public static let ceiling: Int64 = 1_000_000_000
    /// `ceiling` as messages and help texts write it.
    public static let ceilingText = "$10,000,000.00"

    /// `"12.34"`, `"$1,234.5"`, `"12"` → cents; `nil` when `parse` refuses
    /// the text (not an amount, negative, more than two decimals, above
    /// `ceiling`).
    public static func parseCents(_ text: String) -> Int64? {
        try? parse(text)
    }

    /// Reads an amount the user typed, in USD: an optional `$`, digits
    /// (commas between thousands allowed), and at most two decimals. Never
    /// rounds and never wraps: `12.345`, negative amounts and amounts above
    /// `ceiling` are refused with a message that names the rule; `what`
    /// names the value in it (e.g. `"--max-cost"`).
    public static func parse(_ text: String, what: String = "amount") throws(MoneyInputError) -> Int64 {
        if let cents = plainCents(text) { return cents }
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        let example = "e.g. 120 or 99.50"
        if rest.hasPrefix("-") {
            throw MoneyInputError(description: "\(what) '\(shown)' is negative; give an amount from 0 to \(ceilingText), \(example)")
        }
        if rest.hasPrefix("$") { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts.first.map { $0.filter { $0 != "," } } ?? ""
        let fraction = parts.count > 1 ? String(parts[1]) : nil
        guard !whole.isEmpty || !(fraction ?? "").isEmpty,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }),
              (fraction ?? "").allSatisfy({ $0.isASCII && $0.isNumber }),
              !(parts.first ?? "").hasPrefix(","), !(parts.first ?? "").hasSuffix(","), !(parts.first ?? "").contains(",,") else {
            throw MoneyInputError(description: "\(what) '\(shown)' is not an amount in USD; \(example)")
        }
        if let fraction, fraction.count > 2 {
            throw MoneyInputError(description: "\(what) '\(shown)' has more than two decimals; amounts are whole cents (nothing is rounded), \(example)")
        }
        var cents: Int64 = 0
        var overflow = false
        for digit in whole + (fraction ?? "").padding(toLength: 2, withPad: "0", startingAt: 0) {
            // Checked above: every character is an ASCII digit.
            let d = Int64(digit.wholeNumberValue ?? 0)
            let (times, o1) = cents.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(d)
            if o1 || o2 { overflow = true; break }
            cents = sum
        }
        if overflow || cents > ceiling {
            throw MoneyInputError(description: "\(what) '\(shown)' is above the ceiling of \(ceilingText); give at most \(ceilingText)")
        }
        return cents
    }
}

extension Cents {
    /// The common amount, read straight from its bytes: ASCII digits with
    /// at most one `.` and at most two decimals, at most 10 whole digits,
    /// within `ceiling` — what `parse` returns for it. Nil for anything
    /// else (spaces, `$`, commas, a sign, an error to word), which `parse`
    /// reads the long way.
    static func plainCents(_ text: String) -> Int64? {
        var whole: Int64 = 0, fraction: Int64 = 0
        var wholeDigits = 0, fractionDigits = 0, seenDot = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int64(byte - UInt8(ascii: "0"))
                if seenDot {
                    guard fractionDigits < 2 else { return nil }
                    fraction = fraction * 10 + digit
                    fractionDigits += 1
                } else {
                    guard wholeDigits < 10 else { return nil }
                    whole = whole * 10 + digit
                    wholeDigits += 1
                }
            case UInt8(ascii: "."):
                guard !seenDot else { return nil }
                seenDot = true
            default:
                return nil
            }
        }
        guard wholeDigits + fractionDigits > 0 else { return nil }
        let cents = whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
        return cents <= ceiling ? cents : nil
    }
}

/// Why an amount the user typed was refused; the description names the
/// rule and an example.
public struct MoneyInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message, e.g. "price '12.345' has more than two decimals; …".
    public let description: String
    /// A refusal with its message.
    public init(description: String) { self.description = description }
}

extension SaleTerms {
    /// The rule the amounts must keep, beyond each one's own parsing: the
    /// minimum offer is not above the price. Throws a message naming it.
    public func checkAmounts() throws(MoneyInputError) {
        if let price = priceCents, let minimum = minimumOfferCents, minimum > price {
            throw MoneyInputError(description: "--min-offer \(Cents.dollars(minimum)) is above the price \(Cents.dollars(price)); a minimum offer must not exceed the price — lower it or raise the price")
        }
    }
}
