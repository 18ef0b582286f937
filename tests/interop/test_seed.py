"""`integration-registry seed`: a synthetic catalog written through the registry's own rules, which
the server then serves like any other (boto3 reads it back, page by page)."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from pathlib import Path

import boto3

from conftest import DEFAULT_BINARY
from helpers import ACCESS_KEY, REGION, SECRET_KEY
from registry_server import RegistryServer


RESOURCES = ["orders", "users", "payments", "invoices", "carts", "products", "accounts", "sessions", "shipments",
             "refunds", "customers", "reviews", "coupons", "stores", "inventory", "catalog", "reports", "webhooks",
             "tokens", "subscriptions"]


def binary() -> Path:
    return Path(os.environ.get("REGISTRY_BIN") or DEFAULT_BINARY)


def test_seed_writes_a_catalog_the_server_serves(tmp_path):
    db = tmp_path / "registry.sqlite"
    seeded = subprocess.run([str(binary()), "seed", "--db", str(db), "--apis", "120", "--routes-per-api", "7",
                             "--concurrency", "32"], capture_output=True, text=True, timeout=120)
    assert seeded.returncode == 0, seeded.stderr
    assert re.search(r"added 120 APIs, 120 integrations and 840 routes in [0-9.]+ s \(1080 writes in \d+ "
                     r"transactions\)", seeded.stdout), seeded.stdout
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Every route targets the integration of its own API.
        assert connection.execute(
            "SELECT count(*) FROM routes r JOIN integrations i ON i.id = r.target_integration_id "
            "AND i.api_id = r.api_id").fetchone()[0] == 840

    server = RegistryServer(binary(), tmp_path)
    base = server.start()
    try:
        client = boto3.client("apigatewayv2", endpoint_url=base, region_name=REGION,
                              aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)
        apis = [api for page in client.get_paginator("get_apis").paginate(PaginationConfig={"PageSize": 50})
                for api in page["Items"]]
        assert len(apis) == 120 and len({api["ApiId"] for api in apis}) == 120
        assert {api["Name"] for api in apis} == {f"seed-{n}" for n in range(120)}
        sample = apis[57]["ApiId"]
        routes = client.get_routes(ApiId=sample)["Items"]
        integrations = client.get_integrations(ApiId=sample)["Items"]
        assert len(routes) == 7 and len(integrations) == 1
        assert {route["Target"] for route in routes} == {"integrations/" + integrations[0]["IntegrationId"]}
        # Routes are named after one of twenty resources, shifting with the API's number; APIs are
        # described and tagged by team, so the catalog's search has words of every frequency.
        number = int(apis[57]["Name"].split("-")[1])
        assert sorted(route["RouteKey"] for route in routes) == sorted(
            f"GET /{RESOURCES[(number + n) % 20]}/{n}/{{id}}" for n in range(7))
        assert apis[57]["Tags"] == {"team": f"team-{number % 50}", "env": "staging" if number % 10 == 0 else "prod"}
        assert apis[57]["Description"] == f"The {RESOURCES[number % 20]} service of team {number % 50}"
    finally:
        assert server.stop() == 0


def test_seed_refuses_bad_arguments(tmp_path):
    for arguments in (["--apis", "-1"], ["--routes-per-api", "301"], ["--concurrency", "0"]):
        refused = subprocess.run([str(binary()), "seed", "--db", str(tmp_path / "x.sqlite"), *arguments],
                                 capture_output=True, text=True, timeout=60)
        assert refused.returncode != 0
        assert "--" in refused.stderr
