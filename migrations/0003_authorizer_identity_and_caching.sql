-- 0003: the authorizer rules AWS enforces on identity sources and result caching, as triggers
-- (SQLite cannot add a CHECK to an existing table without rebuilding it, and these rules need
-- the API's protocol, which a CHECK cannot read).
--
-- * A results cache TTL above 0 needs at least one identity source (the cache key).
-- * WebSocket authorizers are not cached: they take no TTL.
-- * Identity sources only in AWS's forms: HTTP APIs `$request.header.X`, `$request.querystring.X`,
--   `$context.X`, `$stageVariables.X` (JWT: a header or a query string only); WebSocket APIs
--   `route.request.header.X`, `route.request.querystring.X`, `context.X`, `stageVariables.X`.
--   No space or comma inside one source.

CREATE TRIGGER authorizers_identity_and_caching_insert BEFORE INSERT ON authorizers
BEGIN
    SELECT RAISE(ABORT, 'an authorizer result cache TTL above 0 needs at least one identity source')
    WHERE NEW.authorizer_result_ttl > 0 AND json_array_length(NEW.identity_source) = 0;
    SELECT RAISE(ABORT, 'WebSocket authorizers take no result cache TTL')
    WHERE NEW.authorizer_result_ttl IS NOT NULL
      AND (SELECT protocol_type FROM apis WHERE id = NEW.api_id) = 'WEBSOCKET';
    SELECT RAISE(ABORT, 'an identity source is not in a form AWS supports')
    WHERE EXISTS (
        SELECT 1 FROM json_each(NEW.identity_source) AS source
        WHERE source.type <> 'text' OR source.value GLOB '*[ ,]*' OR NOT (
            CASE (SELECT protocol_type FROM apis WHERE id = NEW.api_id)
            WHEN 'WEBSOCKET' THEN
                source.value GLOB 'route.request.header.?*' OR source.value GLOB 'route.request.querystring.?*'
                OR source.value GLOB 'context.?*' OR source.value GLOB 'stageVariables.?*'
            ELSE
                source.value GLOB '$request.header.?*' OR source.value GLOB '$request.querystring.?*'
                OR (NEW.authorizer_type = 'REQUEST'
                    AND (source.value GLOB '$context.?*' OR source.value GLOB '$stageVariables.?*'))
            END));
END;

CREATE TRIGGER authorizers_identity_and_caching_update BEFORE UPDATE ON authorizers
BEGIN
    SELECT RAISE(ABORT, 'an authorizer result cache TTL above 0 needs at least one identity source')
    WHERE NEW.authorizer_result_ttl > 0 AND json_array_length(NEW.identity_source) = 0;
    SELECT RAISE(ABORT, 'WebSocket authorizers take no result cache TTL')
    WHERE NEW.authorizer_result_ttl IS NOT NULL
      AND (SELECT protocol_type FROM apis WHERE id = NEW.api_id) = 'WEBSOCKET';
    SELECT RAISE(ABORT, 'an identity source is not in a form AWS supports')
    WHERE EXISTS (
        SELECT 1 FROM json_each(NEW.identity_source) AS source
        WHERE source.type <> 'text' OR source.value GLOB '*[ ,]*' OR NOT (
            CASE (SELECT protocol_type FROM apis WHERE id = NEW.api_id)
            WHEN 'WEBSOCKET' THEN
                source.value GLOB 'route.request.header.?*' OR source.value GLOB 'route.request.querystring.?*'
                OR source.value GLOB 'context.?*' OR source.value GLOB 'stageVariables.?*'
            ELSE
                source.value GLOB '$request.header.?*' OR source.value GLOB '$request.querystring.?*'
                OR (NEW.authorizer_type = 'REQUEST'
                    AND (source.value GLOB '$context.?*' OR source.value GLOB '$stageVariables.?*'))
            END));
END;
