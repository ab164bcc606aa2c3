import Foundation
import DynadotAPI

/// Builds a realistic account from a seed: the same `(count, seed,
/// referenceDate)` always yields the same account, field for field.
public struct PortfolioGenerator: Sendable {
    public var domainCount: Int
    public var seed: UInt64
    public var referenceDate: Date
    public var tier: SimTier
    public var balanceCents: Int

    public init(domainCount: Int, seed: UInt64, referenceDate: Date, tier: SimTier = .regular, balanceCents: Int = 500_000) {
        self.domainCount = domainCount
        self.seed = seed
        self.referenceDate = referenceDate
        self.tier = tier
        self.balanceCents = balanceCents
    }

    static let dayMs: Int64 = 86_400_000
    static let yearMs: Int64 = 31_557_600_000

    /// Realistic yearly prices in USD cents; `com` dominates the portfolio.
    static let prices: [SimTLDPrice] = [
        SimTLDPrice(tld: "com", registerCents: 1099, renewCents: 1099, transferCents: 1099),
        SimTLDPrice(tld: "net", registerCents: 1299, renewCents: 1399, transferCents: 1299),
        SimTLDPrice(tld: "org", registerCents: 899, renewCents: 1149, transferCents: 1049),
        SimTLDPrice(tld: "io", registerCents: 3999, renewCents: 4599, transferCents: 3999),
        SimTLDPrice(tld: "co", registerCents: 1199, renewCents: 2599, transferCents: 2399),
        SimTLDPrice(tld: "dev", registerCents: 1299, renewCents: 1499, transferCents: 1299),
        SimTLDPrice(tld: "app", registerCents: 1399, renewCents: 1599, transferCents: 1399),
        SimTLDPrice(tld: "xyz", registerCents: 199, renewCents: 1299, transferCents: 1199),
        SimTLDPrice(tld: "me", registerCents: 499, renewCents: 1799, transferCents: 1599),
        SimTLDPrice(tld: "info", registerCents: 299, renewCents: 1999, transferCents: 1799),
        SimTLDPrice(tld: "de", registerCents: 599, renewCents: 799, transferCents: 599),
        SimTLDPrice(tld: "ai", registerCents: 7999, renewCents: 7999, transferCents: 7999),
    ]
    /// Cumulative weights matching `prices`.
    static let tldWeights = [45, 55, 62, 68, 73, 77, 81, 85, 88, 91, 97, 100]
    static let idnTLDs = ["com", "net", "org", "de", "info"]

    static let words = [
        "alpha", "amber", "apex", "atlas", "bay", "beacon", "blue", "bold", "bright", "cedar",
        "cloud", "coral", "craft", "crest", "delta", "drift", "echo", "ember", "field", "flux",
        "forge", "fox", "giga", "glow", "grove", "harbor", "haven", "hive", "iron", "jade",
        "key", "kite", "lab", "leaf", "lumen", "maple", "mesa", "mint", "nova", "oak",
        "orbit", "peak", "pixel", "pine", "quest", "rapid", "ridge", "river", "sage", "shift",
        "solar", "spark", "stone", "swift", "tide", "trail", "true", "vault", "wave", "zen",
    ]
    static let idnWords = [
        "bücher", "café", "münchen", "zürich", "köln", "smörgås", "niño", "façade",
        "résumé", "straße", "日本", "中文", "пример", "ελλάδα", "garçon", "jalapeño",
    ]
    static let folderNames = ["Clients", "Brandables", "For Sale", "Personal", "Projects", "Archive", "Parked"]
    static let notes = [
        "client: Acme renewal budget", "keep - core brand", "sell by Q3", "redirects to main site",
        "ask Sam before changing DNS", "bought at auction", "Ünïcödé note & special=chars?",
    ]
    static let hosts = [
        "ns1.hostingco.net", "ns2.hostingco.net", "dns1.cloudexample.com", "dns2.cloudexample.com",
        "ns-a.webfarm.org", "ns-b.webfarm.org", "ns1.mydnsprovider.io", "ns2.mydnsprovider.io",
    ]

