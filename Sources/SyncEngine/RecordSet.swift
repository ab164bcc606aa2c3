import DynadotAPI

/// One DNS record as `set_dns2` writes it and `get_dns` reads it back.
public struct DnsEntry: Sendable, Hashable, Codable {
    /// Empty for a main (apex) record, else the subdomain label (`www`, `mail`).
    public var host: String
    /// Lower-case record type as sent (`a`, `aaaa`, `cname`, `mx`, `txt`,
    /// `forward`, `stealth`, `email`, `srv`).
    public var type: String
    public var value: String
    /// MX distance, forward type (1 = 301, 2 = 302), stealth title or e-mail
    /// alias; empty when the type needs none.
    public var extra: String

    public init(host: String = "", type: String, value: String, extra: String = "") {
        self.host = host == "@" ? "" : host
        self.type = type.lowercased()
        self.value = value
        self.extra = extra
    }

    public var isMain: Bool { host.isEmpty }
}

/// A whole record set: `set_dns2` replaces all of it at once.
public struct RecordSet: Sendable, Hashable, Codable {
    public var records: [DnsEntry]
    /// Seconds; `nil` leaves the provider's default.
    public var ttl: Int?

    public init(records: [DnsEntry], ttl: Int? = nil) {
        self.records = records
        self.ttl = ttl
    }

    /// Limits of one `set_dns2` call.
    public static let maxMainRecords = 20
    public static let maxSubRecords = 100

    /// The `set_dns2` parameters for this set, in wire order.
    public var parameters: [(String, String)] {
        var out: [(String, String)] = []
        var main = 0
        var sub = 0
        for record in records {
            if record.isMain {
                out.append(("main_record_type\(main)", record.type))
                out.append(("main_record\(main)", record.value))
                if !record.extra.isEmpty { out.append(("main_recordx\(main)", record.extra)) }
                main += 1
            } else {
                out.append(("subdomain\(sub)", record.host))
                out.append(("sub_record_type\(sub)", record.type))
                out.append(("sub_record\(sub)", record.value))
                if !record.extra.isEmpty { out.append(("sub_recordx\(sub)", record.extra)) }
                sub += 1
            }
        }
        if let ttl { out.append(("ttl", String(ttl))) }
        return out
    }
}
