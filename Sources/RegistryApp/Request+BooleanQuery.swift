import Hummingbird
import RegistryDomain

extension Request {
    /// The boolean query parameter `name` (`true` or `false`, any case), or `absent` when it is not
    /// given.
    /// - Throws: ``RegistryError/Code/badRequest`` for any other value.
    func booleanQuery(_ name: String, absent: Bool) throws(RegistryError) -> Bool {
        guard let text = uri.queryParameters.get(name) else { return absent }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw .badRequest("\(name) must be true or false, got '\(text.prefix(16))'.")
        }
    }
}
