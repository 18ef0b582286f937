"""ImportApi: an HTTP API from an OpenAPI 3.0 definition, as boto3 and the AWS CLI send it.

One write and one revision per import; warnings answered or, with failOnWarnings, refused; errors
naming their place in the definition; a refused import leaving nothing; an export imported back
giving the routes, integrations, authorizers and CORS it came from; a reimport keeping the ids of
what survives; the offline `integration-registry import` command.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import boto3
import requests

from conftest import DEFAULT_BINARY
from helpers import ACCESS_KEY, REGION, SECRET_KEY, all_api_ids, expect_error, list_all, unique_name
from registry_server import RegistryServer

LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:orders"


def definition(name: str, extra_paths: str = "") -> str:
    return f"""
openapi: 3.0.1
info:
  title: {name}
  description: imported
  version: '7'
tags:
  - name: team
    x-amazon-apigateway-tag-value: payments
x-amazon-apigateway-cors:
  allowOrigins: ['https://example.com']
paths:
  /orders:
    get:
      security:
        - users: [orders.read]
      x-amazon-apigateway-integration:
        $ref: '#/components/x-amazon-apigateway-integrations/orders'
    post:
      x-amazon-apigateway-integration:
        $ref: '#/components/x-amazon-apigateway-integrations/orders'
  /orders/{{id}}:
    delete:
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: DELETE
        uri: https://orders.example.com/{{id}}
        payloadFormatVersion: '1.0'
{extra_paths}
components:
  securitySchemes:
    users:
      type: oauth2
      flows: {{}}
      x-amazon-apigateway-authorizer:
        type: jwt
        identitySource: $request.header.Authorization
        jwtConfiguration:
          issuer: https://issuer.example.com
          audience: [orders]
  x-amazon-apigateway-integrations:
    orders:
      type: aws_proxy
      uri: {LAMBDA}
      payloadFormatVersion: '2.0'
"""


def delete_apis(client, *ids: str) -> None:
    for api_id in ids:
        client.delete_api(ApiId=api_id)


def test_import_makes_the_api_in_one_revision(client, raw):
    name = unique_name("import")
    imported = client.import_api(Body=definition(name))
    api_id = imported["ApiId"]
    try:
        assert imported["Name"] == name and imported["ProtocolType"] == "HTTP"
        assert imported["Description"] == "imported" and imported["Version"] == "7"
        assert imported["Tags"] == {"team": "payments"}
        assert imported["CorsConfiguration"]["AllowOrigins"] == ["https://example.com"]
        assert "Warnings" not in imported
        routes = {route["RouteKey"]: route for route in list_all(client, "get_routes", ApiId=api_id)}
        assert set(routes) == {"GET /orders", "POST /orders", "DELETE /orders/{id}"}
        integrations = {item["IntegrationId"]: item for item in list_all(client, "get_integrations", ApiId=api_id)}
        assert len(integrations) == 2
        shared = routes["GET /orders"]["Target"]
        assert shared == routes["POST /orders"]["Target"]
        assert integrations[shared.split("/")[1]]["IntegrationUri"] == LAMBDA
        authorizers = list_all(client, "get_authorizers", ApiId=api_id)
        assert [item["Name"] for item in authorizers] == ["users"]
        assert routes["GET /orders"]["AuthorizationType"] == "JWT"
        assert routes["GET /orders"]["AuthorizerId"] == authorizers[0]["AuthorizerId"]
        assert routes["GET /orders"]["AuthorizationScopes"] == ["orders.read"]
        revisions = raw.get(f"/v2/apis/{api_id}/revisions").json()["items"]
        assert [(item["revision"], item["operation"]) for item in revisions] == [(1, "ImportApi")]
        template = raw.get(f"/v2/apis/{api_id}/template")
        assert template.status_code == 200 and "AWS::ApiGatewayV2::Route" in template.text
    finally:
        delete_apis(client, api_id)


def test_warnings_come_back_or_refuse_the_import(client):
    mock = """
  /mock:
    get:
      x-amazon-apigateway-integration: {type: mock}
