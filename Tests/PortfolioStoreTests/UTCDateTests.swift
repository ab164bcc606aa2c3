import Foundation
import Testing
@testable import PortfolioStore

/// The one UTC date helper agrees with Foundation's calendar and formatter.
@Suite("UTC dates")
struct UTCDateTests {
    @Test("days, years and timestamps match Calendar and ISO8601DateFormatter")
    func matchesFoundation() {
        let formatter = ISO8601DateFormatter()
        var generator = SystemRandomNumberGenerator()
        var instants: [Int64] = [0, -1, 951_782_400_000, 951_868_799_999, 4_102_444_800_000, -2_208_988_800_001]
        for _ in 0..<2000 { instants.append(Int64.random(in: -4_000_000_000_000...8_000_000_000_000, using: &generator) / 1000 * 1000) }
        for ms in instants {
            let date = Date(timeIntervalSince1970: Double(ms) / 1000)
            let parts = UTCDate.calendar.dateComponents([.year, .month, .day], from: date)
            let civil = UTCDate.civil(ms)
            #expect(civil.year == parts.year && civil.month == parts.month && civil.day == parts.day, "\(ms)")
            #expect(UTCDate.year(ms) == parts.year)
            #expect(UTCDate.ms(year: civil.year, month: civil.month, day: civil.day) == UTCDate.startOfDay(ms))
            if ms >= 0 { #expect(UTCDate.isoTimestamp(ms) == formatter.string(from: date), "\(ms)") }
        }
    }

    @Test("ISO days parse only when they are real dates")
    func parseDay() {
        #expect(UTCDate.parseDay("2026-11-01") == 1_793_491_200_000)
        #expect(UTCDate.parseDay("2028-02-29") != nil)
        #expect(UTCDate.parseDay("2027-02-29") == nil)
        #expect(UTCDate.parseDay("2026-13-01") == nil)
        #expect(UTCDate.parseDay("2026-11") == nil)
        #expect(UTCDate.isoDate(1_793_491_200_000) == "2026-11-01")
        #expect(UTCDate.compactStamp(1_793_491_200_000 + 3_723_000) == "20261101-010203")
        #expect(UTCDate.adding(1, .month, to: UTCDate.ms(year: 2027, month: 1, day: 31)) == UTCDate.ms(year: 2027, month: 2, day: 28))
    }
}