    /// Generates the account.
    public func makeAccount() -> SimAccount {
        var random = SeededRandom(seed: seed)
        let now = Int64((referenceDate.timeIntervalSince1970 * 1000).rounded())
        var account = SimAccount(
            username: "simuser\(seed % 10_000)", tier: tier, balanceCents: balanceCents,
            customerSinceMs: now - 6 * Self.yearMs - Int64(random.below(365)) * Self.dayMs
        )
        account.tldPrices = Self.prices
        makeContacts(&account, &random)
        for (i, name) in Self.folderNames.enumerated() {
            account.folders.append(SimFolder(id: i, name: name))
        }
        account.nextFolderId = Self.folderNames.count
        for (i, host) in Self.hosts.enumerated() {
            let ips = i % 3 == 0 ? ["198.51.100.\(10 + i)"] : []
            account.nameServerHosts.append(SimNameServerHost(id: i, host: host, ips: ips))
        }
        account.nextServerId = Self.hosts.count
        account.domains.reserveCapacity(domainCount)
        account.domainIndex.reserveCapacity(domainCount)
        for i in 0..<domainCount {
            let name = uniqueName(index: i, taken: account.domainIndex, &random)
            account.add(makeDomain(name: name, now: now, contactCount: account.contacts.count, &random))
        }
        makeOrders(&account, now: now, &random)
        makeListings(&account, &random)
        return account
    }

    private func makeContacts(_ account: inout SimAccount, _ random: inout SeededRandom) {
        let first = ["Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana", "Ivo", "June"]
        let last = ["Okafor", "Silva", "Novak", "Tanaka", "Berg", "Moreau", "Khan", "Weber"]
        let cities: [(String, String, String, String)] = [
            ("San Mateo", "CA", "94401", "US"), ("Berlin", "", "10115", "DE"),
            ("Lyon", "", "69001", "FR"), ("Osaka", "", "530-0001", "JP"), ("Austin", "TX", "73301", "US"),
        ]
        let count = min(20, max(4, domainCount / 1000 + 3))
        for id in 0..<count {
            let city = random.pick(cities)
            let name = "\(random.pick(first)) \(random.pick(last))"
            account.contacts.append(SimContact(id: id, fields: [
                "Organization": id % 3 == 0 ? "Example Holdings \(id)" : "",
                "Name": name,
                "Email": "contact\(id)@example.com",
                "PhoneCc": "1", "PhoneNum": "555.555.\(1000 + random.below(9000))",
                "FaxCc": "", "FaxNum": "",
                "Address1": "\(1 + random.below(999)) Example Street", "Address2": "",
                "City": city.0, "State": city.1, "ZipCode": city.2, "Country": city.3,
                "GtldVerified": id % 4 == 0 ? "no" : "yes",
            ]))
        }
        account.nextContactId = count
    }

    private func uniqueName(index: Int, taken: [String: Int], _ random: inout SeededRandom) -> String {
        let roll = random.below(Self.tldWeights[Self.tldWeights.count - 1])
        // roll < the last weight, so the search always finds a slot.
        let tld = Self.prices[Self.tldWeights.firstIndex { roll < $0 } ?? Self.prices.count - 1].tld
        var label: String
        if random.chance(0.05) {
            let idnTLD = Self.idnTLDs[random.below(Self.idnTLDs.count)]
            let word = Self.idnWords[random.below(Self.idnWords.count)]
            let suffix = random.chance(0.5) ? "" : random.pick(Self.words)
            label = Punycode.asciiName("\(word)\(suffix).\(idnTLD)")
        } else {
            let a = random.pick(Self.words), b = random.pick(Self.words)
            switch random.below(4) {
            case 0: label = "\(a)\(b).\(tld)"
            case 1: label = "\(a)-\(b).\(tld)"
            case 2: label = "\(a)\(b)\(random.below(100)).\(tld)"
            default: label = "get\(a)\(b).\(tld)"
            }
        }
        // Collisions get a counter, so every name stays unique and deterministic.
        if taken[label] != nil, let dot = label.lastIndex(of: ".") {
            var n = index
            repeat {
                label = "\(label[..<dot])\(n)\(label[dot...])"
                n += 1
            } while taken[label] != nil
        }
        return label
    }

