import GRDB
import RegistryDomain
import RegistryTestSupport
import Testing

@testable import RegistrySQLite

/// The schema as the second line of defence: raw SQL that bypasses the domain is still refused.
@Suite("Schema constraints")
struct SchemaConstraintTests {
    /// Two HTTP APIs and a WebSocket API, a VPC link, an integration per HTTP API (the first one's
    /// targeted by a route), a private integration, and a deployment of the second API.
    static let seed = """
        INSERT INTO changes (created_ms, principal, operation, resource_type, resource_id, stream, revision)
        VALUES (0, 'schema-test', 'CreateApi', 'Api', 'httpapi001', 'httpapi001', 1);
        INSERT INTO apis (id, name, protocol_type, route_selection_expression, api_key_selection_expression, created_ms)
        VALUES ('httpapi001', 'a', 'HTTP', '$request.method $request.path', '$request.header.x-api-key', 0),
               ('httpapi002', 'b', 'HTTP', '$request.method $request.path', '$request.header.x-api-key', 0),
               ('wsapi00001', 'c', 'WEBSOCKET', '$request.body.action', '$request.header.x-api-key', 0);
        INSERT INTO vpc_links (id, name, subnet_ids, created_ms) VALUES ('link001', 'l', '["subnet-0123abcd"]', 0);
        INSERT INTO integrations (api_id, id, integration_type, integration_uri, integration_method, connection_type,
            payload_format_version, timeout_ms)
        VALUES ('httpapi001', 'int0001', 'AWS_PROXY', 'arn:aws:lambda:us-east-1:123456789012:function:f', 'POST',
                'INTERNET', '2.0', 30000),
               ('httpapi002', 'int0002', 'AWS_PROXY', 'arn:aws:lambda:us-east-1:123456789012:function:f', 'POST',
                'INTERNET', '2.0', 30000);
        INSERT INTO integrations (api_id, id, integration_type, integration_uri, integration_method, connection_type,
            connection_id, payload_format_version, timeout_ms)
        VALUES ('httpapi001', 'int0003', 'HTTP_PROXY', 'arn:aws:servicediscovery:us-east-1:123456789012:service/srv-a',
                'ANY', 'VPC_LINK', 'link001', '1.0', 30000);
        INSERT INTO routes (api_id, id, route_key, conflict_key, target_integration_id)
        VALUES ('httpapi001', 'rte0001', 'GET /pets/{id}', 'GET /pets/{}', 'int0001');
        INSERT INTO deployments (api_id, id, auto_deployed, created_ms) VALUES ('httpapi002', 'dep0002', 0, 0);
        INSERT INTO stages (api_id, name, created_ms, updated_ms) VALUES ('httpapi002', 'main', 0, 0),
               ('wsapi00001', 'live', 0, 0);
        INSERT INTO domain_names (name, endpoint_id, certificate_arn, endpoint_type, security_policy, created_ms)
        VALUES ('api.example.com', 'd-abcdefghij', 'arn:aws:acm:us-east-1:123456789012:certificate/c', 'REGIONAL',
                'TLS_1_2', 0);
        INSERT INTO api_mappings (id, domain_name, api_id, stage, mapping_key)
        VALUES ('map001', 'api.example.com', 'httpapi002', 'main', '');
        """

    /// The column list of a domain name row.
    static let domainNameColumns = """
        INSERT INTO domain_names (name, endpoint_id, certificate_arn, endpoint_type, security_policy, truststore_uri,
            truststore_version, created_ms)
        """

    /// The column list of an API mapping row.
    static let mappingColumns = "INSERT INTO api_mappings (id, domain_name, api_id, stage, mapping_key) "

    /// The column list and start of a valid integration row of `httpapi001`.
    static let integrationColumns = """
        INSERT INTO integrations (api_id, id, integration_type, integration_uri, integration_method, connection_type,
            connection_id, payload_format_version, timeout_ms, tls_server_name)
        """

