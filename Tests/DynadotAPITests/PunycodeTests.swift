import Testing
@testable import DynadotAPI

@Suite struct PunycodeTests {
    @Test(arguments: [("bücher.de", "xn--bcher-kva.de"), ("例え.jp", "xn--r8jz45g.jp"),
                      ("münchen.com", "xn--mnchen-3ya.com"), ("plain.com", "plain.com")])
    func roundTrips(unicode: String, ascii: String) {
        #expect(Punycode.asciiName(unicode) == ascii)
        #expect(Punycode.unicodeName(ascii) == unicode)
    }

    @Test func malformedLabelIsKept() {
        #expect(Punycode.unicodeName("xn--!!.com") == "xn--!!.com")
        #expect(Punycode.decode("99999999999999") == nil)
    }
}
