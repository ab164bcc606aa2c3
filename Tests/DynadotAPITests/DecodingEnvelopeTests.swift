import Foundation
import Testing
@testable import DynadotAPI

@Suite struct DecodingEnvelopeTests {
    @Test func readsCodeAsNumberStringOrMissingUnderEitherName() throws {
        #expect(try decodeFixture("register", FixtureBodies.registerExample).code == 0)
        #expect(try decodeFixture("set_renew_option", FixtureBodies.quirkCodeAsString).code == 0)
        let missing = try decodeFixture("set_note", FixtureBodies.quirkCodeMissing)
        #expect(missing.code == nil)
        #expect(missing.isSuccess)
        let codeOnly = try decodeFixture("set_note", FixtureBodies.quirkCodeOnly)
        #expect(codeOnly.status == nil)
        #expect(codeOnly.isSuccess)
        let successCode = try decodeFixture("set_folder", FixtureBodies.quirkSuccessCode)
        #expect(successCode.code == 0)
        #expect(successCode.envelope == "SetFolderResponse")
    }

    @Test func strayColonKeyAndCapitalisedStatusStillSucceed() throws {
        for (command, body) in [("set_for_sale", FixtureBodies.setForSaleExample),
                                ("set_contact_eu_setting", FixtureBodies.setContactEUSettingExample)] {
            let response = try decodeFixture(command, body)
            #expect(response.code == 0)
            #expect(response.status == "success")
            #expect(throws: Never.self) { try response.checked() }
        }
        let eu = try decodeFixture("set_contact_eu_setting", FixtureBodies.setContactEUSettingExample)
        #expect(eu.content["ContactId"]?.identifier == "0")
        #expect(try decodeFixture("lock_domain", FixtureBodies.quirkStatusUpperCase).status == "success")
    }

    @Test func mergesXMLStyleHeaderAndContent() throws {
        let response = try decodeFixture("list_domain", FixtureBodies.quirkHeaderContentSplit)
        #expect(response.code == 0)
        #expect(response.status == "success")
        let list = try DomainList(response)
        #expect(list.domains.map(\.name) == ["split.com"])
        #expect(list.domains.first?.expirationMs == 1_700_000_000_000)
    }

    @Test func acceptsMisspeltEnvelopeAndLeadingBOM() throws {
        let response = try decodeFixture("get_listing_item", FixtureBodies.quirkMisspeltEnvelopeWithBOM)
        #expect(response.envelope == "GetListingsItemResponse")
        let listing = try MarketplaceListing(response)
        #expect(listing.domain == "x.com")
        #expect(listing.price == Money(amount: Decimal(string: "1234.56")!))
    }

    @Test func successWordsIncludeOrderCreatedAndPriceCheckAndCode200() throws {
        #expect(try decodeFixture("push", FixtureBodies.pushExample).isSuccess)
        #expect(try decodeFixture("transfer", FixtureBodies.transferExample).isSuccess)
        #expect(try decodeFixture("renew", FixtureBodies.renewPriceCheck).isSuccess)
        #expect(try decodeFixture("transfer_domain_list", FixtureBodies.transferDomainListExample).code == 200)
        #expect(try decodeFixture("x", #"{"XResponse": {"ResponseCode": 200}}"#).isSuccess)
        #expect(try decodeFixture("x", #"{"XResponse": {"ResponseCode": -1}}"#).isSuccess == false)
    }

    @Test func genericEnvelopeRefusalsAreAccountProblems() throws {
        let invalidKey = decodingFailure { _ = try decodeFixture("list_domain", FixtureBodies.quirkGenericInvalidKey).checked() }
        #expect(invalidKey == .accountRefused(reason: "invalid key"))
        let noText = decodingFailure { _ = try decodeFixture("list_domain", FixtureBodies.quirkGenericNoText).checked() }
        #expect(noText == .accountRefused(reason: "code -1"))
        let ip = decodingFailure { _ = try decodeFixture("list_domain", FixtureBodies.quirkIPNotAllowed).checked() }
        guard case .accountRefused(let reason) = ip else {
            Issue.record("expected accountRefused, got \(String(describing: ip))")
            return
        }
        #expect(reason.contains("198.51.100.7"))
        #expect(ip?.message.contains("allowed IPs") == true)
    }

