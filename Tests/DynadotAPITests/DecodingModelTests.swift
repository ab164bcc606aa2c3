import Foundation
import Testing
@testable import DynadotAPI

/// Each reference example decodes to the value its text describes.
@Suite struct DecodingModelTests {
    private func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }
    private func usd(_ s: String) -> Money { Money(amount: dec(s), currency: "USD") }

    @Test func listDomain() throws {
        let list = try DomainList(decodeFixture("list_domain", FixtureBodies.listDomainExample))
        #expect(list.skippedEntries == 0)
        #expect(list.domains.count == 2)
        let parking = NameServerSettings(type: "Dynadot Parking", withAds: true)
        #expect(list.domains[0] == DomainRecord(
            name: "example.com", expirationMs: 1_361_430_589_062, registrationMs: 1_234_567_890_123,
            nameServerSettings: parking, whois: WhoisContacts(registrant: "0", admin: "0", technical: "0", billing: "0"),
            locked: true, disabled: false, udrpLocked: false, registrantUnverified: false, hold: false,
            privacy: .off, isForSale: false, renewOption: .unset, note: nil, folder: nil))
        #expect(list.domains[1].whois == WhoisContacts(registrant: "1", admin: "2", technical: "3", billing: "4"))
    }

    @Test func domainInfo() throws {
        let record = try DomainRecord(decodeFixture("domain_info", FixtureBodies.domainInfoExample))
        #expect(record.name == "example.com")
        #expect(record.expirationMs == 1_361_430_589_062)
        #expect(record.isForSale == true)
        #expect(record.locked == true)
        #expect(record.nameServerSettings?.type == "Dynadot Parking")
        #expect(record.folder == nil)
        #expect(record.extra.isEmpty)
    }

    @Test func getDnsParked() throws {
        let dns = try DnsSettings(decodeFixture("get_dns", FixtureBodies.getDnsExample))
        #expect(dns == DnsSettings(type: "Dynadot Parking", withAds: true))
    }

    @Test func contactList() throws {
        let list = try ContactList(decodeFixture("contact_list", FixtureBodies.contactListExample))
        #expect(list.contacts.count == 2)
        #expect(list.contacts[0] == Contact(
            id: "0", name: "Jack tester", email: "jack@example.com", phoneCc: "1", phoneNumber: "555.555.5233",
            address1: "test street", city: "Los Angeles", state: "CA", zip: "90068", country: "US", gtldVerified: false))
        #expect(list.contacts[1].faxNumber == "123.456.7890")
        #expect(list.contacts[1].gtldVerified == true)
    }

    @Test func getContact() throws {
        let contact = try Contact(decodeFixture("get_contact", FixtureBodies.getContactExample))
        #expect(contact == Contact(
            id: "12345", name: "name", organization: "org", email: "name@example.com", phoneCc: "1",
            phoneNumber: "555.555.5233", address1: "address1", address2: "address2", city: "city",
            state: "state", zip: "zipcode", country: "country", gtldVerified: false))
    }

    @Test func orderList() throws {
        let list = try OrderList(decodeFixture("order_list", FixtureBodies.orderListExample))
        #expect(list.orders.count == 2)
        let first = list.orders[0]
        #expect(first.id == "123456")
        #expect(first.dateMs == 1_742_860_800_000)
        #expect(first.totalCost == usd("8.00"))
        #expect(first.paymentMethod == "Account Balance")
        #expect(first.status == "Problem")
        #expect(first.items[0] == OrderItem(type: "Domain Registration", domain: "a.com", years: 1,
                                            cost: usd("2.99"), status: "Completed"))
        #expect(first.items.count == 3)
        #expect(list.orders[1].items.isEmpty)
        #expect(list.orders[1].totalPaid == Money(amount: dec("100.00"), currency: "EUR"))
    }

    @Test func getOrderStatus() throws {
        let status = try OrderStatusResult(decodeFixture("get_order_status", FixtureBodies.getOrderStatusExample))
        #expect(status == OrderStatusResult(orderId: "0", orderStatus: "Completed", items: [
            .init(type: "domain transfer away", name: "example.com", status: "Completed"),
            .init(type: "domain", name: "example.net", status: "Completed"),
        ]))
    }

    @Test func folderList() throws {
        let list = try FolderList(decodeFixture("folder_list", FixtureBodies.folderListExample))
        #expect(list.folders.map(\.id) == ["0"])
        #expect(list.folders[0].name == "new")
        #expect(list.folders[0].defaults["DefaultTransferLock"]?["LockStatus"]?.text == "locked")
        #expect(list.folders[0].defaults.count == 4)
    }

    @Test func serverList() throws {
        let list = try ServerList(decodeFixture("server_list", FixtureBodies.serverListExample))
        #expect(list.servers == [
            RegisteredNameServer(serverId: "0", host: "ns1.example.com"),
            RegisteredNameServer(serverId: "1", host: "ns2.example.com", ips: ["192.0.2.1", "192.0.2.2"]),
        ])
    }

    @Test func getNs() throws {
        let ns = try DomainNameServers(decodeFixture("get_ns", FixtureBodies.getNsExample))
        #expect(ns.nameServers == ["ns1.example.net", "ns2.example.net"])
        let empty = try DomainNameServers(decodeFixture("get_ns",
            #"{"GetNsResponse": {"ResponseCode": 0, "Status": "success", "NsContent": {"Host0": "", "Host1": ""}}}"#))
        #expect(empty.nameServers.isEmpty)
    }

    @Test func accountInfo() throws {
        let info = try AccountInfo(decodeFixture("account_info", FixtureBodies.accountInfoExample))
        #expect(info.username == "testname")
        #expect(info.email == "test@example.com")
        #expect(info.balance == Money(amount: dec("70.02")))
        #expect(info.totalSpending?.cents == 0)
        #expect(info.priceLevel == "Regular Pricing")
        #expect(info.tier == .regular)
        #expect(info.accountLocked == true)
        #expect(info.customerSinceMs == 1_364_888_735_253)
        #expect(info.timeZone == "PST")
        #expect(info.contact?.city == "Los Angeles")
        #expect(info.defaultSettings["DefaultNameServerSettings"]?["Type"]?.text == "Dynadot Parking")
        #expect(info.extra["ForumName"]?.text == "test forum name")
    }

    @Test func accountBalance() throws {
        let balances = try AccountBalances(decodeFixture("get_account_balance", FixtureBodies.getAccountBalanceExample))
        #expect(balances.balances == [usd("300.00")])
    }

    @Test func tldPrice() throws {
        let list = try TLDPriceList(decodeFixture("tld_price", FixtureBodies.tldPriceExample))
        #expect(list.priceLevel == "Regular Pricing")
        #expect(list.currency == "USD")
        #expect(list.prices.count == 1)
        let com = list.prices[0]
        #expect(com.tld == "com")
        #expect(com.register == usd("15.00"))
        #expect(com.renew == usd("15.00"))
        #expect(com.transfer == usd("15.00"))
        #expect(com.restore == usd("10.00"))
        #expect(com.extra["Usage"]?.text == "General")
    }

    @Test func getListings() throws {
        let list = try MarketplaceListings(decodeFixture("get_listings", FixtureBodies.getListingsExample))
        #expect(list.listings == [
            MarketplaceListing(id: "id1", domain: "domain_name1", price: Money(amount: 1), inboundLinks: 1, age: 1,
                               pendingSaleLocked: false),
            MarketplaceListing(id: "id2", domain: "domain_name2", price: Money(amount: 2), inboundLinks: 2, age: 2,
                               pendingSaleLocked: false),
        ])
    }

    @Test func getListingItem() throws {
        let listing = try MarketplaceListing(decodeFixture("get_listing_item", FixtureBodies.getListingItemExample))
        #expect(listing == MarketplaceListing(id: "id", domain: "domain_name", price: Money(amount: 0), inboundLinks: 0,
                                              age: 0, pendingSaleLocked: false))
    }

    @Test func search() throws {
        let results = try SearchResults(decodeFixture("search", FixtureBodies.searchExample))
        #expect(results.results == [
            SearchResult(domain: "example.com", available: true, price: usd("77.00")),
            SearchResult(domain: "example.net", available: true, price: usd("44.00")),
            SearchResult(domain: "example.org", available: false),
        ])
    }

    @Test func isProcessing() throws {
        let status = try ProcessingStatus(decodeFixture("is_processing", FixtureBodies.isProcessingExample))
        #expect(status.isProcessing == false)
        let yes = try ProcessingStatus(decodeFixture("is_processing", #"{"Response": {"ResponseCode": 0, "ResponseMsg": "Yes"}}"#))
        #expect(yes.isProcessing)
    }

    @Test func renewAndPriceCheck() throws {
        let renewed = try RenewResult(decodeFixture("renew", FixtureBodies.renewExample))
        #expect(renewed == RenewResult(domain: "example.com", expirationMs: 1_742_838_000_000, isPriceCheck: false,
                                       price: nil, priceInfo: nil))
        let quote = try RenewResult(decodeFixture("renew", FixtureBodies.renewPriceCheck))
        #expect(quote.isPriceCheck)
        #expect(quote.expirationMs == nil)
        #expect(quote.price == usd("10.99"))
    }

    @Test func register() throws {
        let result = try RegisterResult(decodeFixture("register", FixtureBodies.registerExample))
        #expect(result == RegisterResult(domain: "example.com", expirationMs: 1_458_379_145_266))
    }

    @Test func transferDomainList() throws {
        let list = try TransferOutDomainList(decodeFixture("transfer_domain_list", FixtureBodies.transferDomainListExample))
        #expect(list.domains == [TransferOutDomain(domain: "example.com", orderId: "1", status: "Pending")])
    }

    @Test func getTransferStatus() throws {
        let list = try TransferStatusList(decodeFixture("get_transfer_status", FixtureBodies.getTransferStatusExample))
        #expect(list.transfers == [
            TransferStatusEntry(orderId: "testorderid", transferStatus: "teststatus"),
            TransferStatusEntry(orderId: "testorderid2", transferStatus: "teststatus2"),
        ])
    }

    @Test func genericCommandsKeepTheirContent() throws {
        let cases: [(String, String)] = [
            ("delete", FixtureBodies.deleteExample), ("push", FixtureBodies.pushExample),
            ("transfer", FixtureBodies.transferExample), ("bulk_register", FixtureBodies.bulkRegisterExample),
            ("set_dns2", FixtureBodies.setDns2Example), ("set_customer_id", FixtureBodies.setCustomerIdExample),
            ("set_renew_option", FixtureBodies.setRenewOptionExample), ("buy_it_now", FixtureBodies.buyItNowExample),
            ("set_for_sale", FixtureBodies.setForSaleExample), ("list_coupons", FixtureBodies.listCouponsExample),
            ("set_contact_eu_setting", FixtureBodies.setContactEUSettingExample),
        ]
        for (command, body) in cases {
            let result = try GenericResult(decodeFixture(command, body))
            #expect(result.command == command)
            #expect(result.code == 0)
            #expect(result.errorText == nil)
        }
        let transfer = try GenericResult(decodeFixture("transfer", FixtureBodies.transferExample))
        #expect(transfer.status == "order created")
        #expect(transfer.content["OrderId"]?.identifier == "1234567")
        let bulk = try GenericResult(decodeFixture("bulk_register", FixtureBodies.bulkRegisterExample))
        #expect(bulk.content["BulkRegister"]?.list.last?["Message"]?.text == "not_available")
        let coupons = try GenericResult(decodeFixture("list_coupons", FixtureBodies.listCouponsExample))
        #expect(coupons.content["Coupons"]?.list.first?["StartDate"]?.epochMilliseconds == 1_476_811_260_000)
    }
}
