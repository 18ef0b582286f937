"""Quick create: CreateApi with Target makes an integration, a route and a `$default` stage."""

from __future__ import annotations

import pytest

from helpers import HTTP_BACKEND_URL, LAMBDA_ARN, assert_status, list_all


@pytest.mark.parametrize(
    "target, integration_type",
    [
        pytest.param(LAMBDA_ARN, "AWS_PROXY", id="lambda-target"),
        pytest.param(HTTP_BACKEND_URL, "HTTP_PROXY", id="url-target"),
    ],
)
def test_quick_create(client, new_api, target, integration_type):
    created = new_api(Target=target)
    assert_status(created, 201)
    api_id = created["ApiId"]

    integrations = list_all(client, "get_integrations", ApiId=api_id)
    assert len(integrations) == 1
    integration = integrations[0]
    assert integration["IntegrationType"] == integration_type
    assert integration["IntegrationUri"] == target

    routes = list_all(client, "get_routes", ApiId=api_id)
    assert [(route["RouteKey"], route.get("Target")) for route in routes] == [
        ("$default", f"integrations/{integration['IntegrationId']}")
    ]

    stages = list_all(client, "get_stages", ApiId=api_id)
    assert [stage["StageName"] for stage in stages] == ["$default"]
    assert stages[0]["AutoDeploy"] is True
    assert client.get_stage(ApiId=api_id, StageName="$default")["AutoDeploy"] is True


def test_quick_create_with_route_key(client, new_api):
    api_id = new_api(Target=LAMBDA_ARN, RouteKey="GET /hello")["ApiId"]

    routes = list_all(client, "get_routes", ApiId=api_id)
    integrations = list_all(client, "get_integrations", ApiId=api_id)

    assert len(integrations) == 1
    assert [(route["RouteKey"], route.get("Target")) for route in routes] == [
        ("GET /hello", f"integrations/{integrations[0]['IntegrationId']}")
    ]
    assert [stage["StageName"] for stage in list_all(client, "get_stages", ApiId=api_id)] == ["$default"]


def test_plain_create_makes_no_children(client, new_api):
    api_id = new_api()["ApiId"]

    for operation in ("get_routes", "get_integrations", "get_stages", "get_deployments", "get_authorizers"):
        assert list_all(client, operation, ApiId=api_id) == [], operation
