/// The portfolio query language — the one parser behind the TUI's `/`
/// filter and the CLI's `ls QUERY` / `--query`.
///
/// ```
/// query  = all { "OR" all }                        OR binds loosest
/// all    = factor { whitespace factor }            juxtaposition is AND
/// factor = [ "-" ] ( "(" query ")" | key ":" values | value )   "-" negates
/// values = value { "," value }                     any of the values
/// value  = bare | '"' { any but '"' } '"'
/// key    = tld | folder | exp | days | registered | renew | lock | privacy
///        | ns | note | sale | price | selected | pending | failed | gone | changed
/// ```
///
/// A term without a key matches the domain name (ASCII or Unicode form),
/// case-insensitively, as a substring. Examples:
/// `shop tld:com,net exp:<30d -lock:yes`, `(tld:com OR tld:net) days:<45`,
/// `folder:client* ns:*.cloudflare.com`, `price:100..1000 note:resell`,
/// `folder:none registered:<1y`. Gone domains are left out unless a
/// `gone:` term asks for them.
public struct PortfolioQuery: Sendable, Hashable {
    /// The keys the language knows, in the order help texts list them. A
    /// new key is a case here, its example in `example(for:)` and its
    /// reading in `condition(for:value:token:)`.
    public enum Key: String, Sendable, CaseIterable {
        case tld, folder, exp, days, registered, renew, lock, privacy, ns, note, sale, price, selected,
             pending, failed, gone, changed
    }

    /// A value with a `*` at its start, end or both: `client*`,
    /// `*.cloudflare.com`, `*shop*` (lower-cased).
    public enum Wildcard: Sendable, Hashable {
        case prefix(String)
        case suffix(String)
        case infix(String)
    }

    /// Whole numbers from `lower` through `upper` (either end open when nil).
    public struct Bounds: Sendable, Hashable {
        public var lower: Int64?
        public var upper: Int64?
        public init(lower: Int64?, upper: Int64?) {
            self.lower = lower
            self.upper = upper
        }
    }

    /// What one term tests.
    public enum Condition: Sendable, Hashable {
        /// Substring of the ASCII or Unicode name (lower-cased).
        case nameContains(String)
        /// Exact TLD, lower case, without the dot.
        case tld(String)
        /// TLD by prefix or suffix (`tld:c*`).
        case tldMatching(Wildcard)
        /// Exact folder name, case-insensitive; "" is no folder.
        case folder(String)
        /// Folder name by prefix or suffix, case-insensitive (`folder:client*`).
        case folderMatching(Wildcard)
        case expires(ExpiryCondition)
        /// Days left before expiry, as `UTCDate.daysLeft` counts them.
        case daysLeft(Bounds)
        /// Registration date: relative values are ages (`registered:<1y`
        /// is "registered less than a year ago").
        case registered(ExpiryCondition)
        case renew(DomainRow.RenewOption)
        case locked(Bool)
        case privacy(DomainRow.Privacy)
        /// Substring of any name server host or of the ns type.
        case nameserver(String)
        /// Some name server host starts or ends with the text (`ns:*.cloudflare.com`).
        case nameserverMatching(Wildcard)
        /// Substring of the note (ASCII case ignored).
        case note(String)
        case forSale(Bool)
        /// Marketplace asking price in cents, both ends included.
        case salePrice(Bounds)
        /// In the TUI's selection; the TUI resolves it to `.named` before querying.
        case selected(Bool)
        /// Stored name is one of these.
        case named(Set<String>)
        /// Has pending or in-flight outbox intents.
        case pending(Bool)
        /// Has failed or conflicting outbox intents.
        case failed(Bool)
        case gone(Bool)
        /// Changed by a dynafolio push or remotely (a sync found it) within
        /// `amount` units before now: `changed:<7d`.
        case changed(amount: Int, unit: ExpiryCondition.Unit)
        /// Any of the groups holds; each group is terms ANDed together
        /// (from `OR`, parentheses and value lists).
        case anyOf([[Term]])
    }

