import ArgumentParser
import DynadotSim
import Foundation
import Synchronization

/// `dynafolio sim`: the API3 simulator on its own, for tests, benchmarks and demos.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Serve a simulated Dynadot API3 account on 127.0.0.1.",
        discussion: """
        Prints `READY <endpoint-url>` as the first line, then serves until interrupted. \
        Control paths: GET/POST /_sim/faults, GET /_sim/state, GET /_sim/requests, \
        GET /_sim/price?tld=com&renew=32.97, GET /_sim/balance?amount=30.00.
        """
    )

    @Option(help: "TCP port on 127.0.0.1 (0 picks a free one).") var port: Int = 0
    @Option(help: "Number of generated domains.") var domains: Int = 2000
    @Option(help: "Seed for the portfolio and the faults.") var seed: UInt64 = 1
    @Option(help: "Price level: regular (1 at a time), bulk (5) or super (25).") var tier: String = "regular"
    @Option(help: "The API key to accept (default: the fixed demo key).") var key: String = SimConfiguration.demoKey
    @Option(help: "Append one JSON line per request to this file.") var log: String?
    @Option(name: .customLong("latency-ms"), help: "Added latency per request.") var latencyMs: Int = 0
    @Option(name: .customLong("jitter-ms"), help: "Up to this much extra random latency.") var jitterMs: Int = 0
    @Option(name: .customLong("busy-rate"), help: "Share of requests answered system_busy (0-1).") var busyRate: Double = 0
    @Option(name: .customLong("http-error-rate"), help: "Share answered HTTP 500/503 (0-1).") var httpErrorRate: Double = 0
    @Option(name: .customLong("malformed-rate"), help: "Share applied, then answered with a non-JSON body.") var malformedRate: Double = 0
    @Option(name: .customLong("truncate-rate"), help: "Share applied, then answered with a cut-off body.") var truncateRate: Double = 0
    @Option(name: .customLong("drop-after-apply"), help: "Apply this command, then close the connection unanswered.") var dropAfterApply: String?
    @Option(name: .customLong("drop-rate"), help: "Share applied, then closed unanswered (0-1).") var dropRate: Double = 0
    @Option(name: .customLong("outage-rate"), help: "Share answered 'problem with connection to main server', not applied (0-1).")
    var outageRate: Double = 0
    @Option(name: .customLong("backorder-catch-after"), help: "Seconds after it is added that a backorder is caught (default one day).")
    var backorderCatchAfter: Int = 86_400
    @Option(name: .customLong("transfer-step"), help: "Seconds each transfer step takes (in: none → waiting → completed; away: approved → gone).")
    var transferStep: Int = 86_400
    @Option(name: .customLong("peer-key"), help: "Serve a second account with this key (pushes between accounts).")
    var peerKey: String?

    func validate() throws {
        guard SimTier(rawValue: tier) != nil else { throw ValidationError("--tier must be regular, bulk or super") }
        guard domains >= 0 else { throw ValidationError("--domains must not be negative") }
        guard backorderCatchAfter >= 0 else { throw ValidationError("--backorder-catch-after must not be negative") }
        guard transferStep >= 0 else { throw ValidationError("--transfer-step must not be negative") }
        if let peerKey, peerKey.isEmpty || peerKey == key { throw ValidationError("--peer-key must be a key of its own, not empty and not --key") }
        let rates = [("busy", busyRate), ("http-error", httpErrorRate), ("malformed", malformedRate),
                     ("truncate", truncateRate), ("drop", dropRate), ("outage", outageRate)]
        for (name, rate) in rates {
            guard (0...1).contains(rate) else { throw ValidationError("--\(name)-rate must be from 0 to 1") }
        }
    }

    func run() async throws {
        let faults = SimFaults(
            latencyMilliseconds: latencyMs, jitterMilliseconds: jitterMs, busyRate: busyRate,
            httpErrorRate: httpErrorRate, malformedRate: malformedRate, truncateRate: truncateRate,
            dropAfterApplyCommand: dropAfterApply, dropRate: dropRate, outageRate: outageRate
        )
        var configuration = SimConfiguration(
            port: port, domainCount: domains, seed: seed, tier: SimTier(rawValue: tier) ?? .regular,
            apiKey: key, logPath: log, faults: faults
        )
        configuration.backorderCatchSeconds = backorderCatchAfter
        configuration.transferStepSeconds = transferStep
        configuration.peerApiKey = peerKey
        let server = SimServer(configuration: configuration)
        let endpoint = try await server.start()
        // Unbuffered write: whoever waits for READY sees it at once, even through a pipe.
        FileHandle.standardOutput.write(Data("READY \(endpoint.absoluteString)\n".utf8))
        await Self.waitForTermination()
        try await server.stop()
    }

    /// Returns on SIGINT or SIGTERM.
    static func waitForTermination() async {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "dynafolio.sim.signals")
            let once = ResumeOnce(continuation)
            for number in [SIGINT, SIGTERM] {
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { once.resume() }
                source.resume()
                once.keep(source)
            }
        }
    }
}

/// Resumes a continuation at most once, whichever signal comes first.
private final class ResumeOnce: Sendable {
    /// The continuation until resumed, and the signal sources, which must
    /// stay alive while waiting.
    private let state: Mutex<(continuation: CheckedContinuation<Void, Never>?, sources: [any DispatchSourceSignal])>
    init(_ continuation: CheckedContinuation<Void, Never>) { state = Mutex((continuation, [])) }
    func keep(_ source: any DispatchSourceSignal) {
        state.withLock { $0.sources.append(source) }
    }
    func resume() {
        state.withLock { state in
            state.continuation?.resume()
            state.continuation = nil
        }
    }
}
