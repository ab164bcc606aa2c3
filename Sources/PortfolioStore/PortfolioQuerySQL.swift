import Foundation
import GRDB

/// A query compiled to SQL over the `domain` table: a `WHERE` expression and
/// its arguments.
struct DomainFilter: Sendable {
    /// Boolean SQL expression over `domain` columns (never empty).
    let sql: String
    /// Values for the expression's `?` placeholders, in order.
    let arguments: StatementArguments
}

extension PortfolioQuery {
    /// Compiles to SQL. Relative dates (`exp:<30d`, `exp:overdue`) are taken
    /// from `nowMs`, so callers and tests choose the clock.
    func filter(nowMs: Int64) -> DomainFilter {
        var clauses: [String] = []
        var arguments = StatementArguments()
        // A literal `gone = 0` (not a bound argument) lets SQLite use the
        // partial indexes, which hold present domains only.
        if !mentionsGone { clauses.append("domain.gone = 0") }
        for term in terms {
            let (sql, values) = Self.sql(for: term, nowMs: nowMs, inGroup: false)
            clauses.append(sql)
            arguments += StatementArguments(values)
        }
        return DomainFilter(sql: clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments: arguments)
    }

    /// One term as a boolean expression. COALESCE keeps NULL columns (no
    /// expiry) on the negated side instead of dropping them from both
    /// sides; inside a group every term is 0 or 1, never NULL, so `OR`
    /// reads as the in-memory index does.
    static func sql(for term: Term, nowMs: Int64, inGroup: Bool) -> (String, [any DatabaseValueConvertible]) {
        let (sql, values) = sql(for: term.condition, nowMs: nowMs)
        if term.negated { return ("NOT COALESCE((\(sql)), 0)", values) }
        return (inGroup ? "COALESCE((\(sql)), 0)" : "(\(sql))", values)
    }

    /// Whether a term tests substrings or patterns (free words, `ns:`,
    /// `note:`, wildcards), which no index can answer, so every row is
    /// examined anyway.
    var scansNames: Bool {
        allConditions().contains { condition in
            switch condition {
            case .nameContains, .nameserver, .nameserverMatching, .note, .folderMatching, .tldMatching: return true
            default: return false
            }
        }
    }

    /// Whether every term is a free word, so the covering name index alone
    /// can answer the filter.
    var onlyNameWords: Bool {
        !terms.isEmpty && terms.allSatisfy { if case .nameContains = $0.condition { return true } else { return false } }
    }

