public import Hummingbird
public import RegistryAuth

/// The per-request context: Hummingbird's core storage plus the request id, the trace it belongs
/// to and the AWS region the caller addressed.
public struct RegistryRequestContext: RequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The id echoed in `x-amzn-RequestId` and the log line.
    public var requestID: String = ""
    /// The request's place in a distributed trace (W3C `traceparent`).
    public var trace: TraceContext?
    /// The region from the caller's SigV4 credential scope, or the configured default.
    public var region: String = "us-east-1"
    /// Who sent the request, once authenticated (`nil` in open mode and for `/healthz`).
    public var principal: Principal?
    /// What the inner middlewares report to the outer ones.
    let outcome = RequestOutcome()

    /// Creates a context for a new request.
    public init(source: Source) { self.coreContext = .init(source: source) }
}
