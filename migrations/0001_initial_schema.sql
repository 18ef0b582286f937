-- 0001: the registry's entities. Every domain rule that SQLite can express is repeated here as
-- a constraint, so a bug in the domain layer cannot store what AWS would refuse.

CREATE TABLE apis (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 10 AND id NOT GLOB '*[^a-z0-9]*'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 128),
    protocol_type TEXT NOT NULL CHECK (protocol_type IN ('HTTP', 'WEBSOCKET')),
    description TEXT CHECK (length(description) <= 1024),
    route_selection_expression TEXT NOT NULL
        CHECK (protocol_type <> 'HTTP' OR route_selection_expression = '$request.method $request.path'),
    api_key_selection_expression TEXT NOT NULL,
    cors_configuration TEXT CHECK (cors_configuration IS NULL OR protocol_type = 'HTTP'),
    disable_execute_api_endpoint INTEGER NOT NULL DEFAULT 0 CHECK (disable_execute_api_endpoint IN (0, 1)),
    disable_schema_validation INTEGER CHECK (disable_schema_validation IN (0, 1)),
    version TEXT CHECK (length(version) BETWEEN 1 AND 64),
    ip_address_type TEXT NOT NULL DEFAULT 'ipv4' CHECK (ip_address_type IN ('ipv4', 'dualstack')),
    created_ms INTEGER NOT NULL
);
CREATE INDEX apis_by_name ON apis (name);

CREATE TABLE vpc_links (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 7 AND id NOT GLOB '*[^a-z0-9]*'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 128),
    subnet_ids TEXT NOT NULL CHECK (json_array_length(subnet_ids) BETWEEN 1 AND 10),
    security_group_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(security_group_ids)),
    created_ms INTEGER NOT NULL
);

CREATE TABLE integrations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    api_id TEXT NOT NULL REFERENCES apis (id) ON DELETE CASCADE,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 7 AND id NOT GLOB '*[^a-z0-9]*'),
    integration_type TEXT NOT NULL CHECK (integration_type IN ('AWS_PROXY', 'HTTP_PROXY', 'AWS', 'HTTP', 'MOCK')),
    integration_uri TEXT CHECK (length(integration_uri) BETWEEN 1 AND 2048),
    integration_method TEXT CHECK (integration_method IN ('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY')),
    integration_subtype TEXT,
    connection_type TEXT NOT NULL CHECK (connection_type IN ('INTERNET', 'VPC_LINK')),
    connection_id TEXT REFERENCES vpc_links (id) ON DELETE RESTRICT,
    payload_format_version TEXT CHECK (payload_format_version IN ('1.0', '2.0')),
    timeout_ms INTEGER NOT NULL CHECK (timeout_ms BETWEEN 50 AND 30000),
    description TEXT CHECK (length(description) <= 1024),
    credentials_arn TEXT,
    request_parameters TEXT,
    request_templates TEXT,
    response_parameters TEXT,
    template_selection_expression TEXT,
    passthrough_behavior TEXT,
    content_handling_strategy TEXT,
    tls_server_name TEXT,
    api_gateway_managed INTEGER NOT NULL DEFAULT 0,
    UNIQUE (api_id, id),
    -- A private integration names its VPC link, an internet one names none.
    CHECK ((connection_type = 'VPC_LINK') = (connection_id IS NOT NULL)),
    CHECK (tls_server_name IS NULL OR connection_type = 'VPC_LINK'),
    CHECK (integration_method IS NULL OR integration_type <> 'AWS_PROXY' OR integration_method = 'POST'),
    CHECK (integration_type <> 'HTTP_PROXY' OR integration_method IS NOT NULL)
);
CREATE INDEX integrations_by_vpc_link ON integrations (connection_id) WHERE connection_id IS NOT NULL;

