import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The production transport: FoundationNetworking's `URLSession` (libcurl on
/// Linux), which ships with the toolchain.
///
/// Ordinary requests share one session with keep-alive. A request marked
/// `freshConnection` (money commands) gets a session of its own that is
/// invalidated afterwards: libcurl silently resends a GET when a *reused*
/// keep-alive connection dies before the answer, which for `renew` would be a
/// double charge. On a connection that was never used before, it does not.
public final class URLSessionTransport: Transport, Sendable {
    private let shared: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 32
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        shared = URLSession(configuration: configuration)
    }

    deinit { shared.finishTasksAndInvalidate() }

    public func get(_ request: HTTPGet) async throws -> HTTPReply {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = "GET"
        urlRequest.timeoutInterval = request.timeout
        urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
        let session: URLSession
        if request.freshConnection {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = 1
            configuration.urlCache = nil
            configuration.httpCookieStorage = nil
            configuration.timeoutIntervalForRequest = request.timeout
            session = URLSession(configuration: configuration)
            urlRequest.setValue("close", forHTTPHeaderField: "Connection")
        } else {
            session = shared
        }
        defer { if request.freshConnection { session.finishTasksAndInvalidate() } }
        do {
            let (data, response) = try await session.data(for: urlRequest)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            return HTTPReply(status: status, body: data)
        } catch let error as URLError {
            throw Self.classify(error, redactedURL: request.redactedURL)
        } catch let error as DynadotError {
            throw error
        } catch {
            throw DynadotError.transport(.other, detail: "\(type(of: error))")
        }
    }

    /// Maps a URLError to a transport failure. The URLError's own description
    /// embeds the URL (with the key), so only its code is used.
    static func classify(_ error: URLError, redactedURL: String) -> DynadotError {
        let host = URL(string: redactedURL)?.host ?? "the endpoint"
        switch error.code {
        case .timedOut:
            return .transport(.timeout, detail: "no answer from \(host)")
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
            return .transport(.refused, detail: "cannot reach \(host)")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return .transport(.tls, detail: "TLS handshake with \(host) failed; if the server on that port speaks plain HTTP, the endpoint's https:// does not match it")
        case .networkConnectionLost, .badServerResponse, .zeroByteResource:
            return .transport(.connectionLost, detail: "connection to \(host) closed without an answer")
        case .cannotParseResponse, .cannotDecodeRawData, .cannotDecodeContentData:
            return .transport(.other, detail: "\(host) did not answer in HTTP that could be read — check that the endpoint's scheme (http:// or https://) and port match the server")
        case .badURL, .unsupportedURL:
            return .transport(.other, detail: "the endpoint URL for \(host) cannot be used (check its scheme and its port: 1 to 65535)")
        case .unknown:
            return .transport(.other, detail: "the connection to \(host) failed — check the endpoint's port, and that its scheme (http:// or https://) matches the server (a TLS mismatch fails this way)")
        case .userAuthenticationRequired, .userCancelledAuthentication:
            return .transport(.other, detail: "\(host) asked for a login; the endpoint is not the Dynadot API")
        case .httpTooManyRedirects, .redirectToNonExistentLocation:
            return .transport(.other, detail: "\(host) redirected too often or to nowhere; check the endpoint URL")
        case .dataLengthExceedsMaximum:
            return .transport(.other, detail: "the answer from \(host) was too large")
        case .cancelled:
            return .transport(.other, detail: "the request to \(host) was cancelled")
        default:
            return .transport(.other, detail: "the connection to \(host) failed (URL error \(error.code.rawValue)) — check the endpoint URL, its port and the network")
        }
    }
}
