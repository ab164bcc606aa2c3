import Testing
import PortfolioStore
import SyncEngine
import TerminalUI
@testable import PortfolioApp

/// The DNS pane on the pinned fixture, with a cached record set for
/// bücher.de (the sixth row of the Domains pane).
@Suite struct DnsPaneTests {
    static let toBücher: [KeyEvent] = Array(repeating: .char("j"), count: 5) + [.char("3")]

    static func fixture() throws -> AppFixture {
        let fixture = try AppFixture()
        try fixture.store.replaceDNSRecordSet(DNSRecordSet(domain: "xn--bcher-kva.de", ttl: 3600, records: [
            DNSRecord(type: "A", value: "192.0.2.10"),
            DNSRecord(type: "MX", value: "mx1.mailhost.example", value2: "10"),
            DNSRecord(type: "TXT", value: "v=spf1 include:_spf.mailhost.example ~all"),
            DNSRecord(subhost: "www", type: "CNAME", value: "xn--bcher-kva.de"),
            DNSRecord(subhost: "shop", type: "A", value: "192.0.2.20"),
        ], fetchedAtMs: AppFixture.nowMs - 2 * 3_600_000))
        return fixture
    }

    /// The one queued record set of `domain`.
    static func queuedSet(_ fixture: AppFixture, _ domain: String) throws -> RecordSet? {
        let intents = try fixture.store.pendingIntents().filter { $0.domain == domain }
        #expect(intents.count <= 1)
        guard let intent = intents.first, case .dns(let set)? = Edit(field: .nameServerSetting, encodedValue: intent.value) else { return nil }
        return set
    }

    @Test func recordsOfTheCursorDomainAt80x24() throws {
        let fixture = try Self.fixture()
        let text = screenText(fixture.drive(Self.toBücher))
        #expect(recordIfDifferent("dns-80", text, PaneGoldens.dns80))
    }

