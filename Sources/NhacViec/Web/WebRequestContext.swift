import Hummingbird

/// The request context of `serve`: Hummingbird's basic one with our body limit and the
/// peer's address (for the login throttle).
struct WebRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connection's remote IP address, "" when it has none (a Unix socket).
    let peer: String

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress ?? ""
    }

    /// Request bodies are at most 10 MB (DESIGN §15).
    var maxUploadSize: Int { WebServer.maxBodySize }
}
