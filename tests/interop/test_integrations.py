"""CreateIntegration / GetIntegrations / GetIntegration / UpdateIntegration / DeleteIntegration."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from helpers import (
    ALB_LISTENER_ARN,
    CHILD_ID_RE,
    HTTP_BACKEND_URL,
    LAMBDA_ARN,
    LAMBDA_INVOCATION_URI,
    MISSING_CHILD_ID,
    all_vpc_links,
    api_state,
    assert_status,
    body,
    expect_error,
    list_all,
)


def test_http_proxy_integration_crud_and_defaults(client, new_api):
    api_id = new_api()["ApiId"]

    created = client.create_integration(
        ApiId=api_id,
        IntegrationType="HTTP_PROXY",
        IntegrationMethod="GET",
        IntegrationUri=HTTP_BACKEND_URL,
        Description="items backend",
    )
    assert_status(created, 201)
    integration_id = created["IntegrationId"]
    assert CHILD_ID_RE.match(integration_id), integration_id
    assert created["IntegrationType"] == "HTTP_PROXY"
    assert created["IntegrationMethod"] == "GET"
    assert created["IntegrationUri"] == HTTP_BACKEND_URL
    assert created["ConnectionType"] == "INTERNET"
    assert created["TimeoutInMillis"] == 30000
    assert created["PayloadFormatVersion"] == "1.0"
    assert created["Description"] == "items backend"
    assert "ConnectionId" not in created

    fetched = client.get_integration(ApiId=api_id, IntegrationId=integration_id)
    assert_status(fetched, 200)
    assert body(fetched) == body(created)

    listed = client.get_integrations(ApiId=api_id)
    assert_status(listed, 200)
    assert [item["IntegrationId"] for item in listed["Items"]] == [integration_id]

    updated = client.update_integration(
        ApiId=api_id,
        IntegrationId=integration_id,
        IntegrationUri="https://backend.example.com/v2/items",
        TimeoutInMillis=5000,
    )
    assert_status(updated, 200)
    assert updated["IntegrationUri"] == "https://backend.example.com/v2/items"
    assert updated["TimeoutInMillis"] == 5000
    assert updated["IntegrationMethod"] == "GET"
    assert updated["Description"] == "items backend"
    assert body(client.get_integration(ApiId=api_id, IntegrationId=integration_id)) == body(updated)

    deleted = client.delete_integration(ApiId=api_id, IntegrationId=integration_id)
    assert_status(deleted, 204)
    with expect_error("NotFoundException", 404):
        client.get_integration(ApiId=api_id, IntegrationId=integration_id)
    assert list_all(client, "get_integrations", ApiId=api_id) == []


def test_aws_proxy_integration_on_http_api(client, new_api):
    api_id = new_api()["ApiId"]

    created = client.create_integration(
        ApiId=api_id, IntegrationType="AWS_PROXY", IntegrationUri=LAMBDA_ARN, PayloadFormatVersion="2.0"
    )

    assert created["IntegrationType"] == "AWS_PROXY"
    assert created["IntegrationUri"] == LAMBDA_ARN
    assert created["PayloadFormatVersion"] == "2.0"
    assert created["ConnectionType"] == "INTERNET"
    assert created["TimeoutInMillis"] == 30000


def test_websocket_integration_defaults_to_29_seconds(client, new_api):
    api_id = new_api(ProtocolType="WEBSOCKET")["ApiId"]

    created = client.create_integration(
        ApiId=api_id, IntegrationType="AWS_PROXY", IntegrationMethod="POST", IntegrationUri=LAMBDA_INVOCATION_URI
    )

    assert created["TimeoutInMillis"] == 29000
    assert created["ConnectionType"] == "INTERNET"


def test_vpc_link_integration(client, new_api, new_vpc_link):
    vpc_link_id = new_vpc_link()["VpcLinkId"]
    api_id = new_api()["ApiId"]

    created = client.create_integration(
        ApiId=api_id,
        IntegrationType="HTTP_PROXY",
        IntegrationMethod="ANY",
        IntegrationUri=ALB_LISTENER_ARN,
        ConnectionType="VPC_LINK",
        ConnectionId=vpc_link_id,
        TlsConfig={"ServerNameToVerify": "backend.internal.example.com"},
    )

    assert created["ConnectionType"] == "VPC_LINK"
    assert created["ConnectionId"] == vpc_link_id
    assert created["TlsConfig"] == {"ServerNameToVerify": "backend.internal.example.com"}
    fetched = client.get_integration(ApiId=api_id, IntegrationId=created["IntegrationId"])
    assert body(fetched) == body(created)


def test_delete_integration_targeted_by_routes_is_a_conflict(client, new_api):
    api_id = new_api()["ApiId"]
    integration_id = client.create_integration(
        ApiId=api_id, IntegrationType="HTTP_PROXY", IntegrationMethod="ANY", IntegrationUri=HTTP_BACKEND_URL
    )["IntegrationId"]
    route_ids = [
        client.create_route(ApiId=api_id, RouteKey=key, Target=f"integrations/{integration_id}")["RouteId"]
        for key in ("GET /a", "GET /b")
    ]
    before = api_state(client, api_id)

    with expect_error("ConflictException", 409) as refused:
        client.delete_integration(ApiId=api_id, IntegrationId=integration_id)

    for route_id in route_ids:
        assert route_id in refused.message, f"message does not name route {route_id}: {refused.message}"
    assert api_state(client, api_id) == before

    for route_id in route_ids:
        client.delete_route(ApiId=api_id, RouteId=route_id)
    assert_status(client.delete_integration(ApiId=api_id, IntegrationId=integration_id), 204)


# -- refusals --------------------------------------------------------------------


@pytest.fixture
def integration_context(client, new_api, new_vpc_link):
    """An HTTP API, a WebSocket API and an existing VPC link."""
    return SimpleNamespace(
        http_api_id=new_api()["ApiId"],
        ws_api_id=new_api(ProtocolType="WEBSOCKET")["ApiId"],
        vpc_link_id=new_vpc_link()["VpcLinkId"],
    )


def http_proxy(**changes):
    """A valid HTTP_PROXY integration request on the HTTP API, with some members changed."""
    kwargs = {"IntegrationType": "HTTP_PROXY", "IntegrationMethod": "GET", "IntegrationUri": HTTP_BACKEND_URL}
    kwargs.update(changes)
    return lambda ctx: ("http", {k: v for k, v in kwargs.items() if v is not None})


def aws_proxy(**changes):
    """A valid AWS_PROXY (Lambda) integration request on the HTTP API, with some members changed."""
    kwargs = {"IntegrationType": "AWS_PROXY", "IntegrationUri": LAMBDA_ARN, "PayloadFormatVersion": "2.0"}
    kwargs.update(changes)
    return lambda ctx: ("http", {k: v for k, v in kwargs.items() if v is not None})


INTEGRATION_REFUSALS = [
    pytest.param(http_proxy(IntegrationType="HTTP"), "BadRequestException", 400, id="HTTP-on-http-api"),
    pytest.param(
        aws_proxy(IntegrationType="AWS", PayloadFormatVersion=None), "BadRequestException", 400, id="AWS-on-http-api"
    ),
    pytest.param(lambda ctx: ("http", {"IntegrationType": "MOCK"}), "BadRequestException", 400, id="MOCK-on-http-api"),
    pytest.param(
        aws_proxy(PayloadFormatVersion=None), "BadRequestException", 400, id="aws-proxy-without-payload-version"
    ),
    pytest.param(aws_proxy(PayloadFormatVersion="3.0"), "BadRequestException", 400, id="payload-version-3.0"),
    pytest.param(aws_proxy(IntegrationMethod="GET"), "BadRequestException", 400, id="aws-proxy-with-method-GET"),
    pytest.param(http_proxy(IntegrationMethod=None), "BadRequestException", 400, id="http-proxy-without-method"),
    pytest.param(http_proxy(IntegrationUri="ftp://x"), "BadRequestException", 400, id="http-proxy-ftp-uri"),
    pytest.param(
        http_proxy(IntegrationUri=ALB_LISTENER_ARN, ConnectionType="VPC_LINK"),
        "BadRequestException",
        400,
        id="vpc-link-without-connection-id",
    ),
    pytest.param(
        http_proxy(IntegrationUri=ALB_LISTENER_ARN, ConnectionType="VPC_LINK", ConnectionId=MISSING_CHILD_ID),
        "NotFoundException",
        404,
        id="vpc-link-unknown-connection-id",
    ),
    pytest.param(
        lambda ctx: http_proxy(ConnectionType="INTERNET", ConnectionId=ctx.vpc_link_id)(ctx),
        "BadRequestException",
        400,
        id="internet-with-connection-id",
    ),
    pytest.param(
        lambda ctx: (
            "ws",
            {
                "IntegrationType": "HTTP_PROXY",
                "IntegrationMethod": "GET",
                "IntegrationUri": HTTP_BACKEND_URL,
                "ConnectionType": "VPC_LINK",
                "ConnectionId": ctx.vpc_link_id,
            },
        ),
        "BadRequestException",
        400,
        id="vpc-link-on-websocket-api",
    ),
    pytest.param(http_proxy(TimeoutInMillis=49), "BadRequestException", 400, id="timeout-49ms"),
    pytest.param(http_proxy(TimeoutInMillis=30001), "BadRequestException", 400, id="timeout-30001ms"),
    pytest.param(
        http_proxy(TlsConfig={"ServerNameToVerify": "backend.example.com"}),
        "BadRequestException",
        400,
        id="tls-config-on-internet",
    ),
]


@pytest.mark.parametrize("call, code, status", INTEGRATION_REFUSALS)
def test_create_integration_refusals_change_nothing(
    client, unvalidated_client, integration_context, call, code, status
):
    which, kwargs = call(integration_context)
    api_id = integration_context.http_api_id if which == "http" else integration_context.ws_api_id
    before = api_state(client, api_id), all_vpc_links(client)

    # botocore checks some minimums (TimeoutInMillis >= 50) client-side: send the raw values anyway.
    with expect_error(code, status):
        unvalidated_client.create_integration(ApiId=api_id, **kwargs)

    assert (api_state(client, api_id), all_vpc_links(client)) == before


UPDATE_INTEGRATION_REFUSALS = [
    pytest.param({"TimeoutInMillis": 49}, "BadRequestException", 400, id="timeout-49ms"),
    pytest.param({"IntegrationUri": "ftp://x"}, "BadRequestException", 400, id="ftp-uri"),
    pytest.param({"PayloadFormatVersion": "3.0"}, "BadRequestException", 400, id="payload-version-3.0"),
    pytest.param(
        {"ConnectionType": "VPC_LINK", "ConnectionId": MISSING_CHILD_ID, "IntegrationUri": ALB_LISTENER_ARN},
        "NotFoundException",
        404,
        id="unknown-vpc-link",
    ),
]


@pytest.mark.parametrize("kwargs, code, status", UPDATE_INTEGRATION_REFUSALS)
def test_update_integration_refusals_change_nothing(client, unvalidated_client, new_api, kwargs, code, status):
    api_id = new_api()["ApiId"]
    integration_id = client.create_integration(
        ApiId=api_id, IntegrationType="HTTP_PROXY", IntegrationMethod="GET", IntegrationUri=HTTP_BACKEND_URL
    )["IntegrationId"]
    before = api_state(client, api_id)

    with expect_error(code, status):
        unvalidated_client.update_integration(ApiId=api_id, IntegrationId=integration_id, **kwargs)

    assert api_state(client, api_id) == before


@pytest.mark.parametrize(
    "operation, kwargs",
    [
        pytest.param("get_integration", {}, id="GetIntegration"),
        pytest.param("update_integration", {"Description": "x"}, id="UpdateIntegration"),
        pytest.param("delete_integration", {}, id="DeleteIntegration"),
    ],
)
def test_unknown_integration_id_is_not_found(client, new_api, operation, kwargs):
    api_id = new_api()["ApiId"]
    before = api_state(client, api_id)

    with expect_error("NotFoundException", 404):
        getattr(client, operation)(ApiId=api_id, IntegrationId=MISSING_CHILD_ID, **kwargs)

    assert api_state(client, api_id) == before
