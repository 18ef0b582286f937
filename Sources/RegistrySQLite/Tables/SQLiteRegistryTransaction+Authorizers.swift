import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let selectAuthorizer = AuthorizerColumn.statements.select + " WHERE id = ? AND api_id = ?"
    private static let selectAuthorizers = AuthorizerColumn.statements.select + " WHERE api_id = ?"

    private func decodeAuthorizer(_ row: StatementRow<AuthorizerColumn>) throws(RegistryError) -> Authorizer {
        Authorizer(
            id: AuthorizerID(uncheckedRawValue: row[.id]), apiID: APIID(uncheckedRawValue: row[.apiId]),
            name: row[.name], authorizerType: AuthorizerType(rawValue: row[.authorizerType]) ?? .request,
            identitySource: try JSONColumn.decode([String].self, row[.identitySource]) ?? [],
            jwtConfiguration: try JSONColumn.decode(JWTConfiguration.self, row[.jwtConfiguration]),
            authorizerURI: row[.authorizerUri], authorizerPayloadFormatVersion: row[.authorizerPayloadFormatVersion],
            authorizerResultTTLInSeconds: row[.authorizerResultTtl], enableSimpleResponses: row[.enableSimpleResponses],
            authorizerCredentialsArn: row[.authorizerCredentialsArn],
            identityValidationExpression: row[.identityValidationExpression])
    }

    func authorizer(_ id: AuthorizerID, in api: APIID) throws(RegistryError) -> Authorizer? {
        try one(Self.selectAuthorizer, [id.rawValue, api.rawValue], decode: decodeAuthorizer)
    }

    func authorizers(of api: APIID, _ page: PageRequest) throws(RegistryError) -> Page<Authorizer> {
        try self.page(Self.selectAuthorizers, [api.rawValue], page, decode: decodeAuthorizer)
    }

    func authorizerCount(of api: APIID) throws(RegistryError) -> Int {
        try count("SELECT count(*) FROM authorizers WHERE api_id = ?", [api.rawValue])
    }

    func insert(_ authorizer: Authorizer) throws(RegistryError) {
        try insert(authorizer, into: AuthorizerColumn.self)
    }

    func update(_ authorizer: Authorizer) throws(RegistryError) {
        try update(authorizer, in: AuthorizerColumn.self)
    }

    func deleteAuthorizer(_ id: AuthorizerID, in api: APIID) throws(RegistryError) {
        try execute("DELETE FROM authorizers WHERE id = ? AND api_id = ?", [id.rawValue, api.rawValue])
    }
}
