import DynadotAPI
import Foundation
import Synchronization

/// What one HTTP request gets back from the simulator, before faults that
/// act on the connection itself.
struct SimHTTPAnswer: Sendable {
    var status: Int
    var contentType: String
    var body: [UInt8]
    /// Close the connection instead of answering.
    var drop: Bool = false
}

/// The request-independent parts of a running simulator, shared by all
/// connections: the API, faults, the tier's slots and the request log.
final class SimCore: Sendable {
    let configuration: SimConfiguration
    let state: SimState
    let api: SimAPI
    let dice: FaultDice
    let log: SimRequestLog
    /// The tier's slots: how many are taken, and who waits for one, first
    /// in, first out (as the provider queues requests).
    private struct Slots {
        var inFlight = 0
        var sequence = 0
        var nextTicket = 0
        var waiters: [(ticket: Int, granted: @Sendable () -> Void)] = []
    }
    private let slots = Mutex(Slots())

    init(configuration: SimConfiguration, state: SimState) {
        self.configuration = configuration
        self.state = state
        api = SimAPI(state: state, apiKey: configuration.apiKey,
                     peer: configuration.peerApiKey.map { ($0, SimCore.makePeer(configuration, mainState: state)) })
        dice = FaultDice(seed: configuration.seed, faults: configuration.faults)
        log = SimRequestLog(path: configuration.logPath)
    }

    /// The second account for pushes: a small portfolio of its own; each
    /// account knows the other's push username.
    static func makePeer(_ configuration: SimConfiguration, mainState: SimState) -> SimState {
        var account = PortfolioGenerator(
            domainCount: 10, seed: configuration.seed &+ 1, referenceDate: configuration.referenceDate,
            tier: configuration.tier, balanceCents: configuration.initialBalanceCents
        ).makeAccount()
        let mainName = mainState.read { $0.username }
        if account.username == mainName { account.username += "b" }
        account.transfers.stepMs = Int64(configuration.transferStepSeconds) * 1000
        account.transfers.peerUsernames = [mainName]
        let peerName = account.username
        mainState.mutate { $0.transfers.peerUsernames = [peerName] }
        return SimState(account: account)
    }

    /// The second account, when the configuration has a peer key.
    var peerState: SimState? { api.peer?.state }

    /// Takes one of the tier's slots if one is free.
    func tryAcquireSlot() -> Bool {
        let concurrency = configuration.tier.concurrency
        return slots.withLock { s in
            guard s.inFlight < concurrency else { return false }
            s.inFlight += 1
            return true
        }
    }

    /// Takes a slot now (nil), or queues `granted` to run when one is handed
    /// over (a ticket for ``withdraw(_:)``). `granted` runs on the thread
    /// that releases the slot.
    func acquireSlot(orWait granted: @escaping @Sendable () -> Void) -> Int? {
        let concurrency = configuration.tier.concurrency
        return slots.withLock { s in
            if s.inFlight < concurrency, s.waiters.isEmpty {
                s.inFlight += 1
                return nil
            }
            s.nextTicket += 1
            s.waiters.append((s.nextTicket, granted))
            return s.nextTicket
        }
    }

    /// Stops waiting; false when the slot was already handed over.
    func withdraw(_ ticket: Int) -> Bool {
        slots.withLock { s in
            guard let index = s.waiters.firstIndex(where: { $0.ticket == ticket }) else { return false }
            s.waiters.remove(at: index)
            return true
        }
    }

    /// Frees a slot, or hands it to the longest waiter.
    func releaseSlot() {
        let next = slots.withLock { s -> (@Sendable () -> Void)? in
            guard !s.waiters.isEmpty else {
                s.inFlight -= 1
                return nil
            }
            return s.waiters.removeFirst().granted
        }
        next?()
    }

    private func nextSequence() -> (Int, Int) {
        slots.withLock { s in
            s.sequence += 1
            return (s.sequence, s.inFlight)
        }
    }

