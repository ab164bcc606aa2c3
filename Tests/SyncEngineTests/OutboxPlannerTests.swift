import DynadotAPI
import Testing
@testable import SyncEngine

@Suite struct OutboxPlannerTests {
    func items(_ count: Int, _ edit: Edit, prefix: String, startID: Int64) -> [PlanItem] {
        (0..<count).map { PlanItem(intentID: startID + Int64($0), domain: "\(prefix)\($0).com", edit: edit) }
    }

    @Test func mixedQueuePlansTheMinimumNumberOfCalls() {
        var all: [PlanItem] = []
        all += items(150, .nameServers(["ns1.example.net", "ns2.example.net"]), prefix: "ns", startID: 1)
        all += items(70, .renewOption(.auto), prefix: "ra", startID: 1000)
        all += items(50, .renewOption(.donot), prefix: "rd", startID: 2000)
        all += items(3, .note("hello & welcome"), prefix: "note", startID: 3000)
        all += items(2, .folder("Sale"), prefix: "folder", startID: 4000)
        let batches = OutboxPlanner.plan(all)
        // ⌈150/100⌉ + ⌈70/100⌉ + ⌈50/100⌉ + 3 + 2, computed by hand.
        #expect(batches.count == 2 + 1 + 1 + 3 + 2)
        #expect(OutboxPlanner.minimumCalls(all) == batches.count)
        #expect(batches.allSatisfy { $0.domains.count <= ($0.command == "set_note" || $0.command == "set_folder" ? 1 : 100) })
        #expect(Set(batches.flatMap(\.intentIDs)) == Set(all.map(\.intentID)))
        for batch in batches {
            let request = batch.request
            #expect(throws: Never.self) { try request.validate() }
        }
    }

    @Test func differentParametersNeverShareACall() {
        let a = items(3, .nameServers(["ns1.a.net"]), prefix: "a", startID: 1)
        let b = items(3, .nameServers(["ns1.b.net"]), prefix: "b", startID: 10)
        let batches = OutboxPlanner.plan(a + b)
        #expect(batches.count == 2)
        #expect(batches.map(\.domains.count) == [3, 3])
    }

    @Test func atMostOneRecordSetWritePerDomain() {
        let set = RecordSet(records: [DnsEntry(type: "a", value: "192.0.2.1")])
        let twice = [PlanItem(intentID: 1, domain: "x.com", edit: .dns(set)),
                     PlanItem(intentID: 2, domain: "x.com", edit: .parking(withAds: false))]
        let batches = OutboxPlanner.plan(twice)
        #expect(batches.count == 1)
        #expect(batches[0].command == "set_dns2")
        // The first intent is sent; the second is in no call of this plan
        // (it is not lost: it stays pending for the next push).
        #expect(batches[0].intentIDs == [1])
        #expect(batches[0].domains == ["x.com"])
        #expect(!batches.flatMap(\.intentIDs).contains(2))
    }

    @Test func renewalsCarryTheExpiryYearAndGoOnePerCall() {
        let renewals = (0..<3).map { PlanItem(intentID: Int64($0), domain: "r\($0).com", edit: .renew(years: 1), expiryYear: 2027) }
        let batches = OutboxPlanner.plan(renewals)
        #expect(batches.count == 3)
        #expect(batches.allSatisfy { $0.spendsMoney && $0.request["year"] == "2027" && $0.request["duration"] == "1" })
    }

    @Test func identicalRecordSetsShareOneCallPerHundredDomains() {
        let set = RecordSet(records: [DnsEntry(type: "a", value: "192.0.2.1"), DnsEntry(host: "www", type: "cname", value: "example.com")],
                            ttl: 3600)
        let batches = OutboxPlanner.plan(items(150, .dns(set), prefix: "d", startID: 1))
        #expect(batches.count == 2)
        #expect(batches[0].request["sub_record_type0"] == "cname")
        #expect(batches[0].request["ttl"] == "3600")
    }

    @Test func editValuesRoundTripThroughTheOutboxEncoding() {
        let edits: [Edit] = [
            .nameServers(["NS1.Example.NET.", "ns2.example.net"]), .parking(withAds: false),
            .forwarding(url: "https://example.com/?a=1&b=2", permanent: true), .stealth(url: "https://x.example", title: "Shop & more"),
            .dns(RecordSet(records: [DnsEntry(host: "@", type: "MX", value: "mx.example.com", extra: "10")], ttl: 300)),
            .renewOption(.donot), .privacy(.partial), .lock, .folder("Sale 2027"), .note("ü & = + #"),
            .forSale(SaleTerms(listingType: "buy_now_and_make_offer", priceCents: 49_900, minimumOfferCents: 10_000)), .unlist,
            .contacts(registrant: "1", admin: "2", technical: "3", billing: "4"), .renew(years: 2),
        ]
        for edit in edits {
            let decoded = Edit(field: edit.field, encodedValue: edit.encodedValue)
            #expect(decoded?.encodedValue == edit.encodedValue, "\(edit)")
        }
    }
}
