/// The query language by example: the examples error messages, `?` help
/// and the README give for each key.
extension PortfolioQuery {
    /// One example per key, as error messages and help list them.
    static func shortExample(for key: Key) -> String {
        switch key {
        case .tld: return "tld:com,net"
        case .folder: return "folder:client*"
        case .exp: return "exp:<30d"
        case .days: return "days:<45"
        case .registered: return "registered:<1y"
        case .renew: return "renew:auto"
        case .privacy: return "privacy:full"
        case .ns: return "ns:*.cloudflare.com"
        case .note: return "note:WORD"
        case .sale: return "sale:yes"
        case .price: return "price:100..1000"
        case .selected: return "selected:yes"
        case .changed: return "changed:<7d"
        case .lock, .pending, .failed, .gone: return "\(key.rawValue):yes"
        }
    }

    static func listExample(for key: Key) -> String {
        switch key {
        case .tld: return "com,net"
        case .folder: return "Sale,none"
        case .renew: return "auto,none"
        case .privacy: return "full,partial"
        case .ns: return "cloudflare,dynadot"
        case .exp: return "overdue,<30d"
        default: return shortExample(for: key).split(separator: ":").last.map(String.init) ?? ""
        }
    }

    static func example(for key: Key) -> String {
        switch key {
        case .tld: return "tld:com (tld:com,net for either)"
        case .folder: return "folder:Sale (folder:none for domains in no folder, folder:client* for a prefix)"
        case .exp: return "exp:<30d, exp:2027-01 or exp:2027-01..2027-03"
        case .days: return "days:<45 or days:10..30"
        case .registered: return "registered:<1y, registered:2020 or registered:2019..2021"
        case .renew: return "renew:auto"
        case .privacy: return "privacy:full"
        case .ns: return "ns:cloudflare (ns:*.cloudflare.com for a suffix)"
        case .note: return "note:resell"
        case .sale: return "sale:yes or sale:>500"
        case .price: return "price:>500 or price:100..1000"
        case .changed: return "changed:<7d (changed by a push or remotely in the last 7 days)"
        case .lock, .selected, .pending, .failed, .gone: return "\(key.rawValue):yes"
        }
    }

    /// The query language by example, for `?` help and the README.
    public static let reference: [(example: String, meaning: String)] = [
        ("shop", "the name contains 'shop' (ASCII or Unicode)"),
        ("a b / a OR b", "both terms hold / either; OR binds loosest"),
        ("(a OR b) c", "parentheses group; -term or -( … ) negates"),
        ("tld:com,net", "any of the values (not note/price/sale/days)"),
        ("folder:Sale", "the folder; folder:none, folder:client* prefix"),
        ("ns:*.cloudflare.com", "a name server ends with it; ns:ns1* starts"),
        ("note:WORD", "the note contains the word"),
        ("exp:<30d", "expires within 30d; exp:2027-01, exp:overdue"),
        ("days:<45", "under 45 days left; days:10..30, days:>=0"),
        ("registered:<1y", "registered under a year ago; registered:2020"),
        ("price:100..1000", "asking price in dollars; sale:>500 too"),
        ("sale:yes", "listed for sale; lock:yes, renew:auto|donot|none"),
        ("privacy:full", "privacy:full, privacy:partial, privacy:none"),
        ("selected:yes", "in the selection (TUI only)"),
        ("pending:yes", "queued changes; failed:yes; gone:yes (else hidden)"),
        ("changed:<7d", "changed by a push or remotely in the last 7 days"),
    ]
}
