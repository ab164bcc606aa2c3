import DynadotAPI
import Foundation
import Synchronization

/// Failures the simulator injects on `/api3.json`, as the real service shows
/// them. Rates are probabilities in 0...1, drawn from a generator seeded by
/// `--seed`, so a sequential run reproduces the same faults.
public struct SimFaults: Sendable, Equatable {
    /// Added delay before every answer.
    public var latencyMilliseconds: Int = 0
    /// Up to this much more delay, uniformly drawn.
    public var jitterMilliseconds: Int = 0
    /// Share of requests answered `system_busy` without being applied.
    public var busyRate: Double = 0
    /// When above 0, every `busyEvery`-th request is answered `system_busy`
    /// without being applied (a deterministic counterpart of `busyRate`).
    public var busyEvery: Int = 0
    /// Share of requests answered HTTP 500 or 503 without being applied.
    public var httpErrorRate: Double = 0
    /// Share of requests applied, then answered with a body that is not JSON.
    public var malformedRate: Double = 0
    /// Share of requests applied, then answered with a cut-off JSON body.
    public var truncateRate: Double = 0
    /// Apply this command's change, then close the connection unanswered.
    public var dropAfterApplyCommand: String?
    /// Share of requests applied, then closed unanswered.
    public var dropRate: Double = 0
    /// Share of requests answered with the provider's outage envelope
    /// (`problem with connection to main server`) without being applied.
    public var outageRate: Double = 0

    public init(
        latencyMilliseconds: Int = 0, jitterMilliseconds: Int = 0, busyRate: Double = 0,
        httpErrorRate: Double = 0, malformedRate: Double = 0, truncateRate: Double = 0,
        dropAfterApplyCommand: String? = nil, dropRate: Double = 0, busyEvery: Int = 0, outageRate: Double = 0
    ) {
        self.busyEvery = busyEvery
        self.outageRate = outageRate
        self.latencyMilliseconds = latencyMilliseconds
        self.jitterMilliseconds = jitterMilliseconds
        self.busyRate = busyRate
        self.httpErrorRate = httpErrorRate
        self.malformedRate = malformedRate
        self.truncateRate = truncateRate
        self.dropAfterApplyCommand = dropAfterApplyCommand
        self.dropRate = dropRate
    }

    /// No faults at all.
    public static let none = SimFaults()

    /// The faults as JSON, as `/_sim/faults` reports them.
    public var json: JSONValue {
        .object([
            "latency_ms": .number(Double(latencyMilliseconds)),
            "jitter_ms": .number(Double(jitterMilliseconds)),
            "busy_rate": .number(busyRate),
            "busy_every": .number(Double(busyEvery)),
            "http_error_rate": .number(httpErrorRate),
            "malformed_rate": .number(malformedRate),
            "truncate_rate": .number(truncateRate),
            "drop_after_apply": dropAfterApplyCommand.map { .string($0) } ?? .null,
            "drop_rate": .number(dropRate),
            "outage_rate": .number(outageRate),
        ])
    }

    /// These faults with the named settings changed. Names are the query/JSON
    /// names of `json`; `reset=1` starts from no faults. Unknown names or bad
    /// values are reported, nothing is changed then.
    public func updated(with settings: [String: String]) throws(SimControlError) -> SimFaults {
        var result = settings["reset"].map { ["1", "yes", "true"].contains($0.lowercased()) } == true ? SimFaults() : self
        func rate(_ text: String, _ name: String) throws(SimControlError) -> Double {
            guard let value = Double(text), value >= 0, value <= 1 else {
                throw SimControlError(message: "\(name) must be a number from 0 to 1")
            }
            return value
        }
        func millis(_ text: String, _ name: String) throws(SimControlError) -> Int {
            guard let value = Int(text), value >= 0, value <= 600_000 else {
                throw SimControlError(message: "\(name) must be whole milliseconds from 0 to 600000")
            }
            return value
        }
        for (name, value) in settings.sorted(by: { $0.key < $1.key }) {
            switch name {
            case "reset": continue
            case "latency_ms": result.latencyMilliseconds = try millis(value, name)
            case "jitter_ms": result.jitterMilliseconds = try millis(value, name)
            case "busy_rate": result.busyRate = try rate(value, name)
            case "busy_every":
                guard let n = Int(value), n >= 0 else { throw SimControlError(message: "busy_every must be a whole number, 0 for off") }
                result.busyEvery = n
            case "http_error_rate": result.httpErrorRate = try rate(value, name)
            case "malformed_rate": result.malformedRate = try rate(value, name)
            case "truncate_rate": result.truncateRate = try rate(value, name)
            case "drop_rate": result.dropRate = try rate(value, name)
            case "outage_rate": result.outageRate = try rate(value, name)
            case "drop_after_apply":
                result.dropAfterApplyCommand = value.isEmpty || value == "none" ? nil : value
            default: throw SimControlError(message: "unknown fault setting \(name)")
            }
        }
        return result
    }
}

/// A bad request to a `/_sim/...` control path.
public struct SimControlError: Error, Sendable, Equatable {
    public var message: String
}

/// What happens to one `/api3.json` request, decided before it is handled.
struct FaultDecision: Sendable, Equatable {
    enum Outcome: Sendable, Equatable {
        case normal, busy, outage, httpError(Int), malformed, truncated, dropped
    }
    var delayMilliseconds: Int
    var outcome: Outcome
}

/// Draws fault decisions from one seeded sequence (thread-safe).
final class FaultDice: Sendable {
    fileprivate struct Dice {
        var random: SeededRandom
        var faults: SimFaults
        /// `/api3.json` requests decided so far, for `busyEvery`.
        var requestCount = 0
    }
    private let dice: Mutex<Dice>

    init(seed: UInt64, faults: SimFaults) {
        dice = Mutex(Dice(random: SeededRandom(seed: seed ^ 0xFA17_5EED_0000_0001), faults: faults))
    }

    var current: SimFaults { dice.withLock { $0.faults } }

    func set(_ newFaults: SimFaults) { dice.withLock { $0.faults = newFaults } }

    /// Always draws the same number of values per request, so one setting
    /// changing does not shift the sequence for the others. New draws go
    /// last, so a seed keeps the fault sequence it had before they existed.
    func decide(command: String) -> FaultDecision {
        dice.withLock { $0.decide(command: command) }
    }
}

fileprivate extension FaultDice.Dice {
    mutating func decide(command: String) -> FaultDecision {
        requestCount += 1
        let jitterDraw = random.unit()
        let busy = random.unit()
        let http = random.unit()
        let httpKind = random.next()
        let malformed = random.unit()
        let truncated = random.unit()
        let drop = random.unit()
        let outage = random.unit()
        let delay = faults.latencyMilliseconds + Int(jitterDraw * Double(faults.jitterMilliseconds))
        let outcome: FaultDecision.Outcome
        if busy < faults.busyRate || (faults.busyEvery > 0 && requestCount % faults.busyEvery == 0) {
            outcome = .busy
        } else if outage < faults.outageRate {
            outcome = .outage
        } else if http < faults.httpErrorRate {
            outcome = .httpError(httpKind % 2 == 0 ? 500 : 503)
        } else if faults.dropAfterApplyCommand == command || drop < faults.dropRate {
            outcome = .dropped
        } else if malformed < faults.malformedRate {
            outcome = .malformed
        } else if truncated < faults.truncateRate {
            outcome = .truncated
        } else {
            outcome = .normal
        }
        return FaultDecision(delayMilliseconds: delay, outcome: outcome)
    }
}
