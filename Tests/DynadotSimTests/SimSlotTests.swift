import Foundation
import Synchronization
import Testing
@testable import DynadotSim

/// The simulator's tier slots: waiters are served first in, first out, and a
/// waiter that gave up is skipped.
@Suite struct SimSlotTests {
    @Test func slotsAreHandedToWaitersInOrder() throws {
        let configuration = testConfiguration(domains: 1, tier: .regular)
        let core = SimCore(configuration: configuration, state: SimServer(configuration: configuration).state)
        let served = Mutex<[Int]>([])
        #expect(core.acquireSlot { served.withLock { $0.append(0) } } == nil)  // regular: one slot, taken at once
        let first = core.acquireSlot { served.withLock { $0.append(1) } }
        let second = core.acquireSlot { served.withLock { $0.append(2) } }
        let third = core.acquireSlot { served.withLock { $0.append(3) } }
        #expect(first != nil && second != nil && third != nil)
        #expect(core.withdraw(try #require(second)))  // timed out while waiting
        core.releaseSlot()
        #expect(served.withLock { $0 } == [1])
        core.releaseSlot()
        #expect(served.withLock { $0 } == [1, 3])
        #expect(!core.withdraw(try #require(third)))  // already served
        core.releaseSlot()
        #expect(core.tryAcquireSlot())
        #expect(!core.tryAcquireSlot())
    }
}
