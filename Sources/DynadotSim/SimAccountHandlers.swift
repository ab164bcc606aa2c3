import DynadotAPI
import Foundation

/// Account-wide commands: contacts, folders, name server hosts, balance, prices.
enum SimAccountHandlers {
    static let entries: [String: SimCommandEntry] = [
        "contact_list": SimCommandEntry(responseName: "ContactListResponse", domainLimit: nil, handler: contactList),
        "get_contact": SimCommandEntry(responseName: "GetContactResponse", domainLimit: nil, handler: getContact),
        "create_contact": SimCommandEntry(responseName: "CreateContactResponse", domainLimit: nil, handler: createContact),
        "edit_contact": SimCommandEntry(responseName: "EditContactResponse", domainLimit: nil, handler: editContact),
        "delete_contact": SimCommandEntry(responseName: "DeleteContactResponse", domainLimit: nil, handler: deleteContact),
        "folder_list": SimCommandEntry(responseName: "FolderListResponse", domainLimit: nil, handler: folderList),
        "create_folder": SimCommandEntry(responseName: "FolderCreateResponse", domainLimit: nil, handler: createFolder),
        "delete_folder": SimCommandEntry(responseName: "DeleteFolderResponse", domainLimit: nil, handler: deleteFolder),
        "server_list": SimCommandEntry(responseName: "ServerListResponse", domainLimit: nil, handler: serverList),
        "add_ns": SimCommandEntry(responseName: "AddNsResponse", domainLimit: nil, handler: addNS),
        "account_info": SimCommandEntry(responseName: "AccountInfoResponse", domainLimit: nil, handler: accountInfo),
        "get_account_balance": SimCommandEntry(responseName: "GetAccountBalanceResponse", domainLimit: nil, handler: balance),
        "tld_price": SimCommandEntry(responseName: "TldPriceResponse", domainLimit: nil, handler: tldPrice),
        "is_processing": SimCommandEntry(responseName: "Response", domainLimit: nil, handler: isProcessing),
    ]

    /// Request parameter → contact field.
    static let contactFields: [(String, String)] = [
        ("organization", "Organization"), ("name", "Name"), ("email", "Email"), ("phonecc", "PhoneCc"),
        ("phonenum", "PhoneNum"), ("faxcc", "FaxCc"), ("faxnum", "FaxNum"), ("address1", "Address1"),
        ("address2", "Address2"), ("city", "City"), ("state", "State"), ("zip", "ZipCode"), ("country", "Country"),
    ]
    static let requiredContactFields = ["name", "email", "phonecc", "phonenum", "address1", "city", "zip", "country"]

    static func contactJSON(_ contact: SimContact) -> JSONValue {
        var fields = contact.fields.mapValues { JSONValue.string($0) }
        fields["ContactId"] = .string(String(contact.id))
        return .object(fields)
    }

    static func contactIndex(_ account: SimAccount, _ text: String) throws -> Int {
        guard let id = Int(text), let index = account.contacts.firstIndex(where: { $0.id == id }) else {
            throw SimRefusal(message: "contact \(text) not found")
        }
        return index
    }

    static func contactList(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        request.ok(["ContactList": .array(account.contacts.map(contactJSON))])
    }

    static func getContact(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let index = try contactIndex(account, try request.required("contact_id"))
        return request.ok(["GetContact": contactJSON(account.contacts[index])])
    }

    static func createContact(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        for name in requiredContactFields { _ = try request.required(name) }
        guard try request.required("email").contains("@") else { throw SimRefusal(message: "invalid email") }
        var fields: [String: String] = ["GtldVerified": "no"]
        for (parameter, field) in contactFields { fields[field] = request[parameter] ?? "" }
        let contact = SimContact(id: account.nextContactId, fields: fields)
        account.nextContactId += 1
        account.contacts.append(contact)
        return request.ok(["CreateContactContent": .object(["ContactId": .string(String(contact.id))])], applied: true)
    }

    static func editContact(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let text = try request.required("contact_id")
        let index = try contactIndex(account, text)
        var fields = account.contacts[index].fields
        for (parameter, field) in contactFields {
            if let value = request[parameter] { fields[field] = value }
        }
        // The provider answers -1 when the edit changes nothing.
        guard fields != account.contacts[index].fields else { throw SimRefusal(message: "nothing changed") }
        account.contacts[index].fields = fields
        return request.ok(["EditContactContent": .object(["ContactId": .string(text)])], code: .string("0"), applied: true)
    }

    static func deleteContact(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let texts = try request.required("contact_id").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var ids: [Int] = []
        for text in texts {
            let index = try contactIndex(account, text)
            let id = account.contacts[index].id
            if let user = account.domains.first(where: { $0.contacts.contains(id) }) {
                throw SimRefusal(message: "contact \(id) is in use by \(user.name)")
            }
            ids.append(id)
        }
        account.contacts.removeAll { ids.contains($0.id) }
        return request.ok(applied: true)
    }

    static func folderList(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        request.ok(["FolderList": .array(account.folders.map { SimFolderHandlers.folderJSON($0, account) })])
    }