CREATE TABLE authorizers (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    api_id TEXT NOT NULL REFERENCES apis (id) ON DELETE CASCADE,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 7 AND id NOT GLOB '*[^a-z0-9]*'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 128),
    authorizer_type TEXT NOT NULL CHECK (authorizer_type IN ('REQUEST', 'JWT')),
    identity_source TEXT NOT NULL CHECK (json_valid(identity_source)),
    jwt_configuration TEXT,
    authorizer_uri TEXT,
    authorizer_payload_format_version TEXT CHECK (authorizer_payload_format_version IN ('1.0', '2.0')),
    authorizer_result_ttl INTEGER CHECK (authorizer_result_ttl BETWEEN 0 AND 3600),
    enable_simple_responses INTEGER,
    authorizer_credentials_arn TEXT,
    identity_validation_expression TEXT,
    UNIQUE (api_id, id),
    CHECK (authorizer_type <> 'JWT' OR jwt_configuration IS NOT NULL),
    CHECK (authorizer_type <> 'REQUEST' OR authorizer_uri IS NOT NULL)
);

CREATE TABLE routes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    api_id TEXT NOT NULL REFERENCES apis (id) ON DELETE CASCADE,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 7 AND id NOT GLOB '*[^a-z0-9]*'),
    route_key TEXT NOT NULL CHECK (length(route_key) BETWEEN 1 AND 1024),
    -- The key with variable names erased: two keys differing only in a variable's name collide here.
    conflict_key TEXT NOT NULL,
    target_integration_id TEXT,
    authorization_type TEXT NOT NULL DEFAULT 'NONE' CHECK (authorization_type IN ('NONE', 'AWS_IAM', 'CUSTOM', 'JWT')),
    authorizer_id TEXT,
    authorization_scopes TEXT,
    api_key_required INTEGER NOT NULL DEFAULT 0,
    operation_name TEXT CHECK (length(operation_name) BETWEEN 1 AND 64),
    model_selection_expression TEXT,
    route_response_selection_expression TEXT,
    request_models TEXT,
    request_parameters TEXT,
    api_gateway_managed INTEGER NOT NULL DEFAULT 0,
    UNIQUE (api_id, conflict_key),
    -- A route targets an integration of its own API; a targeted integration cannot be deleted.
    FOREIGN KEY (api_id, target_integration_id) REFERENCES integrations (api_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (api_id, authorizer_id) REFERENCES authorizers (api_id, id) ON DELETE RESTRICT,
    CHECK ((authorization_type IN ('CUSTOM', 'JWT')) = (authorizer_id IS NOT NULL))
);
CREATE INDEX routes_by_api ON routes (api_id, seq);
CREATE INDEX routes_by_target ON routes (api_id, target_integration_id) WHERE target_integration_id IS NOT NULL;
CREATE INDEX routes_by_authorizer ON routes (api_id, authorizer_id) WHERE authorizer_id IS NOT NULL;
CREATE INDEX integrations_by_api ON integrations (api_id, seq);
CREATE INDEX authorizers_by_api ON authorizers (api_id, seq);

CREATE TABLE deployments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    api_id TEXT NOT NULL REFERENCES apis (id) ON DELETE CASCADE,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 7 AND id NOT GLOB '*[^a-z0-9]*'),
    description TEXT CHECK (length(description) <= 1024),
    auto_deployed INTEGER NOT NULL CHECK (auto_deployed IN (0, 1)),
    created_ms INTEGER NOT NULL,
    UNIQUE (api_id, id)
);
CREATE INDEX deployments_by_api ON deployments (api_id, seq);

