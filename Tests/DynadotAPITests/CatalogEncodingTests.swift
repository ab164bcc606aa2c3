import Foundation
import Testing
@testable import DynadotAPI

@Suite struct CatalogEncodingTests {
    private let key = "FAKE-TEST-KEY-0001"

    /// Splits a query string on `&` and `=` and decodes each side.
    private func decode(_ query: String) throws -> [(String, String)] {
        try query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            #expect(parts.count == 2, "pair without '=': \(pair)")
            let name = try #require(String(parts[0]).removingPercentEncoding)
            let value = try #require(String(parts.count > 1 ? parts[1] : "").removingPercentEncoding)
            return (name, value)
        }
    }

    @Test func awkwardValuesRoundTrip() throws {
        let values = [
            "a&b", "x=y", "1+1", "two words", "#anchor", "ü", "日本", "🙂👍🏽", "",
            "https://example.com/path?q=a b&r=c+d#frag", "%41 not decoded twice", "tab\tnew\nline",
            "quote\"apostrophe'", "semi;colon,comma", "~._-AZaz09",
        ]
        let request = APIRequest("set_note", parameters: values.enumerated().map { QueryParameter("v\($0.offset)", $0.element) })
        let decoded = try decode(request.queryString(key: key))
        #expect(decoded.count == values.count + 2)
        #expect(decoded[0] == ("key", key))
        #expect(decoded[1] == ("command", "set_note"))
        for (i, value) in values.enumerated() {
            #expect(decoded[i + 2] == ("v\(i)", value))
        }
    }

    @Test func onlyUnreservedCharactersAreLeftAsIs() {
        #expect(QueryEncoding.encode("A-Za-z0-9-._~") == "A-Za-z0-9-._~")
        #expect(QueryEncoding.encode("a b") == "a%20b")
        #expect(QueryEncoding.encode("&=+#/?") == "%26%3D%2B%23%2F%3F")
        #expect(QueryEncoding.encode("ü") == "%C3%BC")
        #expect(QueryEncoding.encode("日本") == "%E6%97%A5%E6%9C%AC")
        #expect(QueryEncoding.encode("🙂") == "%F0%9F%99%82")
        #expect(QueryEncoding.encode("%") == "%25")
    }

    @Test func queryStringKeepsParameterOrder() {
        let request = APIRequest.make("set_ns", domains: ["a.com", "b.com"], [("ns0", "ns1.example.net"), ("ns1", "ns2.example.net")])
        #expect(request.queryString(key: key)
            == "key=FAKE-TEST-KEY-0001&command=set_ns&domain=a.com%2Cb.com&ns0=ns1.example.net&ns1=ns2.example.net")
    }

    @Test func redactedQueryStringNeverContainsTheKey() {
        let request = APIRequest.make("set_note", domains: ["a.com"], [("note", "hello")])
        let redacted = request.redactedQueryString()
        #expect(redacted.hasPrefix("key=REDACTED&command=set_note&"))
        #expect(!request.queryString(key: "FAKE-TEST-KEY-9999").contains("REDACTED"))
        #expect(!redacted.contains("FAKE-TEST-KEY-9999"))
    }

    @Test func makePlacesDomainsWhereTheSpecExpectsThem() {
        #expect(APIRequest.make("set_ns", domains: ["a.com", "b.com"], []).parameters == [QueryParameter("domain", "a.com,b.com")])
        #expect(APIRequest.make("push", domains: ["a.com", "b.com"], []).parameters == [QueryParameter("domain", "a.com;b.com")])
        #expect(APIRequest.make("set_for_sale", domains: ["a.com"], [("for_sale_type", "not_for_sale")]).parameters
            == [QueryParameter("domains", "a.com"), QueryParameter("for_sale_type", "not_for_sale")])
        #expect(APIRequest.make("set_dnssec", domains: ["a.com"], []).parameters == [QueryParameter("domain_name", "a.com")])
        #expect(APIRequest.make("bulk_register", domains: ["a.com", "b.com"], [("currency", "USD")]).parameters == [
            QueryParameter("domain0", "a.com"), QueryParameter("domain1", "b.com"), QueryParameter("currency", "USD"),
        ])
        #expect(APIRequest.make("list_domain", domains: [], [("page_index", "0")]).parameters == [QueryParameter("page_index", "0")])
    }

    @Test func domainsAreReadBackPerSpec() {
        #expect(APIRequest("set_ns", ["domain": "a.com, b.com", "ns0": "x"]).domains == ["a.com", "b.com"])
        #expect(APIRequest("search", ["domain0": "a.com", "show_price": "1", "domain1": "b.net"]).domains == ["a.com", "b.net"])
        #expect(APIRequest("push", ["domain": "a.com;b.com"]).domains == ["a.com", "b.com"])
        #expect(APIRequest("set_for_sale", ["domains": "a.com"]).domains == ["a.com"])
        #expect(APIRequest("list_domain").domains.isEmpty)
        #expect(APIRequest("no_such_command", ["domain": "a.com"]).domains.isEmpty)
    }
}