    /// The domain name and API mapping rows the schema must refuse.
    static let domainNameViolations: [Violation] = [
        Violation(
            "domain name in capitals", .SQLITE_CONSTRAINT_CHECK,
            domainNameColumns + """
                VALUES ('API.example.org', 'd-0000000001', 'arn:aws:acm:us-east-1:1:certificate/c', 'REGIONAL',
                        'TLS_1_2', NULL, NULL, 0)
                """),
        Violation(
            "domain name without a dot", .SQLITE_CONSTRAINT_CHECK,
            domainNameColumns + """
                VALUES ('localhost', 'd-0000000001', 'arn:aws:acm:us-east-1:1:certificate/c', 'REGIONAL', 'TLS_1_2',
                        NULL, NULL, 0)
                """),
        Violation(
            "EDGE domain name", .SQLITE_CONSTRAINT_CHECK,
            domainNameColumns + """
                VALUES ('b.example.org', 'd-0000000001', 'arn:aws:acm:us-east-1:1:certificate/c', 'EDGE', 'TLS_1_2',
                        NULL, NULL, 0)
                """),
        Violation(
            "TLS 1.0 domain name", .SQLITE_CONSTRAINT_CHECK,
            domainNameColumns + """
                VALUES ('b.example.org', 'd-0000000001', 'arn:aws:acm:us-east-1:1:certificate/c', 'REGIONAL',
                        'TLS_1_0', NULL, NULL, 0)
                """),
        Violation(
            "truststore version without a truststore", .SQLITE_CONSTRAINT_CHECK,
            domainNameColumns + """
                VALUES ('b.example.org', 'd-0000000001', 'arn:aws:acm:us-east-1:1:certificate/c', 'REGIONAL',
                        'TLS_1_2', NULL, '1', 0)
                """),
        Violation(
            "truststore outside S3", .SQLITE_CONSTRAINT_CHECK,
            domainNameColumns + """
                VALUES ('b.example.org', 'd-0000000001', 'arn:aws:acm:us-east-1:1:certificate/c', 'REGIONAL',
                        'TLS_1_2', 'https://b/k', NULL, 0)
                """),
        Violation(
            "domain name registered twice", .SQLITE_CONSTRAINT_UNIQUE,
            domainNameColumns + """
                VALUES ('api.example.com', 'd-0000000001', 'arn:aws:acm:us-east-1:1:certificate/c', 'REGIONAL',
                        'TLS_1_2', NULL, NULL, 0)
                """),
        Violation(
            "mapping key taken on the domain", .SQLITE_CONSTRAINT_UNIQUE,
            mappingColumns + "VALUES ('map002', 'api.example.com', 'httpapi002', 'main', '')"),
        Violation(
            "mapping key with a space", .SQLITE_CONSTRAINT_CHECK,
            mappingColumns + "VALUES ('map002', 'api.example.com', 'httpapi002', 'main', 'a b')"),
        Violation(
            "mapping key starting with a slash", .SQLITE_CONSTRAINT_CHECK,
            mappingColumns + "VALUES ('map002', 'api.example.com', 'httpapi002', 'main', '/v1')"),
        Violation(
            "mapping key with a double slash", .SQLITE_CONSTRAINT_CHECK,
            mappingColumns + "VALUES ('map002', 'api.example.com', 'httpapi002', 'main', 'v1//x')"),
        Violation(
            "mapping of a stage the API does not have", .SQLITE_CONSTRAINT_FOREIGNKEY,
            mappingColumns + "VALUES ('map002', 'api.example.com', 'httpapi001', 'prod', 'v1')"),
        Violation(
            "mapping on a domain name that does not exist", .SQLITE_CONSTRAINT_FOREIGNKEY,
            mappingColumns + "VALUES ('map002', 'other.example.com', 'httpapi002', 'main', 'v1')"),
        Violation(
            "WebSocket API next to an HTTP API", .SQLITE_CONSTRAINT_TRIGGER,
            mappingColumns + "VALUES ('map002', 'api.example.com', 'wsapi00001', 'live', 'chat')"),
        Violation(
            "multi-level WebSocket key", .SQLITE_CONSTRAINT_TRIGGER,
            domainNameColumns + """
                VALUES ('ws.example.com', 'd-0000000001', 'arn:aws:acm:us-east-1:1:certificate/c', 'REGIONAL',
                        'TLS_1_2', NULL, NULL, 0);
                """ + mappingColumns + "VALUES ('map002', 'ws.example.com', 'wsapi00001', 'live', 'v1/chat')"),
        Violation(
            "deleting a mapped stage", .SQLITE_CONSTRAINT_TRIGGER,
            "DELETE FROM stages WHERE api_id = 'httpapi002' AND name = 'main'"),
        Violation("deleting a mapped API", .SQLITE_CONSTRAINT_TRIGGER, "DELETE FROM apis WHERE id = 'httpapi002'"),
    ]

