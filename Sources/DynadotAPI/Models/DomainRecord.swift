import Foundation

/// One domain as `list_domain` and `domain_info` report it. Every field but
/// `name` may be missing on some domains, so they are optional; fields this
/// type does not model are kept in `extra`.
public struct DomainRecord: Sendable, Equatable {
    public var name: String
    /// Expiry, epoch milliseconds.
    public var expirationMs: Int64?
    /// Registration, epoch milliseconds.
    public var registrationMs: Int64?
    public var nameServerSettings: NameServerSettings?
    public var whois: WhoisContacts
    public var locked: Bool?
    public var disabled: Bool?
    public var udrpLocked: Bool?
    public var registrantUnverified: Bool?
    public var hold: Bool?
    public var privacy: PrivacyLevel?
    public var isForSale: Bool?
    public var renewOption: RenewOption?
    /// The note, `nil` when empty.
    public var note: String?
    /// `nil` when the domain is in no folder (`FolderId` `-1`).
    public var folder: FolderRef?
    /// A per-domain status word, when the provider sends one.
    public var status: String?
    public var extra: [String: JSONValue]

    public init(name: String, expirationMs: Int64? = nil, registrationMs: Int64? = nil,
                nameServerSettings: NameServerSettings? = nil, whois: WhoisContacts = WhoisContacts(),
                locked: Bool? = nil, disabled: Bool? = nil, udrpLocked: Bool? = nil,
                registrantUnverified: Bool? = nil, hold: Bool? = nil, privacy: PrivacyLevel? = nil,
                isForSale: Bool? = nil, renewOption: RenewOption? = nil, note: String? = nil,
                folder: FolderRef? = nil, status: String? = nil, extra: [String: JSONValue] = [:]) {
        self.name = name
        self.expirationMs = expirationMs
        self.registrationMs = registrationMs
        self.nameServerSettings = nameServerSettings
        self.whois = whois
        self.locked = locked
        self.disabled = disabled
        self.udrpLocked = udrpLocked
        self.registrantUnverified = registrantUnverified
        self.hold = hold
        self.privacy = privacy
        self.isForSale = isForSale
        self.renewOption = renewOption
        self.note = note
        self.folder = folder
        self.status = status
        self.extra = extra
    }

    /// Reads one domain object; `nil` when it carries no name.
    public init?(json: JSONValue) {
        let f = DomainFields(json)
        let leaves = DomainLeaves(
            name: f[.name], domainName: f[.domainName], domain: f[.domain], expiration: f[.expiration],
            registration: f[.registration], locked: f[.locked], disabled: f[.disabled], udrpLocked: f[.udrpLocked],
            registrantUnverified: f[.registrantUnverified], hold: f[.hold], privacy: f[.privacy],
            isForSale: f[.isForSale], renewOption: f[.renewOption], note: f[.note], status: f[.status])
        self.init(leaves: leaves, settings: Self.settings(f[.nameServerSettings]), whois: WhoisContacts(json: f[.whois]),
                  folder: FolderRef(json: f[.folder]), extra: f.extra)
    }

    /// The record from its fields as both decoders sort them: the generic
    /// one from the parsed tree, the `list_domain` fast path from the bytes.
    /// Sharing this step keeps the two from reading a field differently.
    init?(leaves l: DomainLeaves, settings: NameServerSettings?, whois: WhoisContacts, folder: FolderRef?,
          extra: [String: JSONValue]) {
        guard let name = (l.name ?? l.domainName ?? l.domain)?.cleanText else { return nil }
        self.init(
            name: name,
            expirationMs: l.expiration?.fastMilliseconds,
            registrationMs: l.registration?.fastMilliseconds,
            nameServerSettings: settings,
            whois: whois,
            locked: l.locked?.flag,
            disabled: l.disabled?.flag,
            udrpLocked: l.udrpLocked?.flag,
            registrantUnverified: l.registrantUnverified?.flag,
            hold: l.hold?.flag,
            privacy: l.privacy?.text.map(PrivacyLevel.init(providerText:)),
            isForSale: l.isForSale?.flag,
            renewOption: l.renewOption?.text.map(RenewOption.init(providerText:)),
            note: l.note?.cleanText,
            folder: folder,
            status: l.status?.cleanText,
            extra: extra)
    }

    /// `NameServerSettings` from its node: an object, or just the type text.
    static func settings(_ node: JSONValue?) -> NameServerSettings? {
        node.flatMap { node -> NameServerSettings? in
            if case .object = node { return NameServerSettings(json: node) }
            return node.nonEmptyText.map { NameServerSettings(type: $0) }
        }
    }

    /// Decodes a `domain_info` answer (`DomainInfo` object, or the domain
    /// fields directly in the content).
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        // `DomainInfo` may also come as a one-element list.
        let node = checked.firstList([["DomainInfo"], ["DomainInfoList", "DomainInfo"]])?.first ?? checked.content
        guard let record = DomainRecord(json: node) else { throw checked.missing("domain Name") }
        self = record
    }
}

/// The scalar fields of one domain record, null values already dropped.
struct DomainLeaves {
    var name, domainName, domain, expiration, registration, locked, disabled, udrpLocked,
        registrantUnverified, hold, privacy, isForSale, renewOption, note, status: JSONValue?
}

/// A `list_domain` page.
public struct DomainList: Sendable, Equatable {
    public var domains: [DomainRecord]
    /// Entries dropped because they carried no domain name.
    public var skippedEntries: Int

    public init(domains: [DomainRecord], skippedEntries: Int = 0) {
        self.domains = domains
        self.skippedEntries = skippedEntries
    }

    /// Reads `MainDomains` (JSON form) or `DomainInfoList.DomainInfo` (XML
    /// nesting). An answer with no list at all is malformed rather than an
    /// empty account, so a sync never mistakes a bad page for deletions.
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let items = checked.firstList([["MainDomains"], ["DomainInfoList", "DomainInfo"], ["DomainInfoList"], ["Domains"]]) else {
            throw checked.missing("MainDomains")
        }
        let domains = items.compactMap(DomainRecord.init(json:))
        self.init(domains: domains, skippedEntries: items.count - domains.count)
    }
}
