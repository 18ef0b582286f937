"""CreateApi / GetApis / GetApi / UpdateApi / DeleteApi through boto3."""

from __future__ import annotations

import datetime

import pytest

from helpers import (
    API_ID_RE,
    HTTP_BACKEND_URL,
    JWT_CONFIGURATION,
    LAMBDA_ARN,
    MISSING_API_ID,
    all_api_ids,
    api_state,
    assert_status,
    body,
    expect_error,
    list_all,
    unique_name,
)


def test_create_http_api_returns_the_api_with_defaults(client, new_api):
    name = unique_name("create")
    created = new_api(Name=name, Description="orders service", Version="2024-01-01")

    assert_status(created, 201)
    api_id = created["ApiId"]
    assert API_ID_RE.match(api_id), api_id
    assert created["Name"] == name
    assert created["ProtocolType"] == "HTTP"
    assert created["Description"] == "orders service"
    assert created["Version"] == "2024-01-01"
    assert created["ApiEndpoint"] == f"https://{api_id}.execute-api.us-east-1.amazonaws.com"
    assert created["RouteSelectionExpression"] == "$request.method $request.path"
    assert created["ApiKeySelectionExpression"] == "$request.header.x-api-key"
    assert isinstance(created["CreatedDate"], datetime.datetime)


def test_create_websocket_api(client, new_api):
    created = new_api(ProtocolType="WEBSOCKET", RouteSelectionExpression="$request.body.action")

    assert_status(created, 201)
    api_id = created["ApiId"]
    assert API_ID_RE.match(api_id), api_id
    assert created["ProtocolType"] == "WEBSOCKET"
    assert created["RouteSelectionExpression"] == "$request.body.action"
    assert created["ApiEndpoint"] == f"wss://{api_id}.execute-api.us-east-1.amazonaws.com"


def test_get_api_returns_what_create_returned(client, new_api):
    created = new_api(Description="read me back", Tags={"team": "payments"})

    fetched = client.get_api(ApiId=created["ApiId"])

    assert_status(fetched, 200)
    assert body(fetched) == body(created)
    assert fetched["Tags"] == {"team": "payments"}


def test_get_apis_lists_created_apis(client, new_api):
    ids = {new_api()["ApiId"] for _ in range(3)}

    listed = client.get_apis()

    assert_status(listed, 200)
    listed_ids = [item["ApiId"] for item in list_all(client, "get_apis")]
    assert ids <= set(listed_ids)
    assert len(listed_ids) == len(set(listed_ids)), "an API is listed twice"


def test_update_api_changes_only_the_given_members(client, new_api):
    created = new_api(Description="before", Version="1")
    api_id = created["ApiId"]
    new_name = unique_name("renamed")

    updated = client.update_api(ApiId=api_id, Name=new_name, Description="after")

    assert_status(updated, 200)
    assert updated["Name"] == new_name
    assert updated["Description"] == "after"
    assert updated["Version"] == "1"
    fetched = client.get_api(ApiId=api_id)
    assert body(fetched) == body(updated)
    for unchanged in ("ApiId", "ProtocolType", "ApiEndpoint", "CreatedDate", "RouteSelectionExpression"):
        assert fetched[unchanged] == created[unchanged], unchanged


def test_update_api_cors_configuration(client, new_api):
    api_id = new_api()["ApiId"]
    cors = {"AllowOrigins": ["https://example.com"], "AllowMethods": ["GET", "POST"], "MaxAge": 300}

    updated = client.update_api(ApiId=api_id, CorsConfiguration=cors)

    assert updated["CorsConfiguration"]["AllowOrigins"] == ["https://example.com"]
    assert client.get_api(ApiId=api_id)["CorsConfiguration"]["MaxAge"] == 300


def test_delete_api(client, new_api):
    api_id = new_api()["ApiId"]

    deleted = client.delete_api(ApiId=api_id)

    assert_status(deleted, 204)
    with expect_error("NotFoundException", 404):
        client.get_api(ApiId=api_id)
    with expect_error("NotFoundException", 404):
        client.delete_api(ApiId=api_id)
    assert api_id not in all_api_ids(client)


