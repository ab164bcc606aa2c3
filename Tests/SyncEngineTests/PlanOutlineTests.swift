import DynadotAPI
import DynadotSim
import Foundation
@_spi(OutboxWriter) import PortfolioStore
import SyncEngine
import Testing

/// The plan a person can read (issue 13): sections per command and value,
/// counted in SQL, equal to the full plan; DNS diffs per record; money and
/// counts as people write them; days as calendar days.
@Suite struct PlanOutlineTests {
    @Test("the outline has one section per command and value, and the full plan's calls and sections")
    func outlineMatchesThePlan() async throws {
        try await withEngine(domains: 400) { engine, _ in
            try await engine.pull()
            let all = try names(engine)
            let donot = Array(all.prefix(250)), auto = Array(all.dropFirst(250).prefix(30)), noted = Array(all.suffix(3))
            try engine.queue(.renewOption(.donot), domains: donot, origin: .cli)
            try engine.queue(.renewOption(.auto), domains: auto, origin: .cli)
            try engine.queue(.note("checked"), domains: noted, origin: .cli)
            try engine.queue(.renew(years: 1), domains: Array(all.prefix(2)), origin: .cli)
            let outline = try engine.planOutline()
            let plan = try engine.plan()
            #expect(outline.calls == plan.calls)
            #expect(outline.changes == plan.intentIDs.count)
            #expect(outline.sections.map(\.title) == plan.sections.map(\.section.title))
            let donotSection = try #require(outline.sections.first { $0.value == "donot" })
            // Some of the 250 may already be donot and are not queued.
            let queued = donotSection.domains
            #expect(donotSection.title == "renew option → donot · \(NumberText.count(queued, "domain")) · \(NumberText.count((queued + 99) / 100, "call"))")
            let renewals = try #require(outline.sections.first { $0.spendsMoney })
            #expect(renewals.label == "renewals" && renewals.domains == 2 && renewals.calls == 2)
            let changes = try engine.sectionChanges(renewals, limit: 10)
            #expect(changes.count == 2)
            #expect(renewals.costCents == changes.compactMap(\.costCents).reduce(0, +))
            #expect(renewals.title.hasSuffix(Cents.dollars(renewals.costCents)))
            // Listed page by page, in queue order.
            let page = try engine.sectionChanges(donotSection, limit: 100, offset: 100)
            let firstPage = try engine.sectionChanges(donotSection, limit: 100)
            #expect(page.count == min(100, queued - 100))
            #expect(Set(page.map(\.domain)).isDisjoint(with: firstPage.map(\.domain)))
            // Dropping a section drops exactly it.
            let dropped = try engine.drop(section: donotSection)
            #expect(dropped.dropped == queued)
            #expect(try engine.planOutline().sections.map(\.value).contains("donot") == false)
            #expect(try engine.planOutline().sections.count == outline.sections.count - 1)
        }
    }

    @Test("a DNS change lists the records it adds and removes, in the plan and its sections")
    func dnsRecordDiff() async throws {
        try await withEngine(domains: 20) { engine, server in
            let name = server.state.mutate { account -> String in
                account.domains[0].nameServers = .dynadotDNS(ttl: 3600, records: [
                    SimDNSRecord(type: "a", value: "192.0.2.7"), SimDNSRecord(type: "txt", value: "v=spf1 -all"),
                ])
                return account.domains[0].name
            }
            try await engine.pull()
            try await engine.fetchDNS(name)
            let set = RecordSet(records: [DnsEntry(type: "txt", value: "v=spf1 -all"), DnsEntry(type: "mx", value: "mail.example.com", extra: "10")])
            try engine.queue(.dns(set), domains: [name], origin: .cli)
            let section = try #require(try engine.planOutline().sections.first)
            #expect(section.label == "DNS records")
            let change = try #require(try engine.sectionChanges(section, limit: 1).first)
            let records = try #require(change.recordChanges)
            #expect(records.added.map(\.planText) == ["MX mail.example.com 10"])
            #expect(records.removed.map(\.planText) == ["A 192.0.2.7"])
            let planned = try #require(try engine.plan().changes.values.first)
            #expect(planned.recordChanges?.added.map(\.planText) == ["MX mail.example.com 10"])
        }
    }

    @Test("money reads with the currency and thousands separators; counts group their thousands")
    func moneyAndCounts() {
        #expect(Cents.dollars(61_411_291) == "$614,112.91")
        #expect(Cents.dollars(0) == "$0.00")
        #expect(Cents.dollars(105) == "$1.05")
        #expect(Cents.dollars(100_000) == "$1,000.00")
        #expect(Cents.dollars(-500) == "-$5.00")
        #expect(NumberText.grouped(39_850) == "39,850")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.count(1, "call") == "1 call")
        #expect(NumberText.count(1_000_000, "domain") == "1,000,000 domains")
    }

    @Test("days left are calendar days between UTC dates, whatever the hour")
    func daysLeftAreCalendarDays() throws {
        let hour: Int64 = 3_600_000
        let now = try #require(UTCDate.parseDay("2026-12-02")) + 23 * hour
        let morning = try #require(UTCDate.parseDay("2027-01-04")) + 1 * hour
        let evening = try #require(UTCDate.parseDay("2027-01-04")) + 22 * hour
        #expect(UTCDate.daysLeft(until: morning, from: now) == 33)
        #expect(UTCDate.daysLeft(until: evening, from: now) == 33)
        #expect(UTCDate.daysLeft(until: try #require(UTCDate.parseDay("2026-11-30")), from: now) == -2)
        #expect(UTCDate.daysLeft(until: now - hour, from: now) == 0)
    }

    @Test("one rule shows names: Unicode under a UTF-8 locale, punycode otherwise")
    func namesFollowTheLocale() {
        #expect(DomainNameDisplay.localeIsUnicode(["LANG": "en_US.UTF-8"]))
        #expect(!DomainNameDisplay.localeIsUnicode(["LANG": "C"]))
        #expect(!DomainNameDisplay.localeIsUnicode(["LC_ALL": "C", "LANG": "en_US.UTF-8"]))
        #expect(DomainNameDisplay.shown("xn--bcher-kva.de", unicode: true) == "bücher.de")
        #expect(DomainNameDisplay.shown("xn--bcher-kva.de", unicode: false) == "xn--bcher-kva.de")
    }
}
