/// The portfolio query language — the one parser behind the TUI's `/`
/// filter and the CLI's `ls QUERY` / `--query`.
///
/// ```
/// query  = term { whitespace term }
/// term   = [ "-" ] ( key ":" value | value )      "-" negates
/// value  = bare | '"' { any but '"' } '"'
/// key    = tld | folder | exp | renew | lock | privacy | ns | sale
///        | pending | failed | gone | changed
/// ```
///
/// A term without a key matches the domain name (ASCII or Unicode form),
/// case-insensitively, as a substring. Terms combine with AND. Examples:
/// `shop tld:com exp:<30d -lock:yes`, `folder:"For Sale" sale:no`,
/// `exp:2027-01..2027-03 renew:donot`. Gone domains are left out unless a
/// `gone:` term asks for them.
public struct PortfolioQuery: Sendable, Hashable {
    /// The keys the language knows, in the order help texts list them.
    public enum Key: String, Sendable, CaseIterable {
        case tld, folder, exp, renew, lock, privacy, ns, sale, pending, failed, gone, changed
    }

    /// What one term tests.
    public enum Condition: Sendable, Hashable {
        /// Substring of the ASCII or Unicode name (lower-cased).
        case nameContains(String)
        /// Exact TLD, lower case, without the dot.
        case tld(String)
        /// Exact folder name, case-insensitive; "" is no folder.
        case folder(String)
        case expires(ExpiryCondition)
        case renew(DomainRow.RenewOption)
        case locked(Bool)
        case privacy(DomainRow.Privacy)
        /// Substring of any name server host or of the ns type.
        case nameserver(String)
        case forSale(Bool)
        /// Has pending or in-flight outbox intents.
        case pending(Bool)
        /// Has failed or conflicting outbox intents.
        case failed(Bool)
        case gone(Bool)
        /// Changed by a dynafolio push or remotely (a sync found it) within
        /// `amount` units before now: `changed:<7d`.
        case changed(amount: Int, unit: ExpiryCondition.Unit)
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
        var terms: [Term] = []
        for token in try Self.tokenize(text) {
            terms.append(try Self.term(from: token))
        }
        self.terms = terms
    }

    /// The longest query text accepted, in characters.
    public static let maxLength = 1_000

    static let keyList = Key.allCases.map(\.rawValue).joined(separator: ", ")
}

// MARK: - Tokens

extension PortfolioQuery {
    /// A whitespace-separated term before interpretation.
    struct Token {
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
        while i < chars.count {
            if chars[i].isWhitespace { i += 1; continue }
            let start = i
            var negated = false
            if chars[i] == "-" { negated = true; i += 1 }
            var key: String?
            var value = ""
            var quoted = false
            var bare = ""
            while i < chars.count, !chars[i].isWhitespace {
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
            tokens.append(Token(position: start, length: i - start, negated: negated, key: key,
                                value: value, quoted: quoted, raw: raw))
        }
        return tokens
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
        let condition: Condition
        switch key {
        case .tld:
            condition = .tld(value.lowercased().drop { $0 == "." }.description)
        case .folder:
            condition = .folder(value)
        case .exp:
            condition = .expires(try ExpiryCondition(parsing: value, token: token))
        case .renew:
            guard let option = DomainRow.RenewOption(rawValue: value.lowercased()) else {
                throw fail("renew:\(value) — use renew:auto, renew:donot or renew:none")
            }
            condition = .renew(option)
        case .privacy:
            let lowered = value.lowercased() == "off" ? "none" : value.lowercased()
            guard let level = DomainRow.Privacy(rawValue: lowered) else {
                throw fail("privacy:\(value) — use privacy:full, privacy:partial or privacy:none")
            }
            condition = .privacy(level)
        case .ns:
            condition = .nameserver(value.lowercased())
        case .changed:
            guard case .relative(let op, let amount, let unit) = try ExpiryCondition(parsing: value, token: token),
                  op == .less || op == .lessOrEqual else {
                throw fail("changed:\(value) — use a window like changed:<7d or changed:<3m (-changed:<7d for the others)")
            }
            condition = .changed(amount: amount, unit: unit)
        case .lock, .sale, .pending, .failed, .gone:
            guard let flag = yesNo(value) else {
                throw fail("\(key.rawValue):\(value) — use \(key.rawValue):yes or \(key.rawValue):no")
            }
            switch key {
            case .lock: condition = .locked(flag)
            case .sale: condition = .forSale(flag)
            case .pending: condition = .pending(flag)
            case .failed: condition = .failed(flag)
            default: condition = .gone(flag)
            }
        }
        return Term(condition, negated: token.negated)
    }

    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "on": return true
        case "no", "n", "false", "0", "off": return false
        default: return nil
        }
    }

    static func example(for key: Key) -> String {
        switch key {
        case .tld: return "tld:com"
        case .folder: return "folder:Sale (folder:\"\" for domains in no folder)"
        case .exp: return "exp:<30d, exp:2027-01 or exp:2027-01..2027-03"
        case .renew: return "renew:auto"
        case .privacy: return "privacy:full"
        case .ns: return "ns:cloudflare"
        case .changed: return "changed:<7d"
        case .lock, .sale, .pending, .failed, .gone: return "\(key.rawValue):yes"
        }
    }
}
