import Foundation
import Logging
import RegistryApp
import RegistryTestSupport
import Testing

/// The service's settings, read in one place: the command line first, then the environment, then
/// the defaults; every refusal names the option or variable that caused it.
@Suite struct ConfigurationTests {
    @Test("without options or environment every setting has its default")
    func defaults() throws {
        let configuration = try AppConfiguration(settings: SettingsSource(options: [:], environment: [:]))
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.databasePath == "registry.sqlite")
        #expect(configuration.defaultRegion == "us-east-1")
        #expect(configuration.authentication == nil)
        #expect(configuration.rateLimitPerSecond == nil)
        #expect(configuration.logLevel == .info)
        #expect(configuration.otlpEndpoint == nil)
    }

    @Test("the log level and the OTLP endpoint, from an option or a variable")
    func logLevelAndTraceExport() throws {
        let fromEnvironment = try AppConfiguration(
            settings: SettingsSource(
                options: [:],
                environment: ["REGISTRY_LOG_LEVEL": "WARNING", "REGISTRY_OTLP_ENDPOINT": "http://127.0.0.1:4318"]))
        #expect(fromEnvironment.logLevel == .warning)
        #expect(fromEnvironment.otlpEndpoint == "http://127.0.0.1:4318")
        let options: [Setting: String] = [.logLevel: "debug"]
        let fromOption = try AppConfiguration(
            settings: SettingsSource(options: options, environment: ["REGISTRY_LOG_LEVEL": "error"]))
        #expect(fromOption.logLevel == .debug)
    }

    @Test("the environment fills what the command line leaves out; an option wins over its variable")
    func optionsWinOverEnvironment() throws {
        let environment = [
            "REGISTRY_HOST": "127.0.0.2", "REGISTRY_PORT": "9000", "REGISTRY_DB": "/tmp/env.sqlite",
            "REGISTRY_REGION": "eu-west-1", "UNRELATED": "x",
        ]
        let fromEnvironment = try AppConfiguration(settings: SettingsSource(options: [:], environment: environment))
        #expect(fromEnvironment.host == "127.0.0.2")
        #expect(fromEnvironment.port == 9000)
        #expect(fromEnvironment.databasePath == "/tmp/env.sqlite")
        #expect(fromEnvironment.defaultRegion == "eu-west-1")
        let options: [Setting: String] = [.port: "0", .db: "/tmp/option.sqlite"]
        let mixed = try AppConfiguration(settings: SettingsSource(options: options, environment: environment))
        #expect(mixed.port == 0)
        #expect(mixed.databasePath == "/tmp/option.sqlite")
        #expect(mixed.host == "127.0.0.2")
    }

    @Test("each setting has an option and a REGISTRY_ variable")
    func names() {
        #expect(
            Setting.allCases.map(\.option) == [
                "--host", "--port", "--db", "--region", "--auth-file", "--rate-limit", "--log-level",
                "--otlp-endpoint",
            ])
        #expect(
            Setting.allCases.map(\.environmentVariable) == [
                "REGISTRY_HOST", "REGISTRY_PORT", "REGISTRY_DB", "REGISTRY_REGION", "REGISTRY_AUTH_FILE",
                "REGISTRY_RATE_LIMIT", "REGISTRY_LOG_LEVEL", "REGISTRY_OTLP_ENDPOINT",
            ])
    }

    /// A setting the service must refuse, and what the refusal must name.
    struct Refusal: Sendable, CustomTestStringConvertible {
        let label: String
        let options: [Setting: String]
        let environment: [String: String]
        let mentions: String

        var testDescription: String { label }
    }

    static let refusals = [
        Refusal(
            label: "port not a number (variable)", options: [:], environment: ["REGISTRY_PORT": "http"],
            mentions: "REGISTRY_PORT"),
        Refusal(label: "port out of range (option)", options: [.port: "70000"], environment: [:], mentions: "--port"),
        Refusal(label: "negative port", options: [.port: "-1"], environment: [:], mentions: "--port"),
        Refusal(label: "empty region", options: [:], environment: ["REGISTRY_REGION": ""], mentions: "REGISTRY_REGION"),
        Refusal(
            label: "open on all interfaces", options: [.host: "0.0.0.0"], environment: [:], mentions: "--auth-file"),
        Refusal(
            label: "open on all interfaces (variable)", options: [:], environment: ["REGISTRY_HOST": "::"],
            mentions: "REGISTRY_AUTH_FILE"),
        Refusal(
            label: "rate limit without auth", options: [.rateLimit: "50/s"], environment: [:],
            mentions: "--rate-limit"),
        Refusal(label: "unknown log level", options: [.logLevel: "verbose"], environment: [:], mentions: "--log-level"),
        Refusal(
            label: "unknown log level (variable)", options: [:], environment: ["REGISTRY_LOG_LEVEL": "loud"],
            mentions: "REGISTRY_LOG_LEVEL"),
        Refusal(
            label: "OTLP endpoint not a URL", options: [.otlpEndpoint: "collector:4318"], environment: [:],
            mentions: "--otlp-endpoint"),
        Refusal(
            label: "missing auth file", options: [.authFile: "/nonexistent/auth.json"], environment: [:],
            mentions: "/nonexistent/auth.json"),
    ]

    @Test("refused settings name their option or variable", arguments: refusals)
    func refused(refusal: Refusal) {
        let source = SettingsSource(options: refusal.options, environment: refusal.environment)
        let error = #expect(throws: ConfigurationError.self) { try AppConfiguration(settings: source) }
        #expect(error?.message.contains(refusal.mentions) == true, "\(error?.message ?? "")")
    }

    @Test("an auth file: loaded from the variable, refused when group or others can read it, rate limits parsed")
    func authFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("auth.json")
        let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        let text = """
            {"principals": [{"name": "deployer", "role": "editor",
              "accessKeys": [{"accessKeyId": "AKIAEXAMPLEDEPLOYER", "secretAccessKey": "\(secret)"}]}]}
            """
        _ = FileManager.default.createFile(
            atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        let loaded = try AppConfiguration(
            settings: SettingsSource(
                options: [.host: "0.0.0.0", .rateLimit: "25/s"], environment: ["REGISTRY_AUTH_FILE": path]))
        #expect(loaded.authentication != nil)
        #expect(loaded.rateLimitPerSecond == 25)
        #expect(loaded.host == "0.0.0.0")
        for rate in ["0", "-5/s", "fast", "inf"] {
            #expect(throws: ConfigurationError.self) {
                try AppConfiguration(
                    settings: SettingsSource(options: [.authFile: path, .rateLimit: rate], environment: [:]))
            }
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let error = #expect(throws: ConfigurationError.self) {
            try AppConfiguration(settings: SettingsSource(options: [.authFile: path], environment: [:]))
        }
        #expect(error?.message.contains("group or others") == true)
        #expect(error?.message.contains(secret) == false)
    }
}
