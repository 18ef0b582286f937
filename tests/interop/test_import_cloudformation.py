"""Importing CloudFormation templates (POST /v2/imports/cloudformation): every CDK reference stack
imported and served back with the same resources, cfn-lint clean; YAML short forms, pseudo parameters
and warnings; failOnWarnings and errors leaving nothing; a dry run; one change record per stream; the
offline `integration-registry import --cloudformation` command.
"""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from collections import Counter
from pathlib import Path

import boto3
import pytest
import requests

from conftest import DEFAULT_BINARY, REPO_ROOT
from helpers import ACCESS_KEY, REGION, SECRET_KEY, all_api_ids, all_vpc_links, list_all
from registry_server import RegistryServer
from test_templates import cfn_lint

CASES = REPO_ROOT / "Tests" / "RegistrySynthTests" / "Fixtures" / "cdk"
CASE_NAMES = sorted(p.name[: -len(".case.json")] for p in CASES.glob("*.case.json"))
IMPORT = "/v2/imports/cloudformation"

# What identifies each imported resource in a template, besides its type.
IDENTITY = {
    "AWS::ApiGatewayV2::Api": ("ProtocolType",),
    "AWS::ApiGatewayV2::Route": ("RouteKey", "AuthorizationType"),
    "AWS::ApiGatewayV2::Integration": ("IntegrationType", "IntegrationUri", "ConnectionType"),
    "AWS::ApiGatewayV2::Stage": ("StageName", "AutoDeploy"),
    "AWS::ApiGatewayV2::ApiMapping": ("ApiMappingKey", "Stage"),
    "AWS::ApiGatewayV2::VpcLink": ("SubnetIds",),
    "AWS::ApiGatewayV2::Model": ("Name",),
    "AWS::ApiGatewayV2::RouteResponse": ("RouteResponseKey",),
    "AWS::ApiGatewayV2::IntegrationResponse": ("IntegrationResponseKey",),
}


def stacks_of(name: str) -> list[dict]:
    """A case's CDK stacks, those creating domain names first (as CDK deploys them)."""
    document = json.loads((CASES / f"{name}.cdk.template.json").read_text())
    stacks = [document] if "stacks" not in document else [document["stacks"][key] for key in sorted(document["stacks"])]
    return sorted(stacks, key=lambda stack: "AWS::ApiGatewayV2::DomainName" not in json.dumps(stack))


PSEUDO = {"AWS::Partition": "aws", "AWS::Region": "us-east-1", "AWS::AccountId": "123456789012"}


def literal(value):
    """A value with joins of literals and pseudo parameters written out, as the import resolves them."""
    if value == "":
        return None  # CDK writes a mock integration's URI as "", which CloudFormation takes as none
    if isinstance(value, dict) and set(value) == {"Ref"} and value["Ref"] in PSEUDO:
        return PSEUDO[value["Ref"]]
    if isinstance(value, dict) and set(value) == {"Fn::Join"}:
        delimiter, parts = value["Fn::Join"]
        resolved = [literal(part) for part in parts]
        if all(isinstance(part, str) for part in resolved):
            return delimiter.join(resolved)
    return value


def identities(resources: dict) -> Counter:
    """The imported resources of a template, by type and identifying properties."""
    found = Counter()
    for resource in resources.values():
        keys = IDENTITY.get(resource["Type"])
        if keys is None:
            continue
        properties = resource.get("Properties", {})
        found[(resource["Type"],) + tuple(json.dumps(literal(properties.get(key)), sort_keys=True)
                                          for key in keys)] += 1
    return found


def post_template(raw, template: str | dict, **params) -> requests.Response:
    data = template if isinstance(template, str) else json.dumps(template)
    return raw.post(IMPORT, params=params, data=data.encode(), headers={"Content-Type": "application/json"})


def newest_change(raw) -> int:
    items = raw.get("/v2/changes", params={"maxResults": "1"}).json()["items"]
    return items[0]["changeSequence"] if items else 0


