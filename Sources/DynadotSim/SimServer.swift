import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The simulator: a generated account served as Dynadot API3 on 127.0.0.1.
///
///     let server = SimServer(configuration: SimConfiguration(domainCount: 500, seed: 7))
///     let endpoint = try await server.start()   // http://127.0.0.1:PORT/api3.json
///     defer { Task { try? await server.stop() } }
public final class SimServer: Sendable {
    public let configuration: SimConfiguration
    /// The account; read it to check what requests changed.
    public let state: SimState
    private let core: SimCore
    private let runtime = RuntimeBox()

    /// Generates the account; nothing listens until `start()`.
    public init(configuration: SimConfiguration) {
        self.configuration = configuration
        let generator = PortfolioGenerator(
            domainCount: configuration.domainCount, seed: configuration.seed, referenceDate: configuration.referenceDate,
            tier: configuration.tier, balanceCents: configuration.initialBalanceCents
        )
        var account = generator.makeAccount()
        account.backorderCatchMs = Int64(configuration.backorderCatchSeconds) * 1000
        account.transfers.stepMs = Int64(configuration.transferStepSeconds) * 1000
        // Auction end times are moments on the simulator's (wall) clock.
        let startMs = Int64(Date().timeIntervalSince1970 * 1000)
        account.openAuctions(count: configuration.auctionCount, seed: configuration.seed, nowMs: startMs)
        account.openCloseouts(count: configuration.closeoutCount, seed: configuration.seed, nowMs: startMs)
        state = SimState(account: account)
        core = SimCore(configuration: configuration, state: state)
    }

    /// Starts listening and returns the API endpoint, `http://127.0.0.1:PORT/api3.json`.
    public func start() async throws -> URL {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(2, System.coreCount))
        let core = self.core
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 512)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(SimHTTPHandler(core: core))
                }
            }
        do {
            let channel = try await bootstrap.bind(host: "127.0.0.1", port: configuration.port).get()
            runtime.set(group: group, channel: channel)
            let port = channel.localAddress?.port ?? configuration.port
            return URL(string: "http://127.0.0.1:\(port)/api3.json")!
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Stops listening, closes every connection and the log file.
    public func stop() async throws {
        guard let (group, channel) = runtime.take() else { return }
        try? await channel.close()
        try await group.shutdownGracefully()
        core.log.close()
    }

    /// The faults now in force.
    public var faults: SimFaults { core.dice.current }

    /// Replaces the faults for the requests that follow.
    public func setFaults(_ faults: SimFaults) {
        core.dice.set(faults)
    }

    /// Sets a TLD's yearly renew price in USD cents, as `/_sim/price` does;
    /// throws for a TLD the simulator does not sell or a negative price.
    public func setRenewPrice(tld: String, cents: Int) throws(SimControlError) {
        _ = try SimControls(state: state).setPrice(tld: tld, renew: cents)
    }

    /// Sets any of a TLD's yearly prices in USD cents; the others stay.
    public func setPrice(tld: String, register: Int? = nil, renew: Int? = nil, transfer: Int? = nil) throws(SimControlError) {
        _ = try SimControls(state: state).setPrice(tld: tld, register: register, renew: renew, transfer: transfer)
    }

    /// Sets the account balance in USD cents, as `/_sim/balance` does;
    /// throws for a negative amount.
    public func setBalance(cents: Int) throws(SimControlError) {
        _ = try SimControls(state: state).setBalance(cents: cents)
    }

    /// Changes one domain outside the API, as someone using Dynadot's web
    /// panel would (`/_sim/domain` over HTTP); throws for an unknown name.
    public func editDomain(_ name: String, _ change: (inout SimDomain) -> Void) throws(SimControlError) {
        _ = try SimControls(state: state).editDomain(name, change)
    }

    /// Takes a domain out of the account (`/_sim/domain?remove=yes`).
    public func removeDomain(_ name: String) throws(SimControlError) {
        _ = try SimControls(state: state).domain(["name": name, "remove": "yes"])
    }

    /// The second account (`SimConfiguration.peerApiKey`), if any.
    public var peerState: SimState? { core.peerState }

    /// Another registrar asks to transfer `name` away (`/_sim/transfer-away?domain=`);
    /// returns the new order's id.
    @discardableResult
    public func requestTransferAway(_ name: String) throws(SimControlError) -> Int {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        return try state.mutate { (account) throws(SimControlError) -> Int in try account.requestTransferAway(name, nowMs: now).orderId }
    }

    /// The most recent requests, oldest first (the key is never recorded).
    public var recentRequests: [SimRequestRecord] { core.log.records }

    /// The `/_sim/state` document.
    public func stateJSON() -> Data {
        Data(state.read { SimStateDump.bytes($0) })
    }
}

/// The running group and listening channel, set by `start` and taken by `stop`.
private final class RuntimeBox: Sendable {
    private let running = Mutex<(group: MultiThreadedEventLoopGroup, channel: any Channel)?>(nil)

    func set(group: MultiThreadedEventLoopGroup, channel: any Channel) {
        running.withLock { $0 = (group, channel) }
    }

    func take() -> (MultiThreadedEventLoopGroup, any Channel)? {
        running.withLock { running in
            defer { running = nil }
            return running.map { ($0.group, $0.channel) }
        }
    }
}
