"""Property-based contract tests: schemathesis drives every operation of api/openapi.yaml.

For each operation in the contract, schemathesis generates requests (schema-valid ones and,
in its negative mode, schema-invalid ones) and sends them to the session's server. Every
response must:

- not be a server error (no 5xx: `not_a_server_error`);
- have a status code the contract lists for the operation (`status_code_conformance`);
- have a content type the contract lists for that status (`content_type_conformance`);
- carry the headers the contract marks required, `x-amzn-RequestId` always and
  `x-amzn-ErrorType` on errors (`response_headers_conformance`);
- have a body that validates against the contract's schema (`response_schema_conformance`).

Generated identifiers almost never name anything, so on their own they only exercise the 404
paths. A second test therefore runs every operation that has identifiers in its path again with
those parameters pointing at real resources (the rest of the request still generated): a shared
API tree for reads, and a fresh tree for each write, so that a generated DeleteApi or UpdateRoute
cannot take away what the other cases address. Everything the module creates is deleted at its
end, and it prints how many cases ran.

The contract is read from api/openapi.yaml (test_openapi.py checks that the server serves the same
bytes). The run is short enough for CI, about half a minute (MAX_EXAMPLES per operation and phase;
set CONTRACT_FUZZ_EXAMPLES for more); `scripts/fuzz` runs the schemathesis CLI for as long as you like.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import pytest
import requests
import schemathesis
from schemathesis import checks as st_checks
from schemathesis.config import SchemathesisConfig

from helpers import HTTP_BACKEND_URL, JWT_CONFIGURATION, SECURITY_GROUP_IDS, SUBNET_IDS, api_arn, report, unique_name

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTRACT_FILE = REPO_ROOT / "api" / "openapi.yaml"

# Examples per operation and generation phase; the contract has about 40 operations.
MAX_EXAMPLES = int(os.environ.get("CONTRACT_FUZZ_EXAMPLES", "12"))

CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"max-examples": MAX_EXAMPLES, "database": "none", "mode": "all"},
        "request-timeout": 10,
    }
)
SCHEMA = schemathesis.openapi.from_path(CONTRACT_FILE, config=CONFIG)
# The operations with identifiers in their path (everything but creating and listing top-level resources).
SCHEMA_WITH_IDS = SCHEMA.include(path_regex=r"\{")

CHECKS = [
    st_checks.not_a_server_error,
    st_checks.status_code_conformance,
    st_checks.content_type_conformance,
    st_checks.response_headers_conformance,
    st_checks.response_schema_conformance,
]


@dataclass(frozen=True)
class ApiTree:
    """Identifiers of one HTTP API with one of each child resource."""

    api_id: str
    integration_id: str
    route_id: str
    authorizer_id: str
    deployment_id: str
    stage_name: str
    vpc_link_id: str

    def path_parameters(self) -> dict[str, str]:
        """Path parameter name (as api/openapi.yaml spells it) -> percent-encoded value."""
        return {
            "apiId": self.api_id,
            "integrationId": self.integration_id,
            "routeId": self.route_id,
            "authorizerId": self.authorizer_id,
            "deploymentId": self.deployment_id,
            "stageName": quote(self.stage_name, safe=""),
            "vpcLinkId": self.vpc_link_id,
            "resource-arn": quote(api_arn(self.api_id), safe=""),
        }


class FuzzRun:
    """The module's HTTP session, what it created (deleted at the end), and how many cases ran."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.trust_env = False  # loopback only: never through a proxy
        self.api_ids: list[str] = []
        self.vpc_link_ids: list[str] = []
        self.cases: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()

    def post(self, path: str, document: dict) -> dict:
        response = self.session.post(self.base_url + path, json=document, timeout=10)
        assert response.status_code == 201, f"POST {path}: {response.status_code} {response.text}"
        return response.json()

    def create_tree(self) -> ApiTree:
        """An HTTP API with an integration, a route, an authorizer, a deployment and a stage; and a VPC link."""
        link = self.post(
            "/v2/vpclinks",
            {"name": unique_name("fuzz-link"), "subnetIds": SUBNET_IDS, "securityGroupIds": SECURITY_GROUP_IDS},
        )
        self.vpc_link_ids.append(link["vpcLinkId"])
        api_id = self.post("/v2/apis", {"name": unique_name("fuzz"), "protocolType": "HTTP", "tags": {"team": "fuzz"}})[
            "apiId"
        ]
        self.api_ids.append(api_id)
        integration = self.post(
            f"/v2/apis/{api_id}/integrations",
            {"integrationType": "HTTP_PROXY", "integrationMethod": "GET", "integrationUri": HTTP_BACKEND_URL},
        )
        authorizer = self.post(
            f"/v2/apis/{api_id}/authorizers",
            {
                "name": "fuzz-jwt",
                "authorizerType": "JWT",
                "identitySource": ["$request.header.Authorization"],
                "jwtConfiguration": {"audience": JWT_CONFIGURATION["Audience"], "issuer": JWT_CONFIGURATION["Issuer"]},
            },
        )
        route = self.post(
            f"/v2/apis/{api_id}/routes",
            {"routeKey": "GET /items/{id}", "target": f"integrations/{integration['integrationId']}"},
        )
        deployment = self.post(f"/v2/apis/{api_id}/deployments", {"description": "fuzz"})
        stage = self.post(
            f"/v2/apis/{api_id}/stages", {"stageName": "fuzz", "deploymentId": deployment["deploymentId"]}
        )
        return ApiTree(
            api_id=api_id,
            integration_id=integration["integrationId"],
            route_id=route["routeId"],
            authorizer_id=authorizer["authorizerId"],
            deployment_id=deployment["deploymentId"],
            stage_name=stage["stageName"],
            vpc_link_id=link["vpcLinkId"],
        )

    def run(self, case, kind: str) -> None:
        """Sends the case, remembers what it created, and applies the checks."""
        response = case.call(base_url=self.base_url, session=self.session)
        self.cases[kind] += 1
        self.statuses[response.status_code] += 1
        if response.status_code == 201 and case.method.upper() == "POST":
            document = response.json()
            if case.path == "/v2/apis":
                self.api_ids.append(document["apiId"])
            elif case.path == "/v2/vpclinks":
                self.vpc_link_ids.append(document["vpcLinkId"])
        case.validate_response(response, checks=CHECKS)

    def clean_up(self) -> None:
        # APIs first (with everything in them), then the VPC links their integrations may use.
        for path in [f"/v2/apis/{i}" for i in self.api_ids] + [f"/v2/vpclinks/{i}" for i in self.vpc_link_ids]:
            self.session.delete(self.base_url + path, timeout=10)


