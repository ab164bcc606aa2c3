import Testing
@testable import SyncEngine

@Suite struct DnsValidationTests {
    @Test func addressesAndHosts() {
        #expect(HostValidation.isIPv4("192.0.2.10"))
        #expect(!HostValidation.isIPv4("192.0.2.256"))
        #expect(!HostValidation.isIPv4("192.0.2"))
        #expect(!HostValidation.isIPv4("01.2.3.4"))
        #expect(HostValidation.isIPv6("2001:db8::1"))
        #expect(HostValidation.isIPv6("::1"))
        #expect(HostValidation.isIPv6("::ffff:192.0.2.1"))
        #expect(!HostValidation.isIPv6("2001:db8:::1"))
        #expect(!HostValidation.isIPv6("1:2:3:4:5:6:7:8:9"))
        #expect(HostValidation.isHostName("mx1.example.com"))
        #expect(HostValidation.isHostName("xn--bcher-kva.de"))
        #expect(!HostValidation.isHostName("-bad.example.com"))
        #expect(!HostValidation.isHostName("localhost"))
    }

    @Test func recordsAreCheckedBeforeQueueing() {
        #expect(DnsValidation.problem(with: DnsEntry(type: "a", value: "300.1.1.1"))?.contains("IPv4") == true)
        #expect(DnsValidation.problem(with: DnsEntry(type: "mx", value: "mx.example.com"))?.contains("priority") == true)
        #expect(DnsValidation.problem(with: DnsEntry(type: "mx", value: "mx.example.com", extra: "10")) == nil)
        #expect(DnsValidation.problem(with: DnsEntry(type: "txt", value: "v=spf1 include:_spf.example.com ~all & more")) == nil)
        #expect(DnsValidation.problem(with: DnsEntry(host: "bad host", type: "a", value: "192.0.2.1")) != nil)
        #expect(DnsValidation.problem(with: DnsEntry(type: "aaaa", value: "192.0.2.1"))?.contains("IPv6") == true)
    }
}
