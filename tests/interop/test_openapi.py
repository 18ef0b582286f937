"""The OpenAPI contract served at /openapi.yaml, and its copy in api/openapi.yaml."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate

REPO_ROOT = Path(__file__).resolve().parents[2]
CONTRACT_FILE = REPO_ROOT / "api" / "openapi.yaml"

# Every operation the interop tests call, as botocore's model sends it.
OPERATIONS = [
    "CreateApi", "GetApis", "GetApi", "UpdateApi", "DeleteApi",
    "CreateRoute", "GetRoutes", "GetRoute", "UpdateRoute", "DeleteRoute",
    "CreateIntegration", "GetIntegrations", "GetIntegration", "UpdateIntegration", "DeleteIntegration",
    "CreateStage", "GetStages", "GetStage", "UpdateStage", "DeleteStage",
    "CreateDeployment", "GetDeployments", "GetDeployment", "UpdateDeployment", "DeleteDeployment",
    "CreateAuthorizer", "GetAuthorizers", "GetAuthorizer", "UpdateAuthorizer", "DeleteAuthorizer",
    "CreateVpcLink", "GetVpcLinks", "GetVpcLink", "UpdateVpcLink", "DeleteVpcLink",
    "TagResource", "GetTags", "UntagResource",
]  # fmt: skip


def normalized(path: str) -> str:
    """`/v2/apis/{apiId}/routes/{routeId}` -> `/v2/apis/{}/routes/{}` (parameter names may differ)."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def botocore_routes() -> dict[str, tuple[str, str, int]]:
    """Operation name -> (HTTP method, normalized path, success status) from botocore's model."""
    import botocore.session

    model = botocore.session.get_session().get_service_model("apigatewayv2")
    routes = {}
    for name in OPERATIONS:
        http = model.operation_model(name).http
        routes[name] = (http["method"].lower(), normalized(http["requestUri"].split("?")[0]), http["responseCode"])
    return routes


@pytest.fixture(scope="module")
def served(raw) -> bytes:
    response = raw.get("/openapi.yaml")
    assert response.status_code == 200, response.text
    return response.content


@pytest.fixture(scope="module")
def spec(served) -> dict:
    document = yaml.safe_load(served)
    assert isinstance(document, dict), "openapi.yaml is not a YAML mapping"
    return document


def test_served_document_is_a_valid_openapi_spec(spec):
    assert str(spec.get("openapi", "")).startswith("3."), spec.get("openapi")
    validate(spec)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_spec_describes_every_operation_the_tests_use(spec, operation):
    method, path, status = botocore_routes()[operation]
    paths = {normalized(p): item for p, item in spec["paths"].items()}

    assert path in paths, f"{operation}: {path} is not in openapi.yaml"
    assert method in paths[path], f"{operation}: {method.upper()} {path} is not in openapi.yaml"
    responses = {str(code) for code in paths[path][method].get("responses", {})}
    assert str(status) in responses, f"{operation}: response {status} is not described ({sorted(responses)})"


def test_spec_describes_the_extensions(spec):
    paths = {normalized(p) for p in spec["paths"]}
    assert "/healthz" in paths
    assert "/openapi.yaml" in paths


def test_repository_copy_is_byte_identical_to_the_served_document(served):
    assert CONTRACT_FILE.is_file(), f"{CONTRACT_FILE} is missing"
    assert CONTRACT_FILE.read_bytes() == served, "api/openapi.yaml differs from what GET /openapi.yaml serves"
