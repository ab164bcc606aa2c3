import GRDB

/// How many cached domains use one contact, per WHOIS role.
public struct ContactUsage: Sendable, Hashable {
    public var registrant = 0
    public var admin = 0
    public var technical = 0
    public var billing = 0

    public init(registrant: Int = 0, admin: Int = 0, technical: Int = 0, billing: Int = 0) {
        self.registrant = registrant
        self.admin = admin
        self.technical = technical
        self.billing = billing
    }
}

extension PortfolioDatabase {
    /// Per contact id, how many present domains use it in each role (one
    /// grouped query over the domain table; unused contacts are absent).
    public func contactUsage() throws -> [String: ContactUsage] {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, role, COUNT(*) FROM (
                    SELECT registrant_id AS id, 'registrant' AS role FROM domain WHERE gone = 0
                    UNION ALL SELECT admin_id, 'admin' FROM domain WHERE gone = 0
                    UNION ALL SELECT technical_id, 'technical' FROM domain WHERE gone = 0
                    UNION ALL SELECT billing_id, 'billing' FROM domain WHERE gone = 0
                ) WHERE id IS NOT NULL AND id != '' GROUP BY id, role
                """)
        }
        var usage: [String: ContactUsage] = [:]
        let counts = decodeRows(rows, table: "domain contact ids") { c in (try c.text(0), try c.text(1), try c.int(2)) }
        for (id, role, count) in counts {
            switch role {
            case "registrant": usage[id, default: ContactUsage()].registrant = count
            case "admin": usage[id, default: ContactUsage()].admin = count
            case "technical": usage[id, default: ContactUsage()].technical = count
            default: usage[id, default: ContactUsage()].billing = count
            }
        }
        return usage
    }
}
