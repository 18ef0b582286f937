/// Who a write is made for and in answer to which request: what its change record names.
///
/// The HTTP layer binds it for each request (``current``); writes made elsewhere (the `seed`
/// command, tests) bind their own or get ``anonymous``.
public struct ChangeOrigin: Hashable, Sendable {
    /// The principal's name (never a credential); `anonymous` when the service runs open.
    public var principal: String
    /// The request id echoed in `x-amzn-RequestId`, or `nil` outside a request.
    public var requestID: String?

    /// Creates an origin.
    public init(principal: String, requestID: String? = nil) {
        self.principal = principal
        self.requestID = requestID
    }

    /// The origin of writes made without a signed-in principal.
    public static let anonymous = ChangeOrigin(principal: "anonymous")

    /// The origin of the writes the current task makes.
    @TaskLocal public static var current = ChangeOrigin.anonymous
}