"""
    name = unique_name("import-warn")
    before = all_api_ids(client)
    with expect_error("BadRequestException", 400) as caught:
        client.import_api(Body=definition(name, mock), FailOnWarnings=True)
    assert caught.message.startswith("Warnings found during import:")
    assert "/paths/~1mock/get/x-amazon-apigateway-integration/type" in caught.message
    assert all_api_ids(client) == before
    imported = client.import_api(Body=definition(name, mock))
    try:
        assert len(imported["Warnings"]) == 1 and "mock" in imported["Warnings"][0]
        keys = {route["RouteKey"] for route in list_all(client, "get_routes", ApiId=imported["ApiId"])}
        assert "GET /mock" in keys
    finally:
        delete_apis(client, imported["ApiId"])


def newest_change(raw) -> int:
    items = raw.get("/v2/changes", params={"maxResults": "1"}).json()["items"]
    return items[0]["changeSequence"] if items else 0


def test_errors_name_their_place_and_a_refused_import_leaves_nothing(client, raw):
    before = all_api_ids(client)
    last_change = newest_change(raw)
    with expect_error("BadRequestException", 400) as caught:
        client.import_api(Body=json.dumps({"swagger": "2.0", "info": {"title": "old"}, "paths": {}}))
    assert "/swagger" in caught.message
    with expect_error("BadRequestException", 400) as caught:
        client.import_api(Body="openapi: 3.0.1\ninfo: {title: x}\npaths:\n  /a:\n    get:\n      security: [{nope: []}]")
    assert "/paths/~1a/get/security/0/nope" in caught.message
    conflict = """
  /orders/{name}:
    delete: {}
"""
    with expect_error("ConflictException", 409) as caught:
        client.import_api(Body=definition(unique_name("import-conflict"), conflict))
    assert caught.message.startswith("Errors found during import: /paths/~1orders~1{name}/delete:")
    with expect_error("BadRequestException", 400):
        client.import_api(Body="{not json or yaml: [")
    assert all_api_ids(client) == before
    assert newest_change(raw) == last_change, "a refused import records nothing"


def test_basepath_prepend_and_split(client):
    text = """
openapi: 3.0.1
info: {title: %s}
servers:
  - url: https://api.example.com/{basePath}
    variables:
      basePath: {default: v1/shop}
paths:
  /pets:
    get: {}
