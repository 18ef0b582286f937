/// A parsed ARN: `arn:partition:service:region:account:resource`.
public struct AmazonResourceName: Hashable, Sendable {
    /// `aws`, `aws-cn` or `aws-us-gov`.
    public let partition: String
    /// The service namespace (`lambda`, `elasticloadbalancing`, …).
    public let service: String
    /// The region, possibly empty for global resources.
    public let region: String
    /// The account id, possibly empty.
    public let account: String
    /// Everything after the fifth colon.
    public let resource: String

    /// Parses `text` as an ARN; `nil` if it does not have the six colon-separated parts.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", ["aws", "aws-cn", "aws-us-gov"].contains(parts[1]),
            !parts[2].isEmpty, !parts[5].isEmpty,
            text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
        else { return nil }
        partition = String(parts[1])
        service = String(parts[2])
        region = String(parts[3])
        account = String(parts[4])
        resource = String(parts[5])
    }

    /// Whether the region looks like an AWS region (`us-east-1`).
    public var hasRegion: Bool { !region.isEmpty && region.utf8.allSatisfy { $0 == 0x2D || isAlnum($0) } }
    /// Whether the account is twelve digits.
    public var hasAccount: Bool { account.utf8.count == 12 && account.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    private func isAlnum(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A)
    }
}