@pytest.mark.parametrize("name", CASE_NAMES)
def test_every_cdk_stack_imports_and_is_served_back(name, client, raw, tmp_path):
    suffix = uuid.uuid4().hex[:8]
    served: Counter = Counter()
    declared: Counter = Counter()
    made_apis: list[str] = []
    made_domains: list[str] = []
    try:
        for stack in stacks_of(name):
            # Domain names are unique across the registry: each run gets its own.
            text = json.dumps(stack).replace(".example.com", f"-{suffix}.example.com")
            response = post_template(raw, text, region="us-east-1", accountId="123456789012", failOnWarnings="true")
            assert response.status_code == 201, response.text
            answer = response.json()
            assert answer["warnings"] == []
            resources = json.loads(text)["Resources"]
            for made in answer["apis"]:
                assert resources[made["logicalId"]]["Type"] == "AWS::ApiGatewayV2::Api"
                assert made["name"] == resources[made["logicalId"]]["Properties"]["Name"]
                made_apis.append(made["apiId"])
            for made in answer["vpcLinks"]:
                assert resources[made["logicalId"]]["Type"] == "AWS::ApiGatewayV2::VpcLink"
            for made in answer["domainNames"]:
                assert resources[made["logicalId"]]["Properties"]["DomainName"] == made["domainName"]
                made_domains.append(made["domainName"])
            declared += identities(resources)
            for made in answer["apis"]:
                template = raw.get(f"/v2/apis/{made['apiId']}/template")
                assert template.status_code == 200
                path = tmp_path / f"{made['logicalId']}.json"
                path.write_text(template.text)
                assert cfn_lint(path) == [], template.text
                served += identities(template.json()["Resources"])
        # A VPC link appears in the template of every API using it; CDK's stack declares it once.
        served_links = {key for key in served if key[0] == "AWS::ApiGatewayV2::VpcLink"}
        for key in served_links:
            served[key] = declared[key]
        assert served == declared
    finally:
        for domain_name in made_domains:
            client.delete_domain_name(DomainName=domain_name)
        for api_id in made_apis:
            client.delete_api(ApiId=api_id)


YAML = """
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Team: {{Type: String, Default: payments}}
Resources:
  Handler:
    Type: AWS::Lambda::Function
    Properties: {{FunctionName: orders-handler, Runtime: nodejs20.x, Handler: index.handler}}
  Unnamed:
    Type: AWS::Lambda::Function
    Properties: {{Runtime: nodejs20.x, Handler: index.handler}}
  Api:
    Type: AWS::ApiGatewayV2::Api
    Properties: {{Name: {name}, ProtocolType: HTTP, Tags: {{team: !Ref Team}}}}
  Orders:
    Type: AWS::ApiGatewayV2::Integration
    Properties:
      ApiId: !Ref Api
      IntegrationType: AWS_PROXY
      IntegrationUri: !GetAtt Handler.Arn
      PayloadFormatVersion: '2.0'
  Other:
    Type: AWS::ApiGatewayV2::Integration
    Properties: {{ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Unnamed.Arn}}
  GetOrders:
    Type: AWS::ApiGatewayV2::Route
    Properties: {{ApiId: !Ref Api, RouteKey: GET /orders, Target: !Sub 'integrations/${{Orders}}'}}
  GetOther:
    Type: AWS::ApiGatewayV2::Route
    Properties: {{ApiId: !Ref Api, RouteKey: GET /other, Target: !Join ['', [integrations/, !Ref Other]]}}
  Prod:
    Type: AWS::ApiGatewayV2::Stage
    Properties: {{ApiId: !Ref Api, StageName: prod, AutoDeploy: true}}
"""


def test_a_yaml_template_resolves_short_forms_and_warns_of_what_it_leaves_out(client, raw):
    name = f"cfn-yaml-{uuid.uuid4().hex[:8]}"
    before = all_api_ids(client)
    refused = post_template(raw, YAML.format(name=name), region="eu-west-1", accountId="123456789012",
                            failOnWarnings="true")
    assert refused.status_code == 400 and refused.headers["x-amzn-ErrorType"] == "BadRequestException"
    assert refused.json()["message"].startswith("Warnings found during import:")
    assert all_api_ids(client) == before, "a refused import makes nothing"
    response = post_template(raw, YAML.format(name=name), region="eu-west-1", accountId="123456789012")
    assert response.status_code == 201, response.text
    answer = response.json()
    api_id = answer["apis"][0]["apiId"]
    try:
        assert [(item["logicalId"], item["name"]) for item in answer["apis"]] == [("Api", name)]
        warned = [warning.split(":")[0] for warning in answer["warnings"]]
        assert warned == ["/Resources/Other", "/Resources/GetOther", "/Resources/Handler", "/Resources/Unnamed"]
        routes = list_all(client, "get_routes", ApiId=api_id)
        assert [route["RouteKey"] for route in routes] == ["GET /orders"]
        integration = client.get_integration(ApiId=api_id, IntegrationId=routes[0]["Target"].split("/")[1])
        assert integration["IntegrationUri"] == "arn:aws:lambda:eu-west-1:123456789012:function:orders-handler"
        assert client.get_api(ApiId=api_id)["Tags"] == {"team": "payments"}
        stage = client.get_stage(ApiId=api_id, StageName="prod")
        assert stage["AutoDeploy"] is True and stage.get("DeploymentId"), "an auto-deploy stage is deployed"
    finally:
        client.delete_api(ApiId=api_id)


