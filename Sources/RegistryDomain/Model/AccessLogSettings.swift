/// Where and how a stage writes access logs.
public struct AccessLogSettings: Hashable, Sendable, Codable {
    /// The ARN of the CloudWatch Logs log group or Firehose stream.
    public var destinationArn: String?
    /// The log line format.
    public var format: String?

    /// Creates access-log settings.
    public init(destinationArn: String? = nil, format: String? = nil) {
        self.destinationArn = destinationArn
        self.format = format
    }
}
