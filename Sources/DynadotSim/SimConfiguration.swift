import Foundation

/// The account's price level, which decides how many requests the provider
/// serves at once (Regular 1, Bulk 5, Super Bulk 25).
public enum SimTier: String, Sendable, CaseIterable, Codable {
    case regular
    case bulk
    case superBulk = "super"

    /// Simultaneous `/api3.json` requests served before `system_busy`.
    public var concurrency: Int {
        switch self {
        case .regular: return 1
        case .bulk: return 5
        case .superBulk: return 25
        }
    }

    /// The `PriceLevel` text the provider reports.
    public var priceLevelName: String {
        switch self {
        case .regular: return "Regular Pricing"
        case .bulk: return "Bulk Pricing"
        case .superBulk: return "Super Bulk Pricing"
        }
    }
}

/// Everything a simulator run is built from. Equal configurations produce
/// byte-identical initial state.
public struct SimConfiguration: Sendable {
    /// The fixed, obviously fake key the simulator accepts by default.
    public static let demoKey = "SIM-DEMO-KEY-NOT-SECRET"

    /// TCP port on 127.0.0.1; 0 picks a free one.
    public var port: Int
    /// How many domains the generated portfolio holds.
    public var domainCount: Int
    /// Seed for the portfolio generator and for fault decisions.
    public var seed: UInt64
    public var tier: SimTier
    /// The API key requests must carry.
    public var apiKey: String
    /// Where to append one JSON line per request; `nil` keeps the log in memory only.
    public var logPath: String?
    public var faults: SimFaults
    /// "Now" for the generator (expiries, orders). Defaults to the start of
    /// the current UTC day, so two runs on the same day generate the same data.
    public var referenceDate: Date
    /// How long a request waits for a free slot before `system_busy`.
    public var busyWaitMilliseconds: Int
    /// Starting account balance in USD cents.
    public var initialBalanceCents: Int
    /// Seconds after it is added that a backorder is caught (the domain
    /// joins the account, charged at its TLD's registration price).
    public var backorderCatchSeconds: Int = 86_400
    /// Seconds each step of a transfer takes (in: pending → waiting →
    /// completed; away: approved → gone).
    public var transferStepSeconds: Int = 86_400
    /// A second account on the same simulator, reached with this key (pushes
    /// between accounts); nil serves one account.
    public var peerApiKey: String?
    /// Auctions open when the simulator starts (every type; the first ends
    /// an hour after the start, the others over the following week).
    public var auctionCount: Int = 40
    /// Expired domains on closeout sale when the simulator starts.
    public var closeoutCount: Int = 150

    public init(
        port: Int = 0,
        domainCount: Int = 2000,
        seed: UInt64 = 1,
        tier: SimTier = .regular,
        apiKey: String = SimConfiguration.demoKey,
        logPath: String? = nil,
        faults: SimFaults = SimFaults(),
        referenceDate: Date = SimConfiguration.startOfToday(),
        busyWaitMilliseconds: Int = 50,
        initialBalanceCents: Int = 500_000
    ) {
        self.port = port
        self.domainCount = domainCount
        self.seed = seed
        self.tier = tier
        self.apiKey = apiKey
        self.logPath = logPath
        self.faults = faults
        self.referenceDate = referenceDate
        self.busyWaitMilliseconds = busyWaitMilliseconds
        self.initialBalanceCents = initialBalanceCents
    }

    /// Midnight UTC of the current day.
    public static func startOfToday() -> Date {
        let seconds = Date().timeIntervalSince1970
        return Date(timeIntervalSince1970: (seconds / 86_400).rounded(.down) * 86_400)
    }
}
