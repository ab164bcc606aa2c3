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

// MARK: - Tokens

extension PortfolioQuery {
    /// A whitespace-separated term, a parenthesis or `OR`, before interpretation.
    struct Token {
        enum Kind { case term, open, close, or }
        var kind: Kind = .term
        var position: Int
        var length: Int
        var negated: Bool
        var key: String?
        var value: String
        var quoted: Bool
        var raw: String
    }

    static func tokenize(_ text: String) throws(QueryError) -> [Token] {
        let chars = Array(text)
        var tokens: [Token] = []
        var i = 0
        func mark(_ kind: Token.Kind, at start: Int, negated: Bool = false) {
            tokens.append(Token(kind: kind, position: start, length: i - start, negated: negated, key: nil, value: "",
                                quoted: false, raw: String(chars[start..<i])))
        }
        while i < chars.count {
            if chars[i].isWhitespace { i += 1; continue }
            if chars[i] == ")" { i += 1; mark(.close, at: i - 1); continue }
            let start = i
            var negated = false
            if chars[i] == "-" { negated = true; i += 1 }
            if i < chars.count, chars[i] == "(" { i += 1; mark(.open, at: start, negated: negated); continue }
            var key: String?
            var value = ""
            var quoted = false
            var bare = ""
            while i < chars.count, !chars[i].isWhitespace, chars[i] != ")" {
                let c = chars[i]
                if c == "\"" {
                    let open = i
                    i += 1
                    var inner = ""
                    while i < chars.count, chars[i] != "\"" { inner.append(chars[i]); i += 1 }
                    guard i < chars.count else {
                        throw QueryError(position: open, length: chars.count - open,
                                         message: "unclosed quote — end the value with \", e.g. folder:\"For Sale\"")
                    }
                    i += 1
                    bare += inner
                    quoted = true
                    continue
                }
                if c == ":", key == nil, !quoted {
                    key = bare
                    bare = ""
                    i += 1
                    continue
                }
                bare.append(c)
                i += 1
            }
            value = bare
            let raw = String(chars[start..<i])
            if negated, key == nil, value.isEmpty, !quoted {
                throw QueryError(position: start, length: i - start,
                                 message: "'-' needs a term after it, e.g. -lock:yes or -shop")
            }
            if !negated, key == nil, !quoted, value == "OR" {
                mark(.or, at: start)
                continue
            }
            tokens.append(Token(position: start, length: i - start, negated: negated, key: key,
                                value: value, quoted: quoted, raw: raw))
        }
        return tokens
    }

    /// Recursive descent over the tokens: `OR` of ANDed factors.
    struct Parser {
        var tokens: [Token]
        var index = 0
        let textLength: Int

        var peek: Token? { index < tokens.count ? tokens[index] : nil }

        static let maxDepth = 16

        /// `all { OR all }`: the groups, each terms ANDed.
        mutating func parseAny(depth: Int) throws(QueryError) -> [[Term]] {
            var groups: [[Term]] = []
            while true {
                let before = peek
                let group = try parseAll(depth: depth)
                if group.isEmpty, let before, before.kind == .or || !groups.isEmpty {
                    throw QueryError(position: before.position, length: before.length,
                                     message: "OR needs a term on each side, e.g. tld:com OR tld:net")
                }
                if group.isEmpty, before == nil, !groups.isEmpty {
                    throw QueryError(position: max(textLength - 2, 0), length: min(2, textLength),
                                     message: "OR needs a term on each side, e.g. tld:com OR tld:net")
                }
                groups.append(group)
                guard let next = peek, next.kind == .or else { break }
                index += 1
            }
            return groups
        }

        mutating func parseAll(depth: Int) throws(QueryError) -> [Term] {
            var terms: [Term] = []
            while let token = peek, token.kind != .or, token.kind != .close {
                index += 1
                if token.kind == .open {
                    guard depth < Self.maxDepth else {
                        throw QueryError(position: token.position, length: token.length,
                                         message: "groups nest at most \(Self.maxDepth) deep; flatten the query")
                    }
                    let groups = try parseAny(depth: depth + 1)
                    guard let close = peek, close.kind == .close else {
                        throw QueryError(position: token.position, length: textLength - token.position,
                                         message: "unclosed '(' — close the group with ')', e.g. (tld:com OR tld:net) exp:<30d")
                    }
                    index += 1
                    if groups == [[]] {
                        throw QueryError(position: token.position, length: close.position + 1 - token.position,
                                         message: "empty group — put terms inside, e.g. (tld:com OR tld:net)")
                    }
                    if groups.count == 1, !token.negated {
                        terms += groups[0]
                    } else {
                        terms.append(Term(.anyOf(groups), negated: token.negated))
                    }
                } else {
                    terms.append(try PortfolioQuery.term(from: token))
                }
            }
            return terms
        }
    }