    /// A WebSocket integration, a route naming the model `Message`, and that model.
    static let webSocketSetup = """
        INSERT INTO integrations (api_id, id, integration_type, connection_type, payload_format_version, timeout_ms)
        VALUES ('wsapi00001', 'int0009', 'MOCK', 'INTERNET', '1.0', 29000);
        INSERT INTO models (api_id, id, name, schema) VALUES ('wsapi00001', 'mod0001', 'Message', '{}');
        INSERT INTO routes (api_id, id, route_key, conflict_key, target_integration_id, request_models)
        VALUES ('wsapi00001', 'rte0009', 'send', 'send', 'int0009', '{"$default":"Message"}');

        """

    /// The model, route response and integration response rows the schema must refuse.
    static let webSocketViolations: [Violation] = [
        Violation(
            "model on an HTTP API", .SQLITE_CONSTRAINT_TRIGGER,
            "INSERT INTO models (api_id, id, name, schema) VALUES ('httpapi001', 'mod0002', 'Pet', '{}')"),
        Violation(
            "model name with a hyphen", .SQLITE_CONSTRAINT_CHECK,
            "INSERT INTO models (api_id, id, name, schema) VALUES ('wsapi00001', 'mod0002', 'a-b', '{}')"),
        Violation(
            "model schema that is not JSON", .SQLITE_CONSTRAINT_CHECK,
            "INSERT INTO models (api_id, id, name, schema) VALUES ('wsapi00001', 'mod0002', 'Ack', '{oops')"),
        Violation(
            "model name taken", .SQLITE_CONSTRAINT_UNIQUE,
            webSocketSetup
                + "INSERT INTO models (api_id, id, name, schema) VALUES ('wsapi00001', 'mod0002', 'Message', '{}')"),
        Violation(
            "deleting a model a route names", .SQLITE_CONSTRAINT_TRIGGER,
            webSocketSetup + "DELETE FROM models WHERE id = 'mod0001'"),
        Violation(
            "renaming a model a route names", .SQLITE_CONSTRAINT_TRIGGER,
            webSocketSetup + "UPDATE models SET name = 'Renamed' WHERE id = 'mod0001'"),
        Violation(
            "route response key other than $default", .SQLITE_CONSTRAINT_CHECK,
            webSocketSetup + """
                INSERT INTO route_responses (api_id, route_id, id, route_response_key)
                VALUES ('wsapi00001', 'rte0009', 'rrs0001', 'ok')
                """),
        Violation(
            "route response of an HTTP API's route", .SQLITE_CONSTRAINT_TRIGGER,
            """
            INSERT INTO route_responses (api_id, route_id, id, route_response_key)
            VALUES ('httpapi001', 'rte0001', 'rrs0001', '$default')
            """),
        Violation(
            "second $default route response", .SQLITE_CONSTRAINT_UNIQUE,
            webSocketSetup + """
                INSERT INTO route_responses (api_id, route_id, id, route_response_key)
                VALUES ('wsapi00001', 'rte0009', 'rrs0001', '$default'), ('wsapi00001', 'rte0009', 'rrs0002', '$default')
                """),
        Violation(
            "integration response key in no AWS form", .SQLITE_CONSTRAINT_CHECK,
            webSocketSetup + """
                INSERT INTO integration_responses (api_id, integration_id, id, integration_response_key)
                VALUES ('wsapi00001', 'int0009', 'irs0001', 'default')
                """),
        Violation(
            "integration response of another API's integration", .SQLITE_CONSTRAINT_TRIGGER,
            """
            INSERT INTO integration_responses (api_id, integration_id, id, integration_response_key)
            VALUES ('wsapi00001', 'int0001', 'irs0001', '$default')
            """),
    ]

    @Test("the schema refuses models and responses the domain refuses", arguments: webSocketViolations)
    func refusedWebSocketParts(_ violation: Violation) throws {
        try refused(violation)
    }

