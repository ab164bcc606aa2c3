import Foundation
import PortfolioStore
import Testing
@testable import SyncEngine

/// Issue 16: `dynafolio expiring --ical`, checked line by line.
@Suite("Expiry calendar (RFC 5545)")
struct ExpiryCalendarTests {
    static let day: Int64 = 86_400_000
    static let jan4 = UTCDate.parseDay("2027-01-04")!
    static let now = UTCDate.parseDay("2026-12-02")! + 8 * 3_600_000 + 15 * 60_000 + 30_000

    @Test("one all-day event per date, same-day domains together, reminders, CRLF, stable UIDs")
    func events() {
        let rows = [
            DomainRow(name: "b.com", expiresMs: Self.jan4 + 23 * 3_600_000, renewOption: .auto),
            DomainRow(name: "a.net", expiresMs: Self.jan4 + 60_000),
            DomainRow(name: "xn--bcher-kva.de", nameUnicode: "bücher.de", expiresMs: Self.jan4 + 40 * Self.day),
            DomainRow(name: "none.org", expiresMs: nil),
        ]
        let text = ExpiryCalendar.render(rows, reminderDays: [7, 30], nowMs: Self.now)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF")
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(Array(lines) == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//dynafolio//domain expiries//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:Domain expiries",
            "BEGIN:VEVENT",
            "UID:expiry-20270104@dynafolio",
            "DTSTAMP:20261202T081530Z",
            "DTSTART;VALUE=DATE:20270104",
            "DTEND;VALUE=DATE:20270105",
            "SUMMARY:2 domains expire: a.net\\, b.com",
            "DESCRIPTION:a.net\\nb.com (auto-renew on)",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:2 domains expire: a.net\\, b.com", "TRIGGER:-P30D", "END:VALARM",
            "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:2 domains expire: a.net\\, b.com", "TRIGGER:-P7D", "END:VALARM",
            "END:VEVENT",
            "BEGIN:VEVENT",
            "UID:expiry-20270213@dynafolio",
            "DTSTAMP:20261202T081530Z",
            "DTSTART;VALUE=DATE:20270213",
            "DTEND;VALUE=DATE:20270214",
            "SUMMARY:bücher.de (xn--bcher-kva.de) expires",
            "DESCRIPTION:bücher.de (xn--bcher-kva.de)",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:bücher.de (xn--bcher-kva.de) expires", "TRIGGER:-P30D", "END:VALARM",
            "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:bücher.de (xn--bcher-kva.de) expires", "TRIGGER:-P7D", "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
        ])
        // The same portfolio later: the same UIDs (an update, not a duplicate).
        let later = ExpiryCalendar.render(rows.reversed(), reminderDays: [7, 30], nowMs: Self.now + Self.day)
        func uids(_ text: String) -> [String] { text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(later) == uids(text))
    }

    @Test("folding at 75 octets never splits a UTF-8 sequence; continuation lines start with one space")
    func folding() {
        let ascii = "DESCRIPTION:" + String(repeating: "a", count: 200)
        let folded = ExpiryCalendar.folded(ascii).components(separatedBy: "\r\n")
        #expect(folded.map(\.utf8.count) == [75, 75, 64])  // 212 octets: 75, then a space and 74, a space and 63
        #expect(folded.dropFirst().allSatisfy { $0.hasPrefix(" ") && !$0.hasPrefix("  ") })
        #expect(folded.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == ascii)
        // Three-byte characters from an odd offset: every line ≤ 75 octets and valid UTF-8.
        let wide = "SUMMARY:x" + String(repeating: "日本", count: 40)
        let parts = ExpiryCalendar.folded(wide).components(separatedBy: "\r\n")
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        // "SUMMARY:x" is 9 octets, then 22 characters of 3 octets: 75.
        #expect(parts[0].utf8.count == 75)
        // A continuation holds the space and 24 characters (73 octets): a 25th would make 76.
        #expect(parts[1].utf8.count == 73)
        #expect(parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == wide)
        #expect(ExpiryCalendar.folded("SHORT:line") == "SHORT:line")
    }

    @Test("text is escaped: backslash, semicolon, comma, newline")
    func escaping() {
        #expect(ExpiryCalendar.escaped(#"a\b;c,d"# + "\ne") == #"a\\b\;c\,d\ne"#)
    }

    @Test("--remind reads days and weeks; bad values are refused")
    func reminders() {
        #expect(ExpiryCalendar.reminderDays("30d,7d") == [30, 7])
        #expect(ExpiryCalendar.reminderDays("2w, 1d") == [14, 1])
        #expect(ExpiryCalendar.reminderDays("30d,30d") == [30])
        #expect(ExpiryCalendar.reminderDays("30") == nil)
        #expect(ExpiryCalendar.reminderDays("30d,") == nil)
        #expect(ExpiryCalendar.reminderDays("soon") == nil)
    }
}
