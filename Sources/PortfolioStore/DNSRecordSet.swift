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
        try write { db in try Self.replaceDNSRecordSet(set, in: db) }
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
        try dnsRecordSets(domains: [domain])[domain.lowercased()]
    }

    /// The cached record sets of many domains in a few reads, by (lowercased)
    /// name; a domain whose set was never fetched is absent.
    public func dnsRecordSets(domains: [String]) throws -> [String: DNSRecordSet] {
        let names = Array(Set(domains.map { $0.lowercased() }))
        guard !names.isEmpty else { return [:] }
        var sets: [String: DNSRecordSet] = [:]
        for chunk in stride(from: 0, to: names.count, by: 500).map({ Array(names[$0..<min($0 + 500, names.count)]) }) {
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let (heads, records) = try writer.read { db in
                // Each row leads with its key, which names it if it is skipped.
                (try Row.fetchAll(db, sql: """
                    SELECT domain, ttl, ns_type, extra_json, fetched_at_ms FROM dns_record_set WHERE domain IN (\(marks))
                    """, arguments: StatementArguments(chunk)),
                 try Row.fetchAll(db, sql: """
                    SELECT domain || '#' || position, subhost, type, value, value2, domain FROM dns_record
                    WHERE domain IN (\(marks)) ORDER BY domain, position
                    """, arguments: StatementArguments(chunk)))
            }
            // An unreadable head reads as "never fetched": viewing fetches it again.
            for head in heads {
                guard let set = decodeRow(head, table: "dns_record_set", { c in
                    DNSRecordSet(domain: try c.text(0), ttl: try c.optionalInt(1), nsType: try c.text(2), records: [],
                                 extraJSON: try c.optionalText(3), fetchedAtMs: try c.int64(4))
                }) else { continue }
                sets[set.domain] = set
            }
            let decoded = decodeRows(records, table: "dns_record") { c in
                (try c.text(5), DNSRecord(subhost: try c.text(1), type: try c.text(2), value: try c.text(3),
                                          value2: try c.optionalText(4)))
            }
            for (domain, record) in decoded { sets[domain]?.records.append(record) }
        }
        return sets
    }

    /// Forgets a domain's cached record set (it is fetched again on view).
    public func deleteDNSRecordSet(domain: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM dns_record_set WHERE domain = ?", arguments: [domain.lowercased()])
        }
    }
}