    /// One parsed term.
    public struct Term: Sendable, Hashable {
        public var condition: Condition
        public var negated: Bool
        public init(_ condition: Condition, negated: Bool = false) {
            self.condition = condition
            self.negated = negated
        }
    }

    /// The terms, ANDed together; empty matches every present domain.
    public var terms: [Term]

    /// A query from already-built terms.
    public init(terms: [Term] = []) { self.terms = terms }

    /// Matches every domain that is not gone.
    public static let all = PortfolioQuery()

    /// Parses `text`; throws a `QueryError` that points at the bad term and
    /// says what to type instead.
    public init(parsing text: String) throws(QueryError) {
        let length = text.count
        guard length <= Self.maxLength else {
            throw QueryError(position: Self.maxLength, length: length - Self.maxLength,
                             message: "a query holds at most 1,000 characters (this one has \(length)); shorten it, or select with --domains a,b,c")
        }
        var parser = Parser(tokens: try Self.tokenize(text), textLength: text.count)
        let groups = try parser.parseAny(depth: 0)
        if let stray = parser.peek {
            throw QueryError(position: stray.position, length: stray.length,
                             message: "')' without a matching '(' — remove it, or open the group, e.g. (tld:com OR tld:net) exp:<30d")
        }
        terms = groups.count == 1 ? groups[0] : [Term(.anyOf(groups))]
    }

    /// The longest query text accepted, in characters.
    public static let maxLength = 1_000

    /// Every key with an example, for error messages and help.
    static let keyList = Key.allCases.map { shortExample(for: $0) }.joined(separator: ", ")

    /// Every condition of the query, groups included, depth first.
    func allConditions() -> [Condition] {
        func walk(_ terms: [Term], into out: inout [Condition]) {
            for term in terms {
                out.append(term.condition)
                if case .anyOf(let groups) = term.condition { for group in groups { walk(group, into: &out) } }
            }
        }
        var out: [Condition] = []
        walk(terms, into: &out)
        return out
    }

    /// Whether a `gone:` term appears anywhere: otherwise gone domains are left out.
    var mentionsGone: Bool {
        allConditions().contains { if case .gone = $0 { return true } else { return false } }
    }

    /// Whether the answer depends on the clock (relative dates, days left).
    var readsClock: Bool {
        allConditions().contains { condition in
            switch condition {
            case .expires(let expiry), .registered(let expiry):
                if case .calendar = expiry { return false }
                return true
            case .daysLeft, .changed: return true
            default: return false
            }
        }
    }

    /// The half-open range `[low, high)` of expiry times whose days left
    /// (`UTCDate.daysLeft`: calendar days from today's UTC date, what the
    /// tables show) lie inside `bounds`.
    static func expiryRange(daysLeft bounds: Bounds, nowMs: Int64) -> (Int64, Int64) {
        let today = UTCDate.startOfDay(nowMs), day: Int64 = 86_400_000
        return (bounds.lower.map { today + $0 * day } ?? .min + 1, bounds.upper.map { today + ($0 + 1) * day } ?? .max)
    }

    /// Whether a `selected:` term still waits for the TUI's selection.
    public var mentionsSelection: Bool {
        allConditions().contains { if case .selected = $0 { return true } else { return false } }
    }

    /// The query with every `selected:` term answered by `names` (the
    /// stored names of the selected domains).
    public func resolvingSelection(_ names: Set<String>) -> PortfolioQuery {
        func resolve(_ terms: [Term]) -> [Term] {
            terms.map { term in
                switch term.condition {
                case .selected(let flag):
                    return Term(.named(names), negated: term.negated != !flag)
                case .anyOf(let groups):
                    return Term(.anyOf(groups.map(resolve)), negated: term.negated)
                default:
                    return term
                }
            }
        }
        return PortfolioQuery(terms: resolve(terms))
    }
}
