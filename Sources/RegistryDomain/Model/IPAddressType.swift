/// The IP address types an API's endpoint accepts.
public enum IPAddressType: String, Sendable, Codable, CaseIterable {
    case ipv4 = "ipv4"
    case dualstack = "dualstack"
}