CREATE TABLE stages (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    api_id TEXT NOT NULL REFERENCES apis (id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (name = '$default' OR (length(name) BETWEEN 1 AND 128 AND name NOT GLOB '*[^A-Za-z0-9_-]*')),
    description TEXT CHECK (length(description) <= 1024),
    deployment_id TEXT,
    auto_deploy INTEGER NOT NULL DEFAULT 0 CHECK (auto_deploy IN (0, 1)),
    stage_variables TEXT,
    default_route_settings TEXT,
    route_settings TEXT,
    access_log_settings TEXT,
    client_certificate_id TEXT,
    api_gateway_managed INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    last_deployment_status_message TEXT,
    UNIQUE (api_id, name),
    -- A stage serves a deployment of its own API; a served deployment cannot be deleted.
    FOREIGN KEY (api_id, deployment_id) REFERENCES deployments (api_id, id) ON DELETE RESTRICT
);
CREATE INDEX stages_by_deployment ON stages (api_id, deployment_id) WHERE deployment_id IS NOT NULL;

CREATE TABLE api_tags (
    api_id TEXT NOT NULL REFERENCES apis (id) ON DELETE CASCADE,
    key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 128),
    value TEXT NOT NULL CHECK (length(value) <= 1600),
    PRIMARY KEY (api_id, key)
) WITHOUT ROWID;
CREATE INDEX api_tags_by_pair ON api_tags (key, value);

CREATE TABLE stage_tags (
    api_id TEXT NOT NULL,
    stage_name TEXT NOT NULL,
    key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 128),
    value TEXT NOT NULL CHECK (length(value) <= 1600),
    PRIMARY KEY (api_id, stage_name, key),
    FOREIGN KEY (api_id, stage_name) REFERENCES stages (api_id, name) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE vpc_link_tags (
    vpc_link_id TEXT NOT NULL REFERENCES vpc_links (id) ON DELETE CASCADE,
    key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 128),
    value TEXT NOT NULL CHECK (length(value) <= 1600),
    PRIMARY KEY (vpc_link_id, key)
) WITHOUT ROWID;

-- Cross-table rules that CHECK cannot see, enforced by triggers.
CREATE TRIGGER integrations_protocol_rules_insert BEFORE INSERT ON integrations
BEGIN
    SELECT RAISE(ABORT, 'HTTP APIs support only AWS_PROXY and HTTP_PROXY integrations')
    WHERE NEW.integration_type NOT IN ('AWS_PROXY', 'HTTP_PROXY')
      AND (SELECT protocol_type FROM apis WHERE id = NEW.api_id) = 'HTTP';
    SELECT RAISE(ABORT, 'private integrations are supported only for HTTP APIs')
    WHERE NEW.connection_type = 'VPC_LINK'
      AND (SELECT protocol_type FROM apis WHERE id = NEW.api_id) = 'WEBSOCKET';
    SELECT RAISE(ABORT, 'WebSocket integration timeouts are at most 29000 ms')
    WHERE NEW.timeout_ms > 29000
      AND (SELECT protocol_type FROM apis WHERE id = NEW.api_id) = 'WEBSOCKET';
END;
CREATE TRIGGER integrations_protocol_rules_update BEFORE UPDATE ON integrations
BEGIN
    SELECT RAISE(ABORT, 'HTTP APIs support only AWS_PROXY and HTTP_PROXY integrations')
    WHERE NEW.integration_type NOT IN ('AWS_PROXY', 'HTTP_PROXY')
      AND (SELECT protocol_type FROM apis WHERE id = NEW.api_id) = 'HTTP';
    SELECT RAISE(ABORT, 'private integrations are supported only for HTTP APIs')
    WHERE NEW.connection_type = 'VPC_LINK'
      AND (SELECT protocol_type FROM apis WHERE id = NEW.api_id) = 'WEBSOCKET';
    SELECT RAISE(ABORT, 'WebSocket integration timeouts are at most 29000 ms')
    WHERE NEW.timeout_ms > 29000
      AND (SELECT protocol_type FROM apis WHERE id = NEW.api_id) = 'WEBSOCKET';
END;
CREATE TRIGGER authorizers_jwt_http_only BEFORE INSERT ON authorizers
BEGIN
    SELECT RAISE(ABORT, 'JWT authorizers are supported only for HTTP APIs')
    WHERE NEW.authorizer_type = 'JWT' AND (SELECT protocol_type FROM apis WHERE id = NEW.api_id) = 'WEBSOCKET';
END;
