import Hummingbird

/// The request context of `serve`: Hummingbird's basic one with our body limit.
struct WebRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage

    init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Request bodies are at most 10 MB (DESIGN §15).
    var maxUploadSize: Int { WebServer.maxBodySize }
}
