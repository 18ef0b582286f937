import Foundation
import RegistryDomain
import Testing

@testable import RegistryAuth

/// SigV4 verification against requests signed by botocore (the AWS SDK for Python), recorded in
/// `Fixtures/botocore-sigv4.json`, and against every way of getting one wrong.
@Suite struct SigV4VerifierTests {
    struct Vectors: Decodable {
        struct Request: Decodable {
            let method: String
            let path: String
            let query: String
            let host: String
            let headers: [[String]]
            let bodySHA256: String
            let region: String
        }
        let secret: String
        let accessKeyId: String
        let now: String
        let requests: [Request]
    }

    static let vectors: Vectors = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/botocore-sigv4.json")
        return try! JSONDecoder().decode(Vectors.self, from: Data(contentsOf: file))
    }()

    static func configuration(secret: String = vectors.secret, role: String = "editor") throws -> AuthConfiguration {
        let json =
            #"{"principals":[{"name":"deployer","role":"\#(role)","accessKeys":[{"accessKeyId":"\#(vectors.accessKeyId)","secretAccessKey":"\#(secret)"}]}]}"#
        return try AuthConfiguration(json: Data(json.utf8))
    }

    static func signed(_ index: Int) -> (SignedRequest, String) {
        let vector = vectors.requests[index]
        let headers = vector.headers.map { (name: $0[0], value: $0[1]) }
        let request = SignedRequest(
            method: vector.method, rawPath: vector.path, rawQuery: vector.query, host: vector.host, headers: headers,
            bodySHA256: vector.bodySHA256)
        return (request, headers.first { $0.name == "authorization" }!.value)
    }

    static let now = SigV4Verifier.timestamp(vectors.now)!

    @Test(arguments: 0..<5)
    func botocoreSignaturesVerify(index: Int) throws {
        let (request, authorization) = Self.signed(index)
        let principal = try SigV4Verifier(configuration: Self.configuration())
            .verify(request, authorization: authorization, now: Self.now)
        #expect(principal.name == "deployer")
    }

    enum Tamper: String, CaseIterable {
        case method, path, query, body, host, header, secret
    }

    @Test(arguments: Tamper.allCases)
    func anyChangeBreaksTheSignature(tamper: Tamper) throws {
        for index in 0..<5 {
            var (request, authorization) = Self.signed(index)
            var configuration = try Self.configuration()
            switch tamper {
            case .method: request.method = request.method == "GET" ? "DELETE" : "GET"
            case .path: request.rawPath += "x"
            case .query: request.rawQuery = request.rawQuery.isEmpty ? "a=b" : request.rawQuery + "1"
            case .body: request.bodySHA256 = RequestAuthenticator.sha256Hex(Array("tampered".utf8))
            case .host: request.host = "evil.example:8080"
            case .header:
                request.headers = request.headers.map { $0.name == "x-amz-date" ? ($0.name, "20261124T164445Z") : $0 }
            case .secret: configuration = try Self.configuration(secret: "not-the-secret")
            }
            expectCode(.invalidSignature) {
                _ = try SigV4Verifier(configuration: configuration)
                    .verify(request, authorization: authorization, now: Self.now)
            }
        }
    }

    @Test(arguments: [(14, true), (-14, true), (16, false), (-16, false), (20, false)])
    func signaturesAreValidForFifteenMinutes(minutes: Int, accepted: Bool) throws {
        let (request, authorization) = Self.signed(0)
        let now = Timestamp(millisecondsSinceEpoch: Self.now.millisecondsSinceEpoch + Int64(minutes) * 60_000)
        let verifier = SigV4Verifier(configuration: try Self.configuration())
        if accepted {
            _ = try verifier.verify(request, authorization: authorization, now: now)
        } else {
            expectCode(.invalidSignature) {
                _ = try verifier.verify(request, authorization: authorization, now: now)
            }
        }
    }

    @Test func unknownAccessKeyIsUnrecognized() throws {
        let (request, authorization) = Self.signed(0)
        let other = authorization.replacingOccurrences(of: "AKIDEXAMPLE", with: "AKIDOTHER")
        expectCode(.unrecognizedClient) {
            _ = try SigV4Verifier(configuration: Self.configuration()).verify(
                request, authorization: other, now: Self.now)
        }
    }

    @Test(arguments: [
        "AWS4-HMAC-SHA256",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261124/us-east-1/apigateway/aws4_request",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261124/us-east-1/s3/aws4_request, SignedHeaders=host, Signature="
            + String(repeating: "a", count: 64),
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/2026/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature="
            + String(repeating: "a", count: 64),
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261124/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=xyz",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261124/us-east-1/apigateway/aws4_request, SignedHeaders=x-amz-date, Signature="
            + String(repeating: "a", count: 64),
    ])
    func malformedAuthorizationIsAnInvalidSignature(header: String) throws {
        let (request, _) = Self.signed(0)
        expectCode(.invalidSignature) {
            _ = try SigV4Verifier(configuration: Self.configuration()).verify(
                request, authorization: header, now: Self.now)
        }
    }

    @Test(arguments: [
        ("/v2/apis/x/stages/%24default", "/v2/apis/x/stages/%2524default"), ("/", "/"), ("/a/./b/../c", "/a/c"),
        ("/v2/tags/arn%3Aaws%3A%2Fapis", "/v2/tags/arn%253Aaws%253A%252Fapis"), ("/a b", "/a%20b"),
    ])
    func canonicalURIEncodesThePathOnceMore(path: String, canonical: String) {
        #expect(SigV4Verifier.canonicalURI(path) == canonical)
    }

    @Test(arguments: [
        ("b=2&a=1", "a=1&b=2"), ("tagKeys=b&tagKeys=a", "tagKeys=a&tagKeys=b"), ("x", "x="), ("", ""),
        ("k=a%20b", "k=a%20b"), ("k=a+b", "k=a%2Bb"), ("k=%7e", "k=~"),
    ])
    func canonicalQuerySortsAndReencodes(query: String, canonical: String) {
        #expect(SigV4Verifier.canonicalQuery(query) == canonical)
    }
}

/// Expects `body` to throw a ``RegistryError`` with `code`.
func expectCode(
    _ code: RegistryError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) {
    let error = #expect(throws: RegistryError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error?.code == code, "\(String(describing: error))", sourceLocation: sourceLocation)
}
