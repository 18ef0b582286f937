import Foundation
public import RegistryDomain

/// Fixed values the tests share: ARNs of every kind of backend, valid APIs, tags, a clock.
public enum Sample {
    /// A timestamp; the rules never look at it.
    public static let epoch = Timestamp(millisecondsSinceEpoch: 1_700_000_000_000)
    /// A Lambda function ARN.
    public static let function = "arn:aws:lambda:us-east-1:123456789012:function:orders"
    /// The invocation URI of ``function``.
    public static let invocation =
        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/\(function)/invocations"
    /// An Application Load Balancer listener ARN.
    public static let albListener =
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/50dc6c495c0c9188/f2f7dc8efc522ab2"
    /// A Network Load Balancer listener ARN.
    public static let nlbListener =
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/lb/50dc6c495c0c9188/f2f7dc8efc522ab2"
    /// A Cloud Map service ARN.
    public static let cloudMapService = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abc"
    /// A WebSocket AWS integration's service action URI.
    public static let sqsAction = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue"

    /// A valid HTTP API (not stored anywhere).
    public static let httpAPI = API(
        id: APIID(uncheckedRawValue: "httpapi001"), name: "pets", protocolType: .http,
        routeSelectionExpression: API.httpRouteSelectionExpression, createdDate: epoch)

    /// A valid WebSocket API (not stored anywhere).
    public static let webSocketAPI = API(
        id: APIID(uncheckedRawValue: "wsapi00001"), name: "chat", protocolType: .websocket,
        routeSelectionExpression: "$request.body.action", createdDate: epoch)

    /// `count` distinct tags.
    public static func tags(_ count: Int) -> Tags {
        Dictionary(uniqueKeysWithValues: (0..<count).map { ("key\($0)", "value\($0)") })
    }

    /// The use cases' clock in tests: the wall clock, in whole milliseconds.
    @Sendable public static func now() -> Timestamp {
        Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }
}
