import Testing
@testable import SyncEngine

@Suite struct EditVerbParserTests {
    @Test func parsesEveryVerb() throws {
        #expect(try EditVerbParser.parse("ns ns1.example.net ns2.example.net") == .nameServers(["ns1.example.net", "ns2.example.net"]))
        #expect(try EditVerbParser.parse("renew reset") == .renewOption(.none))
        #expect(try EditVerbParser.parse("privacy off") == .privacy(.none))
        #expect(try EditVerbParser.parse("lock") == .lock)
        #expect(try EditVerbParser.parse("folder \"Sale 2027\"") == .folder("Sale 2027"))
        #expect(try EditVerbParser.parse("folder default") == .folder(""))
        #expect(try EditVerbParser.parse("note 'keep & renew'") == .note("keep & renew"))
        #expect(try EditVerbParser.parse("forward https://example.com --permanent") == .forwarding(url: "https://example.com", permanent: true))
        #expect(try EditVerbParser.parse("stealth https://example.com --title 'My shop'") == .stealth(url: "https://example.com", title: "My shop"))
        #expect(try EditVerbParser.parse("parking --no-ads") == .parking(withAds: false))
        #expect(try EditVerbParser.parse("sale 499.50 --type buy_now_and_make_offer --min-offer 100")
                == .forSale(SaleTerms(listingType: "buy_now_and_make_offer", priceCents: 49_950, minimumOfferCents: 10_000)))
        #expect(try EditVerbParser.parse("unsale") == .unlist)
        #expect(try EditVerbParser.parse("contacts --registrant 7") == .contacts(registrant: "7", admin: nil, technical: nil, billing: nil))
    }

    @Test func refusesWithAMessageThatSaysWhatToDo() {
        for (line, hint) in [("renew sometimes", "auto, donot"), ("colour blue", "unknown setting"), ("ns", "1 to 13"),
                             ("sale abc", "not an amount"), ("sale 12x", "not an amount"), ("forward", "one URL")] {
            do {
                _ = try EditVerbParser.parse(line)
                Issue.record("accepted \(line)")
            } catch {
                #expect("\(error)".contains(hint), "\(line): \(error)")
            }
        }
    }
}