    @Test("a WebSocket API goes with its models, route responses and integration responses")
    func webSocketCascade() throws {
        let directory = try TemporaryDirectory()
        let queue = try Self.seeded(in: directory)
        try queue.write { db in
            try db.execute(sql: Self.webSocketSetup)
            try db.execute(
                sql: """
                    INSERT INTO route_responses (api_id, route_id, id, route_response_key, response_models)
                    VALUES ('wsapi00001', 'rte0009', 'rrs0001', '$default', '{"$default":"Message"}');
                    INSERT INTO integration_responses (api_id, integration_id, id, integration_response_key)
                    VALUES ('wsapi00001', 'int0009', 'irs0001', '/2\\d\\d/');
                    DELETE FROM api_mappings WHERE api_id = 'wsapi00001';
                    DELETE FROM stages WHERE api_id = 'wsapi00001';
                    DELETE FROM apis WHERE id = 'wsapi00001';
                    """)
        }
        let counts = try Self.rowCounts(queue)
        #expect(counts["models"] == 0 && counts["route_responses"] == 0 && counts["integration_responses"] == 0)
    }

    @Test("the schema refuses domain names and API mappings the domain refuses", arguments: domainNameViolations)
    func refusedDomainNames(_ violation: Violation) throws {
        try refused(violation)
    }

