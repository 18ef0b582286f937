"""Custom domain names and API mappings through boto3 (with its paginators) and the AWS CLI:
CreateDomainName / GetDomainName(s) / UpdateDomainName / DeleteDomainName, CreateApiMapping /
GetApiMapping(s) / UpdateApiMapping / DeleteApiMapping, AWS's rules and error codes, tags by ARN,
and the domain name's own CloudFormation template next to the API templates that map onto it."""

from __future__ import annotations

import json
import uuid

import pytest

from helpers import assert_status, body, expect_error, pages
from test_templates import cfn_lint

CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:books"


def mapping_pages(client, name: str, page_size: int | None = None) -> list[list[dict]]:
    """Every page of GetApiMappings, following NextToken (botocore has no paginator for it)."""
    result, token = [], None
    while True:
        args = {"DomainName": name}
        if page_size:
            args["MaxResults"] = str(page_size)
        if token:
            args["NextToken"] = token
        page = client.get_api_mappings(**args)
        result.append(page.get("Items", []))
        token = page.get("NextToken")
        if not token:
            return result


def all_mappings(client, name: str) -> list[dict]:
    return [m for page in mapping_pages(client, name) for m in page]


@pytest.fixture
def new_domain(client):
    """Creates domain names with unique names (domain names are unique registry-wide); deleted afterwards."""
    created: list[str] = []

    def create(**kwargs) -> dict:
        kwargs.setdefault("DomainName", f"api-{uuid.uuid4().hex[:10]}.example.com")
        kwargs.setdefault("DomainNameConfigurations", [{"CertificateArn": CERTIFICATE}])
        response = client.create_domain_name(**kwargs)
        created.append(response["DomainName"])
        return response

    yield create
    for name in created:
        for mapping in all_mappings(client, name) if _exists(client, name) else []:
            client.delete_api_mapping(DomainName=name, ApiMappingId=mapping["ApiMappingId"])
        if _exists(client, name):
            client.delete_domain_name(DomainName=name)


def _exists(client, name: str) -> bool:
    try:
        client.get_domain_name(DomainName=name)
        return True
    except client.exceptions.NotFoundException:
        return False


def http_api_with_stages(client, new_api, *stages: str) -> str:
    api_id = new_api()["ApiId"]
    integration = client.create_integration(ApiId=api_id, IntegrationType="AWS_PROXY", IntegrationUri=FUNCTION,
                                            PayloadFormatVersion="2.0")["IntegrationId"]
    client.create_route(ApiId=api_id, RouteKey="GET /books", Target="integrations/" + integration)
    for stage in stages:
        client.create_stage(ApiId=api_id, StageName=stage, AutoDeploy=True)
    return api_id


def test_domain_name_crud_in_aws_shape(client, new_domain):
    created = new_domain(Tags={"team": "edge"})
    assert_status(created, 201)
    name = created["DomainName"]
    assert created["ApiMappingSelectionExpression"] == "$request.basepath"
    assert created["DomainNameArn"] == f"arn:aws:apigateway:us-east-1::/domainnames/{name}"
    [configuration] = created["DomainNameConfigurations"]
    assert configuration["EndpointType"] == "REGIONAL" and configuration["SecurityPolicy"] == "TLS_1_2"
    assert configuration["DomainNameStatus"] == "AVAILABLE"
    assert configuration["HostedZoneId"] == "Z1UJRXOUMOOFQ8"
    host = configuration["ApiGatewayDomainName"]
    assert host.startswith("d-") and host.endswith(".execute-api.us-east-1.amazonaws.com") and len(host.split(".")[0]) == 12
    assert created["Tags"] == {"team": "edge"}
    assert body(client.get_domain_name(DomainName=name)) == body(created)
    assert body(client.get_domain_name(DomainName=name.upper())) == body(created), "names are case-insensitive"

    updated = client.update_domain_name(
        DomainName=name, DomainNameConfigurations=[{"CertificateArn": CERTIFICATE + "2", "CertificateName": "v2"}],
        MutualTlsAuthentication={"TruststoreUri": "s3://truststore/ca.pem", "TruststoreVersion": "7"})
    assert_status(updated, 200)
    assert updated["DomainNameConfigurations"][0]["CertificateArn"] == CERTIFICATE + "2"
    assert updated["DomainNameConfigurations"][0]["ApiGatewayDomainName"] == host, "the endpoint stays"
    assert updated["MutualTlsAuthentication"]["TruststoreUri"] == "s3://truststore/ca.pem"
    cleared = client.update_domain_name(DomainName=name, MutualTlsAuthentication={"TruststoreUri": ""})
    assert "MutualTlsAuthentication" not in cleared

    assert_status(client.delete_domain_name(DomainName=name), 204)
    with expect_error("NotFoundException", 404):
        client.get_domain_name(DomainName=name)


