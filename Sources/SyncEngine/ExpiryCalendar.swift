import Foundation
import PortfolioStore

/// Expiry dates as an RFC 5545 calendar (`dynafolio expiring --ical`): one
/// all-day event per expiry date (UTC), the domains of that day named in
/// it, each event with a display reminder per `reminderDays` before. Lines
/// end in CRLF and are folded at 75 octets (never inside a UTF-8
/// sequence); text is escaped; each event's UID is its date, so importing
/// a newer file updates the events instead of duplicating them.
public enum ExpiryCalendar {
    /// The calendar text for `rows` (those without an expiry are left out).
    /// `nowMs` stamps `DTSTAMP`.
    public static func render(_ rows: [DomainRow], reminderDays: [Int], nowMs: Int64) -> String {
        var byDay: [Int64: [DomainRow]] = [:]
        for row in rows {
            guard let expires = row.expiresMs else { continue }
            byDay[UTCDate.startOfDay(expires), default: []].append(row)
        }
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//dynafolio//domain expiries//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:Domain expiries"]
        let stamp = dateTime(nowMs)
        for day in byDay.keys.sorted() {
            let domains = byDay[day, default: []].sorted { $0.name < $1.name }
            let names = domains.map { $0.nameUnicode == $0.name ? $0.name : "\($0.nameUnicode) (\($0.name))" }
            let summary = domains.count == 1 ? "\(names[0]) expires"
                : "\(domains.count) domains expire: " + names.prefix(3).joined(separator: ", ") + (domains.count > 3 ? ", …" : "")
            let description = names.enumerated().map { index, name in
                name + (domains[index].renewOption == .auto ? " (auto-renew on)" : "")
            }.joined(separator: "\n")
            lines += ["BEGIN:VEVENT",
                      "UID:expiry-\(compactDate(day))@dynafolio",
                      "DTSTAMP:\(stamp)",
                      "DTSTART;VALUE=DATE:\(compactDate(day))",
                      "DTEND;VALUE=DATE:\(compactDate(day + 86_400_000))",
                      "SUMMARY:" + escaped(summary),
                      "DESCRIPTION:" + escaped(description),
                      "TRANSP:TRANSPARENT"]
            for days in reminderDays.sorted(by: >) {
                lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escaped(summary), "TRIGGER:-P\(days)D", "END:VALARM"]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(folded).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Folds a content line (RFC 5545 3.1): at most 75 octets a line, the
    /// rest on lines that start with one space; a character's UTF-8 bytes
    /// stay on one line.
    public static func folded(_ line: String) -> String {
        var out = ""
        var used = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > limit {
                out += "\r\n "
                used = 0
                limit = 74
            }
            out.unicodeScalars.append(scalar)
            used += size
        }
        return out
    }

    /// `20270104`.
    static func compactDate(_ ms: Int64) -> String {
        UTCDate.isoDate(ms).replacingOccurrences(of: "-", with: "")
    }

    /// `20261202T081500Z`.
    static func dateTime(_ ms: Int64) -> String {
        let seconds = (ms - UTCDate.startOfDay(ms)) / 1000
        return compactDate(ms) + "T" + String(format: "%02d%02d%02dZ", Int(seconds / 3600), Int(seconds / 60 % 60), Int(seconds % 60))
    }

    /// `30d,7d` (or weeks, `2w`) → days before the expiry; nil when unreadable.
    public static func reminderDays(_ text: String) -> [Int]? {
        var days: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let unit = item.last, "dw".contains(unit), let number = Int(item.dropLast()), (0...3650).contains(number) else { return nil }
            let value = unit == "w" ? number * 7 : number
            if !days.contains(value) { days.append(value) }
        }
        return days.isEmpty ? nil : days
    }
}
