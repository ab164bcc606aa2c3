/// Response bodies for the decoding tests, kept as literals so the tests run
/// on a fresh clone. The `…Example` bodies are the reference's JSON examples
/// with their braces (and the domain names the extraction dropped) put back,
/// the nesting taken from each command's XML tag table. The `quirk…` bodies
/// reproduce one item of dynadot-api3-notes.md each.
enum FixtureBodies {
    // MARK: Reference examples

    static let searchExample = #"""
    {"SearchResponse": {"ResponseCode": "0", "Status": "success", "SearchResults": [
      {"DomainName": "example.com", "Available": "yes", "Price": "77.00 in USD"},
      {"DomainName": "example.net", "Available": "yes", "Price": "44.00 in USD"},
      {"DomainName": "example.org", "Available": "no"}]}}
    """#

    static let registerExample = #"""
    {"RegisterResponse": {"ResponseCode": 0, "Status": "success", "DomainName": "example.com",
      "Expiration": 1458379145266}}
    """#

    static let deleteExample = #"""
    {"DeleteResponse": {"ResponseCode": 0, "Status": "success", "DomainName": "example.com"}}
    """#

    static let renewExample = #"""
    {"RenewResponse": {"ResponseCode": "0", "Status": "success", "DomainName": "example.com",
      "Expiration": "1742838000000"}}
    """#

    static let renewPriceCheck = #"""
    {"RenewResponse": {"ResponseCode": "0", "Status": "price_check_success",
      "PriceInfo": "Renewal price for example.com is 10.99 USD for 1 year"}}
    """#

    static let pushExample = #"""
    {"PushResponse": {"ResponseCode": "0", "Status": "order created"}}
    """#

    static let transferExample = #"""
    {"TransferResponse": {"ResponseCode": 0, "Status": "order created", "DomainName": "example.com",
      "OrderId": "1234567"}}
    """#

    static let bulkRegisterExample = #"""
    {"BulkRegisterResponse": {"ResponseCode": 0, "Status": "success", "BulkRegister": [
      {"DomainName": "example.com", "Expiration": "1234567890", "Result": "success", "Message": "-"},
      {"DomainName": "example.net", "Expiration": "-", "Result": "error", "Message": "not_available"}]}}
    """#

    static let domainInfoExample = #"""
    {"DomainInfoResponse": {"ResponseCode": 0, "Status": "success", "DomainInfo": {
      "Name": "example.com", "Expiration": "1361430589062", "Registration": "1234567890123",
      "NameServerSettings": {"Type": "Dynadot Parking", "WithAds": "Yes"},
      "Whois": {"Registrant": {"ContactId": "0"}, "Admin": {"ContactId": "0"},
                "Technical": {"ContactId": "0"}, "Billing": {"ContactId": "0"}},
      "Locked": "yes", "Disabled": "no", "UdrpLocked": "no", "RegistrantUnverified": "no", "Hold": "no",
      "Privacy": "none", "isForSale": "yes", "RenewOption": "no renew option", "Note": "",
      "Folder": {"FolderId": "-1", "FolderName": "(no folder)"}}}}
    """#

    static let setDns2Example = #"""
    {"SetDnsResponse": {"ResponseCode": 0, "Status": "success"}}
    """#

    static let setCustomerIdExample = #"""
    {"SetCustomerIdResponse": {"ResponseCode": 0, "Status": "success", "SetCustomerIdSuccess": [
      {"Domain": "example.com", "CustomerId": 123456}, {"Domain": "example.net", "CustomerId": 123456}]}}
    """#

    static let setRenewOptionExample = #"""
    {"SetRenewOptionResponse": {"ResponseCode": 0, "Status": "success"}}
    """#

    static let tldPriceExample = #"""
    {"TldPriceResponse": {"ResponseCode": 0, "Status": "success", "PriceLevel": "Regular Pricing",
      "Currency": "USD", "TldPrice": [{"Tld": "com", "Usage": "General", "IDN": "YES", "Restrictions": "--",
      "Privacy": "10.00",
      "Price": {"Unit": "(Price/1 year)", "Register": "15.00", "Renew": "15.00", "Transfer": "15.00", "Restore": "10.00"},
      "GracePeriod": {"Unit": "10.00", "Renew": "10.00", "Delete": "30", "Restore": "YES"}}]}}
    """#

    static let listDomainExample = #"""
    {"ListDomainInfoResponse": {"ResponseCode": 0, "Status": "success", "MainDomains": [
      {"Name": "example.com", "Expiration": "1361430589062", "Registration": "1234567890123",
       "NameServerSettings": {"Type": "Dynadot Parking", "WithAds": "Yes"},
       "Whois": {"Registrant": {"ContactId": "0"}, "Admin": {"ContactId": "0"},
                 "Technical": {"ContactId": "0"}, "Billing": {"ContactId": "0"}},
       "Locked": "yes", "Disabled": "no", "UdrpLocked": "no", "RegistrantUnverified": "no", "Hold": "no",
       "Privacy": "none", "isForSale": "no", "RenewOption": "no renew option", "Note": "",
       "Folder": {"FolderId": "-1", "FolderName": "(no folder)"}},
      {"Name": "example.net", "Expiration": "1361430589062", "Registration": "1234567890123",
       "NameServerSettings": {"Type": "Dynadot Parking", "WithAds": "Yes"},
       "Whois": {"Registrant": {"ContactId": "1"}, "Admin": {"ContactId": "2"},
                 "Technical": {"ContactId": "3"}, "Billing": {"ContactId": "4"}},
       "Locked": "yes", "Disabled": "no", "UdrpLocked": "no", "RegistrantUnverified": "no", "Hold": "no",
       "Privacy": "none", "isForSale": "no", "RenewOption": "no renew option", "Note": "",
       "Folder": {"FolderId": "-1", "FolderName": "(no folder)"}}]}}
    """#

    static let getTransferStatusExample = #"""
    {"GetTransferStatusResponse": {"ResponseCode": 0, "Status": "success", "TransferList": [
      {"OrderId": "testorderid", "TransferStatus": "teststatus"},
      {"OrderId": "testorderid2", "TransferStatus": "teststatus2"}]}}
    """#

    static let contactListExample = #"""
    {"ContactListResponse": {"ResponseCode": 0, "Status": "success", "ContactList": [
      {"ContactId": "0", "Organization": "", "Name": "Jack tester", "Email": "jack@example.com",
       "PhoneCc": "1", "PhoneNum": "555.555.5233", "FaxCc": "", "FaxNum": "", "Address1": "test street",
       "Address2": "", "City": "Los Angeles", "State": "CA", "ZipCode": "90068", "Country": "US",
       "GtldVerified": "no"},
      {"ContactId": "1", "Organization": "", "Name": "John tester", "Email": "john@example.com",
       "PhoneCc": "1", "PhoneNum": "123.456.7890", "FaxCc": "1", "FaxNum": "123.456.7890",
       "Address1": "high Way first", "Address2": "", "City": "San Francisco", "State": "CA",
       "ZipCode": "90068", "Country": "US", "GtldVerified": "yes"}]}}
    """#

    static let getContactExample = #"""
    {"GetContactResponse": {"ResponseCode": 0, "Status": "success", "GetContact": {
      "ContactId": "12345", "Organization": "org", "Name": "name", "Email": "name@example.com",
      "PhoneCc": "1", "PhoneNum": "555.555.5233", "FaxCc": "", "FaxNum": "", "Address1": "address1",
      "Address2": "address2", "City": "city", "State": "state", "ZipCode": "zipcode", "Country": "country",
      "GtldVerified": "no"}}}
    """#

    static let setContactEUSettingExample = #"""
    {"SetContactEUSettingResponse": {"ResponseCode: ": "0", "Status": "Success",
      "SetContactEUSettingContent": {"ContactId: ": "0"}}}
    """#

    static let getNsExample = #"""
    {"GetNsResponse": {"ResponseCode": 0, "Status": "success",
      "NsContent": {"Host0": "ns1.example.net", "Host1": "ns2.example.net"}}}
    """#

    static let serverListExample = #"""
    {"ServerListResponse": {"ResponseCode": 0, "Status": "success", "ServerList": [
      {"ServerId": "0", "ServerName": "ns1.example.com"},
      {"ServerId": "1", "ServerName": "ns2.example.com",
       "ServerIps": [{"Ip": "192.0.2.1"}, {"Ip": "192.0.2.2"}]}]}}
    """#

    static let getDnsExample = #"""
    {"GetDnsResponse": {"ResponseCode": 0, "Status": "success",
      "GetDns": {"NameServerSettings": {"Type": "Dynadot Parking", "WithAds": "Yes"}}}}
    """#

    static let accountInfoExample = #"""
    {"AccountInfoResponse": {"ResponseCode": 0, "Status": "success", "AccountInfo": {
      "Username": "testname", "ForumName": "test forum name", "AvatarUrl": "test avatar url",
      "Contact": {"Organization": "", "Name": "testname test", "Email": "test@example.com", "PhoneCc": "1",
                  "PhoneNum": "555.555.5233", "FaxCc": "", "FaxNum": "", "Address1": "1 test road",
                  "Address2": "", "City": "Los Angeles", "State": "CA", "ZipCode": "90000", "Country": "US"},
      "CustomerSince": "1364888735253", "AccountLock": "on", "TotalSpending": "$0.00",
      "PriceLevel": "Regular Pricing", "AccountBalance": "$70.02", "CustomTimeZone": "PST",
      "DefaultSettings": {
        "DefaultWhois": {"DefaultRegistrant": {"ContactId": "0"}, "DefaultAdmin": {"ContactId": "0"},
                         "DefaultTechnical": {"ContactId": "0"}, "DefaultBilling": {"ContactId": "0"}},
        "DefaultNameServerSettings": {"Type": "Dynadot Parking", "WithAds": "yes"}}}}}
    """#

    static let getAccountBalanceExample = #"""
    {"GetAccountBalanceResponse": {"ResponseCode": 0, "Status": "success",
      "BalanceList": [{"Currency": "USD", "Amount": "300.00"}]}}
    """#

    static let folderListExample = #"""
    {"FolderListResponse": {"ResponseCode": 0, "Status": "success", "FolderList": [
      {"FolderId": "0", "FolderName": "new",
       "DefaultWhois": {"DefaultWhoisEnableStatus": "disable", "DefaultRegistrant": {"ContactId": "0"},
                        "DefaultAdmin": {"ContactId": "0"}, "DefaultTechnical": {"ContactId": "0"},
                        "DefaultBilling": {"ContactId": "0"}},
       "DefaultNameServers": {"DefaultTransferLockEnableStatus": "disable",
                              "NameServerSettings": {"Type": "Dynadot Parking", "WithAds": "Yes"}},
       "DefaultRenewOption": {"DefaultRenewOptionEnableStatus": "disable", "RenewOption": "no renew option"},
       "DefaultTransferLock": {"DefaultTransferLockEnableStatus": "disable", "LockStatus": "locked"}}]}}
    """#

    static let getListingsExample = #"""
    {"GetListingsResponse": {"ResponseCode": 0, "Status": "success", "Listing": [
      {"ListingId": "id1", "Domain": "domain_name1", "Price": "1", "InboundLinks": "1", "Age": "1",
       "PendingSaleLocked": "No"},
      {"ListingId": "id2", "Domain": "domain_name2", "Price": "2", "InboundLinks": "2", "Age": "2",
       "PendingSaleLocked": "No"}]}}
    """#

    static let getListingItemExample = #"""
    {"GetListingsItemResponse": {"ResponseCode": 0, "Status": "success", "Listing": {
      "ListingId": "id", "Domain": "domain_name", "Price": "0", "InboundLinks": "0", "Age": "0",
      "PendingSaleLocked": "No"}}}
    """#

    static let buyItNowExample = #"""
    {"BuyItNowResponse": {"ResponseCode": 0, "Status": "success"}}
    """#

    static let setForSaleExample = #"""
    {"SetForSaleResponse": {"ResponseCode: ": "0", "Status": "Success"}}
    """#

    static let transferDomainListExample = #"""
    {"TransferOutDomainListResponse": {"ResponseCode": 200, "Status": "success",
      "TransferOutDomainList": [{"orderId": 1, "domain": "example.com", "itemStatus": "Pending"}]}}
    """#

    static let orderListExample = #"""
    {"OrderListResponse": {"ResponseCode": 0, "Status": "success", "OrderList": [
      {"OrderId": "123456", "SubmittedDate": "2025/03/25", "Currency": "USD", "PaymentMethod": "Account Balance",
       "TotalCost": "$8.00", "TotalPaid": "$8.00", "Status": "Problem", "ItemList": [
        {"ItemType": "Domain Registration", "Name": "a.com", "Duration": 1, "Cost": "2.99", "Status": "Completed"},
        {"ItemType": "Domain Renewal", "Name": "b.com", "Duration": 1, "Cost": "3.99", "Status": "Completed"},
        {"ItemType": "Domain Transfer", "Name": "c.com", "Duration": 1, "Cost": "4.99", "Status": "Completed"}]},
      {"OrderId": "123457", "SubmittedDate": "2025/03/25", "Currency": "EUR", "PaymentMethod": "Paypal",
       "TotalCost": "$100.00", "TotalPaid": "$100.00", "Status": "Submitted", "ItemList": []}]}}
    """#

    static let getOrderStatusExample = #"""
    {"GetOrderStatusResponse": {"ResponseCode": 0, "Status": "success", "OrderStatus": {
      "OrderId": 0, "OrderStatus": "Completed", "ItemList": [
        {"ItemTypeName": "domain transfer away", "ItemName": "example.com", "ItemStatus": "Completed"},
        {"ItemTypeName": "domain", "ItemName": "example.net", "ItemStatus": "Completed"}]}}}
    """#

    static let isProcessingExample = #"""
    {"Response": {"ResponseHeader": {"ResponseCode": "0", "ResponseMsg": "no"}}}
    """#

    static let listCouponsExample = #"""
    {"ListCouponsResponse": {"ResponseCode": 0, "Status": "success", "Coupons": [
      {"Code": "RENEW10", "Description": "Domain Renew Coupon", "CouponType": "Hosting/SSL Coupons",
       "DiscountType": "PERCENTAGE_OFF", "DiscountInfo": {"Percentage": "10%"},
       "Restriction": {"PriceLevels": "Any", "IdnRestriction": "None", "DomainDurationMin": "1",
                       "DomainDurationMax": "1", "Tlds": [], "Currencies": ["US Dollar USD ($)"]},
       "StartDate": "1476811260000"}]}}
    """#
}