"""
    made = []
    try:
        for mode, key in (("ignore", "GET /pets"), ("prepend", "GET /v1/shop/pets"), ("split", "GET /shop/pets")):
            imported = client.import_api(Body=text % unique_name("import-base"), Basepath=mode)
            made.append(imported["ApiId"])
            assert [route["RouteKey"] for route in list_all(client, "get_routes", ApiId=imported["ApiId"])] == [key]
        with expect_error("BadRequestException", 400):
            client.import_api(Body=text % unique_name("import-base"), Basepath="sideways")
    finally:
        delete_apis(client, *made)


def test_an_export_imports_back_as_the_api_it_came_from(client, new_api):
    api_id = new_api(CorsConfiguration={"AllowOrigins": ["*"], "MaxAge": 60})["ApiId"]
    lambda_id = client.create_integration(
        ApiId=api_id, IntegrationType="AWS_PROXY", IntegrationUri=LAMBDA, PayloadFormatVersion="2.0",
        TimeoutInMillis=12000)["IntegrationId"]
    url_id = client.create_integration(
        ApiId=api_id, IntegrationType="HTTP_PROXY", IntegrationUri="https://example.com/{proxy}",
        IntegrationMethod="ANY", PayloadFormatVersion="1.0")["IntegrationId"]
    authorizer_id = client.create_authorizer(
        ApiId=api_id, Name="users", AuthorizerType="JWT", IdentitySource=["$request.header.Authorization"],
        JwtConfiguration={"Issuer": "https://issuer.example.com", "Audience": ["a"]})["AuthorizerId"]
    client.create_route(ApiId=api_id, RouteKey="GET /pets", Target=f"integrations/{lambda_id}")
    client.create_route(
        ApiId=api_id, RouteKey="POST /pets", Target=f"integrations/{lambda_id}", AuthorizationType="JWT",
        AuthorizerId=authorizer_id, AuthorizationScopes=["pets.write"])
    client.create_route(ApiId=api_id, RouteKey="ANY /files/{proxy+}", Target=f"integrations/{url_id}")
    client.create_route(ApiId=api_id, RouteKey="$default", Target=f"integrations/{lambda_id}")
    exported = client.export_api(
        ApiId=api_id, OutputType="YAML", Specification="OAS30", IncludeExtensions=True)["body"].read().decode()
    imported = client.import_api(Body=exported)["ApiId"]
    try:
        def shape(some_api: str):
            integrations = {
                item["IntegrationId"]: (item["IntegrationType"], item.get("IntegrationUri"),
                                        item.get("PayloadFormatVersion"), item.get("TimeoutInMillis"))
                for item in list_all(client, "get_integrations", ApiId=some_api)}
            authorizers = {
                item["AuthorizerId"]: (item["Name"], item["AuthorizerType"], tuple(item["IdentitySource"]),
                                       json.dumps(item.get("JwtConfiguration"), sort_keys=True))
                for item in list_all(client, "get_authorizers", ApiId=some_api)}
            routes = sorted(
                (route["RouteKey"], integrations[route["Target"].split("/")[1]], route["AuthorizationType"],
                 authorizers.get(route.get("AuthorizerId")), tuple(route.get("AuthorizationScopes", [])))
                for route in list_all(client, "get_routes", ApiId=some_api))
            api = client.get_api(ApiId=some_api)
            return routes, sorted(integrations.values()), sorted(authorizers.values()), api["CorsConfiguration"]

        assert shape(imported) == shape(api_id)
    finally:
        delete_apis(client, imported)


def test_a_dry_run_import_makes_nothing(client, raw):
    before = all_api_ids(client)
    response = raw.request("PUT", "/v2/apis", params={"dryRun": "true"},
                       data=json.dumps({"body": definition(unique_name("import-dry"))}))
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["dryRun"] is True and answer["response"]["name"].startswith("import-dry")
    assert any(change["resourceType"] == "AWS::ApiGatewayV2::Route" for change in answer["changes"]["changes"])
    assert all_api_ids(client) == before


def test_the_aws_cli_imports_a_file(client, aws_cli, tmp_path):
    path = tmp_path / "api.yaml"
    path.write_text(definition(unique_name("import-cli")))
    imported = aws_cli.run_json("import-api", "--body", f"file://{path}")
    try:
        keys = {route["RouteKey"] for route in list_all(client, "get_routes", ApiId=imported["ApiId"])}
        assert keys == {"GET /orders", "POST /orders", "DELETE /orders/{id}"}
    finally:
        delete_apis(client, imported["ApiId"])


def test_reimport_replaces_the_definition_and_keeps_the_ids_of_what_survives(client, raw):
    name = unique_name("reimport")
    api_id = client.import_api(Body=definition(name))["ApiId"]
    try:
        before = {route["RouteKey"]: route for route in list_all(client, "get_routes", ApiId=api_id)}
        authorizer_ids = [item["AuthorizerId"] for item in list_all(client, "get_authorizers", ApiId=api_id)]
        template_before = raw.get(f"/v2/apis/{api_id}/template").json()["Resources"]
        changed = definition(name).replace("/orders/{id}:\n    delete:", "/refunds/{id}:\n    post:")
        reimported = client.reimport_api(ApiId=api_id, Body=changed)
        assert reimported["ApiId"] == api_id
        after = {route["RouteKey"]: route for route in list_all(client, "get_routes", ApiId=api_id)}
        assert set(after) == {"GET /orders", "POST /orders", "POST /refunds/{id}"}
        for key in ("GET /orders", "POST /orders"):
            assert after[key]["RouteId"] == before[key]["RouteId"]
        assert [item["AuthorizerId"] for item in list_all(client, "get_authorizers", ApiId=api_id)] == authorizer_ids
        template_after = raw.get(f"/v2/apis/{api_id}/template").json()["Resources"]
        kept = {logical for logical in template_before if "GETorders" in logical or "POSTorders" in logical}
        assert kept and kept <= set(template_after), "surviving routes keep their logical IDs"
        revisions = raw.get(f"/v2/apis/{api_id}/revisions").json()["items"]
        assert [item["operation"] for item in revisions] == ["ReimportApi", "ImportApi"]
        change_set = raw.get(f"/v2/apis/{api_id}/changes", params={"format": "text"}).text
        assert "RouteDELETEordersid" in change_set and "RoutePOSTrefundsid" in change_set
        with expect_error("NotFoundException", 404):
            client.reimport_api(ApiId="nosuchapi0", Body=changed)
    finally:
        delete_apis(client, api_id)


def test_the_import_command_writes_a_database_the_server_serves(tmp_path):
    binary = str(Path(os.environ.get("REGISTRY_BIN") or DEFAULT_BINARY))
    db = tmp_path / "registry.sqlite"
    source = tmp_path / "api.yaml"
    source.write_text(definition("offline"))
    made = subprocess.run([binary, "import", "--db", str(db), "--openapi", str(source)],
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    api_id, rest = made.stdout.split(" ", 1)
    assert rest.startswith("offline: 3 routes, 2 integrations, 1 authorizers"), made.stdout
    source.write_text(definition("offline").replace("/orders/{id}:\n    delete:", "/refunds/{id}:\n    post:"))
    again = subprocess.run([binary, "import", "--db", str(db), "--openapi", str(source), "--api", api_id],
                           capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    refused = subprocess.run([binary, "import", "--db", str(db), "--openapi", "-"], input="swagger: '2.0'",
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "/swagger" in refused.stderr
    server = RegistryServer(Path(binary), tmp_path)
    base = server.start()
    try:
        client = boto3.client("apigatewayv2", endpoint_url=base, region_name=REGION,
                              aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)
        keys = {route["RouteKey"] for route in list_all(client, "get_routes", ApiId=api_id)}
        assert keys == {"GET /orders", "POST /orders", "POST /refunds/{id}"}
        revisions = requests.get(f"{base}/v2/apis/{api_id}/revisions", timeout=30).json()["items"]
        assert [(item["operation"], item["principal"]) for item in revisions] == [
            ("ReimportApi", "cli"), ("ImportApi", "cli")]
    finally:
        server.stop()