def test_delete_api_cascades_to_its_children(client, new_api):
    api_id = new_api()["ApiId"]
    integration_id = client.create_integration(
        ApiId=api_id, IntegrationType="HTTP_PROXY", IntegrationMethod="GET", IntegrationUri=HTTP_BACKEND_URL
    )["IntegrationId"]
    route_id = client.create_route(ApiId=api_id, RouteKey="GET /items", Target=f"integrations/{integration_id}")[
        "RouteId"
    ]
    authorizer_id = client.create_authorizer(
        ApiId=api_id,
        Name="jwt",
        AuthorizerType="JWT",
        IdentitySource=["$request.header.Authorization"],
        JwtConfiguration=JWT_CONFIGURATION,
    )["AuthorizerId"]
    client.create_stage(ApiId=api_id, StageName="prod")
    deployment_id = client.create_deployment(ApiId=api_id, StageName="prod")["DeploymentId"]

    client.delete_api(ApiId=api_id)

    with expect_error("NotFoundException", 404):
        client.get_route(ApiId=api_id, RouteId=route_id)
    with expect_error("NotFoundException", 404):
        client.get_integration(ApiId=api_id, IntegrationId=integration_id)
    with expect_error("NotFoundException", 404):
        client.get_stage(ApiId=api_id, StageName="prod")
    with expect_error("NotFoundException", 404):
        client.get_deployment(ApiId=api_id, DeploymentId=deployment_id)
    with expect_error("NotFoundException", 404):
        client.get_authorizer(ApiId=api_id, AuthorizerId=authorizer_id)
    with expect_error("NotFoundException", 404):
        client.get_routes(ApiId=api_id)


# -- refusals --------------------------------------------------------------------

CREATE_API_REFUSALS = [
    pytest.param(
        {"Name": "ws-without-rse", "ProtocolType": "WEBSOCKET"},
        "BadRequestException",
        400,
        id="websocket-without-route-selection-expression",
    ),
    pytest.param(
        {"Name": "n" * 129, "ProtocolType": "HTTP"},
        "BadRequestException",
        400,
        id="name-of-129-characters",
    ),
    pytest.param(
        {"Name": "", "ProtocolType": "HTTP"},
        "BadRequestException",
        400,
        id="empty-name",
    ),
]


@pytest.mark.parametrize("kwargs, code, status", CREATE_API_REFUSALS)
def test_create_api_refusals_change_nothing(client, unvalidated_client, kwargs, code, status):
    before = all_api_ids(client)

    with expect_error(code, status):
        unvalidated_client.create_api(**kwargs)

    assert all_api_ids(client) == before


def test_a_name_of_128_characters_is_accepted(client, new_api):
    name = "n" * 128
    assert new_api(Name=name)["Name"] == name


UPDATE_API_REFUSALS = [
    pytest.param({"Name": "n" * 129}, "BadRequestException", 400, id="name-of-129-characters"),
]


@pytest.mark.parametrize("kwargs, code, status", UPDATE_API_REFUSALS)
def test_update_api_refusals_change_nothing(client, unvalidated_client, new_api, kwargs, code, status):
    api_id = new_api()["ApiId"]
    before = api_state(client, api_id)

    with expect_error(code, status):
        unvalidated_client.update_api(ApiId=api_id, **kwargs)

    assert api_state(client, api_id) == before


UNKNOWN_API_CALLS = [
    pytest.param("get_api", {}, id="GetApi"),
    pytest.param("update_api", {"Name": "x"}, id="UpdateApi"),
    pytest.param("delete_api", {}, id="DeleteApi"),
    pytest.param("get_routes", {}, id="GetRoutes"),
    pytest.param("create_route", {"RouteKey": "GET /x"}, id="CreateRoute"),
    pytest.param("get_integrations", {}, id="GetIntegrations"),
    pytest.param(
        "create_integration",
        {"IntegrationType": "AWS_PROXY", "IntegrationUri": LAMBDA_ARN, "PayloadFormatVersion": "2.0"},
        id="CreateIntegration",
    ),
    pytest.param("get_stages", {}, id="GetStages"),
    pytest.param("create_stage", {"StageName": "prod"}, id="CreateStage"),
    pytest.param("get_deployments", {}, id="GetDeployments"),
    pytest.param("create_deployment", {}, id="CreateDeployment"),
    pytest.param("get_authorizers", {}, id="GetAuthorizers"),
]


@pytest.mark.parametrize("operation, kwargs", UNKNOWN_API_CALLS)
def test_unknown_api_id_is_not_found(client, operation, kwargs):
    before = all_api_ids(client)

    with expect_error("NotFoundException", 404):
        getattr(client, operation)(ApiId=MISSING_API_ID, **kwargs)

    assert all_api_ids(client) == before
