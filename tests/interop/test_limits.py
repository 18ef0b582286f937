"""Per-API quotas, AWS's: 300 routes, 300 integrations, 10 authorizers (10 stages: test_stages.py)."""

from __future__ import annotations

from helpers import HTTP_BACKEND_URL, JWT_CONFIGURATION, api_state, expect_error

QUOTA = 300


def test_the_301st_route_is_refused(client, new_api):
    api_id = new_api()["ApiId"]
    for index in range(QUOTA):
        client.create_route(ApiId=api_id, RouteKey=f"GET /r{index}")

    # The default page holds 100 items and says there is more.
    first_page = client.get_routes(ApiId=api_id)
    assert len(first_page["Items"]) == 100
    assert first_page.get("NextToken")

    before = api_state(client, api_id)
    assert len(before["routes"]) == QUOTA

    with expect_error("TooManyRequestsException", 429) as refused:
        client.create_route(ApiId=api_id, RouteKey=f"GET /r{QUOTA}")

    assert refused.response.get("LimitType"), "429 body has no limitType"
    assert api_state(client, api_id) == before


def test_the_301st_integration_is_refused(client, new_api):
    api_id = new_api()["ApiId"]
    for index in range(QUOTA):
        client.create_integration(
            ApiId=api_id,
            IntegrationType="HTTP_PROXY",
            IntegrationMethod="GET",
            IntegrationUri=f"{HTTP_BACKEND_URL}/{index}",
        )
    before = api_state(client, api_id)
    assert len(before["integrations"]) == QUOTA

    with expect_error("TooManyRequestsException", 429) as refused:
        client.create_integration(
            ApiId=api_id, IntegrationType="HTTP_PROXY", IntegrationMethod="GET", IntegrationUri=HTTP_BACKEND_URL
        )

    assert refused.response.get("LimitType"), "429 body has no limitType"
    assert api_state(client, api_id) == before


def test_a_deleted_route_frees_its_place_in_the_quota(client, new_api):
    api_id = new_api()["ApiId"]
    route_ids = [client.create_route(ApiId=api_id, RouteKey=f"GET /r{index}")["RouteId"] for index in range(QUOTA)]

    client.delete_route(ApiId=api_id, RouteId=route_ids[0])

    assert client.create_route(ApiId=api_id, RouteKey="GET /replacement")["RouteKey"] == "GET /replacement"


def test_the_eleventh_authorizer_is_refused(client, new_api):
    api_id = new_api()["ApiId"]

    def create_authorizer(index):
        return client.create_authorizer(
            ApiId=api_id,
            Name=f"jwt{index}",
            AuthorizerType="JWT",
            IdentitySource=["$request.header.Authorization"],
            JwtConfiguration=JWT_CONFIGURATION,
        )

    for index in range(10):
        create_authorizer(index)
    before = api_state(client, api_id)

    with expect_error("TooManyRequestsException", 429) as refused:
        create_authorizer(10)

    assert refused.response.get("LimitType"), "429 body has no limitType"
    assert api_state(client, api_id) == before
