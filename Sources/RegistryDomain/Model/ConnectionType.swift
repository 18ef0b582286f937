/// Whether an integration reaches its backend over the internet or through a VPC link.
public enum ConnectionType: String, Sendable, Codable, CaseIterable {
    case internet = "INTERNET"
    case vpcLink = "VPC_LINK"
}
