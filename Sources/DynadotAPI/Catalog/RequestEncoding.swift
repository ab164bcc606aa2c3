import Foundation

/// Strict query-string encoding: every byte except RFC 3986's unreserved
/// characters (`A-Z a-z 0-9 - . _ ~`) is written as `%XX` of its UTF-8 bytes.
/// Stricter than `URLComponents`, which leaves `&`-safe but server-ambiguous
/// characters such as `+`, `/` and `?` alone; forward URLs, notes and TXT
/// values contain all of them.
public enum QueryEncoding {
    /// `value` with every byte outside `A-Za-z0-9-._~` percent-encoded
    /// (space becomes `%20`, never `+`).
    ///
    ///     QueryEncoding.encode("a&b c")   // "a%26b%20c"
    public static func encode(_ value: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}

extension APIRequest {
    /// The text that replaces the API key wherever a request is shown.
    public static let redactedKey = "REDACTED"

    /// The query string to send: `key=…&command=…` followed by the parameters
    /// in their order, every name and value percent-encoded. Contains the key:
    /// use it only to build the URL that goes on the wire, never to log.
    ///
    ///     APIRequest("set_note", ["domain": "a.com", "note": "x&y"]).queryString(key: "K")
    ///     // "key=K&command=set_note&domain=a.com&note=x%26y"
    public func queryString(key: String) -> String {
        var pairs = [(name: "key", value: key), (name: "command", value: command)]
        pairs += parameters.map { (name: $0.name, value: $0.value) }
        return pairs
            .map { QueryEncoding.encode($0.name) + "=" + QueryEncoding.encode($0.value) }
            .joined(separator: "&")
    }

    /// The query string with the key and auth codes replaced by `REDACTED`: safe for logs,
    /// error messages and descriptions.
    public func redactedQueryString() -> String {
        var shown = self
        shown.parameters = parameters.map { Self.secretParameters.contains($0.name) ? QueryParameter($0.name, Self.redactedKey) : $0 }
        return shown.queryString(key: Self.redactedKey)
    }

    /// Parameters that carry transfer auth codes (`transfer`'s `auth`,
    /// `set_transfer_auth_code`'s `auth_code`): secrets like the key, so
    /// every shown form of a request replaces them with `REDACTED`.
    public static let secretParameters: Set<String> = ["auth", "auth_code"]
}