    static func term(from token: Token) throws(QueryError) -> Term {
        func fail(_ message: String) -> QueryError {
            QueryError(position: token.position, length: token.length, message: message)
        }
        guard let keyText = token.key else {
            return Term(.nameContains(token.value.lowercased()), negated: token.negated)
        }
        guard let key = Key(rawValue: keyText.lowercased()) else {
            let hint = QueryError.suggestion(for: keyText, among: Key.allCases.map(\.rawValue))
                .map { " — did you mean '\($0)'?" } ?? " —"
            throw fail("unknown key '\(keyText)'\(hint) Keys: \(keyList)")
        }
        let value = token.value
        if value.isEmpty, !(key == .folder && token.quoted) {
            throw fail("\(key.rawValue): needs a value, e.g. \(example(for: key))")
        }
        // `tld:com,net`: any of the values. Not for notes, whose commas are
        // text, nor for amounts and days, whose commas separate thousands
        // (ranges say `price:100..1000`).
        if !token.quoted, ![.note, .price, .sale, .days].contains(key), value.contains(",") {
            let values = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard !values.contains(where: \.isEmpty) else {
                throw fail("\(key.rawValue):\(value) — a list needs a value between every comma, e.g. \(key.rawValue):\(listExample(for: key))")
            }
            var groups: [[Term]] = []
            for item in values {
                groups.append([Term(try condition(for: key, value: item, token: token))])
            }
            return Term(.anyOf(groups), negated: token.negated)
        }
        return Term(try condition(for: key, value: value, token: token), negated: token.negated)
    }

    /// What `key:value` tests.
    static func condition(for key: Key, value: String, token: Token) throws(QueryError) -> Condition {
        func fail(_ message: String) -> QueryError {
            QueryError(position: token.position, length: token.length, message: message)
        }
        switch key {
        case .tld:
            let tld = value.lowercased().drop { $0 == "." }.description
            if let wildcard = try wildcard(tld, key: key, token: token) { return .tldMatching(wildcard) }
            return .tld(tld)
        case .folder:
            if !token.quoted, value.lowercased() == "none" { return .folder("") }
            if !token.quoted, let wildcard = try wildcard(value, key: key, token: token) { return .folderMatching(wildcard) }
            return .folder(value)
        case .exp:
            return .expires(try ExpiryCondition(parsing: value, token: token))
        case .registered:
            return .registered(try ExpiryCondition(parsing: value, token: token, key: key.rawValue))
        case .days:
            guard let bounds = try Self.bounds(value, key: key, token: token,
                                               parse: { Int64($0).flatMap { abs($0) <= 1_000_000 ? $0 : nil } }) else {
                throw fail("days:\(value) — use a number of days left, e.g. days:<45, days:>=0 or days:10..30")
            }
            return .daysLeft(bounds)
        case .renew:
            guard let option = DomainRow.RenewOption(rawValue: value.lowercased()) else {
                throw fail("renew:\(value) — use renew:auto, renew:donot or renew:none")
            }
            return .renew(option)
        case .privacy:
            let lowered = value.lowercased() == "off" ? "none" : value.lowercased()
            guard let level = DomainRow.Privacy(rawValue: lowered) else {
                throw fail("privacy:\(value) — use privacy:full, privacy:partial or privacy:none")
            }
            return .privacy(level)
        case .ns:
            if let wildcard = try wildcard(value.lowercased(), key: key, token: token) { return .nameserverMatching(wildcard) }
            return .nameserver(value.lowercased())
        case .note:
            return .note(value.lowercased())
        case .sale, .price:
            if key == .sale, let flag = yesNo(value) { return .forSale(flag) }
            guard let bounds = try Self.bounds(value, key: key, token: token, parse: cents) else {
                let flags = key == .sale ? "sale:yes, sale:no, " : ""
                throw fail("\(key.rawValue):\(value) — use \(flags)a price in dollars like \(key.rawValue):>500 or a range like \(key.rawValue):100..1000")
            }
            return .salePrice(bounds)
        case .changed:
            guard case .relative(let op, let amount, let unit) = try ExpiryCondition(parsing: value, token: token),
                  op == .less || op == .lessOrEqual else {
                throw fail("changed:\(value) — use a window like changed:<7d or changed:<3m (-changed:<7d for the others)")
            }
            return .changed(amount: amount, unit: unit)
        case .lock, .selected, .pending, .failed, .gone:
            guard let flag = yesNo(value) else {
                throw fail("\(key.rawValue):\(value) — use \(key.rawValue):yes or \(key.rawValue):no")
            }
            switch key {
            case .lock: return .locked(flag)
            case .selected: return .selected(flag)
            case .pending: return .pending(flag)
            case .failed: return .failed(flag)
            default: return .gone(flag)
            }
        }
    }

