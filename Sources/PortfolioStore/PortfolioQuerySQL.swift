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
        let mentionsGone = terms.contains { if case .gone = $0.condition { return true } else { return false } }
        // A literal `gone = 0` (not a bound argument) lets SQLite use the
        // partial indexes, which hold present domains only.
        if !mentionsGone { clauses.append("domain.gone = 0") }
        for term in terms {
            let (sql, values) = Self.sql(for: term.condition, nowMs: nowMs)
            // COALESCE keeps NULL columns (no expiry) on the negated side
            // instead of dropping them from both sides.
            clauses.append(term.negated ? "NOT COALESCE((\(sql)), 0)" : "(\(sql))")
            arguments += StatementArguments(values)
        }
        return DomainFilter(sql: clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments: arguments)
    }

    /// Whether a term tests substrings (free words, `ns:`), which no index
    /// can answer, so every row is examined anyway.
    var scansNames: Bool {
        terms.contains { term in
            switch term.condition {
            case .nameContains, .nameserver: return true
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
        case .folder(let name):
            return ("domain.folder_name = ?", [name])
        case .expires(let expiry):
            return expirySQL(expiry, nowMs: nowMs)
        case .renew(let option):
            return ("domain.renew_option = ?", [option.rawValue])
        case .locked(let flag):
            return ("domain.locked = ?", [flag])
        case .privacy(let level):
            return ("domain.privacy = ?", [level.rawValue])
        case .nameserver(let text):
            let pattern = "%" + likeEscaped(text) + "%"
            return ("domain.nameservers LIKE ? ESCAPE '\\' OR domain.ns_type LIKE ? ESCAPE '\\'", [pattern, pattern])
        case .forSale(let flag):
            return ("domain.for_sale = ?", [flag])
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

    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "%" || c == "_" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