    static func createFolder(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let name = try request.required("folder_name")
        guard !account.folders.contains(where: { $0.name == name }), name != "Default" else {
            throw SimRefusal(message: "folder \(name) already exists")
        }
        let folder = SimFolder(id: account.nextFolderId, name: name)
        account.nextFolderId += 1
        account.folders.append(folder)
        return request.ok(["FolderCreateContent": .object(["FolderName": .string(name), "FolderId": .string(String(folder.id))])], applied: true)
    }

    static func deleteFolder(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let texts = try request.required("folder_id").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var ids: [Int] = []
        for text in texts {
            guard let id = Int(text), account.folders.contains(where: { $0.id == id }) else {
                throw SimRefusal(message: "folder \(text) not found")
            }
            ids.append(id)
        }
        account.folders.removeAll { ids.contains($0.id) }
        for i in account.domains.indices where ids.contains(account.domains[i].folderId) {
            account.domains[i].folderId = -1
        }
        // This command's header says SuccessCode, not ResponseCode.
        let body = JSONValue.object([request.responseName: .object(["SuccessCode": .number(0), "Status": .string("success")])])
        return SimAnswer(body: Array(body.serialized().utf8), outcome: "success", applied: true)
    }

    static func serverList(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let servers = account.nameServerHosts.map { host -> JSONValue in
            var fields: [String: JSONValue] = ["ServerId": .string(String(host.id)), "ServerName": .string(host.host)]
            if !host.ips.isEmpty { fields["ServerIps"] = .array(host.ips.map { .object(["Ip": .string($0)]) }) }
            return .object(fields)
        }
        return request.ok(["ServerList": .array(servers)])
    }

    static func addNS(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let host = try request.required("host").lowercased()
        guard host.contains("."), !host.contains(" ") else { throw SimRefusal(message: "invalid host \(host)") }
        guard !account.nameServerHosts.contains(where: { $0.host == host }) else {
            throw SimRefusal(message: "name server \(host) already exists")
        }
        let server = SimNameServerHost(id: account.nextServerId, host: host, ips: [])
        account.nextServerId += 1
        account.nameServerHosts.append(server)
        return request.ok(["AddNsContent": .object(["Server": .object(["Host": .string(host), "ServerId": .number(Double(server.id))])])], applied: true)
    }

    static func accountInfo(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        func contact(_ i: Int) -> JSONValue { .object(["ContactId": .string(String(account.defaultWhois[i]))]) }
        var owner = account.contacts.first.map { contactJSON($0).fields } ?? [:]
        owner["ContactId"] = nil
        owner["GtldVerified"] = nil
        let spent = account.orders.reduce(0) { $0 + $1.totalCents }
        return request.ok(["AccountInfo": .object([
            "Username": .string(account.username), "ForumName": .string(account.username),
            "Contact": .object(owner), "CustomerSince": .string(String(account.customerSinceMs)),
            "AccountLock": .string("on"), "TotalSpending": .string(SimMoney.dollars(spent)),
            "PriceLevel": .string(account.tier.priceLevelName), "AccountBalance": .string(SimMoney.dollars(account.balanceCents)),
            "CustomTimeZone": .string("UTC"),
            "DefaultSettings": .object([
                "DefaultWhois": .object([
                    "DefaultRegistrant": contact(0), "DefaultAdmin": contact(1), "DefaultTechnical": contact(2), "DefaultBilling": contact(3),
                ]),
                "DefaultNameServerSettings": SimSettingRequests.json(account.defaultNameServers, account),
                "DefaultRenewOption": .object(["RenewOption": .string(account.defaultRenewOption.rawValue)]),
            ]),
        ])])
    }

    static func balance(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        request.ok(["BalanceList": .array([.object(["Currency": .string("USD"), "Amount": .string(SimMoney.plain(account.balanceCents))])])])
    }

    static func tldPrice(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        var prices = account.tldPrices
        if let perPage = request["count_per_page"].flatMap({ Int($0) }), perPage > 0 {
            let start = min(prices.count, (Int(request["page_index"] ?? "0") ?? 0) * perPage)
            prices = Array(prices[start..<min(prices.count, start + perPage)])
        }
        let list = prices.map { p -> JSONValue in
            .object([
                "Tld": .string(p.tld), "Usage": .string(p.tld.count == 2 ? "Country" : "General"),
                "IDN": .string(PortfolioGenerator.idnTLDs.contains(p.tld) ? "YES" : "NO"), "Restrictions": .string("--"),
                "Privacy": .string("0.00"),
                "Price": .object([
                    "Unit": .string("(Price/1 year)"), "Register": .string(SimMoney.plain(p.registerCents)),
                    "Renew": .string(SimMoney.plain(p.renewCents)), "Transfer": .string(SimMoney.plain(p.transferCents)),
                    "Restore": .string("99.00"),
                ]),
                "GracePeriod": .object(["Unit": .string("(Days)"), "Renew": .string("40"), "Delete": .string("5"), "Restore": .string("YES")]),
            ])
        }
        return request.ok(["PriceLevel": .string(account.tier.priceLevelName), "Currency": .string("USD"), "TldPrice": .array(list)])
    }

    static func isProcessing(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let body = JSONValue.object(["Response": .object([
            "ResponseCode": .string("0"), "ResponseMsg": .string(request.inFlight > 1 ? "yes" : "no"),
        ])])
        return SimAnswer(body: Array(body.serialized().utf8), outcome: "success")
    }
}
