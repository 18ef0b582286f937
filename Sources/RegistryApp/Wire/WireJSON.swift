import Foundation
import Hummingbird
import NIOCore
import RegistryDomain

/// JSON on the wire: one encoder configuration (sorted keys, so equal content gives equal bytes)
/// and the decoding of request bodies into domain inputs.
enum WireJSON {
    /// The one encoder every response uses (JSONEncoder is thread-safe; making one per response
    /// costs more than encoding a small body).
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// Encodes `value` as a JSON response with `status`.
    static func response(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Writes `value` as a JSON response with `status` through ``JSONWriter`` (same bytes as the
    /// encoder, a fraction of the cost).
    static func response(_ value: some JSONWritable, status: HTTPResponse.Status) -> Response {
        var writer = JSONWriter()
        value.write(to: &writer)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: writer.bytes)))
    }

    /// Reads the whole body of `request`, keeping it on the request for later readers.
    /// - Throws: ``RegistryError`` 413 for a body over `limit` bytes, 400 for a body that cannot be
    ///   read (a truncated body, broken chunked framing).
    static func collectBody(of request: inout Request, limit: Int) async throws -> ByteBuffer {
        do {
            return try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw RegistryError(.payloadTooLarge, "The request body is larger than the \(limit / 1024) KiB limit.")
        } catch {
            throw RegistryError.badRequest("The request body could not be read: it ended early or is badly framed.")
        }
    }

    /// Decodes a request body; an empty body decodes as `{}`. The body must be strict JSON (see
    /// ``StrictJSONValidator``) before Foundation's lenient decoder sees it.
    /// - Throws: ``RegistryError`` 400 for malformed JSON or a member of the wrong type, 413 for a
    ///   body over `limit` bytes.
    static func decode<Value: Decodable>(_ type: Value.Type, from request: Request, limit: Int) async throws -> Value {
        var request = request
        let buffer = try await collectBody(of: &request, limit: limit)
        let bytes = Array(buffer.readableBytesView)
        if !bytes.isEmpty { try StrictJSONValidator.validateObject(bytes) }
        let data = bytes.isEmpty ? Data("{}".utf8) : Data(bytes)
        do {
            return try JSONDecoder().decode(Value.self, from: data)
        } catch let error as DecodingError {
            throw RegistryError.from(error)
        } catch {
            throw RegistryError.badRequest("Malformed JSON in the request body.")
        }
    }
}
