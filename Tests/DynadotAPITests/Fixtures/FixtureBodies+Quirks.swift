/// One body per quirk in dynadot-api3-notes.md.
extension FixtureBodies {
    static let quirkCodeAsString = #"{"SetRenewOptionResponse": {"ResponseCode": "0", "Status": "success"}}"#
    static let quirkCodeMissing = #"{"SetNoteResponse": {"Status": "success"}}"#
    static let quirkCodeOnly = #"{"SetNoteResponse": {"ResponseCode": 0}}"#
    static let quirkSuccessCode = #"{"SetFolderResponse": {"SuccessCode": "0", "Status": "success"}}"#
    static let quirkStatusUpperCase = #"{"LockDomainResponse": {"ResponseCode": 0, "Status": "SUCCESS"}}"#

    static let quirkGenericInvalidKey = #"{"Response": {"ResponseCode": "-1", "Error": "invalid key"}}"#
    static let quirkGenericNoText = #"{"Response": {"ResponseCode": "-1"}}"#
    static let quirkIPNotAllowed =
        #"{"Response": {"ResponseCode": "-1", "Error": "The IP address 198.51.100.7 is not allowed to use the API"}}"#
    static let quirkUnknownCommand = #"{"Response": {"ResponseCode": "-1", "Error": "incorrect command name"}}"#

    static let quirkSystemBusy = #"{"SetNsResponse": {"ResponseCode": 5, "Status": "system_busy"}}"#
    static let quirkMaintenance =
        #"{"DomainInfoResponse": {"ResponseCode": "-1", "Status": "error", "Error": "problem with connection to main server"}}"#
    /// An outage as clients report it: the generic envelope, no status word.
    static let quirkOutage = #"{"Response": {"ResponseCode": "-1", "Error": "problem with connection to main server"}}"#
    static let quirkNotAvailable = #"{"RegisterResponse": {"ResponseCode": 1, "Status": "not_available"}}"#
    static let quirkInsufficientFunds =
        #"{"RenewResponse": {"ResponseCode": "-1", "Status": "insufficient_funds", "Error": "not enough account balance"}}"#
    static let quirkCouldNotFindDomain =
        #"{"SetNoteResponse": {"ResponseCode": "-1", "Status": "error", "Error": "could not find domain in your account"}}"#
    static let quirkGraceExpired = #"{"RenewResponse": {"ResponseCode": 1, "Status": "grace_expired"}}"#

    /// The XML-style split: a header object and a content object.
    static let quirkHeaderContentSplit = #"""
    {"ListDomainInfoResponse": {
      "ListDomainInfoHeader": {"SuccessCode": "0", "Status": "success"},
      "ListDomainInfoContent": {"DomainInfoList": {"DomainInfo": [
        {"Name": "split.com", "Expiration": 1700000000000}]}}}}
    """#

    /// Every field type on a domain in its other shape: numbers instead of
    /// strings, `Yes`/`YES`, name servers as a list of objects, a stray
    /// trailing-colon key and a field nobody models.
    static let quirkDomainAlternateShapes = #"""
    {"ListDomainInfoResponse": {"ResponseCode": "0", "Status": "Success", "MainDomains": [
      {"Name": "ns-list.com", "Expiration": 1700000000000, "Registration": "1600000000000",
       "NameServerSettings": {"Type": "Name Servers", "NameServers": [
         {"ServerId": 11, "ServerName": "ns1.host.net"}, {"ServerId": "12", "ServerName": "ns2.host.net"},
         {"ServerId": "", "ServerName": ""}]},
       "Whois": {"Registrant": {"ContactId": 7}, "Admin": {"ContactId": "8"}},
       "Locked": "YES", "Disabled": "No", "Privacy": "full", "isForSale": "Yes",
       "RenewOption": "auto-renew", "Note": "keep: renews & pays", "Folder": {"FolderId": 3, "FolderName": "Clients"},
       "Status": "active", "Note2: ": "x", "BrandNewField": {"a": 1}},
      {"Name": "ns-slots.com",
       "NameServerSettings": {"Type": "Name Servers", "NameServer0": "a.ns.net", "NameServer1": "b.ns.net",
         "NameServer2": "", "NameServer3": "", "NameServer10": "k.ns.net"},
       "Privacy": "partial", "RenewOption": "do not renew"},
      {"Name": "bare.com"},
      {"Expiration": "1700000000000"}]}}
    """#

    /// `MainDomains` as a lone object instead of a one-element list.
    static let quirkObjectForList = #"""
    {"ListDomainInfoResponse": {"ResponseCode": 0, "Status": "success",
      "MainDomains": {"Name": "only.com", "Expiration": "1700000000000"}}}
    """#

    static let quirkDnsRecords = #"""
    {"GetDnsResponse": {"ResponseCode": "0", "Status": "success", "GetDns": {"NameServerSettings": {
      "Type": "Dynadot DNS", "TTL": "3600",
      "MainDomains": [{"RecordType": "a", "Value": "192.0.2.10"}, {"RecordType": "MX", "Value": "mx.example.com", "Value2": "10"}],
      "SubDomains": [{"Subhost": "www", "RecordType": "cname", "Value": "example.com"},
                     {"Subhost": "_dmarc", "RecordType": "TXT", "Value": "v=DMARC1; p=none", "Value2": ""}]}}}}
    """#

    static let quirkMisspeltEnvelopeWithBOM = "\u{FEFF}  " + #"{"GetListingsItemResponse": {"ResponseCode": "0", "Status": "success", "Listing": {"Domain": "x.com", "Price": "$1,234.56"}}}"# + "\n"

    static let quirkKeyEchoed = #"{"Response": {"ResponseCode": "-1", "Error": "invalid key=FAKE-TEST-KEY-0001"}}"#
}
