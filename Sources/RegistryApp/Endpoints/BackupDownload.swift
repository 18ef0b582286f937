import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import RegistryDomain

/// A snapshot file streamed as a response body and gone from the disk once the response ends.
///
/// The file is opened and unlinked at once: its blocks stay readable through the open descriptor
/// and are freed when the descriptor closes, so nothing is left behind even when the client
/// disconnects or the body is never written.
struct BackupDownload: Sendable {
    /// The snapshot's size in bytes.
    let size: Int
    private let handle: FileHandle

    /// Opens the snapshot at `path` and removes its name.
    /// - Throws: ``RegistryError/Code/internalFailure`` when it cannot be opened.
    init(path: String) throws(RegistryError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RegistryError(.internalFailure, "The snapshot at \(path) could not be opened.")
        }
        size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        try? FileManager.default.removeItem(atPath: path)
        self.handle = handle
    }

    /// The body: the file in chunks of 256 KiB, each read on NIO's blocking-I/O thread pool so that
    /// the event loop never waits on the disk.
    var body: ResponseBody {
        let handle = handle
        return ResponseBody(contentLength: size) { writer in
            defer { try? handle.close() }
            while true {
                let chunk = try await NIOThreadPool.singleton.runIfActive { try handle.read(upToCount: 256 * 1024) }
                guard let chunk, !chunk.isEmpty else { break }
                try await writer.write(ByteBuffer(bytes: chunk))
            }
            try await writer.finish(nil)
        }
    }
}