@pytest.mark.parametrize("args, code, status", [
    (dict(DomainNameConfigurations=[{"CertificateArn": CERTIFICATE, "EndpointType": "EDGE"}]), "BadRequestException", 400),
    (dict(DomainNameConfigurations=[{"CertificateArn": CERTIFICATE, "SecurityPolicy": "TLS_1_0"}]),
     "BadRequestException", 400),
    (dict(DomainNameConfigurations=[]), "BadRequestException", 400),
    (dict(DomainNameConfigurations=[{"CertificateArn": "arn:aws:iam::123456789012:server-certificate/x"}]),
     "BadRequestException", 400),
    (dict(DomainName="not a domain"), "BadRequestException", 400),
    (dict(MutualTlsAuthentication={"TruststoreUri": "https://bucket/ca.pem"}), "BadRequestException", 400),
])
def test_domain_name_refusals(client, new_domain, args, code, status):
    with expect_error(code, status):
        new_domain(**args)


def test_a_domain_name_is_registered_once(client, new_domain):
    name = new_domain()["DomainName"]
    with expect_error("ConflictException", 409):
        client.create_domain_name(DomainName=name.upper(), DomainNameConfigurations=[{"CertificateArn": CERTIFICATE}])


def test_api_mappings_crud_and_rules(client, new_api, new_domain):
    name = new_domain()["DomainName"]
    api_id = http_api_with_stages(client, new_api, "prod", "beta")
    root = client.create_api_mapping(DomainName=name, ApiId=api_id, Stage="prod")
    assert_status(root, 201)
    assert root["ApiId"] == api_id and root["Stage"] == "prod" and "ApiMappingKey" not in root
    beta = client.create_api_mapping(DomainName=name, ApiId=api_id, Stage="beta", ApiMappingKey="beta/v1")
    assert beta["ApiMappingKey"] == "beta/v1"
    assert body(client.get_api_mapping(DomainName=name, ApiMappingId=beta["ApiMappingId"])) == body(beta)

    with expect_error("ConflictException", 409) as caught:
        client.create_api_mapping(DomainName=name, ApiId=api_id, Stage="beta", ApiMappingKey="beta/v1")
    assert "ApiMapping key already exists for this domain name" in caught.message
    with expect_error("BadRequestException", 400) as caught:
        client.create_api_mapping(DomainName=name, ApiId=api_id, Stage="gamma", ApiMappingKey="gamma")
    assert "Invalid stage identifier specified" in caught.message
    with expect_error("NotFoundException", 404):
        client.create_api_mapping(DomainName=name, ApiId="zzzzzzzzzz", Stage="prod", ApiMappingKey="z")
    with expect_error("NotFoundException", 404):
        client.create_api_mapping(DomainName="nosuch.example.com", ApiId=api_id, Stage="prod")
    for key in ("/v1", "v1/", "v1//x", "a b"):
        with expect_error("BadRequestException", 400):
            client.create_api_mapping(DomainName=name, ApiId=api_id, Stage="prod", ApiMappingKey=key)

    updated = client.update_api_mapping(DomainName=name, ApiMappingId=beta["ApiMappingId"], ApiId=api_id,
                                        ApiMappingKey="beta/v2")
    assert_status(updated, 200)
    assert updated["ApiMappingKey"] == "beta/v2" and updated["Stage"] == "beta"
    assert [m["ApiMappingId"] for m in all_mappings(client, name)] == [
        root["ApiMappingId"], beta["ApiMappingId"]]

    # AWS refuses to delete what a custom domain still maps.
    with expect_error("BadRequestException", 400) as caught:
        client.delete_stage(ApiId=api_id, StageName="beta")
    assert name in caught.message
    with expect_error("BadRequestException", 400) as caught:
        client.delete_api(ApiId=api_id)
    assert caught.message.startswith(f"Deleting API {api_id} failed. Please remove all API mappings")
    assert_status(client.delete_api_mapping(DomainName=name, ApiMappingId=beta["ApiMappingId"]), 204)
    assert_status(client.delete_stage(ApiId=api_id, StageName="beta"), 204)
    with expect_error("NotFoundException", 404):
        client.get_api_mapping(DomainName=name, ApiMappingId=beta["ApiMappingId"])
    # Deleting the domain name deletes its mappings; then the API goes too.
    client.delete_domain_name(DomainName=name)
    assert_status(client.delete_api(ApiId=api_id), 204)


def test_websocket_apis_do_not_share_a_domain_with_http_apis(client, new_api, new_domain):
    name = new_domain()["DomainName"]
    ws = new_api(ProtocolType="WEBSOCKET")["ApiId"]
    client.create_stage(ApiId=ws, StageName="live")
    http = http_api_with_stages(client, new_api, "prod")
    client.create_api_mapping(DomainName=name, ApiId=ws, Stage="live", ApiMappingKey="chat")
    with expect_error("BadRequestException", 400):
        client.create_api_mapping(DomainName=name, ApiId=http, Stage="prod", ApiMappingKey="orders")
    with expect_error("BadRequestException", 400):
        client.create_api_mapping(DomainName=name, ApiId=ws, Stage="live", ApiMappingKey="v1/chat")


