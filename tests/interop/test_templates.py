"""CloudFormation templates: every CDK reference case created through boto3, its template served
as JSON and YAML, both clean under cfn-lint; a 300-route API that CDK cannot deploy stays under
CloudFormation's 500 resources; the offline `synth` command prints the same bytes as the server (for APIs and domain names)."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from cfnlint.decode import decode_str

from conftest import REPO_ROOT

CASES = REPO_ROOT / "Tests" / "RegistrySynthTests" / "Fixtures" / "cdk"
GOLDENS = REPO_ROOT / "Tests" / "RegistrySynthTests" / "Fixtures" / "golden"
CASE_NAMES = sorted(p.name[: -len(".case.json")] for p in CASES.glob("*.case.json"))


def integration_args(item: dict, links: dict[str, str]) -> dict:
    """The CreateIntegration arguments a registry client sends for a case's integration."""
    kind = item["kind"]
    if kind == "lambda":
        return dict(IntegrationType="AWS_PROXY", IntegrationUri=item["functionArn"],
                    PayloadFormatVersion=item.get("payloadFormatVersion", "2.0"))
    if kind == "url":
        return dict(IntegrationType="HTTP_PROXY", IntegrationUri=item["url"],
                    IntegrationMethod=item.get("method", "ANY"), PayloadFormatVersion="1.0")
    if kind in ("alb", "nlb", "servicediscovery"):
        uri = item["serviceArn"] if kind == "servicediscovery" else item["listenerArn"]
        return dict(IntegrationType="HTTP_PROXY", IntegrationUri=uri, IntegrationMethod=item.get("method", "ANY"),
                    ConnectionType="VPC_LINK", ConnectionId=links[item["vpcLink"]], PayloadFormatVersion="1.0")
    if kind == "ws-lambda":
        return dict(IntegrationType="AWS_PROXY",
                    IntegrationUri="arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                    + item["functionArn"] + "/invocations")
    if kind in ("ws-mock", "ws-aws"):  # CDK's WebSocketMockIntegration / WebSocketAwsIntegration
        args = dict(IntegrationType="MOCK" if kind == "ws-mock" else "AWS")
        for key, member in (("integrationUri", "IntegrationUri"), ("integrationMethod", "IntegrationMethod"),
                            ("credentialsRoleArn", "CredentialsArn"), ("requestTemplates", "RequestTemplates"),
                            ("requestParameters", "RequestParameters"),
                            ("templateSelectionExpression", "TemplateSelectionExpression"),
                            ("passthroughBehavior", "PassthroughBehavior"), ("contentHandling", "ContentHandlingStrategy"),
                            ("timeoutMs", "TimeoutInMillis")):
            if item.get(key):
                args[member] = item[key]
        return args
    raise AssertionError("unknown kind " + kind)


def case_mappings(api: dict) -> list[tuple[str, str, str | None]]:
    """(domain ref, stage, key) of every API mapping a case API asks for, as CDK makes them."""
    found = []
    if api.get("defaultDomainMapping"):
        found.append((api["defaultDomainMapping"]["domain"], "$default", api["defaultDomainMapping"].get("mappingKey")))
    for stage in api.get("stages", []):
        if stage.get("domainMapping"):
            found.append((stage["domainMapping"]["domain"], stage["name"], stage["domainMapping"].get("mappingKey")))
    for mapping in api.get("apiMappings", []):
        found.append((mapping["domain"], mapping.get("stage", "$default"), mapping.get("mappingKey")))
    return found


def create_domain_names(client, case: dict, suffix: str) -> dict[str, str]:
    """Creates a case's domain names, the suffix added to the first label; returns ref -> name."""
    names = {}
    for domain in case.get("domainNames", []):
        first, rest = domain["name"].split(".", 1)
        name = f"{first}{suffix}.{rest}"
        args = dict(DomainName=name, DomainNameConfigurations=[{"CertificateArn": domain["certificateArn"]}])
        if domain.get("mtls"):
            mtls = domain["mtls"]
            args["MutualTlsAuthentication"] = {"TruststoreUri": f"s3://{mtls['bucket']}/{mtls['key']}"}
            if mtls.get("version"):
                args["MutualTlsAuthentication"]["TruststoreVersion"] = mtls["version"]
        names[domain["ref"]] = client.create_domain_name(**args)["DomainName"]
    return names


def create_case(client, case: dict, suffix: str) -> dict[str, str]:
    """Creates a case's content with a unique suffix on every name; returns API name -> id."""
    domains = create_domain_names(client, case, suffix)
    links = {}
    for link in case.get("vpcLinks", []):
        links[link["ref"]] = client.create_vpc_link(
            Name=link["name"], SubnetIds=link["subnetIds"], SecurityGroupIds=link.get("securityGroupIds", [])
        )["VpcLinkId"]
    apis = {}
    for api in case["apis"]:
        args = dict(Name=api["name"] + suffix, ProtocolType=api.get("protocolType", "HTTP"))
        if api.get("routeSelectionExpression"):
            args["RouteSelectionExpression"] = api["routeSelectionExpression"]
        api_id = client.create_api(**args)["ApiId"]
        apis[api["name"]] = api_id
        integrations = {
            item["ref"]: client.create_integration(ApiId=api_id, **integration_args(item, links))["IntegrationId"]
            for item in api.get("integrations", [])
        }
        for model in api.get("models", []):  # before the routes that name them
            client.create_model(ApiId=api_id, Name=model["name"], Schema=json.dumps(model["schema"]),
                                **{member: model[key] for key, member in (("contentType", "ContentType"),
                                                                          ("description", "Description")) if key in model})
        for route in api.get("routes", []):
            extra = {}
            if route.get("returnResponse"):
                extra["RouteResponseSelectionExpression"] = "$default"
            if route.get("requestModels"):
                extra["RequestModels"] = route["requestModels"]
            if route.get("modelSelectionExpression"):
                extra["ModelSelectionExpression"] = route["modelSelectionExpression"]
            route_id = client.create_route(ApiId=api_id, RouteKey=route["key"],
                                           Target="integrations/" + integrations[route["integration"]], **extra)["RouteId"]
            if route.get("returnResponse"):
                client.create_route_response(ApiId=api_id, RouteId=route_id, RouteResponseKey="$default")
        for response in api.get("integrationResponses", []):
            client.create_integration_response(
                ApiId=api_id, IntegrationId=integrations[response["integration"]], IntegrationResponseKey=response["key"],
                **{member: response[key] for key, member in (
                    ("responseTemplates", "ResponseTemplates"), ("templateSelectionExpression", "TemplateSelectionExpression"),
                    ("contentHandlingStrategy", "ContentHandlingStrategy")) if key in response})
        if api.get("defaultDomainMapping"):  # CDK's HttpApi default stage
            client.create_stage(ApiId=api_id, StageName="$default", AutoDeploy=True)
        for stage in api.get("stages", []):
            client.create_stage(ApiId=api_id, StageName=stage["name"], AutoDeploy=stage.get("autoDeploy", False))
        for domain, stage, key in case_mappings(api):
            client.create_api_mapping(DomainName=domains[domain], ApiId=api_id, Stage=stage,
                                      **({"ApiMappingKey": key} if key else {}))
    return apis


def cfn_lint(*paths: Path) -> list[str]:
    """cfn-lint's errors (not warnings) for template files."""
    executable = Path(sys.executable).parent / "cfn-lint"
    result = subprocess.run([str(executable), "--format", "parseable", *map(str, paths)], capture_output=True, text=True)
    # cfn-lint's exit status is a bit mask: 2 errors, 4 warnings, 8 informational; anything else failed.
    assert result.returncode & ~0b1110 == 0, result.stderr
    return [line for line in result.stdout.splitlines() if ":E" in line]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_served_templates_of_every_case_pass_cfn_lint(name, client, raw, tmp_path):
    case = json.loads((CASES / f"{name}.case.json").read_text())
    suffix = "-" + uuid.uuid4().hex[:6]
    apis = create_case(client, case, suffix)
    for api_name, api_id in apis.items():
        for fmt in ("json", "yaml"):
            response = raw.get(f"/v2/apis/{api_id}/template?format={fmt}")
            assert response.status_code == 200, response.text
            assert response.headers["Content-Type"] == f"application/{fmt}"
            assert response.headers["Content-Disposition"].endswith(f'.template.{fmt}"')
            path = tmp_path / f"{api_name}.template.{fmt}"
            path.write_text(response.text)
            assert cfn_lint(path) == [], f"{name}/{api_name} ({fmt})"
        template = json.loads(raw.get(f"/v2/apis/{api_id}/template").text)
        yaml_text = raw.get(f"/v2/apis/{api_id}/template?format=yaml").text
        loaded, problems = decode_str(yaml_text)  # cfn-lint's own loader, as CloudFormation reads YAML
        assert problems == [] and json.loads(json.dumps(loaded)) == template, f"{name}/{api_name}: YAML != JSON"
        assert yaml_text.startswith('AWSTemplateFormatVersion: "2010-09-09"\nDescription: ')
        names = [r["Properties"]["Name"] for r in template["Resources"].values() if r["Type"] == "AWS::ApiGatewayV2::Api"]
        assert len(names) == 1 and names[0].startswith(api_name)
    for domain in [d["DomainName"] for d in client.get_domain_names()["Items"] if suffix in d["DomainName"]]:
        for fmt in ("json", "yaml"):
            response = raw.get(f"/v2/domainnames/{domain}/template?format={fmt}")
            assert response.status_code == 200, response.text
            path = tmp_path / f"{domain}.template.{fmt}"
            path.write_text(response.text)
            assert cfn_lint(path) == [], f"{name}/{domain} ({fmt})"


def test_golden_templates_pass_cfn_lint():
    files = sorted(GOLDENS.glob("*.template.*"))
    assert len(files) >= 46
    assert cfn_lint(*files) == []


def test_three_hundred_routes_on_ten_functions_make_one_deployable_template(client, raw, tmp_path):
    api_id = client.create_api(Name="big-" + uuid.uuid4().hex[:6], ProtocolType="HTTP")["ApiId"]
    functions = [
        client.create_integration(ApiId=api_id, IntegrationType="AWS_PROXY", PayloadFormatVersion="2.0",
                                  IntegrationUri=f"arn:aws:lambda:us-east-1:123456789012:function:svc{n}")["IntegrationId"]
        for n in range(10)
    ]
    for n in range(300):
        client.create_route(ApiId=api_id, RouteKey=f"GET /svc{n % 10}/item{n}", Target="integrations/" + functions[n % 10])
    client.create_stage(ApiId=api_id, StageName="$default", AutoDeploy=True)

    response = raw.get(f"/v2/apis/{api_id}/template")
    template = json.loads(response.text)
    resources = template["Resources"]
    types = [r["Type"] for r in resources.values()]
    assert len(resources) <= 500
    assert types.count("AWS::ApiGatewayV2::Route") == 300
    assert types.count("AWS::Lambda::Permission") == 10
    assert template["Metadata"]["IntegrationRegistry"]["LambdaPermissionScope"] == "function"
    path = tmp_path / "big.template.json"
    path.write_text(response.text)
    assert cfn_lint(path) == []

    routed = json.loads(raw.get(f"/v2/apis/{api_id}/template?permissions=route").text)
    assert len(routed["Resources"]) == 1 + 10 + 300 + 1 + 300  # what CDK makes: over the limit


def test_offline_synth_prints_the_served_bytes(registry_server, client, raw):
    if registry_server is None:
        pytest.skip("needs the database of a server this suite started")
    case = json.loads((CASES / "two-vpc-links.case.json").read_text())
    api_id = create_case(client, case, "-" + uuid.uuid4().hex[:6])["PrivateApi"]
    binary = registry_server.binary
    for fmt in ("json", "yaml"):
        served = raw.get(f"/v2/apis/{api_id}/template?format={fmt}").text
        offline = subprocess.run([str(binary), "synth", "--db", str(registry_server.db_path), "--api", api_id,
                                  "--format", fmt], capture_output=True, text=True, check=True).stdout
        assert offline == served
    domain_case = json.loads((CASES / "domain-default-mapping.case.json").read_text())
    suffix = "-" + uuid.uuid4().hex[:6]
    create_case(client, domain_case, suffix)
    domain = "api" + suffix + ".example.com"
    for fmt in ("json", "yaml"):
        served = raw.get(f"/v2/domainnames/{domain}/template?format={fmt}").text
        offline = subprocess.run([str(binary), "synth", "--db", str(registry_server.db_path), "--domain-name", domain,
                                  "--format", fmt], capture_output=True, text=True, check=True).stdout
        assert offline == served


def test_template_of_an_unknown_api_is_not_found(raw):
    response = raw.get("/v2/apis/zzzzzzzzzz/template")
    assert response.status_code == 404
    assert response.headers["x-amzn-ErrorType"] == "NotFoundException"
