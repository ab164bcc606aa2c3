/// The fields of one `list_domain` / `domain_info` record, sorted into the
/// slots `DomainRecord` models in one pass over the object.
///
/// The rules are `FieldIndex`'s — the usual spelling wins, else the first
/// field equal ignoring ASCII case; a null value counts as missing; fields
/// matching no slot in any case go to `extra` — but a listing of 100k
/// domains no longer pays a hashed lookup per modelled name plus a hashed
/// membership test per field (about half of `DomainList`'s time).
struct DomainFields {
    enum Slot: Int, CaseIterable {
        case name, domainName, domain, expiration, registration, nameServerSettings, whois, locked, disabled,
             udrpLocked, registrantUnverified, hold, privacy, isForSale, renewOption, note, folder, status
    }

    /// The provider's usual spelling of each slot, in `Slot` order.
    static let spellings = [
        "Name", "DomainName", "Domain", "Expiration", "Registration", "NameServerSettings", "Whois",
        "Locked", "Disabled", "UdrpLocked", "RegistrantUnverified", "Hold", "Privacy", "isForSale",
        "RenewOption", "Note", "Folder", "Status",
    ]

    private var exact = [JSONValue?](repeating: nil, count: Slot.allCases.count)
    private var loose = [JSONValue?](repeating: nil, count: Slot.allCases.count)
    /// Fields that match no slot, under their own names.
    private(set) var extra: [String: JSONValue] = [:]

    init(_ json: JSONValue) {
        guard case .object(let fields) = json else { return }
        for (key, value) in fields {
            if let slot = Self.exactSlot(key) {
                exact[slot.rawValue] = value
            } else if let slot = Self.looseSlot(key) {
                // The first such field wins, as in FieldIndex's scan.
                if loose[slot.rawValue] == nil { loose[slot.rawValue] = value }
            } else {
                extra[key] = value
            }
        }
    }

    /// The slot's value; nil when missing or null.
    subscript(slot: Slot) -> JSONValue? {
        let value = exact[slot.rawValue] ?? loose[slot.rawValue]
        if let value, value == .null { return nil }
        return value
    }

    private static func exactSlot(_ key: String) -> Slot? {
        switch key {
        case "Name": return .name
        case "Expiration": return .expiration
        case "Registration": return .registration
        case "NameServerSettings": return .nameServerSettings
        case "Whois": return .whois
        case "Locked": return .locked
        case "Disabled": return .disabled
        case "UdrpLocked": return .udrpLocked
        case "RegistrantUnverified": return .registrantUnverified
        case "Hold": return .hold
        case "Privacy": return .privacy
        case "isForSale": return .isForSale
        case "RenewOption": return .renewOption
        case "Note": return .note
        case "Folder": return .folder
        case "Status": return .status
        case "DomainName": return .domainName
        case "Domain": return .domain
        default: return nil
        }
    }

    private static func looseSlot(_ key: String) -> Slot? {
        for (index, spelling) in spellings.enumerated() where FieldIndex.equalIgnoringASCIICase(key, spelling) {
            return Slot(rawValue: index)
        }
        return nil
    }
}
