import RegistryDomain
import Testing

/// Classification of integration URIs, and the ARN parser underneath it.
@Suite("Integration targets")
struct IntegrationTargetTests {
    static let function = "arn:aws:lambda:us-east-1:123456789012:function:orders"
    static let invocationPrefix = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
    static let albListener =
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/50dc6c495c0c9188/f2f7dc8efc522ab2"
    static let nlbListener =
        "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/lb/50dc6c495c0c9188/f2f7dc8efc522ab2"
    static let cloudMapService = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abc"

    /// URIs and what they classify as (`nil`: not a kind API Gateway accepts).
    static let classifications: [(uri: String, target: IntegrationTarget?)] = [
        // Lambda function ARNs.
        (function, .lambdaFunction(functionARN: function)),
        (function + ":live", .lambdaFunction(functionARN: function + ":live")),
        (
            "arn:aws-cn:lambda:cn-north-1:123456789012:function:f",
            .lambdaFunction(functionARN: "arn:aws-cn:lambda:cn-north-1:123456789012:function:f")
        ),
        (
            "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f",
            .lambdaFunction(functionARN: "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f")
        ),
        (function + ":live:extra", nil),
        ("arn:aws:lambda:us-east-1:123456789012:function:", nil),
        ("arn:aws:lambda:us-east-1:123456789012:function:f:", nil),
        ("arn:aws:lambda:us-east-1:12345678901:function:f", nil),
        ("arn:aws:lambda:us-east-1:1234567890123:function:f", nil),
        ("arn:aws:lambda:us-east-1:12345678901a:function:f", nil),
        ("arn:aws:lambda:us-east-1::function:f", nil),
        ("arn:aws:lambda::123456789012:function:f", nil),
        ("arn:aws:lambda:US-EAST-1:123456789012:function:f", nil),
        ("arn:aws:lambda:us-east-1:123456789012:layer:f", nil),
        ("arn:other:lambda:us-east-1:123456789012:function:f", nil),
        ("ARN:aws:lambda:us-east-1:123456789012:function:f", nil),
        ("arn:aws:lambda:us-east-1:123456789012:function:my fn", nil),
        // Invocation URIs.
        (invocationPrefix + function + "/invocations", .lambdaInvocation(functionARN: function)),
        (invocationPrefix + function + ":live/invocations", .lambdaInvocation(functionARN: function + ":live")),
        (invocationPrefix + function, nil),
        (invocationPrefix + "arn:aws:lambda:us-east-1:12345:function:f/invocations", nil),
        (invocationPrefix + "arn:aws:sqs:us-east-1:123456789012:queue/invocations", nil),
        (invocationPrefix + "not-an-arn/invocations", nil),
        ("arn:aws:apigateway:us-east-1:lambda:path/2016-01-01/functions/" + function + "/invocations", nil),
        ("arn:aws:apigateway:us-east-1:lambda:action/Invoke", nil),
        // Other AWS service actions.
        ("arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue", .awsServiceAction),
        ("arn:aws:apigateway:us-east-1:dynamodb:action/PutItem", .awsServiceAction),
        ("arn:aws:apigateway::sqs:path/123456789012/queue", nil),
        // URLs.
        ("https://example.com", .url),
        ("https://example.com/pets?limit=1#top", .url),
        ("http://10.0.0.1:8080/x", .url),
        ("https://user@example.com/", .url),
        ("http://", nil),
        ("https://", nil),
        ("http:///path", nil),
        ("https://:8080/x", nil),
        ("https://?q", nil),
        ("https://exa mple.com", nil),
        ("https://example.com/\u{7F}", nil),
        ("ftp://x", nil),
        ("example.com", nil),
        ("//example.com", nil),
        // Load balancer listeners.
        (albListener, .applicationLoadBalancerListener),
        (nlbListener, .networkLoadBalancerListener),
        ("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/50dc6c495c0c9188", nil),
        ("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/50dc6c495c0c9188/f2/extra", nil),
        ("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/lb/50dc6c495c0c9188", nil),
        ("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/gwy/lb/50dc6c495c0c9188/f2f7dc8e", nil),
        ("arn:aws:elasticloadbalancing:us-east-1:12345678901:listener/app/lb/50dc6c495c0c9188/f2f7dc8e", nil),
        ("arn:aws:elasticloadbalancing:us-east-1::listener/net/lb/50dc6c495c0c9188/f2f7dc8e", nil),
        // Cloud Map services.
        (cloudMapService, .cloudMapService),
        ("arn:aws:servicediscovery:us-east-1:123456789012:service/srv-", nil),
        ("arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abc", nil),
        ("arn:aws:servicediscovery:us-east-1:1234567890:service/srv-abc", nil),
        // Garbage.
        ("", nil),
        ("garbage", nil),
        ("arn:aws:lambda", nil),
        ("arn:aws:s3:::bucket", nil),
        ("arn:aws:dynamodb:us-east-1:123456789012:table/orders", nil),
        ("arn:aws::us-east-1:123456789012:function:f", nil),
        ("arn:aws:lambda:us-east-1:123456789012:", nil),
    ]

    @Test("URIs classify as the kind of backend they name", arguments: classifications)
    func classify(uri: String, target: IntegrationTarget?) {
        #expect(IntegrationTarget(uri: uri) == target)
    }

    @Test(
        "only load balancer listeners and Cloud Map services are private resources",
        arguments: [
            (IntegrationTarget.applicationLoadBalancerListener, true),
            (.networkLoadBalancerListener, true),
            (.cloudMapService, true),
            (.url, false),
            (.awsServiceAction, false),
            (.lambdaFunction(functionARN: function), false),
            (.lambdaInvocation(functionARN: function), false),
        ])
    func privateResource(target: IntegrationTarget, isPrivate: Bool) {
        #expect(target.isPrivateResource == isPrivate)
    }

    @Test("an ARN splits into its six parts, the resource keeping its colons")
    func arnParts() throws {
        let arn = try #require(AmazonResourceName("arn:aws:lambda:us-east-1:123456789012:function:f:live"))
        #expect(arn.partition == "aws")
        #expect(arn.service == "lambda")
        #expect(arn.region == "us-east-1")
        #expect(arn.account == "123456789012")
        #expect(arn.resource == "function:f:live")
        #expect(arn.hasRegion)
        #expect(arn.hasAccount)
    }

    @Test(
        "text that is not an ARN does not parse",
        arguments: [
            "", "arn", "arn:aws:lambda:us-east-1:123456789012", "arn:aws::us-east-1:1:x", "arn:aws:lambda:r:1:",
            "arn:azure:lambda:r:1:x", "urn:aws:lambda:r:1:x", "arn:aws:lambda:r:1:x y", "arn:aws:lambda:r:1:x\u{0}",
        ])
    func notAnARN(text: String) {
        #expect(AmazonResourceName(text) == nil)
    }

    @Test("global resources have no region and no account")
    func globalResource() throws {
        let arn = try #require(AmazonResourceName("arn:aws:iam::123456789012:role/deploy"))
        #expect(!arn.hasRegion)
        #expect(arn.hasAccount)
        let bucket = try #require(AmazonResourceName("arn:aws:s3:::bucket"))
        #expect(!bucket.hasAccount)
    }
}
