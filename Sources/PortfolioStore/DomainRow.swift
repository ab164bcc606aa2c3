import GRDB

/// One cached domain, as `list_domain` / `domain_info` describe it, in plain
/// store types (no API types: the store knows nothing of HTTP).
///
/// Times are epoch milliseconds (UTC), money is cents, `name` is the
/// ASCII / punycode form in lower case and is the row's key.
public struct DomainRow: Sendable, Hashable {
    /// How the domain's DNS is served.
    public enum NSType: String, Sendable, CaseIterable {
        case nameservers, parking, dynadotDNS = "dynadot_dns", forwarding, stealth, other
    }
    /// WHOIS privacy level.
    public enum Privacy: String, Sendable, CaseIterable { case full, partial, none }
    /// Renewal setting.
    public enum RenewOption: String, Sendable, CaseIterable { case auto, donot, none }

    public var name: String
    public var nameUnicode: String
    public var tld: String
    public var expiresMs: Int64?
    public var registeredMs: Int64?
    public var nsType: NSType
    /// Host names, in the provider's order.
    public var nameservers: [String]
    public var withAds: Bool
    public var registrantID: String?
    public var adminID: String?
    public var technicalID: String?
    public var billingID: String?
    public var locked: Bool
    public var disabled: Bool
    public var udrpLocked: Bool
    public var registrantUnverified: Bool
    public var hold: Bool
    public var privacy: Privacy
    public var forSale: Bool
    public var salePriceCents: Int64?
    public var saleType: String?
    public var saleMinOfferCents: Int64?
    public var renewOption: RenewOption
    public var note: String
    public var folderID: String?
    /// "" when the domain is in no folder.
    public var folderName: String
    public var status: String
    /// Provider fields the schema has no column for yet, as compact JSON.
    public var extraJSON: String?
    /// When a sync last wrote this row (it is not rewritten when unchanged).
    public var syncedAtMs: Int64
    /// Missing from the last complete listing.
    public var gone: Bool

    /// A row with defaults for everything but the name; `tld` is derived
    /// from the last label when not given.
    public init(
        name: String, nameUnicode: String? = nil, tld: String? = nil, expiresMs: Int64? = nil,
        registeredMs: Int64? = nil, nsType: NSType = .other, nameservers: [String] = [],
        withAds: Bool = false, registrantID: String? = nil, adminID: String? = nil,
        technicalID: String? = nil, billingID: String? = nil, locked: Bool = false,
        disabled: Bool = false, udrpLocked: Bool = false, registrantUnverified: Bool = false,
        hold: Bool = false, privacy: Privacy = .none, forSale: Bool = false,
        salePriceCents: Int64? = nil, saleType: String? = nil, saleMinOfferCents: Int64? = nil,
        renewOption: RenewOption = .none, note: String = "", folderID: String? = nil,
        folderName: String = "", status: String = "", extraJSON: String? = nil,
        syncedAtMs: Int64 = 0, gone: Bool = false
    ) {
        let lowered = name.lowercased()
        self.name = lowered
        self.nameUnicode = nameUnicode ?? lowered
        self.tld = (tld ?? lowered.split(separator: ".").last.map(String.init) ?? "").lowercased()
        self.expiresMs = expiresMs
        self.registeredMs = registeredMs
        self.nsType = nsType
        self.nameservers = nameservers
        self.withAds = withAds
        self.registrantID = registrantID
        self.adminID = adminID
        self.technicalID = technicalID
        self.billingID = billingID
        self.locked = locked
        self.disabled = disabled
        self.udrpLocked = udrpLocked
        self.registrantUnverified = registrantUnverified
        self.hold = hold
        self.privacy = privacy
        self.forSale = forSale
        self.salePriceCents = salePriceCents
        self.saleType = saleType
        self.saleMinOfferCents = saleMinOfferCents
        self.renewOption = renewOption
        self.note = note
        self.folderID = folderID
        self.folderName = folderName
        self.status = status
        self.extraJSON = extraJSON
        self.syncedAtMs = syncedAtMs
        self.gone = gone
    }
}

extension DomainRow {
    /// Column names in the order `RowBinder` binds them and `init(columns:)`
    /// reads them.
    static let columns: [String] = [
        "name", "name_unicode", "tld", "expires_ms", "registered_ms", "ns_type", "nameservers",
        "with_ads", "registrant_id", "admin_id", "technical_id", "billing_id", "locked", "disabled",
        "udrp_locked", "registrant_unverified", "hold", "privacy", "for_sale", "sale_price_cents",
        "sale_type", "sale_min_offer_cents", "renew_option", "note", "folder_id", "folder_name",
        "status", "extra_json", "synced_at_ms", "gone",
    ]

    static let selectList = columns.joined(separator: ", ")

    /// Reads a row selected with `selectList`, by position (fast, no
    /// column-name lookups for 100k-row reads). Throws `UnreadableValue`
    /// when a column holds a value of the wrong type; unknown enum texts
    /// fall back to a default instead, as the API's tolerant decoding does.
    init(columns c: ColumnReader) throws {
        let servers = try c.text(6)
        self.init(
            name: try c.text(0), nameUnicode: try c.text(1), tld: try c.text(2),
            expiresMs: try c.optionalInt64(3), registeredMs: try c.optionalInt64(4),
            nsType: NSType(rawValue: try c.text(5)) ?? .other,
            nameservers: servers.isEmpty ? [] : servers.split(separator: "\n").map(String.init),
            withAds: try c.bool(7), registrantID: try c.optionalText(8), adminID: try c.optionalText(9),
            technicalID: try c.optionalText(10), billingID: try c.optionalText(11), locked: try c.bool(12),
            disabled: try c.bool(13), udrpLocked: try c.bool(14), registrantUnverified: try c.bool(15),
            hold: try c.bool(16), privacy: Privacy(rawValue: try c.text(17)) ?? .none,
            forSale: try c.bool(18), salePriceCents: try c.optionalInt64(19), saleType: try c.optionalText(20),
            saleMinOfferCents: try c.optionalInt64(21), renewOption: RenewOption(rawValue: try c.text(22)) ?? .none,
            note: try c.text(23), folderID: try c.optionalText(24), folderName: try c.text(25),
            status: try c.text(26), extraJSON: try c.optionalText(27), syncedAtMs: try c.int64(28),
            gone: try c.bool(29))
    }
}

extension PortfolioDatabase {
    /// Domain rows selected with `DomainRow.selectList` (or its qualified
    /// form), leaving out rows that cannot be read (see `skippedRows`).
    func decodeDomains(_ rows: [Row]) -> [DomainRow] {
        decodeRows(rows, table: "domain", DomainRow.init(columns:))
    }
}