    @Test func unknownCommandIsAProviderRefusal() {
        let error = decodingFailure { _ = try decodeFixture("frobnicate", FixtureBodies.quirkUnknownCommand).checked() }
        #expect(error == .providerRefused(command: "frobnicate", status: "code -1", message: "incorrect command name"))
    }

    @Test func busyIsRetryable() {
        let busy = decodingFailure { _ = try decodeFixture("set_ns", FixtureBodies.quirkSystemBusy).checked() }
        #expect(busy == .busy(command: "set_ns", message: "system_busy"))
        #expect(busy?.isRetryable == true)
        #expect(busy?.outcomeUncertain == false)
    }

    /// "problem with connection to main server" is an outage in either
    /// envelope — never an account refusal, though it comes in `Response`.
    @Test func mainServerTroubleIsAnOutageNothingApplied() {
        let inCommand = decodingFailure { _ = try decodeFixture("domain_info", FixtureBodies.quirkMaintenance).checked() }
        #expect(inCommand == .outage(command: "domain_info", message: "problem with connection to main server"))
        let generic = decodingFailure { _ = try decodeFixture("set_note", FixtureBodies.quirkOutage).checked() }
        #expect(generic == .outage(command: "set_note", message: "problem with connection to main server"))
        let outage = generic
        #expect(outage?.code == "outage")
        #expect(outage?.isRetryable == true)
        #expect(outage?.outcomeUncertain == false)
        #expect(outage?.message.contains("Dynadot is having trouble") == true)
        #expect(outage?.message.contains("stay queued") == true)
    }

    @Test func providerRefusalsCarryTheProviderText() {
        let cases: [(String, String, DynadotError)] = [
            ("register", FixtureBodies.quirkNotAvailable,
             .providerRefused(command: "register", status: "not_available", message: "")),
            ("renew", FixtureBodies.quirkInsufficientFunds,
             .providerRefused(command: "renew", status: "insufficient_funds", message: "not enough account balance")),
            ("set_note", FixtureBodies.quirkCouldNotFindDomain,
             .providerRefused(command: "set_note", status: "error", message: "could not find domain in your account")),
            ("renew", FixtureBodies.quirkGraceExpired,
             .providerRefused(command: "renew", status: "grace_expired", message: "")),
        ]
        for (command, body, expected) in cases {
            #expect(decodingFailure { _ = try decodeFixture(command, body).checked() } == expected)
        }
    }

    @Test func typedDecodersThrowTheRefusalNotAMalformedError() {
        let error = decodingFailure { _ = try RenewResult(decodeFixture("renew", FixtureBodies.quirkInsufficientFunds)) }
        #expect(error?.code == "provider_refused")
    }

    @Test func badBodiesAreMalformedWithAShortRedactedExcerpt() {
        let long = "<html>" + String(repeating: "x", count: 500) + " key=FAKE-TEST-KEY-0001</html>"
        for body in ["", "not json", "[1,2]", #"{"a": 1}"#, #"{"AResponse": 1}"#,
                     #"{"AResponse": {}, "BResponse": {}}"#, long, "{\"key=FAKE-TEST-KEY-0001\": "] {
            let error = decodingFailure { _ = try decodeFixture("list_domain", body) }
            guard case .malformedResponse(let command, _, let excerpt) = error else {
                Issue.record("expected malformedResponse for \(body.prefix(40)), got \(String(describing: error))")
                continue
            }
            #expect(command == "list_domain")
            #expect(excerpt.count <= 120)
            #expect(!excerpt.contains("FAKE-TEST-KEY-0001"))
        }
    }

    @Test func keyEchoedByTheProviderIsRedacted() {
        let error = decodingFailure { _ = try decodeFixture("list_domain", FixtureBodies.quirkKeyEchoed).checked() }
        #expect(error == .accountRefused(reason: "invalid key=REDACTED"))
        #expect(ResponseExcerpt.redact(#"url?key=FAKE-TEST-KEY-0001&command=x"#) == "url?key=REDACTED&command=x")
        #expect(ResponseExcerpt.redact(#"{"api_key": "FAKE-TEST-KEY-0001"}"#) == #"{"api_key": "REDACTED"}"#)
    }
}
