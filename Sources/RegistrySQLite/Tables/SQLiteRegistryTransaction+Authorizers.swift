import GRDB
import RegistryDomain

extension SQLiteRegistryTransaction {
    private static let authorizerColumns = """
        seq, id, api_id, name, authorizer_type, identity_source, jwt_configuration, authorizer_uri,
        authorizer_payload_format_version, authorizer_result_ttl, enable_simple_responses, authorizer_credentials_arn,
        identity_validation_expression
        """

    private func decodeAuthorizer(_ row: StatementRow) throws -> Authorizer {
        Authorizer(
            id: AuthorizerID(uncheckedRawValue: row[1]), apiID: APIID(uncheckedRawValue: row[2]), name: row[3],
            authorizerType: AuthorizerType(rawValue: row[4]) ?? .request,
            identitySource: try JSONColumn.decode([String].self, row[5]) ?? [],
            jwtConfiguration: try JSONColumn.decode(JWTConfiguration.self, row[6]), authorizerURI: row[7],
            authorizerPayloadFormatVersion: row[8], authorizerResultTTLInSeconds: row[9],
            enableSimpleResponses: row[10], authorizerCredentialsArn: row[11], identityValidationExpression: row[12])
    }

    func authorizer(_ id: AuthorizerID, in api: APIID) throws -> Authorizer? {
        try one(
            "SELECT \(Self.authorizerColumns) FROM authorizers WHERE id = ? AND api_id = ?",
            [id.rawValue, api.rawValue], decode: decodeAuthorizer)
    }

    func authorizers(of api: APIID, _ page: PageRequest) throws -> Page<Authorizer> {
        try self.page(
            "SELECT \(Self.authorizerColumns) FROM authorizers WHERE api_id = ?", [api.rawValue], page,
            decode: decodeAuthorizer)
    }

    func authorizerCount(of api: APIID) throws -> Int {
        try count("SELECT count(*) FROM authorizers WHERE api_id = ?", [api.rawValue])
    }

    private func authorizerArguments(_ authorizer: Authorizer) throws -> SQLArguments {
        [
            authorizer.name, authorizer.authorizerType.rawValue, try JSONColumn.encode(authorizer.identitySource),
            try JSONColumn.encode(authorizer.jwtConfiguration), authorizer.authorizerURI,
            authorizer.authorizerPayloadFormatVersion, authorizer.authorizerResultTTLInSeconds,
            authorizer.enableSimpleResponses, authorizer.authorizerCredentialsArn,
            authorizer.identityValidationExpression,
        ]
    }

    func insert(_ authorizer: Authorizer) throws {
        var arguments: SQLArguments = [authorizer.id.rawValue, authorizer.apiID.rawValue]
        arguments += try authorizerArguments(authorizer)
        try execute(
            """
            INSERT INTO authorizers (id, api_id, name, authorizer_type, identity_source, jwt_configuration,
                authorizer_uri, authorizer_payload_format_version, authorizer_result_ttl, enable_simple_responses,
                authorizer_credentials_arn, identity_validation_expression)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments)
    }

    func update(_ authorizer: Authorizer) throws {
        var arguments = try authorizerArguments(authorizer)
        arguments += [authorizer.id.rawValue, authorizer.apiID.rawValue]
        try execute(
            """
            UPDATE authorizers SET name = ?, authorizer_type = ?, identity_source = ?, jwt_configuration = ?,
                authorizer_uri = ?, authorizer_payload_format_version = ?, authorizer_result_ttl = ?,
                enable_simple_responses = ?, authorizer_credentials_arn = ?, identity_validation_expression = ?
            WHERE id = ? AND api_id = ?
            """, arguments)
    }

    func deleteAuthorizer(_ id: AuthorizerID, in api: APIID) throws {
        try execute("DELETE FROM authorizers WHERE id = ? AND api_id = ?", [id.rawValue, api.rawValue])
    }
}