    /// Answers an `/api3.json` request that holds a slot, applying `decision`.
    func answerAPI(_ parameters: [String: String], decision: FaultDecision) -> SimHTTPAnswer {
        let command = parameters["command"] ?? ""
        switch decision.outcome {
        case .busy:
            log.record(parameters: parameters, outcome: "system_busy (fault)")
            return SimHTTPAnswer(status: 200, contentType: "application/json", body: SimAPI.busy(command: command).body)
        case .outage:
            log.record(parameters: parameters, outcome: "outage (fault)")
            return SimHTTPAnswer(status: 200, contentType: "application/json", body: SimAPI.outage().body)
        case .httpError(let status):
            log.record(parameters: parameters, outcome: "http_\(status)")
            let page = "<html><body><h1>\(status) \(status == 503 ? "Service Unavailable" : "Internal Server Error")</h1></body></html>"
            return SimHTTPAnswer(status: status, contentType: "text/html", body: Array(page.utf8))
        default: break
        }
        let (sequence, inFlight) = nextSequence()
        let answer = api.respond(
            parameters: parameters, sequence: sequence, inFlight: inFlight,
            nowMs: Int64(Date().timeIntervalSince1970 * 1000)
        )
        switch decision.outcome {
        case .dropped:
            log.record(parameters: parameters, outcome: "dropped after \(answer.outcome)")
            return SimHTTPAnswer(status: 200, contentType: "application/json", body: [], drop: true)
        case .malformed:
            log.record(parameters: parameters, outcome: "malformed after \(answer.outcome)")
            let page = "<html><head><title>Maintenance</title></head><body>problem with connection to main server</body></html>"
            return SimHTTPAnswer(status: 200, contentType: "application/json", body: Array(page.utf8))
        case .truncated:
            log.record(parameters: parameters, outcome: "truncated after \(answer.outcome)")
            return SimHTTPAnswer(status: 200, contentType: "application/json", body: Array(answer.body.prefix(max(1, answer.body.count / 2))))
        default:
            log.record(parameters: parameters, outcome: answer.outcome)
            return SimHTTPAnswer(status: 200, contentType: "application/json", body: answer.body)
        }
    }

    /// Answers when no slot came free in time.
    func answerQueueFull(_ parameters: [String: String]) -> SimHTTPAnswer {
        log.record(parameters: parameters, outcome: "system_busy (tier limit)")
        return SimHTTPAnswer(status: 200, contentType: "application/json", body: SimAPI.busy(command: parameters["command"] ?? "").body)
    }

    /// `/_sim/...` control paths; never subject to faults or the key.
    func answerControl(path: String, method: String, query: [String: String], body: [UInt8]) -> SimHTTPAnswer {
        func json(_ value: JSONValue, status: Int = 200) -> SimHTTPAnswer {
            SimHTTPAnswer(status: status, contentType: "application/json", body: Array(value.serialized().utf8))
        }
        switch path {
        case "/_sim/faults":
            var settings = query
            if method == "POST", !body.isEmpty {
                guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                    return json(.object(["error": .string("body must be a JSON object")]), status: 400)
                }
                for (name, value) in object {
                    settings[name] = value is NSNull ? "none" : "\(value)"
                }
            }
            if !settings.isEmpty {
                do {
                    dice.set(try dice.current.updated(with: settings))
                } catch {
                    return json(.object(["error": .string(error.message)]), status: 400)
                }
            }
            return json(dice.current.json)
        case "/_sim/state":
            return SimHTTPAnswer(status: 200, contentType: "application/json", body: state.read { SimStateDump.bytes($0) })
        case "/_sim/requests":
            return json(.object(["requests": .array(log.records.map(\.json))]))
        case "/_sim/transfer-away":
            guard let name = query["domain"], !name.isEmpty else {
                return json(.object(["error": .string("domain is required, e.g. /_sim/transfer-away?domain=a.com")]), status: 400)
            }
            do {
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                let away = try state.mutate { (account) throws(SimControlError) -> SimTransferAway in try account.requestTransferAway(name, nowMs: now) }
                return json(.object(["domain": .string(away.domain), "order_id": .string(String(away.orderId))]))
            } catch {
                return json(.object(["error": .string(error.message)]), status: 400)
            }
        case "/_sim/price", "/_sim/balance", "/_sim/domain":
            do {
                let controls = SimControls(state: state)
                switch path {
                case "/_sim/price": return json(try controls.price(query))
                case "/_sim/balance": return json(try controls.balance(query))
                default: return json(try controls.domain(query))
                }
            } catch {
                return json(.object(["error": .string(error.message)]), status: 400)
            }
        default:
            return json(.object(["error": .string("unknown path \(path)")]), status: 404)
        }
    }

    /// Splits `a=1&b=x%20y` into decoded pairs; the first of a repeated name wins.
    static func parseQuery(_ query: Substring) -> [String: String] {
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let plus = s.replacingOccurrences(of: "+", with: " ")
                return plus.removingPercentEncoding ?? plus
            }
            let name = decode(parts[0])
            guard !name.isEmpty, result[name] == nil else { continue }
            result[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return result
    }
}