@pytest.fixture(scope="module")
def fuzz(request, base_url: str) -> Iterator[FuzzRun]:
    run = FuzzRun(base_url)
    yield run
    run.clean_up()
    statuses = ", ".join(f"{status}: {count}" for status, count in sorted(run.statuses.items()))
    report(
        request.config,
        f"[contract-fuzz] {sum(run.cases.values())} cases ({run.cases['generated ids']} with generated ids, "
        f"{run.cases['real ids']} with real ids); statuses {statuses}",
    )


@pytest.fixture(scope="module")
def shared_tree(fuzz: FuzzRun) -> ApiTree:
    return fuzz.create_tree()


def with_real_ids(case, tree: ApiTree) -> None:
    """Points the case's path parameters at the resources of `tree`."""
    known = tree.path_parameters()
    case.path_parameters = {name: known.get(name, value) for name, value in case.path_parameters.items()}


@SCHEMA.parametrize()
def test_responses_honour_the_contract(case, fuzz):
    """Generated values everywhere, identifiers included (mostly 404s and 400s)."""
    fuzz.run(case, "generated ids")


@SCHEMA_WITH_IDS.parametrize()
def test_responses_about_real_resources_honour_the_contract(case, fuzz, shared_tree):
    """Path parameters name real resources; the rest of the request is generated.

    Reads use one shared tree; each write gets a fresh one, so that no generated DeleteApi or
    UpdateRoute changes what the other cases address.
    """
    with_real_ids(case, shared_tree if case.method.upper() == "GET" else fuzz.create_tree())
    fuzz.run(case, "real ids")