def test_errors_name_their_place_and_leave_nothing(client, raw):
    before, last = all_api_ids(client), newest_change(raw)
    template = {"Resources": {
        "Link": {"Type": "AWS::ApiGatewayV2::VpcLink", "Properties": {"Name": "l", "SubnetIds": ["subnet-0a1b2c3d4e5f60718"]}},
        "Api": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Name": "cfn-bad", "ProtocolType": "HTTP"}},
        "Route": {"Type": "AWS::ApiGatewayV2::Route",
                  "Properties": {"ApiId": {"Ref": "Api"}, "RouteKey": "GET /a", "AuthorizationType": "SIDEWAYS"}},
    }}
    response = post_template(raw, template)
    assert response.status_code == 400 and response.headers["x-amzn-ErrorType"] == "BadRequestException"
    assert response.json()["message"].startswith("Errors found during import: /Resources/Route/Properties/AuthorizationType")
    template["Resources"]["Route"]["Properties"]["AuthorizationType"] = "NONE"
    template["Resources"]["Twin"] = {"Type": "AWS::ApiGatewayV2::Route",
                                     "Properties": {"ApiId": {"Ref": "Api"}, "RouteKey": "GET /a"}}
    conflict = post_template(raw, template)
    assert conflict.status_code == 409 and conflict.headers["x-amzn-ErrorType"] == "ConflictException"
    assert "/Resources/" in conflict.json()["message"]
    for text in ("[1, 2]", "Resources: {}", "not: [valid"):
        refused = post_template(raw, text)
        assert refused.status_code == 400, text
    assert all_api_ids(client) == before and newest_change(raw) == last, "nothing was made or recorded"
    assert not [link for link in all_vpc_links(client) if link["Name"] == "l" and link["SubnetIds"] == ["subnet-0a1b2c3d4e5f60718"]]


def test_an_import_is_one_write_with_one_change_per_stream_and_a_dry_run_makes_nothing(client, raw):
    stack = stacks_of("two-vpc-links")[0]
    before = all_api_ids(client)
    dry = post_template(raw, stack, dryRun="true")
    assert dry.status_code == 200, dry.text
    answer = dry.json()
    assert answer["dryRun"] is True and [item["logicalId"] for item in answer["response"]["apis"]]
    added = Counter(change["resourceType"] for change in answer["changes"]["changes"])
    assert added["AWS::ApiGatewayV2::Route"] >= 2 and added["AWS::ApiGatewayV2::VpcLink"] == 2
    assert all_api_ids(client) == before
    made = post_template(raw, stack).json()
    api_ids = [item["apiId"] for item in made["apis"]]
    try:
        changes = raw.get("/v2/changes", params={"maxResults": "10"}).json()["items"]
        ours = [change for change in changes if change["requestId"] == changes[0]["requestId"]]
        streams = [(change["resourceType"], change["resourceId"]) for change in reversed(ours)]
        assert streams == [("VpcLink", item["vpcLinkId"]) for item in made["vpcLinks"]] + [
            ("Api", api_id) for api_id in api_ids]
        assert {change["operation"] for change in ours} == {"ImportCloudFormation"}
        for api_id in api_ids:
            revisions = raw.get(f"/v2/apis/{api_id}/revisions").json()["items"]
            assert [(item["revision"], item["operation"]) for item in revisions] == [(1, "ImportCloudFormation")]
    finally:
        for api_id in api_ids:
            client.delete_api(ApiId=api_id)


def test_the_import_command_reads_a_template_into_a_database_the_server_serves(tmp_path):
    binary = str(Path(os.environ.get("REGISTRY_BIN") or DEFAULT_BINARY))
    db = tmp_path / "registry.sqlite"
    source = tmp_path / "stack.json"
    source.write_text(json.dumps(stacks_of("seed-alb")[0]))
    made = subprocess.run([binary, "import", "--db", str(db), "--cloudformation", str(source)],
                          capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stderr
    lines = made.stdout.splitlines()
    assert lines[0].startswith("Link0FE02C4D8: VPC link ") and " HTTP API " in lines[1], made.stdout
    api_id = lines[1].split(" HTTP API ")[1].split(" ")[0]
    both = subprocess.run([binary, "import", "--db", str(db), "--cloudformation", str(source), "--openapi", "x"],
                          capture_output=True, text=True, timeout=60)
    assert both.returncode != 0
    server = RegistryServer(Path(binary), tmp_path)
    base = server.start()
    try:
        client = boto3.client("apigatewayv2", endpoint_url=base, region_name=REGION,
                              aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)
        integrations = list_all(client, "get_integrations", ApiId=api_id)
        assert [item["ConnectionType"] for item in integrations] == ["VPC_LINK"]
        changes = requests.get(f"{base}/v2/changes", timeout=30).json()["items"]
        assert {(item["operation"], item["principal"]) for item in changes} == {("ImportCloudFormation", "cli")}
    finally:
        server.stop()
