-- 0005: the WebSocket API's models, route responses and integration responses.
--
-- All three belong to WebSocket APIs only (triggers: a CHECK cannot read the API's protocol).
-- A model's name is letters and digits, unique in its API, its schema JSON of at most 32,768
-- characters; a model that a route or a route response names cannot be deleted or renamed.
-- AWS supports only the route response key $default, once per route; an integration response key
-- is $default, a /regular expression/ or a status code, once per integration. Route and
-- integration responses go with their route or integration.

CREATE TABLE models (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    api_id TEXT NOT NULL REFERENCES apis (id) ON DELETE CASCADE,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 7 AND id NOT GLOB '*[^a-z0-9]*'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 128 AND name NOT GLOB '*[^A-Za-z0-9]*'),
    schema TEXT NOT NULL CHECK (length(schema) <= 32768 AND (schema = '' OR json_valid(schema))),
    content_type TEXT CHECK (length(content_type) BETWEEN 1 AND 256),
    description TEXT CHECK (length(description) <= 1024),
    UNIQUE (api_id, name)
);
CREATE INDEX models_by_api ON models (api_id, seq);

CREATE TABLE route_responses (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    api_id TEXT NOT NULL REFERENCES apis (id) ON DELETE CASCADE,
    route_id TEXT NOT NULL REFERENCES routes (id) ON DELETE CASCADE,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 7 AND id NOT GLOB '*[^a-z0-9]*'),
    route_response_key TEXT NOT NULL CHECK (route_response_key = '$default'),
    model_selection_expression TEXT CHECK (length(model_selection_expression) BETWEEN 1 AND 1024),
    response_models TEXT CHECK (response_models IS NULL OR json_valid(response_models)),
    response_parameters TEXT CHECK (response_parameters IS NULL OR json_valid(response_parameters)),
    UNIQUE (route_id, route_response_key)
);
CREATE INDEX route_responses_by_api ON route_responses (api_id, seq);

CREATE TABLE integration_responses (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    api_id TEXT NOT NULL REFERENCES apis (id) ON DELETE CASCADE,
    integration_id TEXT NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 7 AND id NOT GLOB '*[^a-z0-9]*'),
    integration_response_key TEXT NOT NULL CHECK (
        integration_response_key = '$default'
        OR (integration_response_key GLOB '/?*/' AND length(integration_response_key) <= 1024)
        OR (length(integration_response_key) = 3 AND integration_response_key NOT GLOB '*[^0-9]*')),
    template_selection_expression TEXT CHECK (length(template_selection_expression) BETWEEN 1 AND 1024),
    response_templates TEXT CHECK (response_templates IS NULL OR json_valid(response_templates)),
    content_handling_strategy TEXT CHECK (
        content_handling_strategy = 'CONVERT_TO_BINARY' OR content_handling_strategy = 'CONVERT_TO_TEXT'),
    response_parameters TEXT CHECK (response_parameters IS NULL OR json_valid(response_parameters)),
    UNIQUE (integration_id, integration_response_key)
);
CREATE INDEX integration_responses_by_api ON integration_responses (api_id, seq);

CREATE TRIGGER models_websocket_only BEFORE INSERT ON models
BEGIN
    SELECT RAISE(ABORT, 'models are supported only for WebSocket APIs')
    WHERE (SELECT protocol_type FROM apis WHERE id = NEW.api_id) <> 'WEBSOCKET';
END;
CREATE TRIGGER route_responses_websocket_only BEFORE INSERT ON route_responses
BEGIN
    SELECT RAISE(ABORT, 'route responses are supported only for WebSocket APIs')
    WHERE (SELECT protocol_type FROM apis WHERE id = NEW.api_id) <> 'WEBSOCKET';
    SELECT RAISE(ABORT, 'a route response belongs to a route of its API')
    WHERE (SELECT api_id FROM routes WHERE id = NEW.route_id) <> NEW.api_id;
END;
CREATE TRIGGER integration_responses_websocket_only BEFORE INSERT ON integration_responses
BEGIN
    SELECT RAISE(ABORT, 'integration responses are supported only for WebSocket APIs')
    WHERE (SELECT protocol_type FROM apis WHERE id = NEW.api_id) <> 'WEBSOCKET';
    SELECT RAISE(ABORT, 'an integration response belongs to an integration of its API')
    WHERE (SELECT api_id FROM integrations WHERE id = NEW.integration_id) <> NEW.api_id;
END;

-- A model that routes or route responses name stays (unless its whole API goes).
CREATE TRIGGER models_named_are_kept BEFORE DELETE ON models
WHEN EXISTS (SELECT 1 FROM apis WHERE id = OLD.api_id)
BEGIN
    SELECT RAISE(ABORT, 'a model that routes or route responses name cannot be deleted')
    WHERE EXISTS (
        SELECT 1 FROM routes, json_each(routes.request_models) AS named
        WHERE routes.api_id = OLD.api_id AND routes.request_models IS NOT NULL AND named.value = OLD.name)
    OR EXISTS (
        SELECT 1 FROM route_responses, json_each(route_responses.response_models) AS named
        WHERE route_responses.api_id = OLD.api_id AND route_responses.response_models IS NOT NULL
          AND named.value = OLD.name);
END;
CREATE TRIGGER models_named_keep_their_names BEFORE UPDATE OF name ON models
WHEN NEW.name <> OLD.name
BEGIN
    SELECT RAISE(ABORT, 'a model that routes or route responses name cannot be renamed')
    WHERE EXISTS (
        SELECT 1 FROM routes, json_each(routes.request_models) AS named
        WHERE routes.api_id = OLD.api_id AND routes.request_models IS NOT NULL AND named.value = OLD.name)
    OR EXISTS (
        SELECT 1 FROM route_responses, json_each(route_responses.response_models) AS named
        WHERE route_responses.api_id = OLD.api_id AND route_responses.response_models IS NOT NULL
          AND named.value = OLD.name);
END;
