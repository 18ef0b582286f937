"""CreateAuthorizer / GetAuthorizers / GetAuthorizer / UpdateAuthorizer / DeleteAuthorizer."""

from __future__ import annotations

import pytest

from helpers import (
    CHILD_ID_RE,
    JWT_CONFIGURATION,
    MISSING_CHILD_ID,
    api_state,
    assert_status,
    body,
    expect_error,
    list_all,
)

LAMBDA_AUTHORIZER_URI = (
    "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
    "arn:aws:lambda:us-east-1:123456789012:function:interop-authorizer/invocations"
)


def create_jwt_authorizer(client, api_id: str, name: str = "jwt") -> dict:
    return client.create_authorizer(
        ApiId=api_id,
        Name=name,
        AuthorizerType="JWT",
        IdentitySource=["$request.header.Authorization"],
        JwtConfiguration=JWT_CONFIGURATION,
    )


def test_jwt_authorizer_crud(client, new_api):
    api_id = new_api()["ApiId"]

    created = create_jwt_authorizer(client, api_id)
    assert_status(created, 201)
    authorizer_id = created["AuthorizerId"]
    assert CHILD_ID_RE.match(authorizer_id), authorizer_id
    assert created["Name"] == "jwt"
    assert created["AuthorizerType"] == "JWT"
    assert created["IdentitySource"] == ["$request.header.Authorization"]
    assert created["JwtConfiguration"] == JWT_CONFIGURATION

    fetched = client.get_authorizer(ApiId=api_id, AuthorizerId=authorizer_id)
    assert_status(fetched, 200)
    assert body(fetched) == body(created)

    listed = client.get_authorizers(ApiId=api_id)
    assert_status(listed, 200)
    assert [item["AuthorizerId"] for item in listed["Items"]] == [authorizer_id]

    new_jwt = {"Audience": ["other-audience"], "Issuer": "https://issuer.example.com"}
    updated = client.update_authorizer(
        ApiId=api_id, AuthorizerId=authorizer_id, Name="jwt-renamed", JwtConfiguration=new_jwt
    )
    assert_status(updated, 200)
    assert updated["Name"] == "jwt-renamed"
    assert updated["JwtConfiguration"] == new_jwt
    assert body(client.get_authorizer(ApiId=api_id, AuthorizerId=authorizer_id)) == body(updated)

    deleted = client.delete_authorizer(ApiId=api_id, AuthorizerId=authorizer_id)
    assert_status(deleted, 204)
    with expect_error("NotFoundException", 404):
        client.get_authorizer(ApiId=api_id, AuthorizerId=authorizer_id)
    assert list_all(client, "get_authorizers", ApiId=api_id) == []


def test_lambda_request_authorizer(client, new_api):
    api_id = new_api()["ApiId"]

    created = client.create_authorizer(
        ApiId=api_id,
        Name="lambda",
        AuthorizerType="REQUEST",
        AuthorizerUri=LAMBDA_AUTHORIZER_URI,
        AuthorizerPayloadFormatVersion="2.0",
        EnableSimpleResponses=True,
        AuthorizerResultTtlInSeconds=300,
        IdentitySource=["$request.header.Authorization"],
    )

    assert_status(created, 201)
    assert created["AuthorizerType"] == "REQUEST"
    assert created["AuthorizerUri"] == LAMBDA_AUTHORIZER_URI
    assert created["AuthorizerPayloadFormatVersion"] == "2.0"
    assert created["EnableSimpleResponses"] is True
    assert created["AuthorizerResultTtlInSeconds"] == 300
    assert body(client.get_authorizer(ApiId=api_id, AuthorizerId=created["AuthorizerId"])) == body(created)


def test_delete_authorizer_used_by_a_route_is_a_conflict(client, new_api):
    api_id = new_api()["ApiId"]
    authorizer_id = create_jwt_authorizer(client, api_id)["AuthorizerId"]
    route = client.create_route(
        ApiId=api_id,
        RouteKey="GET /secure",
        AuthorizationType="JWT",
        AuthorizerId=authorizer_id,
        AuthorizationScopes=["read"],
    )
    assert route["AuthorizationType"] == "JWT"
    assert route["AuthorizerId"] == authorizer_id
    before = api_state(client, api_id)

    with expect_error("ConflictException", 409):
        client.delete_authorizer(ApiId=api_id, AuthorizerId=authorizer_id)

    assert api_state(client, api_id) == before
    client.delete_route(ApiId=api_id, RouteId=route["RouteId"])
    assert_status(client.delete_authorizer(ApiId=api_id, AuthorizerId=authorizer_id), 204)


@pytest.mark.parametrize(
    "operation, kwargs",
    [
        pytest.param("get_authorizer", {}, id="GetAuthorizer"),
        pytest.param("update_authorizer", {"Name": "x"}, id="UpdateAuthorizer"),
        pytest.param("delete_authorizer", {}, id="DeleteAuthorizer"),
    ],
)
def test_unknown_authorizer_is_not_found(client, new_api, operation, kwargs):
    api_id = new_api()["ApiId"]
    before = api_state(client, api_id)

    with expect_error("NotFoundException", 404):
        getattr(client, operation)(ApiId=api_id, AuthorizerId=MISSING_CHILD_ID, **kwargs)

    assert api_state(client, api_id) == before
