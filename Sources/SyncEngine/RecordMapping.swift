import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// Turns the provider's records into cache rows. Pure functions: the same
/// record always maps to the same row, which is what lets a second sync with
/// no remote change leave every row untouched.
enum RecordMapping {
    static func row(_ record: DomainRecord, syncedAtMs: Int64) -> DomainRow {
        let name = record.name.lowercased()
        let settings = record.nameServerSettings
        return DomainRow(
            name: name,
            nameUnicode: Punycode.unicodeName(name),
            expiresMs: record.expirationMs,
            registeredMs: record.registrationMs,
            nsType: nsType(settings?.type),
            nameservers: (settings?.nameServers ?? []).map(Edit.normaliseHost).filter { !$0.isEmpty },
            withAds: settings?.withAds ?? false,
            registrantID: record.whois.registrant,
            adminID: record.whois.admin,
            technicalID: record.whois.technical,
            billingID: record.whois.billing,
            locked: record.locked ?? false,
            disabled: record.disabled ?? false,
            udrpLocked: record.udrpLocked ?? false,
            registrantUnverified: record.registrantUnverified ?? false,
            hold: record.hold ?? false,
            privacy: privacy(record.privacy),
            forSale: record.isForSale ?? false,
            renewOption: renewOption(record.renewOption),
            note: record.note ?? "",
            folderID: folderID(record.folder),
            folderName: folderName(record.folder),
            status: record.status ?? "",
            extraJSON: record.extra.isEmpty ? nil : JSONValue.object(record.extra).serialized(),
            syncedAtMs: syncedAtMs
        )
    }

    static func nsType(_ providerType: String?) -> DomainRow.NSType {
        let text = providerType ?? ""
        // The provider sends a handful of ASCII spellings; classify those by
        // bytes (the Unicode letter test below costs ~1 µs per domain).
        if let ascii = TextFolding.asciiLetters(text) { return classify(ascii) }
        return classify(text.lowercased().filter { $0.isLetter })
    }

    private static func classify(_ t: String) -> DomainRow.NSType {
        let bytes = Array(t.utf8)
        // A byte search: Foundation's `contains` bridges to NSString per call.
        func has(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard bytes.count >= n else { return false }
            let w = word.utf8Start
            for i in 0...(bytes.count - n) {
                var j = 0
                while j < n, bytes[i + j] == w[j] { j += 1 }
                if j == n { return true }
            }
            return false
        }
        if has("nameserver") { return .nameservers }
        if has("parking") { return .parking }
        if has("dns") { return .dynadotDNS }
        if has("stealth") { return .stealth }
        if has("forward") { return .forwarding }
        return .other
    }

    static func privacy(_ level: PrivacyLevel?) -> DomainRow.Privacy {
        switch level {
        case .full?: return .full
        case .partial?: return .partial
        default: return .none
        }
    }

    static func renewOption(_ option: RenewOption?) -> DomainRow.RenewOption {
        switch option {
        case .auto?: return .auto
        case .doNotRenew?: return .donot
        default: return .none
        }
    }

    static func folderID(_ folder: FolderRef?) -> String? {
        guard let folder, folder.id != "-1", !folder.id.isEmpty else { return nil }
        return folder.id
    }

    static func folderName(_ folder: FolderRef?) -> String {
        guard let folder, folder.id != "-1", let name = folder.name, name != "(no folder)" else { return "" }
        return name
    }

    static func dnsRecordSet(_ settings: DnsSettings, domain: String, fetchedAtMs: Int64) -> DNSRecordSet {
        let main = settings.mainRecords.map { DNSRecord(subhost: "", type: $0.type.uppercased(), value: $0.value, value2: $0.value2) }
        let sub = settings.subRecords.map {
            DNSRecord(subhost: $0.subhost ?? "", type: $0.type.uppercased(), value: $0.value, value2: $0.value2)
        }
        return DNSRecordSet(domain: domain, ttl: settings.ttl, nsType: nsType(settings.type).rawValue,
                            records: main + sub, fetchedAtMs: fetchedAtMs)
    }
}

/// The pull's JSON → row mapping, for the benchmark's per-phase timing.
@_spi(Bench)
public enum BenchRecordMapping {
    public static func rows(_ list: DomainList, syncedAtMs: Int64) -> [DomainRow] {
        list.domains.map { RecordMapping.row($0, syncedAtMs: syncedAtMs) }
    }
}
