-- 0007: the catalog's full-text search, kept in the same transaction as every write.
--
-- `catalog_search` is an FTS5 index with one document per API (its id, name, description and
-- tags), per route (its key and operation name), per integration (its URI or type, VPC link,
-- subtype and description) and per authorizer (its name and Lambda URI). Words are matched whole,
-- after the Porter stemmer (`order` finds `orders`); prefix queries are not offered, because on a
-- term every route shares (`get`) they cost time in proportion to the catalog. No ranking is
-- offered either (results come newest API first), so FTS5 keeps no column sizes.
--
-- A document's rowid places it: the API's seq in the high 32 bits, the kind in the next two
-- (0 the API, 1 a route, 2 an integration, 3 an authorizer) and the entity's own seq modulo 2^30
-- in the low 30. So one API's documents are adjacent, a search walks the catalog newest API first
-- by rowid without sorting, a page ends at an API's boundary, and an API's documents are one range.
-- Two entities of one kind in one API whose seqs differ by a multiple of 2^30 would collide (the
-- write is then refused); no catalog creates a billion routes.
--
-- Triggers do not write the index itself: FTS5 writes its in-memory index out as a new segment at
-- every savepoint, and every write runs in one (the group commit's, and each statement's own), so
-- indexing in the triggers wrote a segment per statement and tripled a route's cost in the writer.
-- The triggers put each changed document in `catalog_search_pending` (its new text, or NULL for a
-- document to remove) and the writer moves the pending documents into the index just before the
-- group's commit, in the same transaction (CatalogSearchIndex in the store); a write that rolls
-- back takes its pending documents with it. A child whose API row is already gone (a cascade)
-- finds no API and queues nothing: the API's own delete has queued the removal of its range.
--
-- What each document says is written once, in the views `catalog_search_<kind>_documents`: the
-- triggers queue a view's row, and this migration indexes every row the views have today.

CREATE VIRTUAL TABLE catalog_search USING fts5(
    api_id UNINDEXED,
    kind UNINDEXED,
    item UNINDEXED,
    body,
    tokenize = 'porter unicode61 remove_diacritics 2',
    columnsize = 0
);

-- The documents written since the transaction began and not yet in the index: the new text of
-- each, or NULL for a document to remove. Empty outside a write.
CREATE TABLE catalog_search_pending (
    doc INTEGER PRIMARY KEY,
    api_id TEXT,
    kind TEXT,
    item TEXT,
    body TEXT
);

-- The catalog page filters by protocol newest first; this keeps that a seek at any size.
CREATE INDEX apis_by_protocol ON apis (protocol_type, seq);

-- Each indexed entity's document: its place (`doc`, the rowid), its API, its kind, its id and text.
CREATE VIEW catalog_search_api_documents AS
SELECT seq AS seq, seq << 32 AS doc, id AS api_id, 'api' AS kind, id AS item,
    id || char(10) || name || coalesce(char(10) || description, '')
    || coalesce((SELECT char(10) || group_concat(key || ' ' || value, char(10)) FROM api_tags WHERE api_id = apis.id), '')
    AS body
FROM apis;

CREATE VIEW catalog_search_route_documents AS
SELECT r.seq AS seq, (a.seq << 32) + (1 << 30) + (r.seq & 1073741823) AS doc, r.api_id AS api_id, 'route' AS kind,
    r.id AS item, r.route_key || coalesce(char(10) || r.operation_name, '') AS body
FROM routes r JOIN apis a ON a.id = r.api_id;

CREATE VIEW catalog_search_integration_documents AS
SELECT i.seq AS seq, (a.seq << 32) + (2 << 30) + (i.seq & 1073741823) AS doc, i.api_id AS api_id,
    'integration' AS kind, i.id AS item,
    coalesce(i.integration_uri, i.integration_type) || coalesce(char(10) || i.connection_id, '')
    || coalesce(char(10) || i.integration_subtype, '') || coalesce(char(10) || i.description, '') AS body
FROM integrations i JOIN apis a ON a.id = i.api_id;

CREATE VIEW catalog_search_authorizer_documents AS
SELECT z.seq AS seq, (a.seq << 32) + (3 << 30) + (z.seq & 1073741823) AS doc, z.api_id AS api_id,
    'authorizer' AS kind, z.id AS item, z.name || coalesce(char(10) || z.authorizer_uri, '') AS body
FROM authorizers z JOIN apis a ON a.id = z.api_id;

CREATE TRIGGER catalog_search_api_insert AFTER INSERT ON apis BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc, api_id, kind, item, body)
    SELECT doc, api_id, kind, item, body FROM catalog_search_api_documents WHERE seq = NEW.seq;