    @Test func pendingDiffAt160x48() throws {
        let fixture = try Self.fixture()
        var keys = Self.toBücher
        // Add an MX, change the apex A, delete the shop record.
        keys += [.char("a")] + AppFixture.typed("MX") + [.tab] + AppFixture.typed("mx2.mailhost.example") + [.tab]
        keys += AppFixture.typed("20") + [.enter]
        keys += [.char("g"), .char("e"), .ctrl("u")] + AppFixture.typed("192.0.2.11") + [.enter]
        keys += [.char("G"), .char("x")]
        let terminal = fixture.drive(keys, size: GoldenScreenTests.wide)
        #expect(recordIfDifferent("dns-diff-160", screenText(terminal), PaneGoldens.dnsDiff160))
        let set = try #require(try Self.queuedSet(fixture, "xn--bcher-kva.de"))
        #expect(set.records == [
            DnsEntry(type: "a", value: "192.0.2.11"), DnsEntry(type: "mx", value: "mx1.mailhost.example", extra: "10"),
            DnsEntry(type: "txt", value: "v=spf1 include:_spf.mailhost.example ~all"),
            DnsEntry(type: "mx", value: "mx2.mailhost.example", extra: "20"),
            DnsEntry(host: "www", type: "cname", value: "xn--bcher-kva.de"),
        ])
        #expect(set.ttl == 3600)
        #expect(fixture.app.state.queueSize == 1)
        #expect(recordIfDifferent("dns-diff-80", screenText(fixture.drive([])), PaneGoldens.dnsDiff80))
        // u drops the queued set: back to the cached records.
        fixture.drive([.char("u")])
        #expect(try fixture.store.pendingIntents().isEmpty)
    }

    @Test func formRefusesAnInvalidAddressInline() throws {
        let fixture = try Self.fixture()
        let keys = Self.toBücher + [.char("a")] + AppFixture.typed("A") + [.tab] + AppFixture.typed("192.0.2.300") + [.enter]
        let terminal = fixture.drive(keys)
        #expect(recordIfDifferent("dns-form-error-80", screenText(terminal), PaneGoldens.dnsFormError80))
        #expect(try fixture.store.pendingIntents().isEmpty)
        let wide = fixture.drive([], size: GoldenScreenTests.wide)
        #expect(recordIfDifferent("dns-form-error-160", screenText(wide), PaneGoldens.dnsFormError160))
        // Esc closes the form; still nothing queued.
        fixture.drive([.escape])
        #expect(try fixture.store.pendingIntents().isEmpty)
        #expect(!screenText(fixture.drive([])).contains("Add a record"))
    }

    @Test func txtValuesAreKeptVerbatim() throws {
        let fixture = try Self.fixture()
        let value = "google-site-verification=a&b c  d"
        let keys = Self.toBücher + [.char("a"), .home, .ctrl("k")] + AppFixture.typed("TXT") + [.tab] + AppFixture.typed(value) + [.enter]
        fixture.drive(keys)
        let set = try #require(try Self.queuedSet(fixture, "xn--bcher-kva.de"))
        #expect(set.records.contains(DnsEntry(type: "txt", value: value)))
        #expect(set.records.count == 6)
    }

    @Test func subdomainRecordsNeedAValidLabelAndMXAPriority() throws {
        let fixture = try Self.fixture()
        var keys = Self.toBücher + [.char("a"), .backTab, .ctrl("u")] + AppFixture.typed("bad host") + [.tab, .ctrl("u")]
        keys += AppFixture.typed("A") + [.tab] + AppFixture.typed("192.0.2.1") + [.enter]
        let text = screenText(fixture.drive(keys))
        #expect(text.contains("✗ subdomain 'bad host' is not a valid label"))
        let mx = screenText(fixture.drive([.escape, .char("a")] + AppFixture.typed("MX") + [.tab] + AppFixture.typed("mx.example.net") + [.enter]))
        #expect(mx.contains("✗ an MX needs a priority (distance) from 0 to 65535"))
        #expect(try fixture.store.pendingIntents().isEmpty)
    }

    @Test func copyQueuesTheSameSetForEverySelectedDomain() throws {
        let fixture = try Self.fixture()
        // Select alpha.com and bravo.net, then open bücher.de's records.
        let keys: [KeyEvent] = [.char(" "), .char(" "), .char("j"), .char("j"), .char("j"), .char("3"), .char("C")]
        let terminal = fixture.drive(keys)
        #expect(recordIfDifferent("dns-copy-80", screenText(terminal), PaneGoldens.dnsCopy80))
        fixture.drive([.char("y")])
        let intents = try fixture.store.pendingIntents()
        #expect(intents.map(\.domain).sorted() == ["alpha.com", "bravo.net"])
        #expect(Set(intents.map(\.value)).count == 1)
        let plan = try fixture.engine.plan()
        #expect(plan.calls == 1)
        #expect(plan.batches.first?.command == "set_dns2")
    }

    @Test func aDomainNotOnDynadotDNSOffersTheSwitch() throws {
        let fixture = try Self.fixture()
        let terminal = fixture.drive([.char("3")])
        #expect(recordIfDifferent("dns-not-on-dns-80", screenText(terminal), PaneGoldens.dnsNotOnDns80))
        // Edits are refused until it is switched.
        #expect(screenText(fixture.drive([.char("a")])).hasSuffix(" alpha.com is not on Dynadot DNS: D switches it first"))
        let dialog = screenText(fixture.drive([.char("D")]))
        #expect(dialog.contains("Switch alpha.com to Dynadot DNS"))
        fixture.drive([.char("y")])
        #expect(try Self.queuedSet(fixture, "alpha.com") == RecordSet(records: []))
        // The queued empty set can be filled in before the push.
        fixture.drive([.char("a")] + AppFixture.typed("A") + [.tab] + AppFixture.typed("192.0.2.50") + [.enter])
        #expect(try Self.queuedSet(fixture, "alpha.com") == RecordSet(records: [DnsEntry(type: "a", value: "192.0.2.50")]))
        #expect(screenText(fixture.drive([])).contains("Queued: switch to Dynadot DNS, +1"))
    }

    @Test func diffPairsRecordsByValueThenByHostAndType() {
        let cached = [DnsEntry(type: "a", value: "192.0.2.1"), DnsEntry(type: "txt", value: "x"), DnsEntry(host: "www", type: "cname", value: "a.example.com")]
        let pending = [DnsEntry(type: "a", value: "192.0.2.2"), DnsEntry(type: "txt", value: "x"), DnsEntry(type: "mx", value: "m.example.com", extra: "5")]
        let rows = DnsDiff.rows(cached: cached, pending: pending)
        #expect(rows.map(\.mark) == ["~", " ", "+", "-"])
        #expect(rows.map(\.index) == [0, 1, 2, nil])
        #expect(DnsDiff.summary(rows) == "+1 ~1 -1")
        #expect(DnsDiff.summary(DnsDiff.rows(cached: cached, pending: nil)) == nil)
    }
}
