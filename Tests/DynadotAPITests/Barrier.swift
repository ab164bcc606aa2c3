import Synchronization

/// Holds the first `size` arrivals until all of them have arrived (or
/// `open()` is called); later arrivals pass at once.
final class Barrier: Sendable {
    private let size: Int
    private let state = Mutex<(arrived: Int, open: Bool, waiting: [CheckedContinuation<Void, Never>])>((0, false, []))

    init(size: Int) { self.size = size }

    func arrive() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { s -> [CheckedContinuation<Void, Never>] in
                if s.open { return [continuation] }
                s.arrived += 1
                s.waiting.append(continuation)
                guard s.arrived >= size else { return [] }
                s.open = true
                defer { s.waiting = [] }
                return s.waiting
            }
            for waiter in ready { waiter.resume() }
        }
    }

    func open() {
        let ready = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.open = true
            defer { s.waiting = [] }
            return s.waiting
        }
        for waiter in ready { waiter.resume() }
    }
}