    /// `abc*`, `*abc` or `*abc*`; nil without a `*`.
    static func wildcard(_ value: String, key: Key, token: Token) throws(QueryError) -> Wildcard? {
        guard value.contains("*") else { return nil }
        let lead = value.hasPrefix("*"), trail = value.hasSuffix("*")
        let core = String(value.drop { $0 == "*" }.reversed().drop { $0 == "*" }.reversed())
        guard !core.isEmpty, !core.contains("*") else {
            throw QueryError(position: token.position, length: token.length,
                             message: "\(key.rawValue):\(value) — put * at the start or the end of a value, e.g. \(key == .ns ? "ns:*.cloudflare.com" : "\(key.rawValue):client*")")
        }
        let text = key == .folder ? core : core.lowercased()
        if lead && trail { return .infix(text) }
        return lead ? .suffix(text) : .prefix(text)
    }

    /// `<N`, `<=N`, `>N`, `>=N`, `N` or `N..M`, with `parse` reading one
    /// number; nil when a number does not read.
    static func bounds(_ value: String, key: Key, token: Token,
                       parse: (Substring) -> Int64?) throws(QueryError) -> Bounds? {
        if let range = value.range(of: "..") {
            guard let low = parse(value[..<range.lowerBound]), let high = parse(value[range.upperBound...]) else { return nil }
            guard low <= high else {
                throw QueryError(position: token.position, length: token.length,
                                 message: "\(key.rawValue):\(value) — the range ends before it starts; put the smaller number first")
            }
            return Bounds(lower: low, upper: high)
        }
        for op in ["<=", ">=", "<", ">", "="] where value.hasPrefix(op) {
            guard let number = parse(value.dropFirst(op.count)) else { return nil }
            switch op {
            case "<=": return Bounds(lower: nil, upper: number)
            case ">=": return Bounds(lower: number, upper: nil)
            case "<": return number == .min ? Bounds(lower: 0, upper: -1) : Bounds(lower: nil, upper: number - 1)
            case ">": return number == .max ? Bounds(lower: 0, upper: -1) : Bounds(lower: number + 1, upper: nil)
            default: return Bounds(lower: number, upper: number)
            }
        }
        guard let number = parse(Substring(value)) else { return nil }
        return Bounds(lower: number, upper: number)
    }

    /// Dollars (`500`, `1,250`, `99.5`, `$20`) as cents; nil when not a price.
    static func cents(_ text: Substring) -> Int64? {
        var digits = text.trimmingPrefix("$").filter { $0 != "," }
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        var fraction = ""
        if let dot = digits.firstIndex(of: ".") {
            fraction = String(digits[digits.index(after: dot)...])
            digits = String(digits[..<dot])
        }
        guard !digits.isEmpty || !fraction.isEmpty, fraction.count <= 2,
              digits.allSatisfy({ $0.isASCII && $0.isNumber }), fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
              let whole = Int64(digits.isEmpty ? "0" : digits) else { return nil }
        let cents = Int64(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0
        return whole * 100 + cents
    }

    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "on": return true
        case "no", "n", "false", "0", "off": return false
        default: return nil
        }
    }

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
