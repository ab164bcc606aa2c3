import Foundation

/// A WHOIS contact (`contact_list`, `get_contact`, account contact).
public struct Contact: Sendable, Equatable {
    /// `nil` only for the account's own contact in `account_info`.
    public var id: String?
    public var name: String?
    public var organization: String?
    public var email: String?
    public var phoneCc: String?
    public var phoneNumber: String?
    public var faxCc: String?
    public var faxNumber: String?
    public var address1: String?
    public var address2: String?
    public var city: String?
    public var state: String?
    public var zip: String?
    public var country: String?
    public var gtldVerified: Bool?
    public var extra: [String: JSONValue]

    public init(id: String?, name: String? = nil, organization: String? = nil, email: String? = nil,
                phoneCc: String? = nil, phoneNumber: String? = nil, faxCc: String? = nil, faxNumber: String? = nil,
                address1: String? = nil, address2: String? = nil, city: String? = nil, state: String? = nil,
                zip: String? = nil, country: String? = nil, gtldVerified: Bool? = nil, extra: [String: JSONValue] = [:]) {
        self.id = id
        self.name = name
        self.organization = organization
        self.email = email
        self.phoneCc = phoneCc
        self.phoneNumber = phoneNumber
        self.faxCc = faxCc
        self.faxNumber = faxNumber
        self.address1 = address1
        self.address2 = address2
        self.city = city
        self.state = state
        self.zip = zip
        self.country = country
        self.gtldVerified = gtldVerified
        self.extra = extra
    }

    private static let known: Set<String> = [
        "contactid", "name", "organization", "email", "phonecc", "phonenum", "faxcc", "faxnum",
        "address1", "address2", "city", "state", "zipcode", "country", "gtldverified",
    ]

    /// Reads one contact object; `nil` when it is not an object.
    public init?(json: JSONValue) {
        guard case .object = json else { return nil }
        self.init(
            id: json.first("ContactId", "Id")?.identifier,
            name: json["Name"]?.nonEmptyText,
            organization: json["Organization"]?.nonEmptyText,
            email: json["Email"]?.nonEmptyText,
            phoneCc: json["PhoneCc"]?.nonEmptyText,
            phoneNumber: json.first("PhoneNum", "Phone")?.nonEmptyText,
            faxCc: json["FaxCc"]?.nonEmptyText,
            faxNumber: json["FaxNum"]?.nonEmptyText,
            address1: json["Address1"]?.nonEmptyText,
            address2: json["Address2"]?.nonEmptyText,
            city: json["City"]?.nonEmptyText,
            state: json["State"]?.nonEmptyText,
            zip: json.first("ZipCode", "Zip")?.nonEmptyText,
            country: json["Country"]?.nonEmptyText,
            gtldVerified: json["GtldVerified"]?.bool,
            extra: json.unknownFields(excluding: Contact.known))
    }

    /// Decodes a `get_contact` answer (`GetContact` or `Contact` object).
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let node = checked.firstObject([["GetContact"], ["Contact"]]), let contact = Contact(json: node),
              contact.id != nil else {
            throw checked.missing("GetContact.ContactId")
        }
        self = contact
    }
}

/// A `contact_list` answer.
public struct ContactList: Sendable, Equatable {
    public var contacts: [Contact]

    public init(contacts: [Contact]) { self.contacts = contacts }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let items = checked.firstList([["ContactList", "Contact"], ["ContactList"], ["Contact"]]) else {
            throw checked.missing("ContactList")
        }
        self.init(contacts: items.compactMap(Contact.init(json:)).filter { $0.id != nil })
    }
}
