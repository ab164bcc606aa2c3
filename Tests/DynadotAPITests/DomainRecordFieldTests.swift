import Foundation
import Testing
@testable import DynadotAPI

/// The one-pass field sorting of `DomainRecord(json:)` keeps FieldIndex's
/// rules: usual spelling first, then any ASCII case; null is missing;
/// everything else lands in `extra`.
@Suite("DomainRecord field matching")
struct DomainRecordFieldTests {
    private func record(_ json: String) throws -> DomainRecord? {
        DomainRecord(json: try JSONValue.parse(Data(json.utf8)))
    }

    @Test func exactSpellingWinsOverOtherCases() throws {
        let r = try #require(try record(#"{"NOTE": "loud", "Note": "usual", "Name": "a.com"}"#))
        #expect(r.note == "usual")
        #expect(r.extra.isEmpty)
    }

    @Test func otherCasesAreReadWhenTheUsualSpellingIsMissing() throws {
        let r = try #require(try record(#"{"name": "b.com", "LOCKED": "yes", "renewoption": "auto-renew"}"#))
        #expect(r.name == "b.com")
        #expect(r.locked == true)
        #expect(r.renewOption == .auto)
    }

    @Test func nullCountsAsMissingAndBlocksOtherCases() throws {
        let r = try #require(try record(#"{"Name": "c.com", "Note": null, "note": "hidden", "Hold": null}"#))
        #expect(r.note == nil)
        #expect(r.hold == nil)
        #expect(r.extra.isEmpty)
    }

    @Test func nameFallsBackToDomainNameThenDomain() throws {
        #expect(try record(#"{"Name": null, "DomainName": "d.com", "Domain": "e.com"}"#)?.name == "d.com")
        #expect(try record(#"{"domain": "f.com"}"#)?.name == "f.com")
        #expect(try record(#"{"Note": "no name"}"#) == nil)
    }

    @Test func unmodelledFieldsAreKeptUnderTheirOwnNames() throws {
        let r = try #require(try record(#"{"Name": "g.com", "AutoRenewDate": "2027-01-01", "Extra": null}"#))
        #expect(r.extra == ["AutoRenewDate": .string("2027-01-01"), "Extra": .null])
    }

    @Test func providerWordsAreReadWithAndWithoutPadding() throws {
        let r = try #require(try record(#"{"Name": "h.com", "Privacy": " Full ", "RenewOption": "Do Not Renew"}"#))
        #expect(r.privacy == .full)
        #expect(r.renewOption == .doNotRenew)
        let u = try #require(try record(#"{"Name": "i.com", "Privacy": "partial", "RenewOption": "nö renew"}"#))
        #expect(u.privacy == .partial)
        #expect(u.renewOption == .other("nö renew"))
    }
}