def test_paginators_walk_domain_names_and_api_mappings(client, new_api, new_domain):
    prefix = uuid.uuid4().hex[:8]
    names = [new_domain(DomainName=f"p{n}-{prefix}.example.com")["DomainName"] for n in range(7)]
    walked = [item["DomainName"] for page in pages(client, "get_domain_names", 3) for item in page]
    assert [n for n in walked if prefix in n] == names
    api_id = http_api_with_stages(client, new_api, "prod")
    keys = [f"k{n}" for n in range(8)]
    for key in keys:
        client.create_api_mapping(DomainName=names[0], ApiId=api_id, Stage="prod", ApiMappingKey=key)
    walked_mappings = mapping_pages(client, names[0], 3)
    assert [len(p) for p in walked_mappings] == [3, 3, 2]
    assert [m["ApiMappingKey"] for p in walked_mappings for m in p] == keys
    for mapping in all_mappings(client, names[0]):
        client.delete_api_mapping(DomainName=names[0], ApiMappingId=mapping["ApiMappingId"])


def test_tags_on_a_domain_name_by_arn(client, new_domain):
    created = new_domain()
    arn = created["DomainNameArn"]
    client.tag_resource(ResourceArn=arn, Tags={"env": "prod"})
    assert client.get_tags(ResourceArn=arn)["Tags"] == {"env": "prod"}
    client.untag_resource(ResourceArn=arn, TagKeys=["env"])
    assert client.get_tags(ResourceArn=arn)["Tags"] == {}


def test_templates_create_each_domain_and_mapping_once(client, raw, new_api, new_domain, tmp_path):
    name = new_domain(MutualTlsAuthentication={"TruststoreUri": "s3://truststore/ca.pem"})["DomainName"]
    first = http_api_with_stages(client, new_api, "prod", "beta")
    second = http_api_with_stages(client, new_api, "live")
    client.create_api_mapping(DomainName=name, ApiId=first, Stage="prod", ApiMappingKey="v1")
    client.create_api_mapping(DomainName=name, ApiId=first, Stage="beta", ApiMappingKey="beta/v1")
    client.create_api_mapping(DomainName=name, ApiId=second, Stage="live")
    templates = []
    for path in (f"/v2/domainnames/{name}/template", f"/v2/apis/{first}/template", f"/v2/apis/{second}/template"):
        for fmt in ("json", "yaml"):
            response = raw.get(f"{path}?format={fmt}")
            assert response.status_code == 200, response.text
            file = tmp_path / f"{len(templates)}.template.{fmt}"
            file.write_text(response.text)
            assert cfn_lint(file) == [], path
        templates.append(json.loads(raw.get(path).text))
    created = [(r["Type"], r["Properties"]["DomainName"], r["Properties"].get("ApiMappingKey", ""))
               for t in templates for r in t["Resources"].values()
               if r["Type"] in ("AWS::ApiGatewayV2::DomainName", "AWS::ApiGatewayV2::ApiMapping")]
    assert sorted(created) == sorted([
        ("AWS::ApiGatewayV2::DomainName", name, ""), ("AWS::ApiGatewayV2::ApiMapping", name, "v1"),
        ("AWS::ApiGatewayV2::ApiMapping", name, "beta/v1"), ("AWS::ApiGatewayV2::ApiMapping", name, "")])
    mappings = [(logical, r) for logical, r in templates[1]["Resources"].items()
                if r["Type"] == "AWS::ApiGatewayV2::ApiMapping"]
    for _, mapping in mappings:
        [stage] = mapping["DependsOn"]
        assert templates[1]["Resources"][stage]["Properties"]["StageName"] == mapping["Properties"]["Stage"]
    assert raw.get("/v2/domainnames/nosuch.example.com/template").status_code == 404


def test_domain_names_through_the_aws_cli(aws_cli, client, new_api):
    name = f"cli-{uuid.uuid4().hex[:10]}.example.com"
    api_id = http_api_with_stages(client, new_api, "prod")
    created = aws_cli.run_json("create-domain-name", "--domain-name", name, "--domain-name-configurations",
                               f"CertificateArn={CERTIFICATE}")
    assert created["DomainNameConfigurations"][0]["EndpointType"] == "REGIONAL"
    mapping = aws_cli.run_json("create-api-mapping", "--domain-name", name, "--api-id", api_id, "--stage", "prod",
                               "--api-mapping-key", "books")
    assert mapping["ApiMappingKey"] == "books"
    listed = aws_cli.run_json("get-api-mappings", "--domain-name", name)
    assert [m["ApiMappingId"] for m in listed["Items"]] == [mapping["ApiMappingId"]]
    assert name in [d["DomainName"] for d in aws_cli.run_json("get-domain-names")["Items"]]
    failed = aws_cli.run("create-api-mapping", "--domain-name", name, "--api-id", api_id, "--stage", "prod",
                         "--api-mapping-key", "books")
    assert failed.returncode != 0 and "ConflictException" in failed.stderr
    assert aws_cli.run_json("delete-api-mapping", "--domain-name", name, "--api-mapping-id",
                            mapping["ApiMappingId"]) == {}
    assert aws_cli.run_json("delete-domain-name", "--domain-name", name) == {}
