"""The AWS CLI, unchanged, against the registry: every scenario of the CDK integrations module's
documentation created with `aws apigatewayv2 ... --endpoint-url` and read back, the CLI's own
paging, its error output for every error type, tags by ARN, and ExportApi to a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate

from helpers import unique_name

FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:BooksDefaultFn"
MESSAGE_HANDLER = "arn:aws:lambda:us-east-1:123456789012:function:MessageHandler"
ALB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/50dc6c495c0c9188/f2f7dc8efc522ab2"
NLB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/net/lb/50dc6c495c0c9188/aa11bb22cc33dd44"
CLOUD_MAP = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-abcdef0123456789"
SUBNETS = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]


@pytest.fixture
def cli_api(aws_cli, client):
    """Creates APIs through the CLI and deletes them (and VPC links) afterwards."""
    created_apis, created_links = [], []

    def create(*args: str) -> dict:
        api = aws_cli.run_json("create-api", "--name", unique_name("cli"), *args)
        created_apis.append(api["ApiId"])
        return api

    create.links = created_links
    yield create
    for api_id in created_apis:
        client.delete_api(ApiId=api_id)
    for link_id in created_links:
        client.delete_vpc_link(VpcLinkId=link_id)


def create_link(aws_cli, cli_api) -> str:
    link = aws_cli.run_json("create-vpc-link", "--name", unique_name("link"), "--subnet-ids", *SUBNETS,
                            "--security-group-ids", "sg-0c3d4e5f60718293a")
    cli_api.links.append(link["VpcLinkId"])
    assert link["VpcLinkStatus"] == "AVAILABLE" and link["VpcLinkVersion"] == "V2"
    return link["VpcLinkId"]


def test_lambda_proxy_get_books(aws_cli, cli_api):
    api = cli_api("--protocol-type", "HTTP")
    integration = aws_cli.run_json("create-integration", "--api-id", api["ApiId"], "--integration-type", "AWS_PROXY",
                                   "--integration-uri", FUNCTION, "--payload-format-version", "2.0")
    route = aws_cli.run_json("create-route", "--api-id", api["ApiId"], "--route-key", "GET /books",
                             "--target", "integrations/" + integration["IntegrationId"])
    stage = aws_cli.run_json("create-stage", "--api-id", api["ApiId"], "--stage-name", "$default", "--auto-deploy")
    assert stage["AutoDeploy"] is True and stage["DeploymentId"]
    read = aws_cli.run_json("get-route", "--api-id", api["ApiId"], "--route-id", route["RouteId"])
    assert read["RouteKey"] == "GET /books" and read["AuthorizationType"] == "NONE"
    assert read["Target"] == "integrations/" + integration["IntegrationId"]
    read = aws_cli.run_json("get-integration", "--api-id", api["ApiId"], "--integration-id", integration["IntegrationId"])
    assert (read["IntegrationType"], read["IntegrationUri"], read["PayloadFormatVersion"]) == ("AWS_PROXY", FUNCTION, "2.0")
    assert read["TimeoutInMillis"] == 30000 and read["ConnectionType"] == "INTERNET"


def test_http_proxy_to_a_url(aws_cli, cli_api):
    api = cli_api("--protocol-type", "HTTP")
    integration = aws_cli.run_json("create-integration", "--api-id", api["ApiId"], "--integration-type", "HTTP_PROXY",
                                   "--integration-uri", "https://get-books-proxy.myproxy.internal",
                                   "--integration-method", "GET")
    aws_cli.run_json("create-route", "--api-id", api["ApiId"], "--route-key", "GET /books",
                     "--target", "integrations/" + integration["IntegrationId"])
    read = aws_cli.run_json("get-integration", "--api-id", api["ApiId"], "--integration-id", integration["IntegrationId"])
    assert read["IntegrationMethod"] == "GET" and read["PayloadFormatVersion"] == "1.0"


@pytest.mark.parametrize("uri", [ALB, NLB, CLOUD_MAP], ids=["alb", "nlb", "cloud-map"])
def test_private_integration_through_a_vpc_link(aws_cli, cli_api, uri):
    link = create_link(aws_cli, cli_api)
    api = cli_api("--protocol-type", "HTTP")
    integration = aws_cli.run_json("create-integration", "--api-id", api["ApiId"], "--integration-type", "HTTP_PROXY",
                                   "--integration-uri", uri, "--integration-method", "ANY",
                                   "--connection-type", "VPC_LINK", "--connection-id", link)
    aws_cli.run_json("create-route", "--api-id", api["ApiId"], "--route-key", "$default",
                     "--target", "integrations/" + integration["IntegrationId"])
    read = aws_cli.run_json("get-integration", "--api-id", api["ApiId"], "--integration-id", integration["IntegrationId"])
    assert (read["ConnectionType"], read["ConnectionId"], read["IntegrationUri"]) == ("VPC_LINK", link, uri)
    busy = aws_cli.run("delete-vpc-link", "--vpc-link-id", link)
    assert busy.returncode in (254, 255) and "ConflictException" in busy.stderr


def test_websocket_api_with_a_lambda_on_sendmessage(aws_cli, cli_api):
    api = cli_api("--protocol-type", "WEBSOCKET", "--route-selection-expression", "$request.body.action")
    assert api["ApiEndpoint"].startswith("wss://")
    uri = f"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/{MESSAGE_HANDLER}/invocations"
    integration = aws_cli.run_json("create-integration", "--api-id", api["ApiId"], "--integration-type", "AWS_PROXY",
                                   "--integration-uri", uri)
    aws_cli.run_json("create-route", "--api-id", api["ApiId"], "--route-key", "sendmessage",
                     "--target", "integrations/" + integration["IntegrationId"])
    stage = aws_cli.run_json("create-stage", "--api-id", api["ApiId"], "--stage-name", "dev", "--auto-deploy")
    assert stage["AutoDeploy"] is True and stage["DeploymentId"]
    routes = aws_cli.run_json("get-routes", "--api-id", api["ApiId"])["Items"]
    assert [r["RouteKey"] for r in routes] == ["sendmessage"]
    read = aws_cli.run_json("get-integration", "--api-id", api["ApiId"], "--integration-id", integration["IntegrationId"])
    assert read["TimeoutInMillis"] == 29000 and read["IntegrationUri"] == uri


def test_cli_pages_automatically(aws_cli, cli_api):
    api = cli_api("--protocol-type", "HTTP")
    keys = [f"GET /page/r{n}" for n in range(11)]
    for key in keys:
        aws_cli.run_json("create-route", "--api-id", api["ApiId"], "--route-key", key)
    listed = aws_cli.run_json("get-routes", "--api-id", api["ApiId"], "--page-size", "3")
    assert [r["RouteKey"] for r in listed["Items"]] == keys
    first = aws_cli.run_json("get-routes", "--api-id", api["ApiId"], "--page-size", "3", "--max-items", "4")
    assert len(first["Items"]) == 4 and first["NextToken"]
    rest = aws_cli.run_json("get-routes", "--api-id", api["ApiId"], "--page-size", "3",
                            "--starting-token", first["NextToken"])
    assert [r["RouteKey"] for r in first["Items"] + rest["Items"]] == keys


@pytest.mark.parametrize("args, error, operation", [
    (["get-api", "--api-id", "zzzzzzzzzz"], "NotFoundException", "GetApi"),
    (["create-api", "--name", "x", "--protocol-type", "WEBSOCKET"], "BadRequestException", "CreateApi"),
    (["create-vpc-link", "--name", "x", "--subnet-ids"] + [f"subnet-0a1b2c3d4e5f607{n:02d}" for n in range(11)],
     "TooManyRequestsException", "CreateVpcLink"),
    (["get-apis", "--max-results", "0"], "BadRequestException", "GetApis"),
])
def test_cli_prints_each_error_type(aws_cli, args, error, operation):
    result = aws_cli.run(*args)
    assert result.returncode in (254, 255), result
    assert f"An error occurred ({error}) when calling the {operation} operation" in result.stderr, result.stderr
    assert result.stdout.strip() == ""


def test_cli_prints_a_conflict(aws_cli, cli_api):
    api = cli_api("--protocol-type", "HTTP")
    aws_cli.run_json("create-route", "--api-id", api["ApiId"], "--route-key", "GET /pets/{id}")
    result = aws_cli.run("create-route", "--api-id", api["ApiId"], "--route-key", "GET /pets/{petId}")
    assert result.returncode in (254, 255)
    assert "An error occurred (ConflictException) when calling the CreateRoute operation" in result.stderr


def test_tags_by_arn_with_the_cli(aws_cli, cli_api):
    api = cli_api("--protocol-type", "HTTP", "--tags", "team=core")
    arn = f"arn:aws:apigateway:us-east-1::/apis/{api['ApiId']}"
    aws_cli.run_json("tag-resource", "--resource-arn", arn, "--tags", "env=prod,owner=platform")
    assert aws_cli.run_json("get-tags", "--resource-arn", arn)["Tags"] == {
        "team": "core", "env": "prod", "owner": "platform"}
    aws_cli.run_json("untag-resource", "--resource-arn", arn, "--tag-keys", "team", "owner")
    assert aws_cli.run_json("get-tags", "--resource-arn", arn)["Tags"] == {"env": "prod"}


@pytest.mark.parametrize("region", ["eu-west-1", "ap-southeast-2"])
def test_region_of_the_credential_scope_is_in_api_endpoint(aws_cli, client, region):
    http = aws_cli.run_json("create-api", "--name", unique_name("region"), "--protocol-type", "HTTP", region=region)
    ws = aws_cli.run_json("create-api", "--name", unique_name("region"), "--protocol-type", "WEBSOCKET",
                          "--route-selection-expression", "$request.body.action", region=region)
    try:
        assert http["ApiEndpoint"] == f"https://{http['ApiId']}.execute-api.{region}.amazonaws.com"
        assert ws["ApiEndpoint"] == f"wss://{ws['ApiId']}.execute-api.{region}.amazonaws.com"
        read = aws_cli.run_json("get-api", "--api-id", http["ApiId"], region=region)
        assert read["ApiEndpoint"].endswith(f".execute-api.{region}.amazonaws.com")
    finally:
        client.delete_api(ApiId=http["ApiId"])
        client.delete_api(ApiId=ws["ApiId"])


def test_export_api_writes_a_valid_openapi_document(aws_cli, cli_api, tmp_path: Path):
    api = cli_api("--protocol-type", "HTTP", "--target", FUNCTION, "--route-key", "GET /books/{id}")
    for fmt, loader in (("YAML", yaml.safe_load), ("JSON", json.loads)):
        out = tmp_path / f"exported.{fmt.lower()}"
        result = aws_cli.run("export-api", "--api-id", api["ApiId"], "--output-type", fmt,
                             "--specification", "OAS30", str(out))
        assert result.returncode == 0, result.stderr
        document = loader(out.read_text())
        validate(document)
        assert document["openapi"] == "3.0.1"
        assert document["x-amazon-apigateway-importexport-version"] == "1.0"
        operation = document["paths"]["/books/{id}"]["get"]
        assert operation["x-amazon-apigateway-integration"]["type"] == "aws_proxy"
        assert document["paths"]["/books/{id}"]["parameters"][0]["name"] == "id"
