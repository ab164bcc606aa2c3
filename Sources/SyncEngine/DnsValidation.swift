import DynadotAPI
import Foundation

/// Host-name and address checks shared by the CLI, the TUI's forms and the
/// engine, so a value is refused before it is queued, with a message that
/// says what a good one looks like.
public enum HostValidation {
    /// RFC 1123 host name: labels of letters, digits and hyphens (or `xn--`
    /// punycode), 1–63 characters, not starting or ending with a hyphen.
    public static func isHostName(_ text: String) -> Bool {
        let host = text.hasSuffix(".") ? String(text.dropLast()) : text
        guard !host.isEmpty, host.utf8.count <= 253 else { return false }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-" else { return false }
            return label.utf8.allSatisfy { b in
                (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b == 0x2d || b == 0x5f
            }
        }
    }

    /// Dotted-quad IPv4 without leading zeros (`inet_pton`).
    public static func isIPv4(_ text: String) -> Bool {
        var address = in_addr()
        return text.withCString { inet_pton(AF_INET, $0, &address) == 1 }
    }

    /// IPv6 in any RFC 4291 text form, including `::` and an embedded IPv4
    /// tail (`inet_pton`).
    public static func isIPv6(_ text: String) -> Bool {
        var address = in6_addr()
        return text.withCString { inet_pton(AF_INET6, $0, &address) == 1 }
    }
}

/// Checks a record set the way the provider would, before it is queued.
///
/// Limits: a TXT value holds at most ``maxTXTLength`` (255) characters (one
/// DNS character-string); any other value at most ``maxValueLength`` (253,
/// the longest domain name; URLs follow ``URLValidation``); no value may hold a control character (a TXT
/// with a newline is refused). A CNAME must be the only record on its host:
/// never at the apex beside other records, never beside another record on
/// the same subdomain.
public enum DnsValidation {
    public static let types = ["a", "aaaa", "cname", "mx", "txt", "forward", "stealth", "email", "srv"]
    /// The longest TXT value (one 255-byte DNS character-string).
    public static let maxTXTLength = 255
    /// The longest value of any other record (a full domain name).
    public static let maxValueLength = 253

    /// Throws `SyncError.invalidEdit` naming the first bad record.
    public static func validate(_ set: RecordSet) throws {
        let main = set.records.filter(\.isMain).count
        let sub = set.records.count - main
        guard main <= RecordSet.maxMainRecords else {
            throw SyncError.invalidEdit("\(main) main records; Dynadot DNS holds at most \(RecordSet.maxMainRecords)")
        }
        guard sub <= RecordSet.maxSubRecords else {
            throw SyncError.invalidEdit("\(sub) subdomain records; Dynadot DNS holds at most \(RecordSet.maxSubRecords)")
        }
        if let ttl = set.ttl, !(60...604_800).contains(ttl) {
            throw SyncError.invalidEdit("TTL \(ttl) is out of range; use 60 to 604800 seconds")
        }
        for record in set.records {
            if let problem = problem(with: record) {
                let host = record.host.isEmpty ? "@" : record.host
                throw SyncError.invalidEdit("record '\(TerminalText.escaped(host)) \(TerminalText.escaped(record.type.uppercased())) \(TerminalText.escaped(record.value))': \(problem)")
            }
        }
        let byHost = Dictionary(grouping: set.records, by: \.host)
        for host in byHost.keys.sorted() {
            let records = byHost[host] ?? []
            guard records.contains(where: { $0.type == "cname" }), records.count > 1 else { continue }
            let others = records.filter { $0.type != "cname" }.map { $0.type.uppercased() }
            let beside = others.isEmpty ? "another CNAME" : Set(others).sorted().joined(separator: ", ")
            if host.isEmpty {
                throw SyncError.invalidEdit("a CNAME at the apex (@) cannot sit beside other records (\(beside)) — CNAME rule: a CNAME is the only record on its host; use A/AAAA records at @ or a forward record")
            }
            throw SyncError.invalidEdit("'\(host)' has a CNAME beside \(beside) — CNAME rule: a CNAME is the only record on its host; remove the others or the CNAME")
        }
    }

    /// What is wrong with one record, or nil.
    public static func problem(with record: DnsEntry) -> String? {
        for (what, text) in [("host", record.host), ("value", record.value), ("priority", record.extra)] {
            if let control = TerminalText.firstControl(in: text) {
                return "the \(what) holds a control character (\(control)); DNS values are refused with newlines or other control characters"
            }
        }
        if record.type == "txt", record.value.utf8.count > maxTXTLength {
            return "a TXT value holds at most \(maxTXTLength) characters (got \(record.value.utf8.count)); split it into several TXT records"
        }
        if !["txt", "forward", "stealth"].contains(record.type), record.value.utf8.count > maxValueLength {
            return "the value is longer than \(maxValueLength) characters"
        }
        if record.host.utf8.count > maxValueLength {
            return "the host is longer than \(maxValueLength) characters"
        }
        if !record.isMain {
            let labels = record.host.split(separator: ".", omittingEmptySubsequences: false)
            let ok = labels.allSatisfy { l in
                l == "*" || (!l.isEmpty && l.count <= 63 && l.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            }
            if !ok { return "subdomain '\(record.host)' is not a valid label (letters, digits, -, _ or *)" }
        }
        guard types.contains(record.type) else {
            return "unknown type; use one of \(types.map { $0.uppercased() }.joined(separator: ", "))"
        }
        switch record.type {
        case "a":
            return HostValidation.isIPv4(record.value) ? nil : "an A record needs an IPv4 address such as 192.0.2.10"
        case "aaaa":
            return HostValidation.isIPv6(record.value) ? nil : "an AAAA record needs an IPv6 address such as 2001:db8::1"
        case "cname":
            return HostValidation.isHostName(record.value) ? nil : "a CNAME needs a host name such as www.example.com"
        case "mx":
            guard HostValidation.isHostName(record.value) else { return "an MX needs a mail host name such as mx1.example.com" }
            guard let p = Int(record.extra), (0...65535).contains(p) else {
                return "an MX needs a priority (distance) from 0 to 65535"
            }
            return nil
        case "txt":
            return record.value.isEmpty ? "a TXT record needs a value" : nil
        case "forward", "stealth":
            return URLValidation.problem(with: record.value).map { "a \(record.type) record needs a URL: \($0)" }
        default:
            return record.value.isEmpty ? "the record needs a value" : nil
        }
    }
}
