import Foundation

/// Ordering of the domain table; ties are broken by name so windows of a
/// virtual-scrolling view never repeat or skip a row.
public struct DomainSort: Sendable, Hashable {
    /// A sortable column.
    public enum Field: String, Sendable, CaseIterable {
        case name, expires, tld, folder, renew, privacy, ns, sale, lock

        var column: String {
            switch self {
            case .name: return "domain.name"
            case .expires: return "domain.expires_ms"
            case .tld: return "domain.tld"
            case .folder: return "domain.folder_name"
            case .renew: return "domain.renew_option"
            case .privacy: return "domain.privacy"
            case .ns: return "domain.ns_type"
            case .sale: return "domain.for_sale"
            case .lock: return "domain.locked"
            }
        }
    }

    public var field: Field
    public var descending: Bool

    public init(_ field: Field = .name, descending: Bool = false) {
        self.field = field
        self.descending = descending
    }

    /// By name, A to Z.
    public static let byName = DomainSort()

    /// Parses `expires`, `-expires` or `expires:desc` (also `:asc`).
    public init(parsing text: String) throws(QueryError) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        var descending = false
        if body.hasPrefix("-") { descending = true; body = body.dropFirst() }
        if let colon = body.firstIndex(of: ":") {
            switch body[body.index(after: colon)...].lowercased() {
            case "desc": descending = true
            case "asc": break
            default:
                throw QueryError(position: 0, length: text.count,
                                 message: "sort '\(text)' — end with :asc or :desc, e.g. expires:desc")
            }
            body = body[..<colon]
        }
        guard let field = Field(rawValue: body.lowercased()) else {
            let fields = Field.allCases.map(\.rawValue)
            let hint = QueryError.suggestion(for: String(body), among: fields).map { " — did you mean '\($0)'?" } ?? " —"
            throw QueryError(position: 0, length: text.count,
                             message: "unknown sort field '\(body)'\(hint) Fields: \(fields.joined(separator: ", "))")
        }
        self.init(field, descending: descending)
    }

    /// Whether `a` comes before `b` in this order, as `sql()` sorts them
    /// (no date first, ties by name): merges rows read from several caches.
    public func precedes(_ a: DomainRow, _ b: DomainRow) -> Bool {
        func text(_ row: DomainRow) -> String? {
            switch field {
            case .name: return row.name
            case .expires: return nil
            case .tld: return row.tld
            case .folder: return row.folderName
            case .renew: return row.renewOption.rawValue
            case .privacy: return row.privacy.rawValue
            case .ns: return row.nsType.rawValue
            case .sale: return row.forSale ? "1" : "0"
            case .lock: return row.locked ? "1" : "0"
            }
        }
        let order: (Bool, Bool) -> Bool = { less, equal in
            if !equal { return less != self.descending }
            return a.name.utf8.lexicographicallyPrecedes(b.name.utf8) != self.descending && a.name != b.name
        }
        if field == .expires {
            let x = a.expiresMs.map { $0 } ?? Int64.min, y = b.expiresMs.map { $0 } ?? Int64.min
            return order(x < y, x == y)
        }
        let x = text(a) ?? "", y = text(b) ?? ""
        return order(x.utf8.lexicographicallyPrecedes(y.utf8), x == y)
    }

    /// The `ORDER BY` list. With `scanFirst`, unary `+` keeps SQLite from
    /// walking the sort column's index: when the filter cannot use an index
    /// (free words, `ns:`) and matches few rows, walking the index visits
    /// every row through random lookups, while a scan plus a top-N sort
    /// reads the table once.
    func sql(scanFirst: Bool = false) -> String {
        let direction = descending ? " DESC" : ""
        let plus = scanFirst ? "+" : ""
        if field == .name { return "\(plus)domain.name\(direction)" }
        return "\(plus)\(field.column)\(direction), domain.name\(direction)"
    }
}
