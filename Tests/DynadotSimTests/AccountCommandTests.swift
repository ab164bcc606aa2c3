import DynadotAPI
import DynadotSim
import Foundation
import Testing

@Suite("Account commands over loopback")
struct AccountCommandTests {
    @Test func contactsLifecycle() async throws {
        try await withSim { server, client in
            let before = try await client.call("contact_list")["ContactList"]?.list.count ?? 0
            let created = try await client.call("create_contact", [
                ("name", "Test Person"), ("email", "test@example.com"), ("phonecc", "1"), ("phonenum", "5555550100"),
                ("address1", "1 Test Way"), ("city", "Testville"), ("zip", "12345"), ("country", "US"),
            ])
            let id = try #require((created["CreateContactContent"] ?? created)["ContactId"]?.text)
            #expect(try await client.call("contact_list")["ContactList"]?.list.count == before + 1)
            #expect(try await client.call("get_contact", [("contact_id", id)])["GetContact"]?["City"]?.text == "Testville")
            let edited = try await client.raw("edit_contact", [("contact_id", id), ("city", "Newtown")])
            #expect(edited.statusWord == "success")
            guard case .string("0") = edited.content["ResponseCode"] else { Issue.record("edit_contact answers a string code"); return }
            #expect(try await client.call("get_contact", [("contact_id", id)])["GetContact"]?["City"]?.text == "Newtown")
            let unchanged = try await client.raw("edit_contact", [("contact_id", id), ("city", "Newtown")])
            #expect(unchanged.code == -1)
            let inUse = try #require(server.state.read { $0.domains.first?.contacts.first })
            #expect(try await client.raw("delete_contact", [("contact_id", String(inUse))]).statusWord == "error")
            _ = try await client.call("delete_contact", [("contact_id", id)])
            #expect(try await client.raw("get_contact", [("contact_id", id)]).statusWord == "error")
            let incomplete = try await client.raw("create_contact", [("name", "No Email")])
            #expect(incomplete.statusWord == "error")
        }
    }

    @Test func foldersLifecycle() async throws {
        try await withSim { server, client in
            let created = try await client.call("create_folder", [("folder_name", "Test Folder")])
            let id = try #require((created["FolderCreateContent"] ?? created)["FolderId"]?.text)
            let names = try await client.call("folder_list")["FolderList"]?.list.compactMap { $0["FolderName"]?.text } ?? []
            #expect(names.contains("Test Folder"))
            let domain = server.domainNames()[0]
            _ = try await client.call("set_folder", [("domain", domain), ("folder_id", id)])
            #expect(try await client.info(domain)["Folder"]?["FolderName"]?.text == "Test Folder")
            let deleted = try await client.raw("delete_folder", [("folder_id", id)])
            #expect(deleted.content["SuccessCode"]?.int == 0)
            #expect(try await client.info(domain)["Folder"]?["FolderId"]?.text == "-1")
            #expect(try await client.raw("create_folder", [("folder_name", "Archive")]).statusWord == "error")
        }
    }

    @Test func nameServerHosts() async throws {
        try await withSim { _, client in
            let before = try await client.call("server_list")["ServerList"]?.list.count ?? 0
            let added = try await client.call("add_ns", [("host", "ns7.example.org")])
            #expect((added["AddNsContent"] ?? added)["Server"]?["Host"]?.text == "ns7.example.org")
            let list = try await client.call("server_list")["ServerList"]?.list ?? []
            #expect(list.count == before + 1)
            #expect(list.contains { $0["ServerName"]?.text == "ns7.example.org" })
            #expect(try await client.raw("add_ns", [("host", "ns7.example.org")]).statusWord == "error")
        }
    }

    @Test func accountBalancePricesAndProcessing() async throws {
        try await withSim(testConfiguration(tier: .bulk)) { _, client in
            let info = try await client.call("account_info")["AccountInfo"]
            #expect(info?["PriceLevel"]?.text == "Bulk Pricing")
            #expect(info?["AccountBalance"]?.text == "$5000.00")
            let balance = try await client.call("get_account_balance")["BalanceList"]?.list.first
            #expect(balance?["Amount"]?.text == "5000.00")
            let prices = try await client.call("tld_price")["TldPrice"]?.list ?? []
            #expect(prices.count >= 8)
            #expect(prices.first { $0["Tld"]?.text == "com" }?["Price"]?["Renew"]?.text == "10.99")
            let processing = try await client.raw("is_processing")
            #expect(processing.envelope == "Response")
            #expect(processing.content["ResponseMsg"]?.text == "no")
        }
    }
}