END;

CREATE TRIGGER catalog_search_api_update AFTER UPDATE OF name, description ON apis BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc, api_id, kind, item, body)
    SELECT doc, api_id, kind, item, body FROM catalog_search_api_documents WHERE seq = NEW.seq;
END;

CREATE TRIGGER catalog_search_api_delete AFTER DELETE ON apis BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc)
    SELECT rowid FROM catalog_search WHERE rowid BETWEEN OLD.seq << 32 AND (OLD.seq << 32) + 4294967295;
    UPDATE catalog_search_pending SET api_id = NULL, kind = NULL, item = NULL, body = NULL
    WHERE doc BETWEEN OLD.seq << 32 AND (OLD.seq << 32) + 4294967295;
END;

CREATE TRIGGER catalog_search_api_tag_insert AFTER INSERT ON api_tags BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc, api_id, kind, item, body)
    SELECT doc, api_id, kind, item, body FROM catalog_search_api_documents WHERE api_id = NEW.api_id;
END;

CREATE TRIGGER catalog_search_api_tag_update AFTER UPDATE ON api_tags BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc, api_id, kind, item, body)
    SELECT doc, api_id, kind, item, body FROM catalog_search_api_documents WHERE api_id = NEW.api_id;
END;

CREATE TRIGGER catalog_search_api_tag_delete AFTER DELETE ON api_tags BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc, api_id, kind, item, body)
    SELECT doc, api_id, kind, item, body FROM catalog_search_api_documents WHERE api_id = OLD.api_id;
END;

CREATE TRIGGER catalog_search_route_insert AFTER INSERT ON routes BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc, api_id, kind, item, body)
    SELECT doc, api_id, kind, item, body FROM catalog_search_route_documents WHERE seq = NEW.seq;
END;

CREATE TRIGGER catalog_search_route_update AFTER UPDATE OF route_key, operation_name ON routes BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc, api_id, kind, item, body)
    SELECT doc, api_id, kind, item, body FROM catalog_search_route_documents WHERE seq = NEW.seq;
END;

CREATE TRIGGER catalog_search_route_delete AFTER DELETE ON routes BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc)
    SELECT (seq << 32) + (1 << 30) + (OLD.seq & 1073741823) FROM apis WHERE id = OLD.api_id;
END;

CREATE TRIGGER catalog_search_integration_insert AFTER INSERT ON integrations BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc, api_id, kind, item, body)
    SELECT doc, api_id, kind, item, body FROM catalog_search_integration_documents WHERE seq = NEW.seq;
END;

CREATE TRIGGER catalog_search_integration_update AFTER UPDATE OF integration_uri, integration_type, connection_id, integration_subtype, description ON integrations BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc, api_id, kind, item, body)
    SELECT doc, api_id, kind, item, body FROM catalog_search_integration_documents WHERE seq = NEW.seq;
END;

CREATE TRIGGER catalog_search_integration_delete AFTER DELETE ON integrations BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc)
    SELECT (seq << 32) + (2 << 30) + (OLD.seq & 1073741823) FROM apis WHERE id = OLD.api_id;
END;

CREATE TRIGGER catalog_search_authorizer_insert AFTER INSERT ON authorizers BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc, api_id, kind, item, body)
    SELECT doc, api_id, kind, item, body FROM catalog_search_authorizer_documents WHERE seq = NEW.seq;
END;

CREATE TRIGGER catalog_search_authorizer_update AFTER UPDATE OF name, authorizer_uri ON authorizers BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc, api_id, kind, item, body)
    SELECT doc, api_id, kind, item, body FROM catalog_search_authorizer_documents WHERE seq = NEW.seq;
END;

CREATE TRIGGER catalog_search_authorizer_delete AFTER DELETE ON authorizers BEGIN
    INSERT OR REPLACE INTO catalog_search_pending (doc)
    SELECT (seq << 32) + (3 << 30) + (OLD.seq & 1073741823) FROM apis WHERE id = OLD.api_id;
END;

-- What the catalog already holds.
INSERT INTO catalog_search (rowid, api_id, kind, item, body)
SELECT doc, api_id, kind, item, body FROM catalog_search_api_documents
UNION ALL SELECT doc, api_id, kind, item, body FROM catalog_search_route_documents
UNION ALL SELECT doc, api_id, kind, item, body FROM catalog_search_integration_documents
UNION ALL SELECT doc, api_id, kind, item, body FROM catalog_search_authorizer_documents;
