import Foundation
import RegistryDomain

/// A strict RFC 8259 syntax check run before decoding a request body.
///
/// Foundation's decoder is lenient (it accepts trailing commas, for one), while AWS refuses any
/// body that is not exactly JSON. This check also refuses what a hostile client could use to make
/// the decoder work hard or guess: nesting deeper than ``maximumDepth``, duplicate member names,
/// invalid UTF-8, and control characters or NUL inside strings.
struct StrictJSONValidator {
    /// The deepest nesting of objects and arrays accepted.
    static let maximumDepth = 64

    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Checks that `bytes` is one JSON object and nothing else.
    /// - Throws: ``RegistryError/Code/badRequest`` saying what is wrong and where.
    static func validateObject(_ bytes: [UInt8]) throws(RegistryError) {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw .badRequest("Malformed JSON in the request body: it is not valid UTF-8.")
        }
        var validator = StrictJSONValidator(bytes)
        validator.skipWhitespace()
        guard validator.peek == UInt8(ascii: "{") else {
            throw .badRequest("Malformed JSON in the request body: expected a JSON object.")
        }
        try validator.value(depth: 0)
        validator.skipWhitespace()
        guard validator.index == bytes.count else { throw validator.failure("unexpected data after the object") }
    }

    /// Checks that a model's schema is one JSON object, as a JSON schema is.
    /// - Throws: ``RegistryError/Code/badRequest`` saying what is wrong and where in the schema.
    static func validateSchema(_ text: String) throws(RegistryError) {
        do {
            try validateObject(Array(text.utf8))
        } catch {
            throw .badRequest(
                "Invalid model schema: "
                    + error.message.replacingOccurrences(
                        of: "Malformed JSON in the request body", with: "malformed JSON"))
        }
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func failure(_ what: String) -> RegistryError {
        .badRequest("Malformed JSON in the request body at byte \(index): \(what).")
    }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(RegistryError) {
        guard peek == byte else { throw failure("expected '\(Character(UnicodeScalar(byte)))'") }
        index += 1
    }

    private mutating func value(depth: Int) throws(RegistryError) {
        skipWhitespace()
        guard let byte = peek else { throw failure("unexpected end") }
        switch byte {
        case UInt8(ascii: "{"):
            guard depth < Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
            try object(depth: depth + 1)
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
            try array(depth: depth + 1)
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
    }

    private mutating func object(depth: Int) throws(RegistryError) {
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return
        }
        var names = Set<[UInt8]>()
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a member name") }
            let name = try string()
            guard names.insert(name).inserted else {
                throw failure("duplicate member '\(String(decoding: name.prefix(64), as: UTF8.self))'")
            }
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            try value(depth: depth)
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "}"))
            return
        }
    }

    private mutating func array(depth: Int) throws(RegistryError) {
        index += 1
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try value(depth: depth)
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "]"))
            return
        }
    }

    /// Reads a string and returns its raw (still escaped) bytes, which is enough to compare names.
    private mutating func string() throws(RegistryError) -> [UInt8] {
        index += 1
        let start = index
        while let byte = peek {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return Array(bytes[start..<index - 1])
            case UInt8(ascii: "\\"):
                index += 1
                guard let escaped = peek else { throw failure("unterminated escape") }
                if escaped == UInt8(ascii: "u") {
                    let digits = bytes[min(index + 1, bytes.count)..<min(index + 5, bytes.count)]
                    guard digits.count == 4, digits.allSatisfy({ $0.isHexDigit }) else {
                        throw failure("invalid \\u escape")
                    }
                    guard !digits.allSatisfy({ $0 == UInt8(ascii: "0") }) else {
                        throw failure("NUL characters are not allowed")
                    }
                    index += 5
                } else {
                    guard Array("\"\\/bfnrt".utf8).contains(escaped) else { throw failure("invalid escape") }
                    index += 1
                }
            case 0x00..<0x20:
                throw failure("control character in a string")
            default:
                index += 1
            }
        }
        throw failure("unterminated string")
    }

    private mutating func literal(_ word: String) throws(RegistryError) {
        for byte in word.utf8 { try expect(byte) }
    }

    private mutating func number() throws(RegistryError) {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, first.isDigit else { throw failure("unexpected character") }
        index += 1
        if first != UInt8(ascii: "0") { while peek?.isDigit == true { index += 1 } }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard peek?.isDigit == true else { throw failure("invalid number") }
            while peek?.isDigit == true { index += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard peek?.isDigit == true else { throw failure("invalid number") }
            let exponentStart = index
            while peek?.isDigit == true { index += 1 }
            guard index - exponentStart <= 3 else { throw failure("number out of range") }
        }
        guard index - start <= 64 else { throw failure("number too long") }
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    fileprivate var isHexDigit: Bool {
        isDigit || (self >= 0x41 && self <= 0x46) || (self >= 0x61 && self <= 0x66)
    }
}
