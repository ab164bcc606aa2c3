import Testing
@testable import PortfolioApp

/// The checks behind the Listings, Contacts and Orders forms.
@Suite struct PaneInputTests {
    @Test func rolesParseFromWordsOrLetters() {
        #expect(ContactRole.parse("registrant admin technical billing") == ContactRole.allCases)
        #expect(ContactRole.parse("b r") == [.registrant, .billing])
        #expect(ContactRole.parse("ta") == [.admin, .technical])
        #expect(ContactRole.parse("registrant,billing") == [.registrant, .billing])
        #expect(ContactRole.parse("owner") == nil)
        #expect(ContactRole.parse("") == [])
    }

    @Test func amountsAreDollarsWithAtMostTwoDecimals() throws {
        #expect(try ListingsPane.amount("499", "price") == 49_900)
        #expect(try ListingsPane.amount("$12.5", "price") == 1_250)
        #expect(try ListingsPane.amount("", "price") == nil)
        #expect(throws: (any Error).self) { try ListingsPane.amount("12x", "price") }
        #expect(throws: (any Error).self) { try ListingsPane.amount("1.234", "price") }
        #expect(throws: (any Error).self) { try ListingsPane.amount("0", "price") }
    }

    @Test func orderFilterDatesAreUTCDays() throws {
        #expect(try OrdersPane.day("2026-11-01") == 1_793_491_200_000)
        #expect(try OrdersPane.day("") == nil)
        #expect(throws: (any Error).self) { try OrdersPane.day("2026-02-30") }
        #expect(throws: (any Error).self) { try OrdersPane.day("11/01/2026") }
    }

    @Test func contactFieldsAreCheckedBeforeQueueing() {
        let good = ["name": "Ada", "email": "ada@example.org", "phonecc": "44", "phonenum": "20 7946.0000",
                    "address1": "1 Row", "city": "London", "zip": "N1", "country": "GB"]
        #expect(ContactsPane.problem(good) == nil)
        #expect(ContactsPane.problem(good.merging(["email": "ada.example.org"]) { $1 }) == "'ada.example.org' is not an e-mail address")
        #expect(ContactsPane.problem(good.merging(["country": "GBR"]) { $1 }) == "Country is a two-letter code (e.g. GB)")
        #expect(ContactsPane.problem(good.merging(["city": ""]) { $1 }) == "City is required")
        #expect(ContactsPane.problem(good.merging(["phonecc": "+44"]) { $1 }) == "Phone CC is digits only (e.g. 44)")
    }
}
