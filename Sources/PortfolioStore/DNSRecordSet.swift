import GRDB

/// One DNS record as the Dynadot DNS pane edits it.
public struct DNSRecord: Sendable, Hashable {
    /// "" for the domain itself, else the sub-host label(s).
    public var subhost: String
    /// A, AAAA, CNAME, MX, TXT, …
    public var type: String
    public var value: String
    /// Second value where the type has one (MX priority).
    public var value2: String?

    public init(subhost: String = "", type: String, value: String, value2: String? = nil) {
        self.subhost = subhost
        self.type = type
        self.value = value
        self.value2 = value2
    }
}

/// The cached record set of one domain (`get_dns`).
public struct DNSRecordSet: Sendable, Hashable {
    public var domain: String
    public var ttl: Int?
    public var nsType: String
    public var records: [DNSRecord]
    /// Provider fields without a column (email forwarding settings, …).
    public var extraJSON: String?
    public var fetchedAtMs: Int64

    public init(domain: String, ttl: Int? = nil, nsType: String = "dynadot_dns", records: [DNSRecord],
                extraJSON: String? = nil, fetchedAtMs: Int64) {
        self.domain = domain.lowercased()
        self.ttl = ttl
        self.nsType = nsType
        self.records = records
        self.extraJSON = extraJSON
        self.fetchedAtMs = fetchedAtMs
    }
}

extension PortfolioDatabase {
    /// Replaces a domain's record set (records keep their order).
    public func replaceDNSRecordSet(_ set: DNSRecordSet) throws {
        try writer.write { db in try Self.replaceDNSRecordSet(set, in: db) }
    }

    /// The same inside a caller's transaction (e.g. applying a done `set_dns2`).
    static func replaceDNSRecordSet(_ set: DNSRecordSet, in db: Database) throws {
        try db.execute(sql: "DELETE FROM dns_record WHERE domain = ?", arguments: [set.domain])
        try db.execute(sql: """
            INSERT INTO dns_record_set (domain, ttl, ns_type, extra_json, fetched_at_ms) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(domain) DO UPDATE SET ttl = excluded.ttl, ns_type = excluded.ns_type,
                extra_json = excluded.extra_json, fetched_at_ms = excluded.fetched_at_ms
            """, arguments: [set.domain, set.ttl, set.nsType, set.extraJSON, set.fetchedAtMs])
        let statement = try db.cachedStatement(sql: """
            INSERT INTO dns_record (domain, position, subhost, type, value, value2) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (position, record) in set.records.enumerated() {
            statement.setUncheckedArguments([set.domain, position, record.subhost, record.type, record.value, record.value2])
            try statement.execute()
        }
    }

    /// The cached record set, or nil when it was never fetched.
    public func dnsRecordSet(domain: String) throws -> DNSRecordSet? {
        let name = domain.lowercased()
        return try writer.read { db in
            guard let head = try Row.fetchOne(db, sql: """
                SELECT ttl, ns_type, extra_json, fetched_at_ms FROM dns_record_set WHERE domain = ?
                """, arguments: [name]) else { return nil }
            let records = try Row.fetchAll(db, sql: """
                SELECT subhost, type, value, value2 FROM dns_record WHERE domain = ? ORDER BY position
                """, arguments: [name]).map { DNSRecord(subhost: $0[0], type: $0[1], value: $0[2], value2: $0[3]) }
            return DNSRecordSet(domain: name, ttl: head[0], nsType: head[1], records: records,
                                extraJSON: head[2], fetchedAtMs: head[3])
        }
    }

    /// Forgets a domain's cached record set (it is fetched again on view).
    public func deleteDNSRecordSet(domain: String) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM dns_record_set WHERE domain = ?", arguments: [domain.lowercased()])
        }
    }
}