    static func sql(for condition: Condition, nowMs: Int64) -> (String, [any DatabaseValueConvertible]) {
        switch condition {
        case .nameContains(let word):
            let pattern = "%" + likeEscaped(word) + "%"
            // Most names are ASCII (name_unicode == name): test the second
            // form only when it differs, which saves a LIKE on most rows.
            return ("domain.name_unicode LIKE ? ESCAPE '\\' OR (domain.name <> domain.name_unicode AND domain.name LIKE ? ESCAPE '\\')",
                    [pattern, pattern])
        case .tld(let tld):
            return ("domain.tld = ?", [tld])
        case .tldMatching(let wildcard):
            return ("domain.tld LIKE ? ESCAPE '\\'", [likePattern(wildcard)])
        case .folder(let name):
            return ("domain.folder_name = ?", [name])
        case .folderMatching(let wildcard):
            return ("domain.folder_name LIKE ? ESCAPE '\\'", [likePattern(wildcard)])
        case .expires(let expiry):
            return expirySQL(expiry, nowMs: nowMs)
        case .daysLeft(let bounds):
            let (low, high) = expiryRange(daysLeft: bounds, nowMs: nowMs)
            return ("domain.expires_ms >= ? AND domain.expires_ms < ?", [low, high])
        case .registered(let date):
            let (low, high) = date.ageBounds(nowMs: nowMs)
            return ("domain.registered_ms >= ? AND domain.registered_ms < ?", [low, high])
        case .renew(let option):
            return ("domain.renew_option = ?", [option.rawValue])
        case .locked(let flag):
            return ("domain.locked = ?", [flag])
        case .privacy(let level):
            return ("domain.privacy = ?", [level.rawValue])
        case .nameserver(let text):
            let pattern = "%" + likeEscaped(text) + "%"
            return ("domain.nameservers LIKE ? ESCAPE '\\' OR domain.ns_type LIKE ? ESCAPE '\\'", [pattern, pattern])
        case .nameserverMatching(let wildcard):
            // Hosts are joined by newlines: a newline on both sides makes
            // every host's start and end a newline next to the text.
            let pattern: String
            switch wildcard {
            case .prefix(let text): pattern = "%\n" + likeEscaped(text) + "%"
            case .suffix(let text): pattern = "%" + likeEscaped(text) + "\n%"
            case .infix(let text): pattern = "%" + likeEscaped(text) + "%"
            }
            return ("char(10) || domain.nameservers || char(10) LIKE ? ESCAPE '\\'", [pattern])
        case .note(let text):
            return ("domain.note LIKE ? ESCAPE '\\'", ["%" + likeEscaped(text) + "%"])
        case .forSale(let flag):
            return ("domain.for_sale = ?", [flag])
        case .salePrice(let bounds):
            var parts: [String] = []
            var values: [any DatabaseValueConvertible] = []
            if let lower = bounds.lower { parts.append("domain.sale_price_cents >= ?"); values.append(lower) }
            if let upper = bounds.upper { parts.append("domain.sale_price_cents <= ?"); values.append(upper) }
            return (parts.isEmpty ? "domain.sale_price_cents IS NOT NULL" : parts.joined(separator: " AND "), values)
        case .selected:
            // Resolved by the TUI before querying; elsewhere nothing is selected.
            return ("0", [])
        case .named(let names):
            return ("domain.name IN (SELECT value FROM json_each(?))", [jsonArray(names.sorted())])
        case .anyOf(let groups):
            var alternatives: [String] = []
            var values: [any DatabaseValueConvertible] = []
            for group in groups {
                var parts: [String] = []
                for term in group {
                    let (sql, termValues) = Self.sql(for: term, nowMs: nowMs, inGroup: true)
                    parts.append(sql)
                    values += termValues
                }
                alternatives.append(parts.isEmpty ? "1" : "(" + parts.joined(separator: " AND ") + ")")
            }
            return (alternatives.joined(separator: " OR "), values)
        case .pending(let flag):
            return (intentExists(states: ["pending", "inflight"], flag), [])
        case .failed(let flag):
            return (intentExists(states: ["failed", "conflict"], flag), [])
        case .gone(let flag):
            return (flag ? "domain.gone = 1" : "domain.gone = 0", [])
        case .changed(let amount, let unit):
            let since = CalendarPeriod.adding(-amount, unit, to: nowMs)
            return ("domain.name IN (SELECT i.domain FROM outbox_intent i WHERE i.state = 'done' AND i.updated_ms >= ? "
                    + "UNION SELECT r.domain FROM history_remote r WHERE r.created_ms >= ?)", [since, since])
        }
    }

    private static func intentExists(states: [String], _ flag: Bool) -> String {
        let list = states.map { "'\($0)'" }.joined(separator: ",")
        // `IN (subquery)` is evaluated once into a small temporary index
        // (and lets SQLite look the few named domains up by key), where a
        // correlated EXISTS probed the outbox once per domain row.
        return "domain.name \(flag ? "" : "NOT ")IN (SELECT i.domain FROM outbox_intent i WHERE i.state IN (\(list)))"
    }

    private static func expirySQL(_ expiry: ExpiryCondition, nowMs: Int64) -> (String, [any DatabaseValueConvertible]) {
        switch expiry {
        case .overdue:
            return ("domain.expires_ms < ?", [nowMs])
        case .relative(let op, let amount, let unit):
            return ("domain.expires_ms \(op.rawValue) ?", [CalendarPeriod.adding(amount, unit, to: nowMs)])
        case .calendar(nil, let from, let through):
            return ("domain.expires_ms >= ? AND domain.expires_ms < ?", [from.start, through.end])
        case .calendar(let op?, let period, _):
            switch op {
            case .less: return ("domain.expires_ms < ?", [period.start])
            case .lessOrEqual: return ("domain.expires_ms < ?", [period.end])
            case .greater: return ("domain.expires_ms >= ?", [period.end])
            case .greaterOrEqual: return ("domain.expires_ms >= ?", [period.start])
            }
        }
    }

    /// `LIKE` pattern for a wildcard value.
    static func likePattern(_ wildcard: Wildcard) -> String {
        switch wildcard {
        case .prefix(let text): return likeEscaped(text) + "%"
        case .suffix(let text): return "%" + likeEscaped(text)
        case .infix(let text): return "%" + likeEscaped(text) + "%"
        }
    }

    /// A JSON array of strings, for `json_each(?)`: quotes, backslashes and
    /// control characters escaped, everything else as is.
    static func jsonArray(_ strings: [String]) -> String {
        var out = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { out += "," }
            out += "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }
        return out + "]"
    }

    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "%" || c == "_" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
