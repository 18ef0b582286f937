-- 0004: custom domain names and their API mappings.
--
-- A domain name is keyed by the name itself (lowercase, as DNS compares names). The V2 API
-- manages only REGIONAL names with the TLS 1.2 policy, with one endpoint configuration.
-- An API mapping serves one stage of one API under a key that is unique on its domain; deleting
-- the domain deletes its mappings, while a mapped API or stage cannot be deleted (AWS refuses
-- both until the mappings are removed).

CREATE TABLE domain_names (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE CHECK (
        length(name) BETWEEN 3 AND 253 AND name = lower(name) AND name LIKE '%_._%'
        AND name NOT GLOB '*[^a-z0-9.*-]*'),
    endpoint_id TEXT NOT NULL UNIQUE CHECK (length(endpoint_id) = 12 AND endpoint_id GLOB 'd-*'),
    certificate_arn TEXT NOT NULL CHECK (certificate_arn GLOB 'arn:*:acm:*:certificate/?*'),
    certificate_name TEXT CHECK (length(certificate_name) BETWEEN 1 AND 128),
    endpoint_type TEXT NOT NULL CHECK (endpoint_type = 'REGIONAL'),
    security_policy TEXT NOT NULL CHECK (security_policy = 'TLS_1_2'),
    ownership_verification_certificate_arn TEXT,
    ip_address_type TEXT CHECK (ip_address_type = 'ipv4' OR ip_address_type = 'dualstack'),
    truststore_uri TEXT CHECK (truststore_uri GLOB 's3://?*/?*' AND length(truststore_uri) <= 2048),
    truststore_version TEXT CHECK (length(truststore_version) BETWEEN 1 AND 64),
    routing_mode TEXT NOT NULL DEFAULT 'API_MAPPING_ONLY' CHECK (
        routing_mode = 'API_MAPPING_ONLY' OR routing_mode = 'ROUTING_RULE_ONLY'
        OR routing_mode = 'ROUTING_RULE_THEN_API_MAPPING'),
    created_ms INTEGER NOT NULL,
    CHECK (truststore_version IS NULL OR truststore_uri IS NOT NULL),
    CHECK (ownership_verification_certificate_arn IS NULL OR truststore_uri IS NOT NULL)
);

CREATE TABLE domain_name_tags (
    domain_name TEXT NOT NULL REFERENCES domain_names (name) ON DELETE CASCADE,
    key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 128),
    value TEXT NOT NULL CHECK (length(value) <= 1600),
    PRIMARY KEY (domain_name, key)
) WITHOUT ROWID;

CREATE TABLE api_mappings (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE CHECK (length(id) = 6 AND id NOT GLOB '*[^a-z0-9]*'),
    domain_name TEXT NOT NULL REFERENCES domain_names (name) ON DELETE CASCADE,
    api_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    mapping_key TEXT NOT NULL DEFAULT '' CHECK (
        length(mapping_key) <= 300 AND mapping_key NOT GLOB '*[^A-Za-z0-9$_.+!*''()/-]*'
        AND mapping_key NOT GLOB '/*' AND mapping_key NOT GLOB '*/' AND mapping_key NOT GLOB '*//*'),
    UNIQUE (domain_name, mapping_key),
    -- The stage exists in the API; neither is deleted while it is mapped.
    FOREIGN KEY (api_id, stage) REFERENCES stages (api_id, name) ON DELETE RESTRICT
);
CREATE INDEX api_mappings_by_domain ON api_mappings (domain_name, seq);
CREATE INDEX api_mappings_by_stage ON api_mappings (api_id, stage);

-- WebSocket keys have one level, and a domain serves either WebSocket APIs or HTTP APIs.
CREATE TRIGGER api_mappings_protocol_rules_insert BEFORE INSERT ON api_mappings
BEGIN
    SELECT RAISE(ABORT, 'WebSocket API mapping keys have one level')
    WHERE NEW.mapping_key GLOB '*/*' AND (SELECT protocol_type FROM apis WHERE id = NEW.api_id) = 'WEBSOCKET';
    SELECT RAISE(ABORT, 'WebSocket APIs cannot share a custom domain name with HTTP APIs')
    WHERE EXISTS (
        SELECT 1 FROM api_mappings AS other JOIN apis AS mapped ON mapped.id = other.api_id
        WHERE other.domain_name = NEW.domain_name
          AND mapped.protocol_type <> (SELECT protocol_type FROM apis WHERE id = NEW.api_id));
END;
CREATE TRIGGER api_mappings_protocol_rules_update BEFORE UPDATE ON api_mappings
BEGIN
    SELECT RAISE(ABORT, 'WebSocket API mapping keys have one level')
    WHERE NEW.mapping_key GLOB '*/*' AND (SELECT protocol_type FROM apis WHERE id = NEW.api_id) = 'WEBSOCKET';
    SELECT RAISE(ABORT, 'WebSocket APIs cannot share a custom domain name with HTTP APIs')
    WHERE EXISTS (
        SELECT 1 FROM api_mappings AS other JOIN apis AS mapped ON mapped.id = other.api_id
        WHERE other.domain_name = NEW.domain_name AND other.id <> NEW.id
          AND mapped.protocol_type <> (SELECT protocol_type FROM apis WHERE id = NEW.api_id));
END;
