-- 0006: the catalog's history: one change record per successful write, and every row's versions.
--
-- `changes` is the append-only log: a catalog-wide sequence number, when, who (the principal's
-- name, never a credential), the request id, the AWS operation and the resource it names. Each
-- record belongs to one stream, whose revisions it counts: an API (its id; it and its children),
-- a VPC link (its id) or a custom domain name (its name; it and its API mappings).
--
-- Every table has a `<table>_history` twin with the same columns plus `valid_from` and `valid_to`:
-- the change sequence numbers between which that version of the row was current (`valid_to` NULL
-- while it still is). Triggers keep the twins in the same statement as the write, so a version
-- cannot be lost or invented: an insert opens a version, an update closes the open one and opens
-- the next, a delete (cascades included) closes it. Several writes of one row in one change keep
-- only the last version (INSERT OR REPLACE on the same valid_from). The current change is the
-- newest record, which the store inserts before the write's first row; a write that changes rows
-- without recording its change is refused by the store. A table's state after change Q is its
-- twin's rows with valid_from <= Q < coalesce(valid_to, infinity): rebuilding an old revision
-- reads one API's versions through the twins' primary keys, which lead with the API's id.
--
-- What is already in the database becomes revision 1 of each API, VPC link and domain name
-- (operation StartHistory, principal `registry`).

CREATE TABLE changes (
    seq INTEGER PRIMARY KEY,
    created_ms INTEGER NOT NULL,
    principal TEXT NOT NULL CHECK (length(principal) BETWEEN 1 AND 256),
    request_id TEXT CHECK (length(request_id) BETWEEN 1 AND 128),
    operation TEXT NOT NULL CHECK (length(operation) BETWEEN 1 AND 64),
    resource_type TEXT NOT NULL CHECK (length(resource_type) BETWEEN 1 AND 64),
    resource_id TEXT NOT NULL CHECK (length(resource_id) BETWEEN 1 AND 1024),
    stream TEXT NOT NULL CHECK (length(stream) BETWEEN 1 AND 512),
    revision INTEGER NOT NULL CHECK (revision >= 1),
    UNIQUE (stream, revision)
);

-- The log is append-only, and a stream's revisions count up from 1 without gaps.
CREATE TRIGGER changes_revisions_consecutive BEFORE INSERT ON changes
WHEN NEW.revision <> (SELECT coalesce(max(revision), 0) + 1 FROM changes WHERE stream = NEW.stream)
BEGIN
    SELECT RAISE(ABORT, 'A change record must take its stream''s next revision number.');
END;
CREATE TRIGGER changes_append_only_update BEFORE UPDATE ON changes
BEGIN
    SELECT RAISE(ABORT, 'Change records cannot be changed.');
END;
CREATE TRIGGER changes_append_only_delete BEFORE DELETE ON changes
BEGIN
    SELECT RAISE(ABORT, 'Change records cannot be deleted.');
END;

INSERT INTO changes (created_ms, principal, operation, resource_type, resource_id, stream, revision)
SELECT CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), 'registry', 'StartHistory', kind, id, id, 1
FROM (
    SELECT created_ms, 0 AS rank, seq, 'Api' AS kind, id FROM apis
    UNION ALL SELECT created_ms, 1, seq, 'VpcLink', id FROM vpc_links
    UNION ALL SELECT created_ms, 2, seq, 'DomainName', name FROM domain_names
)
ORDER BY created_ms, rank, seq;

