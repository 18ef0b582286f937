"""CreateRoute / GetRoutes / GetRoute / UpdateRoute / DeleteRoute through boto3."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from helpers import (
    CHILD_ID_RE,
    HTTP_BACKEND_URL,
    LAMBDA_INVOCATION_URI,
    MISSING_CHILD_ID,
    api_state,
    assert_status,
    body,
    expect_error,
    list_all,
)


def http_proxy_integration(client, api_id: str) -> str:
    return client.create_integration(
        ApiId=api_id, IntegrationType="HTTP_PROXY", IntegrationMethod="ANY", IntegrationUri=HTTP_BACKEND_URL
    )["IntegrationId"]


def test_route_crud(client, new_api):
    api_id = new_api()["ApiId"]
    integration_id = http_proxy_integration(client, api_id)

    created = client.create_route(
        ApiId=api_id,
        RouteKey="GET /pets/{petId}",
        Target=f"integrations/{integration_id}",
        OperationName="getPet",
    )
    assert_status(created, 201)
    route_id = created["RouteId"]
    assert CHILD_ID_RE.match(route_id), route_id
    assert created["RouteKey"] == "GET /pets/{petId}"
    assert created["Target"] == f"integrations/{integration_id}"
    assert created["OperationName"] == "getPet"
    assert created["AuthorizationType"] == "NONE"

    fetched = client.get_route(ApiId=api_id, RouteId=route_id)
    assert_status(fetched, 200)
    assert body(fetched) == body(created)

    listed = client.get_routes(ApiId=api_id)
    assert_status(listed, 200)
    assert [item["RouteId"] for item in listed["Items"]] == [route_id]

    updated = client.update_route(ApiId=api_id, RouteId=route_id, RouteKey="POST /pets", OperationName="addPet")
    assert_status(updated, 200)
    assert updated["RouteKey"] == "POST /pets"
    assert updated["OperationName"] == "addPet"
    assert updated["Target"] == f"integrations/{integration_id}"
    assert body(client.get_route(ApiId=api_id, RouteId=route_id)) == body(updated)

    deleted = client.delete_route(ApiId=api_id, RouteId=route_id)
    assert_status(deleted, 204)
    with expect_error("NotFoundException", 404):
        client.get_route(ApiId=api_id, RouteId=route_id)
    assert list_all(client, "get_routes", ApiId=api_id) == []


def test_route_without_target_and_retargeting(client, new_api):
    api_id = new_api()["ApiId"]
    first = http_proxy_integration(client, api_id)
    second = http_proxy_integration(client, api_id)

    route = client.create_route(ApiId=api_id, RouteKey="ANY /{proxy+}")
    assert "Target" not in route
    route_id = route["RouteId"]

    assert client.update_route(ApiId=api_id, RouteId=route_id, Target=f"integrations/{first}")["Target"] == (
        f"integrations/{first}"
    )
    assert client.update_route(ApiId=api_id, RouteId=route_id, Target=f"integrations/{second}")["Target"] == (
        f"integrations/{second}"
    )
    assert client.get_route(ApiId=api_id, RouteId=route_id)["Target"] == f"integrations/{second}"


@pytest.mark.parametrize(
    "route_key",
    ["$default", "GET /", "ANY /{proxy+}", "GET /pets/{petId}/toys", "DELETE /a/b/c", "POST /orders/{orderId}/items"],
)
def test_valid_http_route_keys(client, new_api, route_key):
    api_id = new_api()["ApiId"]

    created = client.create_route(ApiId=api_id, RouteKey=route_key)

    assert created["RouteKey"] == route_key


def test_websocket_routes(client, new_api):
    api_id = new_api(ProtocolType="WEBSOCKET")["ApiId"]
    integration_id = client.create_integration(
        ApiId=api_id, IntegrationType="AWS_PROXY", IntegrationMethod="POST", IntegrationUri=LAMBDA_INVOCATION_URI
    )["IntegrationId"]

    keys = ["$connect", "$disconnect", "$default", "sendMessage"]
    for key in keys:
        client.create_route(ApiId=api_id, RouteKey=key, Target=f"integrations/{integration_id}")

    assert sorted(item["RouteKey"] for item in list_all(client, "get_routes", ApiId=api_id)) == sorted(keys)


# -- refusals --------------------------------------------------------------------


@pytest.fixture
def route_context(client, new_api):
    """An API with routes `GET /pets/{petId}` and `GET /owners`, and an integration in another API."""
    api_id = new_api()["ApiId"]
    integration_id = http_proxy_integration(client, api_id)
    pets = client.create_route(ApiId=api_id, RouteKey="GET /pets/{petId}", Target=f"integrations/{integration_id}")
    owners = client.create_route(ApiId=api_id, RouteKey="GET /owners")
    other_api_id = new_api()["ApiId"]
    return SimpleNamespace(
        api_id=api_id,
        integration_id=integration_id,
        pets_route_id=pets["RouteId"],
        owners_route_id=owners["RouteId"],
        foreign_integration_id=http_proxy_integration(client, other_api_id),
    )


def create(route_key, **extra):
    return lambda ctx: ("create_route", {"RouteKey": route_key, **extra})


def update_owners(**changes):
    return lambda ctx: ("update_route", {"RouteId": ctx.owners_route_id, **changes})


ROUTE_REFUSALS = [
    pytest.param(create("GET /pets/{petId}"), "ConflictException", 409, id="duplicate-route-key"),
    pytest.param(create("GET /pets/{id}"), "ConflictException", 409, id="same-path-other-variable-name"),
    pytest.param(create("FETCH /x"), "BadRequestException", 400, id="unknown-method"),
    pytest.param(create("GET pets"), "BadRequestException", 400, id="path-without-leading-slash"),
    pytest.param(create("GET /a//b"), "BadRequestException", 400, id="empty-path-segment"),
    pytest.param(create("GET /{a+}/b"), "BadRequestException", 400, id="greedy-variable-not-last"),
    pytest.param(create("GET /{a}/{a}"), "BadRequestException", 400, id="repeated-variable"),
    pytest.param(
        lambda ctx: (
            "create_route",
            {"RouteKey": "GET /other", "Target": f"integrations/{ctx.foreign_integration_id}"},
        ),
        "NotFoundException",
        404,
        id="target-integration-of-another-api",
    ),
    pytest.param(
        create("GET /missing", Target=f"integrations/{MISSING_CHILD_ID}"),
        "NotFoundException",
        404,
        id="target-unknown-integration",
    ),
    pytest.param(create("GET /foo", Target="foo/bar"), "BadRequestException", 400, id="target-not-an-integration"),
    pytest.param(update_owners(RouteKey="GET /pets/{petId}"), "ConflictException", 409, id="update-to-duplicate-key"),
    pytest.param(update_owners(RouteKey="GET pets"), "BadRequestException", 400, id="update-to-bad-key"),
    pytest.param(
        lambda ctx: (
            "update_route",
            {"RouteId": ctx.owners_route_id, "Target": f"integrations/{ctx.foreign_integration_id}"},
        ),
        "NotFoundException",
        404,
        id="update-target-to-another-api",
    ),
    pytest.param(update_owners(Target="foo/bar"), "BadRequestException", 400, id="update-target-not-an-integration"),
]


@pytest.mark.parametrize("call, code, status", ROUTE_REFUSALS)
def test_route_refusals_change_nothing(client, route_context, call, code, status):
    operation, kwargs = call(route_context)
    before = api_state(client, route_context.api_id)

    with expect_error(code, status):
        getattr(client, operation)(ApiId=route_context.api_id, **kwargs)

    assert api_state(client, route_context.api_id) == before


@pytest.mark.parametrize(
    "operation, kwargs",
    [
        pytest.param("get_route", {}, id="GetRoute"),
        pytest.param("update_route", {"RouteKey": "GET /renamed"}, id="UpdateRoute"),
        pytest.param("delete_route", {}, id="DeleteRoute"),
    ],
)
def test_unknown_route_id_is_not_found(client, new_api, operation, kwargs):
    api_id = new_api()["ApiId"]
    client.create_route(ApiId=api_id, RouteKey="GET /kept")
    before = api_state(client, api_id)

    with expect_error("NotFoundException", 404):
        getattr(client, operation)(ApiId=api_id, RouteId=MISSING_CHILD_ID, **kwargs)

    assert api_state(client, api_id) == before
