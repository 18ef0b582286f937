import Foundation

/// Where the service's settings come from: the command line first, then the environment. The one
/// place that reads either; every command takes its settings through it.
public struct SettingsSource: Sendable {
    /// The settings the command line gave, as typed.
    public var options: [Setting: String]
    /// The process environment (or a test's).
    public var environment: [String: String]

    /// A source over `options` and `environment`.
    public init(options: [Setting: String], environment: [String: String]) {
        self.options = options
        self.environment = environment
    }

    /// A source over `options` and this process's environment.
    public static func process(options: [Setting: String]) -> SettingsSource {
        SettingsSource(options: options, environment: ProcessInfo.processInfo.environment)
    }

    /// The text given for `setting` and where it came from (its option or its environment
    /// variable, for messages), or `nil` when neither gives it.
    public func value(_ setting: Setting) -> (text: String, origin: String)? {
        if let text = options[setting] { return (text, setting.option) }
        if let text = environment[setting.environmentVariable] { return (text, setting.environmentVariable) }
        return nil
    }

    /// The database file: `--db`, else `REGISTRY_DB`, else `registry.sqlite` in the working directory.
    public var databasePath: String { value(.db)?.text ?? AppConfiguration.defaultDatabasePath }
}