    @Test("deleting a domain name deletes its API mappings and tags")
    func domainNameCascade() throws {
        let directory = try TemporaryDirectory()
        let queue = try Self.seeded(in: directory)
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO domain_name_tags (domain_name, key, value) VALUES ('api.example.com', 'k', 'v')")
            try db.execute(sql: "DELETE FROM domain_names WHERE name = 'api.example.com'")
        }
        let counts = try Self.rowCounts(queue)
        #expect(counts["api_mappings"] == 0)
        #expect(counts["domain_name_tags"] == 0)
    }

    /// A statement the schema must refuse, and the constraint kind that refuses it.
    struct Violation: Sendable, CustomTestStringConvertible {
        let label: String
        let sql: String
        let code: ResultCode
        var testDescription: String { label }

        init(_ label: String, _ code: ResultCode, _ sql: String) {
            self.label = label
            self.code = code
            self.sql = sql
        }
    }

    static let violations: [Violation] = [
        Violation(
            "route targeting an integration of another API", .SQLITE_CONSTRAINT_FOREIGNKEY,
            """
            INSERT INTO routes (api_id, id, route_key, conflict_key, target_integration_id)
            VALUES ('httpapi001', 'rte0002', 'GET /x', 'GET /x', 'int0002')
            """),
        Violation(
            "route targeting a missing integration", .SQLITE_CONSTRAINT_FOREIGNKEY,
            """
            INSERT INTO routes (api_id, id, route_key, conflict_key, target_integration_id)
            VALUES ('httpapi001', 'rte0002', 'GET /x', 'GET /x', 'zzzzzzz')
            """),
        Violation(
            "two routes with one conflict key", .SQLITE_CONSTRAINT_UNIQUE,
            """
            INSERT INTO routes (api_id, id, route_key, conflict_key)
            VALUES ('httpapi001', 'rte0002', 'GET /pets/{petId}', 'GET /pets/{}')
            """),
        Violation(
            "route id reused", .SQLITE_CONSTRAINT_UNIQUE,
            """
            INSERT INTO routes (api_id, id, route_key, conflict_key) VALUES ('httpapi002', 'rte0001', 'GET /', 'GET /')
            """),
        Violation(
            "JWT route without authorizer", .SQLITE_CONSTRAINT_CHECK,
            """
            INSERT INTO routes (api_id, id, route_key, conflict_key, authorization_type)
            VALUES ('httpapi001', 'rte0002', 'GET /x', 'GET /x', 'JWT')
            """),
        Violation(
            "VPC_LINK integration without connection id", .SQLITE_CONSTRAINT_CHECK,
            integrationColumns + """
                VALUES ('httpapi001', 'int0009', 'HTTP_PROXY', 'https://a.example', 'ANY', 'VPC_LINK', NULL,
                        '1.0', 30000, NULL)
                """),
        Violation(
            "INTERNET integration with connection id", .SQLITE_CONSTRAINT_CHECK,
            integrationColumns + """
                VALUES ('httpapi001', 'int0009', 'HTTP_PROXY', 'https://a.example', 'ANY', 'INTERNET', 'link001', '1.0',
                        30000, NULL)
                """),
        Violation(
            "integration with a missing VPC link", .SQLITE_CONSTRAINT_FOREIGNKEY,
            integrationColumns + """
                VALUES ('httpapi001', 'int0009', 'HTTP_PROXY', 'https://a.example', 'ANY', 'VPC_LINK', 'zzzzzzz', '1.0',
                        30000, NULL)
                """),
        Violation(
            "TLS on an internet integration", .SQLITE_CONSTRAINT_CHECK,
            integrationColumns + """
                VALUES ('httpapi001', 'int0009', 'HTTP_PROXY', 'https://a.example', 'ANY', 'INTERNET', NULL,
                        '1.0', 30000, 'a.example')
                """),
        Violation(
            "MOCK integration on an HTTP API", .SQLITE_CONSTRAINT_TRIGGER,
            integrationColumns + """
                VALUES ('httpapi001', 'int0009', 'MOCK', NULL, NULL, 'INTERNET', NULL, '1.0', 1000, NULL)
                """),
        Violation(
            "AWS integration on an HTTP API", .SQLITE_CONSTRAINT_TRIGGER,
            integrationColumns + """
                VALUES ('httpapi001', 'int0009', 'AWS', 'arn:aws:apigateway:us-east-1:sqs:path/1/q', 'POST', 'INTERNET',
                        NULL, '1.0', 1000, NULL)
                """),
        Violation(
            "integration changed to MOCK on an HTTP API", .SQLITE_CONSTRAINT_TRIGGER,
            """
            UPDATE integrations SET integration_type = 'MOCK', integration_uri = NULL, integration_method = NULL
            WHERE id = 'int0002'
            """),
        Violation(
            "private integration on a WebSocket API", .SQLITE_CONSTRAINT_TRIGGER,
            integrationColumns + """
                VALUES ('wsapi00001', 'int0009', 'HTTP_PROXY', 'https://a.example', 'ANY', 'VPC_LINK', 'link001', '1.0',
                        1000, NULL)
                """),
        Violation(
            "WebSocket timeout 29001", .SQLITE_CONSTRAINT_TRIGGER,
            integrationColumns + """
                VALUES ('wsapi00001', 'int0009', 'MOCK', NULL, NULL, 'INTERNET', NULL, '1.0', 29001, NULL)
                """),
        Violation(
            "payload format 3.0", .SQLITE_CONSTRAINT_CHECK,
            integrationColumns + """
                VALUES ('httpapi001', 'int0009', 'HTTP_PROXY', 'https://a.example', 'ANY', 'INTERNET', NULL,
                        '3.0', 30000, NULL)
                """),
        Violation(
            "timeout 30001", .SQLITE_CONSTRAINT_CHECK,
            integrationColumns + """
                VALUES ('httpapi001', 'int0009', 'HTTP_PROXY', 'https://a.example', 'ANY', 'INTERNET', NULL,
                        '1.0', 30001, NULL)
                """),
        Violation(
            "timeout 49", .SQLITE_CONSTRAINT_CHECK,
            integrationColumns + """
                VALUES ('httpapi001', 'int0009', 'HTTP_PROXY', 'https://a.example', 'ANY', 'INTERNET', NULL, '1.0', 49,
                        NULL)
                """),
        Violation(
            "Lambda proxy with GET", .SQLITE_CONSTRAINT_CHECK,
            integrationColumns + """
                VALUES ('httpapi001', 'int0009', 'AWS_PROXY', 'arn:aws:lambda:us-east-1:123456789012:function:f', 'GET',
                        'INTERNET', NULL, '2.0', 30000, NULL)
                """),
        Violation(
            "HTTP_PROXY without method", .SQLITE_CONSTRAINT_CHECK,
            integrationColumns + """
                VALUES ('httpapi001', 'int0009', 'HTTP_PROXY', 'https://a.example', NULL, 'INTERNET', NULL,
                        '1.0', 30000, NULL)
                """),
        Violation(
            "integration id with uppercase", .SQLITE_CONSTRAINT_CHECK,
            integrationColumns + """
                VALUES ('httpapi001', 'INT0009', 'HTTP_PROXY', 'https://a.example', 'ANY', 'INTERNET', NULL,
                        '1.0', 30000, NULL)
                """),
        Violation(
            "integration of a missing API", .SQLITE_CONSTRAINT_FOREIGNKEY,
            integrationColumns + """
                VALUES ('zzzzzzzzzz', 'int0009', 'HTTP_PROXY', 'https://a.example', 'ANY', 'INTERNET', NULL,
                        '1.0', 30000, NULL)
                """),
        // SQLite runs ON DELETE RESTRICT as an internal trigger: the code is TRIGGER, the message the FK one.
        Violation(
            "deleting an integration a route targets", .SQLITE_CONSTRAINT_TRIGGER,
            "DELETE FROM integrations WHERE id = 'int0001'"),
        Violation(
            "deleting a VPC link an integration uses", .SQLITE_CONSTRAINT_TRIGGER,
            "DELETE FROM vpc_links WHERE id = 'link001'"),
        Violation(
            "deleting a deployment a stage serves", .SQLITE_CONSTRAINT_TRIGGER,
            """
            INSERT INTO stages (api_id, name, deployment_id, created_ms, updated_ms)
            VALUES ('httpapi002', 'prod', 'dep0002', 0, 0);
            DELETE FROM deployments WHERE id = 'dep0002'
            """),
        Violation(
            "stage serving another API's deployment", .SQLITE_CONSTRAINT_FOREIGNKEY,
            """
            INSERT INTO stages (api_id, name, deployment_id, created_ms, updated_ms)
            VALUES ('httpapi001', 'prod', 'dep0002', 0, 0)
            """),
        Violation(
            "stage name with a space", .SQLITE_CONSTRAINT_CHECK,
            """
            INSERT INTO stages (api_id, name, created_ms, updated_ms) VALUES ('httpapi001', 'a b', 0, 0)
            """),
        Violation(
            "JWT authorizer on a WebSocket API", .SQLITE_CONSTRAINT_TRIGGER,
            """
            INSERT INTO authorizers (api_id, id, name, authorizer_type, identity_source, jwt_configuration)
            VALUES ('wsapi00001', 'auth001', 'j', 'JWT', '["$request.header.Authorization"]', '{}')
            """),
        Violation(
            "authorizer cache TTL without an identity source", .SQLITE_CONSTRAINT_TRIGGER,
            """
            INSERT INTO authorizers (api_id, id, name, authorizer_type, identity_source, authorizer_uri,
                authorizer_result_ttl)
            VALUES ('httpapi001', 'auth001', 'l', 'REQUEST', '[]', 'arn:x', 300)
            """),
        Violation(
            "WebSocket authorizer with a cache TTL", .SQLITE_CONSTRAINT_TRIGGER,
            """
            INSERT INTO authorizers (api_id, id, name, authorizer_type, identity_source, authorizer_uri,
                authorizer_result_ttl)
            VALUES ('wsapi00001', 'auth001', 'l', 'REQUEST', '["route.request.header.Authorization"]', 'arn:x', 0)
            """),
        Violation(
            "WebSocket authorizer with an HTTP API identity source", .SQLITE_CONSTRAINT_TRIGGER,
            """
            INSERT INTO authorizers (api_id, id, name, authorizer_type, identity_source, authorizer_uri)
            VALUES ('wsapi00001', 'auth001', 'l', 'REQUEST', '["$request.header.Authorization"]', 'arn:x')
            """),
        Violation(
            "JWT authorizer reading a stage variable", .SQLITE_CONSTRAINT_TRIGGER,
            """
            INSERT INTO authorizers (api_id, id, name, authorizer_type, identity_source, jwt_configuration)
            VALUES ('httpapi001', 'auth001', 'j', 'JWT', '["$stageVariables.token"]', '{}')
            """),
        Violation(
            "identity source without a name", .SQLITE_CONSTRAINT_TRIGGER,
            """
            INSERT INTO authorizers (api_id, id, name, authorizer_type, identity_source, authorizer_uri)
            VALUES ('httpapi001', 'auth001', 'l', 'REQUEST', '["$request.header."]', 'arn:x')
            """),
        Violation(
            "identity source with a space", .SQLITE_CONSTRAINT_TRIGGER,
            """
            INSERT INTO authorizers (api_id, id, name, authorizer_type, identity_source, authorizer_uri)
            VALUES ('httpapi001', 'auth001', 'l', 'REQUEST', '["$request.header.A B"]', 'arn:x')
            """),
        Violation(
            "HTTP API with another route selection", .SQLITE_CONSTRAINT_CHECK,
            """
            INSERT INTO apis (id, name, protocol_type, route_selection_expression, api_key_selection_expression,
                created_ms)
            VALUES ('httpapi003', 'x', 'HTTP', '$request.body.action', '$request.header.x-api-key', 0)
            """),
        Violation(
            "API name of 129", .SQLITE_CONSTRAINT_CHECK,
            """
            INSERT INTO apis (id, name, protocol_type, route_selection_expression, api_key_selection_expression,
                created_ms)
            VALUES ('httpapi003', replace(hex(zeroblob(129)), '00', 'n'), 'WEBSOCKET', '$request.body.action', 'x', 0)
            """),
        Violation(
            "VPC link with 11 subnets", .SQLITE_CONSTRAINT_CHECK,
            """
            INSERT INTO vpc_links (id, name, subnet_ids, created_ms)
            VALUES ('link002', 'l', '["1","2","3","4","5","6","7","8","9","10","11"]', 0)
            """),
        Violation(
            "tag value of 1601", .SQLITE_CONSTRAINT_CHECK,
            """
            INSERT INTO api_tags (api_id, key, value)
            VALUES ('httpapi001', 'k', replace(hex(zeroblob(1601)), '00', 'v'))
            """),
    ]

    /// A migrated, seeded database file.
    static func seeded(in directory: TemporaryDirectory) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: directory.file("schema.sqlite"))
        try SchemaMigrator().migrate(queue)
        try queue.write { db in try db.execute(sql: seed) }
        return queue
    }

    @Test("the seed itself is valid")
    func seedIsValid() throws {
        let directory = try TemporaryDirectory()
        let queue = try Self.seeded(in: directory)
        let routes = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM routes") }
        #expect(routes == 1)
        #expect(try queue.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") } == true)
    }

    @Test("the schema refuses what the domain refuses", arguments: violations)
    func refused(_ violation: Violation) throws {
        let directory = try TemporaryDirectory()
        let queue = try Self.seeded(in: directory)
        let before = try Self.rowCounts(queue)
        let error = try #require(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: violation.sql) }
        }
        #expect(error.resultCode == .SQLITE_CONSTRAINT)
        #expect(error.extendedResultCode == violation.code, "\(error)")
        if violation.sql.hasPrefix("DELETE") || violation.sql.contains("DELETE FROM") {
            // A RESTRICT foreign key, or a trigger that keeps what is still named.
            #expect(
                error.message == "FOREIGN KEY constraint failed"
                    || error.message?.hasSuffix("cannot be deleted") == true)
        }
        #expect(try Self.rowCounts(queue) == before)
    }

    @Test("deleting a route frees its integration; deleting the API then cascades")
    func restrictThenCascade() throws {
        let directory = try TemporaryDirectory()
        let queue = try Self.seeded(in: directory)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM routes WHERE id = 'rte0001'")
            try db.execute(sql: "DELETE FROM integrations WHERE id = 'int0001'")
            try db.execute(sql: "DELETE FROM apis WHERE id = 'httpapi001'")
            try db.execute(sql: "DELETE FROM vpc_links WHERE id = 'link001'")
        }
        let counts = try Self.rowCounts(queue)
        #expect(counts["integrations"] == 1)
        #expect(counts["vpc_links"] == 0)
    }

    /// Rows per table.
    static func rowCounts(_ queue: DatabaseQueue) throws -> [String: Int] {
        try queue.read { db in
            var counts: [String: Int] = [:]
            for table in MigratorTests.tables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")
            }
            return counts
        }
    }
}

