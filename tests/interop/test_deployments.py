"""CreateDeployment / GetDeployments / GetDeployment / UpdateDeployment / DeleteDeployment."""

from __future__ import annotations

import datetime

import pytest

from helpers import (
    CHILD_ID_RE,
    HTTP_BACKEND_URL,
    MISSING_CHILD_ID,
    api_state,
    assert_status,
    body,
    expect_error,
    list_all,
)


def api_with_a_route(client, new_api) -> str:
    api_id = new_api()["ApiId"]
    integration_id = client.create_integration(
        ApiId=api_id, IntegrationType="HTTP_PROXY", IntegrationMethod="ANY", IntegrationUri=HTTP_BACKEND_URL
    )["IntegrationId"]
    client.create_route(ApiId=api_id, RouteKey="GET /items", Target=f"integrations/{integration_id}")
    return api_id


def test_deployment_crud(client, new_api):
    api_id = api_with_a_route(client, new_api)

    created = client.create_deployment(ApiId=api_id, Description="first release")
    assert_status(created, 201)
    deployment_id = created["DeploymentId"]
    assert CHILD_ID_RE.match(deployment_id), deployment_id
    assert created["Description"] == "first release"
    assert isinstance(created["CreatedDate"], datetime.datetime)

    fetched = client.get_deployment(ApiId=api_id, DeploymentId=deployment_id)
    assert_status(fetched, 200)
    assert body(fetched) == body(created)

    listed = client.get_deployments(ApiId=api_id)
    assert_status(listed, 200)
    assert [item["DeploymentId"] for item in listed["Items"]] == [deployment_id]

    updated = client.update_deployment(ApiId=api_id, DeploymentId=deployment_id, Description="renamed release")
    assert_status(updated, 200)
    assert updated["Description"] == "renamed release"
    assert body(client.get_deployment(ApiId=api_id, DeploymentId=deployment_id)) == body(updated)

    deleted = client.delete_deployment(ApiId=api_id, DeploymentId=deployment_id)
    assert_status(deleted, 204)
    with expect_error("NotFoundException", 404):
        client.get_deployment(ApiId=api_id, DeploymentId=deployment_id)
    assert list_all(client, "get_deployments", ApiId=api_id) == []


def test_deployment_into_a_stage(client, new_api):
    api_id = api_with_a_route(client, new_api)
    client.create_stage(ApiId=api_id, StageName="prod")

    created = client.create_deployment(ApiId=api_id, StageName="prod", Description="to prod")

    assert_status(created, 201)
    assert client.get_deployment(ApiId=api_id, DeploymentId=created["DeploymentId"])["Description"] == "to prod"


@pytest.mark.parametrize(
    "operation, kwargs",
    [
        pytest.param("get_deployment", {}, id="GetDeployment"),
        pytest.param("update_deployment", {"Description": "x"}, id="UpdateDeployment"),
        pytest.param("delete_deployment", {}, id="DeleteDeployment"),
    ],
)
def test_unknown_deployment_is_not_found(client, new_api, operation, kwargs):
    api_id = new_api()["ApiId"]
    before = api_state(client, api_id)

    with expect_error("NotFoundException", 404):
        getattr(client, operation)(ApiId=api_id, DeploymentId=MISSING_CHILD_ID, **kwargs)

    assert api_state(client, api_id) == before
