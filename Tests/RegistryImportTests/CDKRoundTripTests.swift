import RegistryDomain
import RegistryImport
import RegistrySynth
import RegistryTestSupport
import Testing

/// ExportApi then ImportApi of that export gives the same API, over every HTTP API of the CDK
/// reference cases.
@Suite("Export and import round trip")
struct CDKRoundTripTests {
    static let caseNames = (try? Fixtures.cdkCaseNames()) ?? []

    /// What an integration is, as an import can tell it.
    static func describe(_ integration: Integration) -> String {
        [
            integration.integrationType.rawValue, integration.integrationURI ?? "-",
            integration.integrationMethod ?? "-",
            integration.connectionType.rawValue, integration.connectionID?.rawValue ?? "-",
            integration.payloadFormatVersion ?? "-", "\(integration.timeoutInMillis)",
            integration.tlsConfig?.serverNameToVerify ?? "-", integration.credentialsArn ?? "-",
            integration.integrationSubtype ?? "-", "\(integration.requestParameters ?? [:])",
            "\(integration.responseParameters ?? [:])",
        ].joined(separator: "|")
    }

    /// The same for an imported integration's input.
    static func describe(_ input: IntegrationInput) -> String {
        [
            input.integrationType?.rawValue ?? "-", input.integrationUri ?? "-", input.integrationMethod ?? "-",
            (input.connectionType ?? .internet).rawValue, input.connectionId ?? "-", input.payloadFormatVersion ?? "-",
            input.timeoutInMillis.map { "\($0)" } ?? "-", input.tlsConfig?.serverNameToVerify ?? "-",
            input.credentialsArn ?? "-", input.integrationSubtype ?? "-", "\(input.requestParameters ?? [:])",
            "\(input.responseParameters ?? [:])",
        ].joined(separator: "|")
    }

    @Test("every HTTP API of the CDK cases exports and imports back as itself", arguments: caseNames)
    func roundTrip(_ name: String) throws {
        let (reference, _) = try Fixtures.cdkCase(name)
        for snapshot in try reference.snapshots() where snapshot.api.protocolType == .http {
            let exported = try OpenAPIExporter().export(
                snapshot, options: OpenAPIExportOptions(includeExtensions: true))
            let plan = try OpenAPIImporter().plan(exported.json)
            #expect(plan.warnings.isEmpty, "\(name): \(plan.warnings)")
            #expect(plan.api.name == snapshot.api.name && plan.api.description == snapshot.api.description)
            #expect(plan.api.corsConfiguration == snapshot.api.corsConfiguration, "\(name)")
            let integrations = Dictionary(snapshot.integrations.map { ($0.id, $0) }) { first, _ in first }
            let authorizers = Dictionary(snapshot.authorizers.map { ($0.id, $0.name) }) { first, _ in first }
            let expectedRoutes = Set(
                snapshot.routes.map { route in
                    [
                        route.routeKey.rawValue, route.target.flatMap { integrations[$0] }.map(Self.describe) ?? "-",
                        route.authorizationType.rawValue, route.authorizerID.flatMap { authorizers[$0] } ?? "-",
                        "\(route.authorizationScopes ?? [])", route.operationName ?? "-",
                    ].joined(separator: " ")
                })
            let imported = Dictionary(plan.integrations.map { ($0.key, $0.input) }) { first, _ in first }
            let importedRoutes = Set(
                plan.routes.map { route in
                    [
                        route.input.routeKey ?? "-",
                        route.integrationKey.flatMap { imported[$0] }.map(Self.describe) ?? "-",
                        (route.input.authorizationType ?? AuthorizationType.none).rawValue, route.authorizerName ?? "-",
                        "\(route.input.authorizationScopes ?? [])", route.input.operationName ?? "-",
                    ].joined(separator: " ")
                })
            #expect(importedRoutes == expectedRoutes, "\(name)")
            // Inline integrations carry no id: equal ones are one after the round trip.
            let targeted = Set(snapshot.routes.compactMap(\.target).compactMap { integrations[$0] }.map(Self.describe))
            #expect(
                plan.integrations.count == targeted.count, "\(name): one integration per distinct one routes target")
            #expect(
                plan.authorizers.map { "\($0.input.name ?? "") \($0.input.authorizerType?.rawValue ?? "")" }.sorted()
                    == snapshot.authorizers.map { "\($0.name) \($0.authorizerType.rawValue)" }.sorted(), "\(name)")
        }
    }
}
