import Foundation
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

@Suite struct DateDisplayTests {
    @Test func isoDateMatchesTheCalendarAcrossEras() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        var ms: Int64 = -2_208_988_800_000 // 1900-01-01
        while ms < 4_102_444_800_000 { // 2100-01-01
            #expect(ValueDisplay.isoDate(ms) == formatter.string(from: Date(timeIntervalSince1970: Double(ms) / 1000)), "\(ms)")
            ms += 86_400_000 * 37 + 3_600_000 * 5 + 1234
        }
        #expect(ValueDisplay.isoDate(0) == "1970-01-01")
        #expect(ValueDisplay.isoDate(-1) == "1969-12-31")
        #expect(ValueDisplay.isoDate(1_709_164_800_000) == "2024-02-29")
    }
}
