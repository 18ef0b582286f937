"""ExportApi through boto3: the body is an OpenAPI 3.0.1 document that openapi-spec-validator
accepts, with AWS's extensions for every kind of route and integration."""

from __future__ import annotations

import json

import pytest
import yaml
from botocore.exceptions import ClientError
from openapi_spec_validator import validate

from helpers import ALB_LISTENER_ARN, LAMBDA_ARN


def export(client, api_id: str, **kwargs) -> dict:
    body = client.export_api(ApiId=api_id, Specification="OAS30", **kwargs)["body"].read()
    return yaml.safe_load(body) if kwargs.get("OutputType") == "YAML" else json.loads(body)


def test_export_covers_every_route_kind(client, new_api, new_vpc_link):
    api = new_api()
    link = new_vpc_link()["VpcLinkId"]
    lam = client.create_integration(ApiId=api["ApiId"], IntegrationType="AWS_PROXY", IntegrationUri=LAMBDA_ARN,
                                    PayloadFormatVersion="2.0")["IntegrationId"]
    alb = client.create_integration(ApiId=api["ApiId"], IntegrationType="HTTP_PROXY", IntegrationUri=ALB_LISTENER_ARN,
                                    IntegrationMethod="ANY", ConnectionType="VPC_LINK", ConnectionId=link,
                                    TlsConfig={"ServerNameToVerify": "orders.internal"})["IntegrationId"]
    for key, target in [("GET /books/{id}", lam), ("ANY /orders/{proxy+}", alb), ("$default", lam)]:
        client.create_route(ApiId=api["ApiId"], RouteKey=key, Target="integrations/" + target)
    client.create_stage(ApiId=api["ApiId"], StageName="prod")

    for output_type in ("JSON", "YAML"):
        document = export(client, api["ApiId"], OutputType=output_type, StageName="prod")
        validate(document)
        paths = document["paths"]
        assert set(paths) == {"/books/{id}", "/orders/{proxy+}", "/$default"}
        assert paths["/$default"]["x-amazon-apigateway-any-method"]["isDefaultRoute"] is True
        private = paths["/orders/{proxy+}"]["x-amazon-apigateway-any-method"]["x-amazon-apigateway-integration"]
        assert private["connectionType"] == "VPC_LINK" and private["connectionId"] == link
        assert private["tlsConfig"] == {"serverNameToVerify": "orders.internal"}
        assert private["type"] == "http_proxy" and private["httpMethod"] == "ANY"
        assert paths["/orders/{proxy+}"]["parameters"][0]["name"] == "proxy+"
        assert document["servers"][0]["variables"]["basePath"]["default"] == "prod"

    bare = export(client, api["ApiId"], OutputType="JSON", IncludeExtensions=False)
    validate(bare)
    assert "x-amazon-apigateway" not in json.dumps(bare)


@pytest.mark.parametrize("kwargs, code", [
    ({"OutputType": "JSON", "StageName": "nope"}, "NotFoundException"),
    ({"OutputType": "JSON", "ExportVersion": "2.0"}, "BadRequestException"),
])
def test_export_refusals(client, new_api, kwargs, code):
    api = new_api()
    with pytest.raises(ClientError) as error:
        client.export_api(ApiId=api["ApiId"], Specification="OAS30", **kwargs)
    assert error.value.response["Error"]["Code"] == code


def test_websocket_apis_are_not_exported(client, new_api):
    api = new_api(ProtocolType="WEBSOCKET", RouteSelectionExpression="$request.body.action")
    with pytest.raises(ClientError) as error:
        client.export_api(ApiId=api["ApiId"], Specification="OAS30", OutputType="JSON")
    assert error.value.response["Error"]["Code"] == "BadRequestException"