    private func makeDomain(name: String, now: Int64, contactCount: Int, _ random: inout SeededRandom) -> SimDomain {
        let expiryRoll = random.unit()
        var expiration: Int64
        if expiryRoll < 0.08 {
            expiration = now - Int64(1 + random.below(40)) * Self.dayMs  // expired, in grace
        } else if expiryRoll < 0.75 {
            expiration = now + Int64(random.below(365)) * Self.dayMs
        } else {
            expiration = now + Int64(365 + random.below(4 * 365)) * Self.dayMs
        }
        expiration += Int64(random.below(86_400)) * 1000
        var registration = expiration - Int64(1 + random.below(9)) * Self.yearMs
        if random.chance(0.01) {  // new registration, still deletable in the add grace period
            registration = now - Int64(random.below(4)) * Self.dayMs - Int64(random.below(86_400)) * 1000
            expiration = registration + Self.yearMs
        }
        let settingRoll = random.below(100)
        let setting: SimNameServerSetting
        switch settingRoll {
        case 0..<40:
            let pair = random.below(Self.hosts.count / 2) * 2
            setting = .nameServers([Self.hosts[pair], Self.hosts[pair + 1]], slots: random.chance(0.15))
        case 40..<62: setting = .parking(withAds: random.chance(0.7))
        case 62..<93: setting = .dynadotDNS(ttl: random.pick([300, 3600, 86400]), records: makeRecords(name, &random))
        case 93..<96: setting = .forwarding(url: "https://www.example.com/\(name)", temporary: random.chance(0.5))
        case 96..<98: setting = .stealth(url: "https://site.example.net/", title: "Welcome to \(name)")
        default: setting = .hosting(type: random.chance(0.5) ? "basic" : "advanced")
        }
        let registrant = random.below(contactCount)
        let contacts = random.chance(0.7)
            ? [registrant, registrant, registrant, registrant]
            : [registrant, random.below(contactCount), random.below(contactCount), random.below(contactCount)]
        let privacyRoll = random.below(100)
        let renewRoll = random.below(100)
        return SimDomain(
            name: name, expirationMs: expiration, registrationMs: registration, nameServers: setting,
            contacts: contacts, locked: random.chance(0.8),
            privacy: privacyRoll < 55 ? "full" : (privacyRoll < 70 ? "partial" : "none"),
            salePriceCents: random.chance(0.1) ? (50 + random.below(5000)) * 100 : nil,
            renewOption: renewRoll < 50 ? .autoRenew : (renewRoll < 70 ? .doNotRenew : .none),
            note: random.chance(0.15) ? random.pick(Self.notes) : "",
            folderId: random.chance(0.6) ? random.below(Self.folderNames.count) : -1,
            renewals: 0,
            emailForward: nil
        )
    }

    private func makeRecords(_ name: String, _ random: inout SeededRandom) -> [SimDNSRecord] {
        var records = [SimDNSRecord(type: "a", value: "203.0.113.\(1 + random.below(250))")]
        if random.chance(0.3) { records.append(SimDNSRecord(type: "a", value: "198.51.100.\(1 + random.below(250))")) }
        if random.chance(0.4) { records.append(SimDNSRecord(type: "aaaa", value: "2001:db8::\(String(1 + random.below(4000), radix: 16))")) }
        if random.chance(0.6) {
            records.append(SimDNSRecord(type: "mx", value: "mx1.mailhost.example", value2: "10"))
            if random.chance(0.5) { records.append(SimDNSRecord(type: "mx", value: "mx2.mailhost.example", value2: "20")) }
        }
        if random.chance(0.5) { records.append(SimDNSRecord(type: "txt", value: "v=spf1 include:_spf.mailhost.example ~all")) }
        records.append(SimDNSRecord(subhost: "www", type: "cname", value: name))
        if random.chance(0.3) { records.append(SimDNSRecord(subhost: "mail", type: "a", value: "203.0.113.\(1 + random.below(250))")) }
        if random.chance(0.2) { records.append(SimDNSRecord(subhost: "blog", type: "cname", value: "hosting.example.net")) }
        if random.chance(0.2) { records.append(SimDNSRecord(subhost: "_dmarc", type: "txt", value: "v=DMARC1; p=none")) }
        return records
    }

    private func makeOrders(_ account: inout SimAccount, now: Int64, _ random: inout SeededRandom) {
        guard !account.domains.isEmpty else { return }
        let count = min(2000, account.domains.count / 10 + 5)
        var orders: [(Int64, [SimOrderItem])] = []
        for _ in 0..<count {
            let at = now - Int64(1 + random.below(364)) * Self.dayMs - Int64(random.below(86_400)) * 1000
            var items: [SimOrderItem] = []
            for _ in 0..<(1 + random.below(3)) {
                let domain = account.domains[random.below(account.domains.count)]
                let price = account.price(forTLD: domain.tld) ?? Self.prices[0]
                let years = random.chance(0.8) ? 1 : 2
                let renewal = random.chance(0.75)
                items.append(SimOrderItem(
                    type: renewal ? "Domain Renewal" : "Domain Registration", domain: domain.name,
                    years: years, costCents: (renewal ? price.renewCents : price.registerCents) * years
                ))
            }
            orders.append((at, items))
        }
        for (at, items) in orders.sorted(by: { $0.0 < $1.0 }) {
            _ = account.addOrder(at: at, items: items)
        }
    }

    private func makeListings(_ account: inout SimAccount, _ random: inout SeededRandom) {
        for _ in 0..<100 {
            let name = "\(random.pick(Self.words))\(random.pick(Self.words))\(random.below(1000)).com"
            guard account.domainIndex[name] == nil, !account.listings.contains(where: { $0.domain == name }) else { continue }
            account.nextListingId += 1
            account.listings.append(SimListing(id: account.nextListingId, domain: name, priceCents: (20 + random.below(3000)) * 100))
        }
    }
}
