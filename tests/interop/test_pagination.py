"""Paging through every list operation with botocore's own paginators, and paging refusals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pytest

from helpers import HTTP_BACKEND_URL, JWT_CONFIGURATION, expect_error, pages, unique_name


@dataclass
class Collection:
    operation: str
    id_key: str
    count: int  # how many items the test creates
    page_size: int
    create: Callable  # (client, api_id, index) -> id


def create_route(client, api_id, index):
    return client.create_route(ApiId=api_id, RouteKey=f"GET /items{index}")["RouteId"]


def create_integration(client, api_id, index):
    return client.create_integration(
        ApiId=api_id,
        IntegrationType="HTTP_PROXY",
        IntegrationMethod="GET",
        IntegrationUri=f"{HTTP_BACKEND_URL}/{index}",
    )["IntegrationId"]


def create_stage(client, api_id, index):
    return client.create_stage(ApiId=api_id, StageName=f"stage{index}")["StageName"]


def create_deployment(client, api_id, index):
    return client.create_deployment(ApiId=api_id, Description=f"release {index}")["DeploymentId"]


def create_authorizer(client, api_id, index):
    return client.create_authorizer(
        ApiId=api_id,
        Name=f"jwt{index}",
        AuthorizerType="JWT",
        IdentitySource=["$request.header.Authorization"],
        JwtConfiguration=JWT_CONFIGURATION,
    )["AuthorizerId"]


COLLECTIONS = [
    pytest.param(Collection("get_routes", "RouteId", 25, 7, create_route), id="GetRoutes"),
    pytest.param(Collection("get_integrations", "IntegrationId", 25, 7, create_integration), id="GetIntegrations"),
    # An API holds at most 10 stages.
    pytest.param(Collection("get_stages", "StageName", 10, 3, create_stage), id="GetStages"),
    pytest.param(Collection("get_deployments", "DeploymentId", 25, 7, create_deployment), id="GetDeployments"),
    # An API holds at most 10 authorizers.
    pytest.param(Collection("get_authorizers", "AuthorizerId", 10, 3, create_authorizer), id="GetAuthorizers"),
]


def expected_page_sizes(count: int, page_size: int) -> list[int]:
    full, rest = divmod(count, page_size)
    return [page_size] * full + ([rest] if rest else [])


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_paginator_visits_each_child_exactly_once(client, new_api, collection: Collection):
    api_id = new_api()["ApiId"]
    if collection.operation == "get_deployments":
        client.create_route(ApiId=api_id, RouteKey="GET /deployable")
    created = [collection.create(client, api_id, index) for index in range(collection.count)]

    page_list = pages(client, collection.operation, page_size=collection.page_size, ApiId=api_id)

    assert [len(page) for page in page_list] == expected_page_sizes(collection.count, collection.page_size)
    listed = [item[collection.id_key] for page in page_list for item in page]
    assert len(listed) == len(set(listed)), f"an item is listed twice: {listed}"
    assert set(listed) == set(created)


def test_get_apis_paginator_visits_each_api_exactly_once(client, new_api):
    prefix = unique_name("paged-api")
    created = {new_api(Name=f"{prefix}-{index:02d}")["ApiId"] for index in range(25)}

    page_list = pages(client, "get_apis", page_size=7)

    # Other tests' APIs may be listed too; ours must each appear exactly once.
    assert all(len(page) <= 7 for page in page_list), [len(page) for page in page_list]
    assert len(page_list) >= 4
    listed = [item["ApiId"] for page in page_list for item in page]
    assert len(listed) == len(set(listed)), "an API is listed twice"
    mine = {item["ApiId"] for page in page_list for item in page if item["Name"].startswith(prefix)}
    assert mine == created


def test_page_size_one_and_five_hundred(client, new_api):
    api_id = new_api()["ApiId"]
    route_ids = {create_route(client, api_id, index) for index in range(3)}

    singles = pages(client, "get_routes", page_size=1, ApiId=api_id)
    assert [len(page) for page in singles] == [1, 1, 1]
    assert {page[0]["RouteId"] for page in singles} == route_ids

    whole = client.get_routes(ApiId=api_id, MaxResults="500")
    assert {item["RouteId"] for item in whole["Items"]} == route_ids
    assert "NextToken" not in whole


# -- refusals --------------------------------------------------------------------

LIST_CALLS = [
    pytest.param("get_apis", False, id="GetApis"),
    pytest.param("get_routes", True, id="GetRoutes"),
    pytest.param("get_integrations", True, id="GetIntegrations"),
    pytest.param("get_stages", True, id="GetStages"),
    pytest.param("get_deployments", True, id="GetDeployments"),
    pytest.param("get_authorizers", True, id="GetAuthorizers"),
    pytest.param("get_vpc_links", False, id="GetVpcLinks"),
]


@pytest.mark.parametrize("max_results", ["0", "501", "abc", "-1"])
@pytest.mark.parametrize("operation, in_api", LIST_CALLS)
def test_bad_max_results_is_a_bad_request(client, new_api, operation, in_api, max_results):
    kwargs = {"ApiId": new_api()["ApiId"]} if in_api else {}

    with expect_error("BadRequestException", 400):
        getattr(client, operation)(MaxResults=max_results, **kwargs)


@pytest.mark.parametrize("next_token", ["garbage", "%%%", "!!not a token!!"])
@pytest.mark.parametrize("operation, in_api", LIST_CALLS)
def test_garbage_next_token_is_a_bad_request(client, new_api, operation, in_api, next_token):
    kwargs = {"ApiId": new_api()["ApiId"]} if in_api else {}

    with expect_error("BadRequestException", 400):
        getattr(client, operation)(NextToken=next_token, **kwargs)
