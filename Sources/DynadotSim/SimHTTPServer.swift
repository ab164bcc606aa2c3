import Foundation
import NIOCore
import NIOHTTP1

/// One connection's HTTP handler: collects a request, then answers it via
/// `SimCore`, with keep-alive. The HTTP pipeline handler in front of it
/// holds back pipelined requests until each answer is written, so delayed
/// answers (latency, tier queue) stay in order.
final class SimHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let core: SimCore
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(core: SimCore) {
        self.core = core
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body.removeAll(keepingCapacity: true)
        case .body(var buffer):
            if body.count < 1_000_000, let bytes = buffer.readBytes(length: buffer.readableBytes) { body += bytes }
        case .end:
            guard let requestHead = head else { return }
            head = nil
            handle(context: context, head: requestHead)
        }
    }

    private func handle(context: ChannelHandlerContext, head: HTTPRequestHead) {
        let uri = head.uri
        let questionMark = uri.firstIndex(of: "?")
        let path = String(uri[..<(questionMark ?? uri.endIndex)])
        let query = questionMark.map { SimCore.parseQuery(uri[uri.index(after: $0)...]) } ?? [:]
        let keepAlive = head.isKeepAlive
        if path.hasPrefix("/_sim/") {
            write(context: context, core.answerControl(path: path, method: head.method.rawValue, query: query, body: body), keepAlive: keepAlive)
            return
        }
        guard path == "/api3.json" else {
            write(context: context, SimHTTPAnswer(status: 404, contentType: "text/plain", body: Array("not found\n".utf8)), keepAlive: keepAlive)
            return
        }
        let decision = core.dice.decide(command: query["command"] ?? "")
        waitForSlot(context: context, query: query, decision: decision, keepAlive: keepAlive)
    }

    /// Waits for one of the tier's slots in line (first in, first out), as
    /// the provider queues requests, and gives up with `system_busy` after
    /// the configured wait.
    private func waitForSlot(context: ChannelHandlerContext, query: [String: String], decision: FaultDecision, keepAlive: Bool) {
        let limit = core.configuration.busyWaitMilliseconds
        guard limit > 0 else {
            if core.tryAcquireSlot() {
                answerHoldingSlot(context: context, query: query, decision: decision, keepAlive: keepAlive)
            } else {
                write(context: context, core.answerQueueFull(query), keepAlive: keepAlive)
            }
            return
        }
        let loop = context.eventLoop
        let bound = NIOLoopBound((self, context), eventLoop: loop)
        let ticket = core.acquireSlot {
            // Handed a slot by whoever released it: answer on this connection's loop.
            loop.execute {
                let (handler, context) = bound.value
                handler.answerHoldingSlot(context: context, query: query, decision: decision, keepAlive: keepAlive)
            }
        }
        guard let ticket else {
            answerHoldingSlot(context: context, query: query, decision: decision, keepAlive: keepAlive)
            return
        }
        loop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(limit))) {
            if self.core.withdraw(ticket) {
                self.write(context: context, self.core.answerQueueFull(query), keepAlive: keepAlive)
            }
        }
    }

    private func answerHoldingSlot(context: ChannelHandlerContext, query: [String: String], decision: FaultDecision, keepAlive: Bool) {
        let run = {
            let answer = self.core.answerAPI(query, decision: decision)
            self.core.releaseSlot()
            if answer.drop {
                context.close(promise: nil)
            } else {
                self.write(context: context, answer, keepAlive: keepAlive)
            }
        }
        if decision.delayMilliseconds > 0 {
            context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(decision.delayMilliseconds))) { run() }
        } else {
            run()
        }
    }

    private func write(context: ChannelHandlerContext, _ answer: SimHTTPAnswer, keepAlive: Bool) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: answer.contentType)
        headers.add(name: "Content-Length", value: String(answer.body.count))
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let status = HTTPResponseStatus(statusCode: answer.status)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        var buffer = context.channel.allocator.buffer(capacity: answer.body.count)
        buffer.writeBytes(answer.body)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        let promise = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: promise)
        if !keepAlive {
            promise.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }
}
