/// Stable logical IDs: kind + a readable name + 8 hex digits of a hash of the entity's identity.
///
/// A resource's ID depends only on its own entity, so adding, renaming or deleting one route
/// never changes another resource's ID, and a redeployed template replaces nothing else.
enum LogicalID {
    /// The longest readable part kept, so IDs stay well under CloudFormation's 255 characters.
    static let maximumReadableLength = 64

    /// An ID for the entity of `kind` named `readable` whose registry identity is `identity`.
    static func make(_ kind: String, _ readable: String, identity: String) -> String {
        var letters: [UInt8] = []
        letters.reserveCapacity(min(readable.utf8.count, maximumReadableLength))
        for byte in readable.utf8 where letters.count < maximumReadableLength {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                letters.append(byte)
            default: continue
            }
        }
        return kind + String(decoding: letters, as: UTF8.self) + hash8(identity)
    }

    /// FNV-1a (32 bits) of the UTF-8 bytes, as 8 uppercase hex digits.
    static func hash8(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16, uppercase: true)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
