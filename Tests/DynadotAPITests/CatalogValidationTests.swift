import Testing
@testable import DynadotAPI

@Suite struct CatalogValidationTests {
    /// The rule text a request is refused with, or nil when it passes.
    private func refusal(_ request: APIRequest) -> String? {
        do {
            try request.validate()
            return nil
        } catch {
            guard case .invalidRequest(let command, let rule) = error else {
                Issue.record("unexpected error \(error)")
                return nil
            }
            #expect(command == request.command)
            return rule
        }
    }

    private func domains(_ count: Int) -> [String] {
        (0..<count).map { "example-\($0).com" }
    }

    @Test func validRequestsPass() {
        #expect(refusal(.make("set_ns", domains: domains(100), [("ns0", "ns1.example.net")])) == nil)
        #expect(refusal(.make("set_note", domains: ["a.com"], [("note", "")])) == nil)
        #expect(refusal(.make("renew", domains: ["a.com"], [("duration", "1"), ("year", "2027")])) == nil)
        #expect(refusal(.make("search", domains: domains(100), [("show_price", "1")])) == nil)
        #expect(refusal(.make("bulk_register", domains: domains(100), [])) == nil)
        #expect(refusal(.make("list_domain", domains: [], [])) == nil)
        #expect(refusal(.make("set_dns2", domains: ["a.com"], [("subdomain99", "www"), ("sub_record_type99", "a"), ("sub_record99", "192.0.2.1")])) == nil)
        #expect(refusal(.make("set_folder", domains: ["a.com"], [("folder_id", "3")])) == nil)
        #expect(refusal(.make("get_expired_closeout_domains", domains: [], [])) == nil)
    }

    @Test func unknownCommandIsRefused() {
        #expect(refusal(APIRequest("set_everything")) == "is not an API3 command")
    }

    @Test func tooManyDomainsForABatchCommandIsRefused() {
        #expect(refusal(.make("set_ns", domains: domains(101), [("ns0", "ns1.example.net")]))
            == "carries 101 domains; at most 100 per request")
        #expect(refusal(.make("bulk_register", domains: domains(101), []))
            == "carries 101 domains; at most 100 per request")
    }

    @Test func twoDomainsForAOneDomainCommandIsRefused() {
        #expect(refusal(.make("set_note", domains: ["a.com", "b.com"], [("note", "x")]))
            == "carries 2 domains; only 1 domain per request")
        #expect(refusal(.make("renew", domains: ["a.com", "b.com"], [("duration", "1")]))
            == "carries 2 domains; only 1 domain per request")
    }

    @Test func missingRequiredParameterIsRefused() {
        #expect(refusal(.make("renew", domains: ["a.com"], [])) == "requires parameter 'duration'")
        #expect(refusal(.make("set_note", domains: [], [("note", "x")])) == "requires parameter 'domain'")
        #expect(refusal(.make("set_ns", domains: ["a.com"], [])) == "requires at least one of ns0–ns12")
        #expect(refusal(.make("search", domains: [], [])) == "requires at least one of domain0–domain99")
    }

    @Test func unknownAndOutOfRangeParametersAreRefused() {
        #expect(refusal(.make("set_note", domains: ["a.com"], [("note", "x"), ("foo", "1")]))
            == "has unknown parameter 'foo'")
        #expect(refusal(.make("set_ns", domains: ["a.com"], [("ns13", "ns.example.net")]))
            == "has parameter 'ns13' outside ns0–ns12")
        #expect(refusal(.make("set_dns2", domains: ["a.com"], [("main_record20", "192.0.2.1")]))
            == "has parameter 'main_record20' outside main_record0–main_record19")
        #expect(refusal(.make("list_domain", domains: ["a.com"], [])) == "has unknown parameter 'domain'")
    }

    @Test func emptyDomainEntriesAreRefused() {
        #expect(refusal(APIRequest("set_ns", ["domain": "a.com,,b.com", "ns0": "x"])) == "has an empty domain entry")
        #expect(refusal(APIRequest("set_note", ["domain": "", "note": "x"])) == "has an empty domain entry")
        #expect(refusal(APIRequest("search", ["domain0": " "])) == "has an empty domain entry")
    }

    @Test func keyDuplicatesAndReservedNamesAreRefused() {
        #expect(refusal(APIRequest("list_domain", ["key": "FAKE-TEST-KEY-0001"]))
            == "must not carry 'key' as a parameter; the client adds it")
        #expect(refusal(APIRequest("set_note", ["domain": "a.com", "note": "x", "note": "y"]))
            == "has parameter 'note' more than once")
    }

    @Test func refusalMessageNamesCommandAndRule() {
        do {
            try APIRequest.make("set_note", domains: ["a.com", "b.com"], [("note", "x")]).validate()
            Issue.record("expected a refusal")
        } catch {
            #expect(error.message == "Not sent: set_note carries 2 domains; only 1 domain per request.")
            #expect(error.code == "invalid_request")
            #expect(!error.isRetryable)
        }
    }
}