CREATE TABLE apis_history (
    seq INTEGER,
    id TEXT NOT NULL,
    name TEXT,
    protocol_type TEXT,
    description TEXT,
    route_selection_expression TEXT,
    api_key_selection_expression TEXT,
    cors_configuration TEXT,
    disable_execute_api_endpoint INTEGER,
    disable_schema_validation INTEGER,
    version TEXT,
    ip_address_type TEXT,
    created_ms INTEGER,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (id, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER apis_history_insert AFTER INSERT ON apis BEGIN
    INSERT OR REPLACE INTO apis_history (seq, id, name, protocol_type, description, route_selection_expression, api_key_selection_expression, cors_configuration, disable_execute_api_endpoint, disable_schema_validation, version, ip_address_type, created_ms, valid_from)
    VALUES (NEW.seq, NEW.id, NEW.name, NEW.protocol_type, NEW.description, NEW.route_selection_expression, NEW.api_key_selection_expression, NEW.cors_configuration, NEW.disable_execute_api_endpoint, NEW.disable_schema_validation, NEW.version, NEW.ip_address_type, NEW.created_ms, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER apis_history_update AFTER UPDATE ON apis BEGIN
    UPDATE apis_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE id = OLD.id AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO apis_history (seq, id, name, protocol_type, description, route_selection_expression, api_key_selection_expression, cors_configuration, disable_execute_api_endpoint, disable_schema_validation, version, ip_address_type, created_ms, valid_from)
    VALUES (NEW.seq, NEW.id, NEW.name, NEW.protocol_type, NEW.description, NEW.route_selection_expression, NEW.api_key_selection_expression, NEW.cors_configuration, NEW.disable_execute_api_endpoint, NEW.disable_schema_validation, NEW.version, NEW.ip_address_type, NEW.created_ms, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER apis_history_delete AFTER DELETE ON apis BEGIN
    DELETE FROM apis_history WHERE id = OLD.id AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE apis_history SET valid_to = (SELECT max(seq) FROM changes) WHERE id = OLD.id AND valid_to IS NULL;
END;

INSERT INTO apis_history (seq, id, name, protocol_type, description, route_selection_expression, api_key_selection_expression, cors_configuration, disable_execute_api_endpoint, disable_schema_validation, version, ip_address_type, created_ms, valid_from)
SELECT seq, id, name, protocol_type, description, route_selection_expression, api_key_selection_expression, cors_configuration, disable_execute_api_endpoint, disable_schema_validation, version, ip_address_type, created_ms, (SELECT seq FROM changes WHERE stream = apis.id AND revision = 1) FROM apis;


CREATE TABLE api_tags_history (
    api_id TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (api_id, key, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER api_tags_history_insert AFTER INSERT ON api_tags BEGIN
    INSERT OR REPLACE INTO api_tags_history (api_id, key, value, valid_from)
    VALUES (NEW.api_id, NEW.key, NEW.value, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER api_tags_history_update AFTER UPDATE ON api_tags BEGIN
    UPDATE api_tags_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE api_id = OLD.api_id AND key = OLD.key AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO api_tags_history (api_id, key, value, valid_from)
    VALUES (NEW.api_id, NEW.key, NEW.value, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER api_tags_history_delete AFTER DELETE ON api_tags BEGIN
    DELETE FROM api_tags_history WHERE api_id = OLD.api_id AND key = OLD.key AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE api_tags_history SET valid_to = (SELECT max(seq) FROM changes) WHERE api_id = OLD.api_id AND key = OLD.key AND valid_to IS NULL;
END;

INSERT INTO api_tags_history (api_id, key, value, valid_from)
SELECT api_id, key, value, (SELECT seq FROM changes WHERE stream = api_tags.api_id AND revision = 1) FROM api_tags;


CREATE TABLE vpc_links_history (
    seq INTEGER,
    id TEXT NOT NULL,
    name TEXT,
    subnet_ids TEXT,
    security_group_ids TEXT,
    created_ms INTEGER,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (id, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER vpc_links_history_insert AFTER INSERT ON vpc_links BEGIN
    INSERT OR REPLACE INTO vpc_links_history (seq, id, name, subnet_ids, security_group_ids, created_ms, valid_from)
    VALUES (NEW.seq, NEW.id, NEW.name, NEW.subnet_ids, NEW.security_group_ids, NEW.created_ms, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER vpc_links_history_update AFTER UPDATE ON vpc_links BEGIN
    UPDATE vpc_links_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE id = OLD.id AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO vpc_links_history (seq, id, name, subnet_ids, security_group_ids, created_ms, valid_from)
    VALUES (NEW.seq, NEW.id, NEW.name, NEW.subnet_ids, NEW.security_group_ids, NEW.created_ms, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER vpc_links_history_delete AFTER DELETE ON vpc_links BEGIN
    DELETE FROM vpc_links_history WHERE id = OLD.id AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE vpc_links_history SET valid_to = (SELECT max(seq) FROM changes) WHERE id = OLD.id AND valid_to IS NULL;
END;

INSERT INTO vpc_links_history (seq, id, name, subnet_ids, security_group_ids, created_ms, valid_from)
SELECT seq, id, name, subnet_ids, security_group_ids, created_ms, (SELECT seq FROM changes WHERE stream = vpc_links.id AND revision = 1) FROM vpc_links;


CREATE TABLE vpc_link_tags_history (
    vpc_link_id TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (vpc_link_id, key, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER vpc_link_tags_history_insert AFTER INSERT ON vpc_link_tags BEGIN
    INSERT OR REPLACE INTO vpc_link_tags_history (vpc_link_id, key, value, valid_from)
    VALUES (NEW.vpc_link_id, NEW.key, NEW.value, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER vpc_link_tags_history_update AFTER UPDATE ON vpc_link_tags BEGIN
    UPDATE vpc_link_tags_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE vpc_link_id = OLD.vpc_link_id AND key = OLD.key AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO vpc_link_tags_history (vpc_link_id, key, value, valid_from)
    VALUES (NEW.vpc_link_id, NEW.key, NEW.value, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER vpc_link_tags_history_delete AFTER DELETE ON vpc_link_tags BEGIN
    DELETE FROM vpc_link_tags_history WHERE vpc_link_id = OLD.vpc_link_id AND key = OLD.key AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE vpc_link_tags_history SET valid_to = (SELECT max(seq) FROM changes) WHERE vpc_link_id = OLD.vpc_link_id AND key = OLD.key AND valid_to IS NULL;
END;

INSERT INTO vpc_link_tags_history (vpc_link_id, key, value, valid_from)
SELECT vpc_link_id, key, value, (SELECT seq FROM changes WHERE stream = vpc_link_tags.vpc_link_id AND revision = 1) FROM vpc_link_tags;


CREATE TABLE integrations_history (
    seq INTEGER NOT NULL,
    api_id TEXT NOT NULL,
    id TEXT,
    integration_type TEXT,
    integration_uri TEXT,
    integration_method TEXT,
    integration_subtype TEXT,
    connection_type TEXT,
    connection_id TEXT,
    payload_format_version TEXT,
    timeout_ms INTEGER,
    description TEXT,
    credentials_arn TEXT,
    request_parameters TEXT,
    request_templates TEXT,
    response_parameters TEXT,
    template_selection_expression TEXT,
    passthrough_behavior TEXT,
    content_handling_strategy TEXT,
    tls_server_name TEXT,
    api_gateway_managed INTEGER,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (api_id, seq, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER integrations_history_insert AFTER INSERT ON integrations BEGIN
    INSERT OR REPLACE INTO integrations_history (seq, api_id, id, integration_type, integration_uri, integration_method, integration_subtype, connection_type, connection_id, payload_format_version, timeout_ms, description, credentials_arn, request_parameters, request_templates, response_parameters, template_selection_expression, passthrough_behavior, content_handling_strategy, tls_server_name, api_gateway_managed, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.id, NEW.integration_type, NEW.integration_uri, NEW.integration_method, NEW.integration_subtype, NEW.connection_type, NEW.connection_id, NEW.payload_format_version, NEW.timeout_ms, NEW.description, NEW.credentials_arn, NEW.request_parameters, NEW.request_templates, NEW.response_parameters, NEW.template_selection_expression, NEW.passthrough_behavior, NEW.content_handling_strategy, NEW.tls_server_name, NEW.api_gateway_managed, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER integrations_history_update AFTER UPDATE ON integrations BEGIN
    UPDATE integrations_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO integrations_history (seq, api_id, id, integration_type, integration_uri, integration_method, integration_subtype, connection_type, connection_id, payload_format_version, timeout_ms, description, credentials_arn, request_parameters, request_templates, response_parameters, template_selection_expression, passthrough_behavior, content_handling_strategy, tls_server_name, api_gateway_managed, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.id, NEW.integration_type, NEW.integration_uri, NEW.integration_method, NEW.integration_subtype, NEW.connection_type, NEW.connection_id, NEW.payload_format_version, NEW.timeout_ms, NEW.description, NEW.credentials_arn, NEW.request_parameters, NEW.request_templates, NEW.response_parameters, NEW.template_selection_expression, NEW.passthrough_behavior, NEW.content_handling_strategy, NEW.tls_server_name, NEW.api_gateway_managed, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER integrations_history_delete AFTER DELETE ON integrations BEGIN
    DELETE FROM integrations_history WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE integrations_history SET valid_to = (SELECT max(seq) FROM changes) WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL;
END;

INSERT INTO integrations_history (seq, api_id, id, integration_type, integration_uri, integration_method, integration_subtype, connection_type, connection_id, payload_format_version, timeout_ms, description, credentials_arn, request_parameters, request_templates, response_parameters, template_selection_expression, passthrough_behavior, content_handling_strategy, tls_server_name, api_gateway_managed, valid_from)
SELECT seq, api_id, id, integration_type, integration_uri, integration_method, integration_subtype, connection_type, connection_id, payload_format_version, timeout_ms, description, credentials_arn, request_parameters, request_templates, response_parameters, template_selection_expression, passthrough_behavior, content_handling_strategy, tls_server_name, api_gateway_managed, (SELECT seq FROM changes WHERE stream = integrations.api_id AND revision = 1) FROM integrations;


CREATE TABLE authorizers_history (
    seq INTEGER NOT NULL,
    api_id TEXT NOT NULL,
    id TEXT,
    name TEXT,
    authorizer_type TEXT,
    identity_source TEXT,
    jwt_configuration TEXT,
    authorizer_uri TEXT,
    authorizer_payload_format_version TEXT,
    authorizer_result_ttl INTEGER,
    enable_simple_responses INTEGER,
    authorizer_credentials_arn TEXT,
    identity_validation_expression TEXT,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (api_id, seq, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER authorizers_history_insert AFTER INSERT ON authorizers BEGIN
    INSERT OR REPLACE INTO authorizers_history (seq, api_id, id, name, authorizer_type, identity_source, jwt_configuration, authorizer_uri, authorizer_payload_format_version, authorizer_result_ttl, enable_simple_responses, authorizer_credentials_arn, identity_validation_expression, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.id, NEW.name, NEW.authorizer_type, NEW.identity_source, NEW.jwt_configuration, NEW.authorizer_uri, NEW.authorizer_payload_format_version, NEW.authorizer_result_ttl, NEW.enable_simple_responses, NEW.authorizer_credentials_arn, NEW.identity_validation_expression, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER authorizers_history_update AFTER UPDATE ON authorizers BEGIN
    UPDATE authorizers_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO authorizers_history (seq, api_id, id, name, authorizer_type, identity_source, jwt_configuration, authorizer_uri, authorizer_payload_format_version, authorizer_result_ttl, enable_simple_responses, authorizer_credentials_arn, identity_validation_expression, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.id, NEW.name, NEW.authorizer_type, NEW.identity_source, NEW.jwt_configuration, NEW.authorizer_uri, NEW.authorizer_payload_format_version, NEW.authorizer_result_ttl, NEW.enable_simple_responses, NEW.authorizer_credentials_arn, NEW.identity_validation_expression, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER authorizers_history_delete AFTER DELETE ON authorizers BEGIN
    DELETE FROM authorizers_history WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE authorizers_history SET valid_to = (SELECT max(seq) FROM changes) WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL;
END;

INSERT INTO authorizers_history (seq, api_id, id, name, authorizer_type, identity_source, jwt_configuration, authorizer_uri, authorizer_payload_format_version, authorizer_result_ttl, enable_simple_responses, authorizer_credentials_arn, identity_validation_expression, valid_from)
SELECT seq, api_id, id, name, authorizer_type, identity_source, jwt_configuration, authorizer_uri, authorizer_payload_format_version, authorizer_result_ttl, enable_simple_responses, authorizer_credentials_arn, identity_validation_expression, (SELECT seq FROM changes WHERE stream = authorizers.api_id AND revision = 1) FROM authorizers;


CREATE TABLE routes_history (
    seq INTEGER NOT NULL,
    api_id TEXT NOT NULL,
    id TEXT,
    route_key TEXT,
    conflict_key TEXT,
    target_integration_id TEXT,
    authorization_type TEXT,
    authorizer_id TEXT,
    authorization_scopes TEXT,
    api_key_required INTEGER,
    operation_name TEXT,
    model_selection_expression TEXT,
    route_response_selection_expression TEXT,
    request_models TEXT,
    request_parameters TEXT,
    api_gateway_managed INTEGER,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (api_id, seq, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER routes_history_insert AFTER INSERT ON routes BEGIN
    INSERT OR REPLACE INTO routes_history (seq, api_id, id, route_key, conflict_key, target_integration_id, authorization_type, authorizer_id, authorization_scopes, api_key_required, operation_name, model_selection_expression, route_response_selection_expression, request_models, request_parameters, api_gateway_managed, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.id, NEW.route_key, NEW.conflict_key, NEW.target_integration_id, NEW.authorization_type, NEW.authorizer_id, NEW.authorization_scopes, NEW.api_key_required, NEW.operation_name, NEW.model_selection_expression, NEW.route_response_selection_expression, NEW.request_models, NEW.request_parameters, NEW.api_gateway_managed, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER routes_history_update AFTER UPDATE ON routes BEGIN
    UPDATE routes_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO routes_history (seq, api_id, id, route_key, conflict_key, target_integration_id, authorization_type, authorizer_id, authorization_scopes, api_key_required, operation_name, model_selection_expression, route_response_selection_expression, request_models, request_parameters, api_gateway_managed, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.id, NEW.route_key, NEW.conflict_key, NEW.target_integration_id, NEW.authorization_type, NEW.authorizer_id, NEW.authorization_scopes, NEW.api_key_required, NEW.operation_name, NEW.model_selection_expression, NEW.route_response_selection_expression, NEW.request_models, NEW.request_parameters, NEW.api_gateway_managed, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER routes_history_delete AFTER DELETE ON routes BEGIN
    DELETE FROM routes_history WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE routes_history SET valid_to = (SELECT max(seq) FROM changes) WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL;
END;

INSERT INTO routes_history (seq, api_id, id, route_key, conflict_key, target_integration_id, authorization_type, authorizer_id, authorization_scopes, api_key_required, operation_name, model_selection_expression, route_response_selection_expression, request_models, request_parameters, api_gateway_managed, valid_from)
SELECT seq, api_id, id, route_key, conflict_key, target_integration_id, authorization_type, authorizer_id, authorization_scopes, api_key_required, operation_name, model_selection_expression, route_response_selection_expression, request_models, request_parameters, api_gateway_managed, (SELECT seq FROM changes WHERE stream = routes.api_id AND revision = 1) FROM routes;


CREATE TABLE deployments_history (
    seq INTEGER NOT NULL,
    api_id TEXT NOT NULL,
    id TEXT,
    description TEXT,
    auto_deployed INTEGER,
    created_ms INTEGER,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (api_id, seq, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER deployments_history_insert AFTER INSERT ON deployments BEGIN
    INSERT OR REPLACE INTO deployments_history (seq, api_id, id, description, auto_deployed, created_ms, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.id, NEW.description, NEW.auto_deployed, NEW.created_ms, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER deployments_history_update AFTER UPDATE ON deployments BEGIN
    UPDATE deployments_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO deployments_history (seq, api_id, id, description, auto_deployed, created_ms, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.id, NEW.description, NEW.auto_deployed, NEW.created_ms, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER deployments_history_delete AFTER DELETE ON deployments BEGIN
    DELETE FROM deployments_history WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE deployments_history SET valid_to = (SELECT max(seq) FROM changes) WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL;
END;

INSERT INTO deployments_history (seq, api_id, id, description, auto_deployed, created_ms, valid_from)
SELECT seq, api_id, id, description, auto_deployed, created_ms, (SELECT seq FROM changes WHERE stream = deployments.api_id AND revision = 1) FROM deployments;


CREATE TABLE stages_history (
    seq INTEGER NOT NULL,
    api_id TEXT NOT NULL,
    name TEXT,
    description TEXT,
    deployment_id TEXT,
    auto_deploy INTEGER,
    stage_variables TEXT,
    default_route_settings TEXT,
    route_settings TEXT,
    access_log_settings TEXT,
    client_certificate_id TEXT,
    api_gateway_managed INTEGER,
    created_ms INTEGER,
    updated_ms INTEGER,
    last_deployment_status_message TEXT,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (api_id, seq, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER stages_history_insert AFTER INSERT ON stages BEGIN
    INSERT OR REPLACE INTO stages_history (seq, api_id, name, description, deployment_id, auto_deploy, stage_variables, default_route_settings, route_settings, access_log_settings, client_certificate_id, api_gateway_managed, created_ms, updated_ms, last_deployment_status_message, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.name, NEW.description, NEW.deployment_id, NEW.auto_deploy, NEW.stage_variables, NEW.default_route_settings, NEW.route_settings, NEW.access_log_settings, NEW.client_certificate_id, NEW.api_gateway_managed, NEW.created_ms, NEW.updated_ms, NEW.last_deployment_status_message, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER stages_history_update AFTER UPDATE ON stages BEGIN
    UPDATE stages_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO stages_history (seq, api_id, name, description, deployment_id, auto_deploy, stage_variables, default_route_settings, route_settings, access_log_settings, client_certificate_id, api_gateway_managed, created_ms, updated_ms, last_deployment_status_message, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.name, NEW.description, NEW.deployment_id, NEW.auto_deploy, NEW.stage_variables, NEW.default_route_settings, NEW.route_settings, NEW.access_log_settings, NEW.client_certificate_id, NEW.api_gateway_managed, NEW.created_ms, NEW.updated_ms, NEW.last_deployment_status_message, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER stages_history_delete AFTER DELETE ON stages BEGIN
    DELETE FROM stages_history WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE stages_history SET valid_to = (SELECT max(seq) FROM changes) WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL;
END;

INSERT INTO stages_history (seq, api_id, name, description, deployment_id, auto_deploy, stage_variables, default_route_settings, route_settings, access_log_settings, client_certificate_id, api_gateway_managed, created_ms, updated_ms, last_deployment_status_message, valid_from)
SELECT seq, api_id, name, description, deployment_id, auto_deploy, stage_variables, default_route_settings, route_settings, access_log_settings, client_certificate_id, api_gateway_managed, created_ms, updated_ms, last_deployment_status_message, (SELECT seq FROM changes WHERE stream = stages.api_id AND revision = 1) FROM stages;


CREATE TABLE stage_tags_history (
    api_id TEXT NOT NULL,
    stage_name TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (api_id, stage_name, key, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER stage_tags_history_insert AFTER INSERT ON stage_tags BEGIN
    INSERT OR REPLACE INTO stage_tags_history (api_id, stage_name, key, value, valid_from)
    VALUES (NEW.api_id, NEW.stage_name, NEW.key, NEW.value, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER stage_tags_history_update AFTER UPDATE ON stage_tags BEGIN
    UPDATE stage_tags_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE api_id = OLD.api_id AND stage_name = OLD.stage_name AND key = OLD.key AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO stage_tags_history (api_id, stage_name, key, value, valid_from)
    VALUES (NEW.api_id, NEW.stage_name, NEW.key, NEW.value, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER stage_tags_history_delete AFTER DELETE ON stage_tags BEGIN
    DELETE FROM stage_tags_history WHERE api_id = OLD.api_id AND stage_name = OLD.stage_name AND key = OLD.key AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE stage_tags_history SET valid_to = (SELECT max(seq) FROM changes) WHERE api_id = OLD.api_id AND stage_name = OLD.stage_name AND key = OLD.key AND valid_to IS NULL;
END;

INSERT INTO stage_tags_history (api_id, stage_name, key, value, valid_from)
SELECT api_id, stage_name, key, value, (SELECT seq FROM changes WHERE stream = stage_tags.api_id AND revision = 1) FROM stage_tags;


CREATE TABLE models_history (
    seq INTEGER NOT NULL,
    api_id TEXT NOT NULL,
    id TEXT,
    name TEXT,
    schema TEXT,
    content_type TEXT,
    description TEXT,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (api_id, seq, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER models_history_insert AFTER INSERT ON models BEGIN
    INSERT OR REPLACE INTO models_history (seq, api_id, id, name, schema, content_type, description, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.id, NEW.name, NEW.schema, NEW.content_type, NEW.description, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER models_history_update AFTER UPDATE ON models BEGIN
    UPDATE models_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO models_history (seq, api_id, id, name, schema, content_type, description, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.id, NEW.name, NEW.schema, NEW.content_type, NEW.description, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER models_history_delete AFTER DELETE ON models BEGIN
    DELETE FROM models_history WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE models_history SET valid_to = (SELECT max(seq) FROM changes) WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL;
END;

INSERT INTO models_history (seq, api_id, id, name, schema, content_type, description, valid_from)
SELECT seq, api_id, id, name, schema, content_type, description, (SELECT seq FROM changes WHERE stream = models.api_id AND revision = 1) FROM models;


CREATE TABLE route_responses_history (
    seq INTEGER NOT NULL,
    api_id TEXT NOT NULL,
    route_id TEXT,
    id TEXT,
    route_response_key TEXT,
    model_selection_expression TEXT,
    response_models TEXT,
    response_parameters TEXT,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (api_id, seq, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER route_responses_history_insert AFTER INSERT ON route_responses BEGIN
    INSERT OR REPLACE INTO route_responses_history (seq, api_id, route_id, id, route_response_key, model_selection_expression, response_models, response_parameters, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.route_id, NEW.id, NEW.route_response_key, NEW.model_selection_expression, NEW.response_models, NEW.response_parameters, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER route_responses_history_update AFTER UPDATE ON route_responses BEGIN
    UPDATE route_responses_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO route_responses_history (seq, api_id, route_id, id, route_response_key, model_selection_expression, response_models, response_parameters, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.route_id, NEW.id, NEW.route_response_key, NEW.model_selection_expression, NEW.response_models, NEW.response_parameters, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER route_responses_history_delete AFTER DELETE ON route_responses BEGIN
    DELETE FROM route_responses_history WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE route_responses_history SET valid_to = (SELECT max(seq) FROM changes) WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL;
END;

INSERT INTO route_responses_history (seq, api_id, route_id, id, route_response_key, model_selection_expression, response_models, response_parameters, valid_from)
SELECT seq, api_id, route_id, id, route_response_key, model_selection_expression, response_models, response_parameters, (SELECT seq FROM changes WHERE stream = route_responses.api_id AND revision = 1) FROM route_responses;


CREATE TABLE integration_responses_history (
    seq INTEGER NOT NULL,
    api_id TEXT NOT NULL,
    integration_id TEXT,
    id TEXT,
    integration_response_key TEXT,
    template_selection_expression TEXT,
    response_templates TEXT,
    content_handling_strategy TEXT,
    response_parameters TEXT,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (api_id, seq, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER integration_responses_history_insert AFTER INSERT ON integration_responses BEGIN
    INSERT OR REPLACE INTO integration_responses_history (seq, api_id, integration_id, id, integration_response_key, template_selection_expression, response_templates, content_handling_strategy, response_parameters, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.integration_id, NEW.id, NEW.integration_response_key, NEW.template_selection_expression, NEW.response_templates, NEW.content_handling_strategy, NEW.response_parameters, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER integration_responses_history_update AFTER UPDATE ON integration_responses BEGIN
    UPDATE integration_responses_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO integration_responses_history (seq, api_id, integration_id, id, integration_response_key, template_selection_expression, response_templates, content_handling_strategy, response_parameters, valid_from)
    VALUES (NEW.seq, NEW.api_id, NEW.integration_id, NEW.id, NEW.integration_response_key, NEW.template_selection_expression, NEW.response_templates, NEW.content_handling_strategy, NEW.response_parameters, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER integration_responses_history_delete AFTER DELETE ON integration_responses BEGIN
    DELETE FROM integration_responses_history WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE integration_responses_history SET valid_to = (SELECT max(seq) FROM changes) WHERE api_id = OLD.api_id AND seq = OLD.seq AND valid_to IS NULL;
END;

INSERT INTO integration_responses_history (seq, api_id, integration_id, id, integration_response_key, template_selection_expression, response_templates, content_handling_strategy, response_parameters, valid_from)
SELECT seq, api_id, integration_id, id, integration_response_key, template_selection_expression, response_templates, content_handling_strategy, response_parameters, (SELECT seq FROM changes WHERE stream = integration_responses.api_id AND revision = 1) FROM integration_responses;


CREATE TABLE domain_names_history (
    seq INTEGER,
    name TEXT NOT NULL,
    endpoint_id TEXT,
    certificate_arn TEXT,
    certificate_name TEXT,
    endpoint_type TEXT,
    security_policy TEXT,
    ownership_verification_certificate_arn TEXT,
    ip_address_type TEXT,
    truststore_uri TEXT,
    truststore_version TEXT,
    routing_mode TEXT,
    created_ms INTEGER,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (name, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER domain_names_history_insert AFTER INSERT ON domain_names BEGIN
    INSERT OR REPLACE INTO domain_names_history (seq, name, endpoint_id, certificate_arn, certificate_name, endpoint_type, security_policy, ownership_verification_certificate_arn, ip_address_type, truststore_uri, truststore_version, routing_mode, created_ms, valid_from)
    VALUES (NEW.seq, NEW.name, NEW.endpoint_id, NEW.certificate_arn, NEW.certificate_name, NEW.endpoint_type, NEW.security_policy, NEW.ownership_verification_certificate_arn, NEW.ip_address_type, NEW.truststore_uri, NEW.truststore_version, NEW.routing_mode, NEW.created_ms, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER domain_names_history_update AFTER UPDATE ON domain_names BEGIN
    UPDATE domain_names_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE name = OLD.name AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO domain_names_history (seq, name, endpoint_id, certificate_arn, certificate_name, endpoint_type, security_policy, ownership_verification_certificate_arn, ip_address_type, truststore_uri, truststore_version, routing_mode, created_ms, valid_from)
    VALUES (NEW.seq, NEW.name, NEW.endpoint_id, NEW.certificate_arn, NEW.certificate_name, NEW.endpoint_type, NEW.security_policy, NEW.ownership_verification_certificate_arn, NEW.ip_address_type, NEW.truststore_uri, NEW.truststore_version, NEW.routing_mode, NEW.created_ms, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER domain_names_history_delete AFTER DELETE ON domain_names BEGIN
    DELETE FROM domain_names_history WHERE name = OLD.name AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE domain_names_history SET valid_to = (SELECT max(seq) FROM changes) WHERE name = OLD.name AND valid_to IS NULL;
END;

INSERT INTO domain_names_history (seq, name, endpoint_id, certificate_arn, certificate_name, endpoint_type, security_policy, ownership_verification_certificate_arn, ip_address_type, truststore_uri, truststore_version, routing_mode, created_ms, valid_from)
SELECT seq, name, endpoint_id, certificate_arn, certificate_name, endpoint_type, security_policy, ownership_verification_certificate_arn, ip_address_type, truststore_uri, truststore_version, routing_mode, created_ms, (SELECT seq FROM changes WHERE stream = domain_names.name AND revision = 1) FROM domain_names;


CREATE TABLE domain_name_tags_history (
    domain_name TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (domain_name, key, valid_from)
) WITHOUT ROWID;

CREATE TRIGGER domain_name_tags_history_insert AFTER INSERT ON domain_name_tags BEGIN
    INSERT OR REPLACE INTO domain_name_tags_history (domain_name, key, value, valid_from)
    VALUES (NEW.domain_name, NEW.key, NEW.value, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER domain_name_tags_history_update AFTER UPDATE ON domain_name_tags BEGIN
    UPDATE domain_name_tags_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE domain_name = OLD.domain_name AND key = OLD.key AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO domain_name_tags_history (domain_name, key, value, valid_from)
    VALUES (NEW.domain_name, NEW.key, NEW.value, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER domain_name_tags_history_delete AFTER DELETE ON domain_name_tags BEGIN
    DELETE FROM domain_name_tags_history WHERE domain_name = OLD.domain_name AND key = OLD.key AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE domain_name_tags_history SET valid_to = (SELECT max(seq) FROM changes) WHERE domain_name = OLD.domain_name AND key = OLD.key AND valid_to IS NULL;
END;

INSERT INTO domain_name_tags_history (domain_name, key, value, valid_from)
SELECT domain_name, key, value, (SELECT seq FROM changes WHERE stream = domain_name_tags.domain_name AND revision = 1) FROM domain_name_tags;


CREATE TABLE api_mappings_history (
    seq INTEGER NOT NULL,
    id TEXT,
    domain_name TEXT NOT NULL,
    api_id TEXT,
    stage TEXT,
    mapping_key TEXT,
    valid_from INTEGER NOT NULL,
    valid_to INTEGER CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (domain_name, seq, valid_from)
) WITHOUT ROWID;

CREATE INDEX api_mappings_history_by_api_id ON api_mappings_history (api_id);

CREATE TRIGGER api_mappings_history_insert AFTER INSERT ON api_mappings BEGIN
    INSERT OR REPLACE INTO api_mappings_history (seq, id, domain_name, api_id, stage, mapping_key, valid_from)
    VALUES (NEW.seq, NEW.id, NEW.domain_name, NEW.api_id, NEW.stage, NEW.mapping_key, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER api_mappings_history_update AFTER UPDATE ON api_mappings BEGIN
    UPDATE api_mappings_history SET valid_to = (SELECT max(seq) FROM changes)
    WHERE domain_name = OLD.domain_name AND seq = OLD.seq AND valid_to IS NULL AND valid_from < (SELECT max(seq) FROM changes);
    INSERT OR REPLACE INTO api_mappings_history (seq, id, domain_name, api_id, stage, mapping_key, valid_from)
    VALUES (NEW.seq, NEW.id, NEW.domain_name, NEW.api_id, NEW.stage, NEW.mapping_key, (SELECT max(seq) FROM changes));
END;

CREATE TRIGGER api_mappings_history_delete AFTER DELETE ON api_mappings BEGIN
    DELETE FROM api_mappings_history WHERE domain_name = OLD.domain_name AND seq = OLD.seq AND valid_from = (SELECT max(seq) FROM changes);
    UPDATE api_mappings_history SET valid_to = (SELECT max(seq) FROM changes) WHERE domain_name = OLD.domain_name AND seq = OLD.seq AND valid_to IS NULL;
END;

INSERT INTO api_mappings_history (seq, id, domain_name, api_id, stage, mapping_key, valid_from)
SELECT seq, id, domain_name, api_id, stage, mapping_key, (SELECT seq FROM changes WHERE stream = api_mappings.domain_name AND revision = 1) FROM api_mappings;

