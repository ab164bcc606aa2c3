/// The query language's tokenizer and parser: text to ``PortfolioQuery``
/// terms, with errors that point at the offending term.
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
}
