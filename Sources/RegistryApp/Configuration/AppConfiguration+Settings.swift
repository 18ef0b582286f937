import Foundation
import Logging
import RegistryAuth
import RegistryDomain

extension AppConfiguration {
    /// The database file used when neither `--db` nor `REGISTRY_DB` names one.
    public static let defaultDatabasePath = "registry.sqlite"

    /// The configuration of `serve`: every ``Setting`` from `settings` (the command line, else the
    /// environment), else its default, checked together, with the auth file loaded.
    /// - Throws: ``ConfigurationError`` naming the option or variable: a port that is not a number
    ///   from 0 to 65535; an auth file that is missing, readable by group or others, or malformed;
    ///   a rate limit that is not a positive number per second, or one without an auth file; a log
    ///   level swift-log does not have; an OTLP endpoint that is not an http(s) URL; an open
    ///   service (no auth file) asked to bind an address other than loopback.
    public init(settings: SettingsSource) throws(ConfigurationError) {
        self.init(databasePath: settings.databasePath)
        if let host = settings.value(.host) { self.host = host.text }
        if let port = settings.value(.port) {
            guard let number = Int(port.text), (0...65535).contains(number) else {
                throw ConfigurationError(
                    "\(port.origin) takes a port number from 0 to 65535, not '\(port.text.prefix(32))'.")
            }
            self.port = number
        }
        if let region = settings.value(.region) {
            guard !region.text.isEmpty else { throw ConfigurationError("\(region.origin) names no region.") }
            defaultRegion = region.text
        }
        if let file = settings.value(.authFile) { authentication = try Self.loadAuthFile(file.text) }
        if let rate = settings.value(.rateLimit) {
            guard authentication != nil else {
                throw ConfigurationError("\(rate.origin) needs an auth file (--auth-file or REGISTRY_AUTH_FILE).")
            }
            let number = rate.text.hasSuffix("/s") ? String(rate.text.dropLast(2)) : rate.text
            guard let value = Double(number), value > 0, value.isFinite else {
                throw ConfigurationError("\(rate.origin) takes requests per second, e.g. 50/s.")
            }
            rateLimitPerSecond = value
        }
        if let level = settings.value(.logLevel) {
            guard let parsed = Logger.Level(rawValue: level.text.lowercased()) else {
                let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigurationError("\(level.origin) takes one of \(levels), not '\(level.text.prefix(32))'.")
            }
            logLevel = parsed
        }
        if let endpoint = settings.value(.otlpEndpoint) {
            guard let url = URL(string: endpoint.text), url.scheme == "http" || url.scheme == "https", url.host != nil
            else {
                throw ConfigurationError(
                    "\(endpoint.origin) takes an http(s) URL of an OTLP/HTTP collector, e.g. http://127.0.0.1:4318.")
            }
            otlpEndpoint = endpoint.text
        }
        guard authentication != nil || Self.isLoopback(host) else {
            throw ConfigurationError(
                "Refusing to serve \(host) without authentication: an open registry binds only a loopback address. "
                    + "Add --auth-file FILE or REGISTRY_AUTH_FILE (principals with bearer-token hashes or access keys; "
                    + "see the README, and `integration-registry token new` to make a token), or bind 127.0.0.1.")
        }
    }

    /// Reads and checks an auth file: it holds secret access keys, so group and others must not be
    /// able to read it.
    /// - Throws: ``ConfigurationError`` for a file that cannot be read, is readable by group or
    ///   others, or is not a valid auth file (the message never repeats its content).
    static func loadAuthFile(_ path: String) throws(ConfigurationError) -> AuthConfiguration {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            throw ConfigurationError("Cannot read the auth file \(path).")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard mode & 0o077 == 0 else {
            throw ConfigurationError(
                "The auth file \(path) is readable by group or others (mode \(String(mode, radix: 8))); "
                    + "it holds secret access keys: chmod 600 \(path).")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("Cannot read the auth file \(path).")
        }
        do { return try AuthConfiguration(json: data) } catch { throw ConfigurationError(error.message) }
    }
}
