import DynadotAPI
import Testing
@testable import SyncEngine

/// The one URL rule for forwarding, stealth and DNS forward records.
@Suite struct URLValidationTests {
    @Test func goodURLsPass() {
        for url in ["https://example.com", "http://example.com/", "https://www.example.co.uk/a/b?c=d&e=f#top",
                    "https://bücher.de/katalog", "http://192.0.2.10:8080/x", "https://[2001:db8::1]:443/",
                    "HTTPS://Example.COM/Path", "https://xn--bcher-kva.de", "https://example.com:65535"] {
            #expect(URLValidation.problem(with: url) == nil, "\(url): \(URLValidation.problem(with: url) ?? "")")
        }
    }

    @Test func badURLsNameTheRule() {
        let cases: [(String, String)] = [
            ("https://https://example.org", "scheme is repeated"), ("https://exa mple.com", "space"),
            ("example.com", "http:// or https://"), ("javascript:alert(1)", "http:// or https://"),
            ("https://example.com:0", "1 to 65535"), ("https://example.com:", "1 to 65535"),
            ("https://a@example.com", "user name"), ("https://localhost", "not a valid host"),
            ("https://[zz::1]/", "not an IPv6"), ("https://exa\u{7f}mple.com", "control character (\\x7f)"),
        ]
        for (url, fragment) in cases {
            #expect(URLValidation.problem(with: url)?.contains(fragment) == true, "\(url): \(URLValidation.problem(with: url) ?? "accepted")")
        }
    }

    @Test func terminalTextEscapesVisibly() {
        #expect(TerminalText.escaped("a\u{1b}]0;x\u{07}\u{9b}\u{7f}\nb") == "a\\e]0;x\\x07\\u{9b}\\x7f\\nb")
        #expect(TerminalText.escaped("line\n\tnext\u{1b}", keepingLayout: true) == "line\n\tnext\\e")
        #expect(TerminalText.escaped("plain ü 例") == "plain ü 例")
    }

    @Test func folderSuggestionsUseEditDistance() {
        #expect(TypedValueRules.suggestions(for: "Sael", among: ["Sale", "Clients", "Parked"]) == ["Sale"])
        #expect(TypedValueRules.suggestions(for: "zzzzzz", among: ["Sale"]).isEmpty)
    }
}
