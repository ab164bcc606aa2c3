import DynadotAPI
import Foundation

/// Web URLs for forwarding and stealth forwarding (`set forward`, `set
/// stealth`, DNS forward/stealth records): one parser for the CLI, the TUI
/// and the engine.
///
/// The rules: scheme `http` or `https`; a host that is a valid domain name
/// (Unicode names are converted to punycode first) or an IP address (IPv6
/// in brackets); no user name or password; an optional port 1–65535; an
/// optional path, query and fragment; no spaces or control characters
/// anywhere; at most 2000 characters.
public enum URLValidation {
    /// The longest URL accepted.
    public static let maxLength = 2000

    /// What is wrong with `text` as a forwarding URL, or nil when it is one.
    public static func problem(with text: String) -> String? {
        if let control = TerminalText.firstControl(in: text) { return "it holds a control character (\(control))" }
        if text.contains(where: \.isWhitespace) { return "it holds a space; percent-encode it as %20" }
        guard text.count <= maxLength else { return "it is longer than \(maxLength) characters" }
        let lower = text.lowercased()
        let schemeEnd: String.Index
        if lower.hasPrefix("https://") {
            schemeEnd = text.index(text.startIndex, offsetBy: 8)
        } else if lower.hasPrefix("http://") {
            schemeEnd = text.index(text.startIndex, offsetBy: 7)
        } else {
            return "start it with http:// or https://"
        }
        let rest = text[schemeEnd...]
        let restLower = rest.lowercased()
        if restLower.hasPrefix("http://") || restLower.hasPrefix("https://") || restLower.hasPrefix("http:") || restLower.hasPrefix("https:") {
            return "the scheme is repeated (pasted after a typed one?); give it once"
        }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard !authority.isEmpty else { return "it has no host; e.g. https://example.com/path" }
        if authority.contains("@") { return "a user name or password in a URL is not accepted" }
        var host = Substring(authority)
        var port: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return "an IPv6 host needs its closing ]" }
            let inside = host[host.index(after: host.startIndex)..<close]
            guard HostValidation.isIPv6(String(inside)) else { return "'\(inside)' is not an IPv6 address" }
            let after = host[host.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return "unexpected text after the IPv6 host" }
                port = after.dropFirst()
            }
            host = inside
        } else {
            if let colon = host.firstIndex(of: ":") {
                port = host[host.index(after: colon)...]
                host = host[..<colon]
            }
            let ascii = Punycode.asciiName(String(host))
            if !(HostValidation.isIPAddress(String(host)) || HostValidation.isHostName(ascii)) {
                return "'\(host)' is not a valid host name; e.g. https://example.com"
            }
        }
        if let port {
            guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(port), (1...65535).contains(n) else {
                return "port '\(port)' must be a number from 1 to 65535"
            }
        }
        return nil
    }
}

extension HostValidation {
    /// Whether `text` is an IPv4 or IPv6 address, as `inet_pton` reads it.
    public static func isIPAddress(_ text: String) -> Bool {
        HostValidation.isIPv4(text) || HostValidation.isIPv6(text)
    }
}

/// Checks of typed values that need no cache: control characters and the
/// shapes of name-server lists.
enum TypedValueRules {
    /// Refuses a control character in a typed value, naming the field.
    static func refuseControls(_ text: String, field: String) throws {
        if let control = TerminalText.firstControl(in: text) {
            throw SyncError.invalidEdit("the \(field) holds a control character (\(control)); type plain text (control characters are refused so nothing can drive a terminal)")
        }
    }

    /// Name servers: 1–13 host names, no IP address, no duplicate.
    static func checkNameServers(_ hosts: [String]) throws {
        guard (1...13).contains(hosts.count) else {
            throw SyncError.invalidEdit("give 1 to 13 name servers (got \(hosts.count))")
        }
        var seen = Set<String>()
        for host in hosts {
            try refuseControls(host, field: "name server")
            let normal = Edit.normaliseHost(host)
            if HostValidation.isIPAddress(normal) {
                throw SyncError.invalidEdit("'\(host)' is an IP address; a name server must be a host name such as ns1.example.net (register glue with its IP separately)")
            }
            guard HostValidation.isHostName(normal) else {
                throw SyncError.invalidEdit("'\(host)' is not a host name; use e.g. ns1.example.net")
            }
            guard seen.insert(normal).inserted else {
                throw SyncError.invalidEdit("name server '\(normal)' is given twice; list each name server once")
            }
        }
    }

    /// The closest names to `name` by edit distance (case-insensitive), at
    /// most `limit` of them, only when reasonably close.
    static func suggestions(for name: String, among names: [String], limit: Int = 2) -> [String] {
        let target: [Character] = Array(name.lowercased())
        let most = max(2, target.count / 3)
        var scored: [(name: String, cost: Int)] = []
        for candidate in names {
            let cost = distance(target, Array(candidate.lowercased()))
            if cost <= most { scored.append((candidate, cost)) }
        }
        scored.sort { a, b in a.cost != b.cost ? a.cost < b.cost : a.name < b.name }
        return scored.prefix(limit).map { $0.name }
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
