import Foundation
import Synchronization
import Testing
@testable import DynadotAPI

/// The per-minute half of the limiter and the time estimate built on it.
/// Time is the virtual clock's: nothing here waits for real.
@Suite struct RateLimitTests {
    @Test func tierTableHoldsConcurrencyAndRate() {
        #expect(AccountTier.regular.limits == (1, 60))
        #expect(AccountTier.bulk.limits == (5, 600))
        #expect(AccountTier.superBulk.limits == (25, 6_000))
        #expect(AccountTier.bulk.requestsPerMinute == 600)
        #expect(AccountTier.superBulk.concurrency == 25)
    }

    @Test func windowAllowsABurstThenTheRate() {
        var window = RequestRateWindow(perMinute: 3)
        #expect([0, 0, 0, 0].map { window.reserve(now: $0) } == [0, 0, 0, 60])
        // The next waits for the second of the burst to age out, not for "now".
        #expect(window.reserve(now: 10) == 60)
        #expect(window.reserve(now: 200) == 200)
    }

    @Test func windowNeverHoldsMoreThanItsRateInAnyMinute() {
        var random = SplitMix(seed: 42)
        for perMinute in [1, 5, 60] {
            var window = RequestRateWindow(perMinute: perMinute)
            var now = 0.0
            var times: [Double] = []
            for _ in 0..<500 {
                now += Double(random.next() % 4000) / 1000   // 0…4 s between asks
                let at = window.reserve(now: now)
                #expect(at >= now)
                if let last = times.last { #expect(at >= last) }
                // As early as the rule allows: now, the previous send, or a minute after the one `perMinute` back.
                let earliest = max(now, times.last ?? now, times.count >= perMinute ? times[times.count - perMinute] + 60 : now)
                #expect(at == earliest)
                times.append(at)
            }
            // (Within a rounding error: t + 60 − t is not always exactly 60 in floating point.)
            for i in perMinute..<times.count {
                #expect(times[i] - times[i - perMinute] >= 60 - 1e-9)
            }
        }
    }

    @Test func clientHoldsToTheRateOnItsClock() async throws {
        let clock = VirtualClock()
        let sendTimes = Mutex<[Double]>([])
        let transport = ScriptedTransport { _, _ in
            sendTimes.withLock { $0.append(clock.now) }
            return HTTPReply(status: 200, body: Data(envelope("GetAccountBalanceResponse").utf8))
        }
        let client = try makeClient(transport, clock: clock, requestsPerMinute: 60)
        for _ in 0..<130 { _ = try await client.send(APIRequest("get_account_balance")) }
        let times = sendTimes.withLock { $0 }
        #expect(times.count == 130)
        #expect(times.filter { $0 == 0 }.count == 60, "a full minute's burst goes at once")
        for i in 60..<times.count {
            #expect(times[i] - times[i - 60] >= 60)
        }
        #expect(times.last == 120, "no waiting beyond what the rate requires")
    }

    @Test func noRateMeansNoWaiting() async throws {
        let clock = VirtualClock()
        let transport = ScriptedTransport(always: envelope("GetAccountBalanceResponse"))
        let client = try makeClient(transport, clock: clock)
        for _ in 0..<200 { _ = try await client.send(APIRequest("get_account_balance")) }
        #expect(clock.sleeps.isEmpty)
    }

    @Test func estimateFollowsTheSlowerLimit() throws {
        let transport = ScriptedTransport(always: envelope("GetAccountBalanceResponse"))
        // Regular: ~100 calls take about two minutes, bound by the rate.
        let regular = try makeClient(transport, concurrency: 1, requestsPerMinute: 60)
        #expect(regular.estimatedSeconds(forRequests: 100) == 100)
        #expect(regular.estimatedSeconds(forRequests: 0) == 0)
        #expect(regular.estimatedSeconds(forRequests: -3) == 0)
        // No rate: bound by the concurrency at the assumed answer time.
        let open = try makeClient(transport, concurrency: 5)
        #expect(open.estimatedSeconds(forRequests: 100) == 100 * PaceEstimate.assumedAnswerSeconds / 5)
    }

    @Test func estimateLearnsHowFastDynadotAnswers() async throws {
        let clock = VirtualClock()
        let transport = ScriptedTransport { _, _ in
            try await clock.sleep(seconds: 2)   // every answer takes two (virtual) seconds
            return HTTPReply(status: 200, body: Data(envelope("GetAccountBalanceResponse").utf8))
        }
        let client = try makeClient(transport, clock: clock, concurrency: 2, requestsPerMinute: 600)
        for _ in 0..<3 { _ = try await client.send(APIRequest("get_account_balance")) }
        // 30 calls: the rate allows 3 s, two at a time at 2 s each take 30 s.
        #expect(abs(client.estimatedSeconds(forRequests: 30) - 30) < 1e-9)
    }
}

/// A tiny deterministic generator for the property test.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