/// Constraint violations that reach the store through the port arrive as registry errors.
@Suite("Store error mapping")
struct StoreErrorMappingTests {
    /// A write that bypasses the domain rules and breaks a schema constraint.
    enum Bypass: String, CaseIterable, Sendable {
        case routeToForeignIntegration, duplicateConflictKey, privateWithoutLink, mockOnHTTP, timeout30001
        case deleteTargetedIntegration, duplicateAPIID, deleteUsedVpcLink, stageWithForeignDeployment
        case deleteServedDeployment
    }

    @Test("schema refusals surface as RegistryError, never DatabaseError", arguments: Bypass.allCases)
    func mapped(bypass: Bypass) async throws {
        let fixture = try StoreFixture()
        let api = try await fixture.httpAPI()
        let other = try await fixture.httpAPI("other")
        let integration = try await fixture.lambdaIntegration(in: api)
        let foreign = try await fixture.lambdaIntegration(in: other)
        let route = try await fixture.route("GET /pets/{id}", to: integration, in: api)
        try await fixture.route("GET /x", to: foreign, in: other)
        let foreignDeployment = try await fixture.service.createDeployment(in: other.id, DeploymentInput())
        let link = try await fixture.vpcLink()
        _ = try await fixture.service.createIntegration(
            in: other.id,
            IntegrationInput(
                integrationType: .httpProxy, integrationUri: Sample.albListener, integrationMethod: "ANY",
                connectionType: .vpcLink, connectionId: link.id.rawValue))
        let now = Timestamp(millisecondsSinceEpoch: 0)
        let expected: RegistryError.Code
        switch bypass {
        case .routeToForeignIntegration, .duplicateConflictKey, .deleteTargetedIntegration, .duplicateAPIID,
            .deleteUsedVpcLink, .stageWithForeignDeployment, .deleteServedDeployment:
            expected = .conflict
        case .privateWithoutLink, .mockOnHTTP, .timeout30001:
            expected = .badRequest
        }
        do {
            try await fixture.store.write { registry throws(RegistryError) in
                try registry.record("Bypass", .api, api.id.rawValue, in: .api(api.id), at: now)
                switch bypass {
                case .routeToForeignIntegration:
                    try registry.insert(
                        Route(
                            id: RouteID(uncheckedRawValue: "rte9999"), apiID: api.id,
                            routeKey: RouteKey(stored: "GET /y", protocolType: .http), target: foreign.id))
                case .duplicateConflictKey:
                    try registry.insert(
                        Route(
                            id: RouteID(uncheckedRawValue: "rte9999"), apiID: api.id,
                            routeKey: RouteKey(stored: "GET /pets/{petId}", protocolType: .http)))
                case .privateWithoutLink:
                    var changed = integration
                    changed.connectionType = .vpcLink
                    try registry.update(changed)
                case .mockOnHTTP:
                    try registry.insert(
                        Integration(
                            id: IntegrationID(uncheckedRawValue: "int9999"), apiID: api.id, integrationType: .mock,
                            payloadFormatVersion: "1.0", timeoutInMillis: 1000))
                case .timeout30001:
                    var changed = integration
                    changed.timeoutInMillis = 30_001
                    try registry.update(changed)
                case .deleteTargetedIntegration:
                    try registry.deleteIntegration(integration.id, in: api.id)
                case .duplicateAPIID:
                    try registry.insert(
                        API(
                            id: api.id, name: "again", protocolType: .http,
                            routeSelectionExpression: API.httpRouteSelectionExpression, createdDate: now))
                case .deleteUsedVpcLink:
                    try registry.deleteVpcLink(link.id)
                case .deleteServedDeployment:
                    try registry.insert(
                        Stage(
                            apiID: other.id, name: StageName(uncheckedRawValue: "prod"),
                            deploymentID: foreignDeployment.id, createdDate: now, lastUpdatedDate: now))
                    try registry.deleteDeployment(foreignDeployment.id, in: other.id)
                case .stageWithForeignDeployment:
                    try registry.insert(
                        Stage(
                            apiID: api.id, name: StageName(uncheckedRawValue: "prod"),
                            deploymentID: foreignDeployment.id, createdDate: now, lastUpdatedDate: now))
                }
            }
            Issue.record("The schema accepted \(bypass).")
        } catch {
            #expect(error.code == expected, "\(error)")
            #expect(error.message.hasPrefix("The registry refused the change"))
        }
        #expect(try await fixture.allRoutes(of: api.id) == [route])
        #expect(try await fixture.allIntegrations(of: api.id) == [integration])
    }
}
