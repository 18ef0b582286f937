"""Races: concurrent writes that only one side may win, checked from the outside.

Each race releases its threads together with a `threading.Barrier` and gives each thread its
own boto3 client. The registry checks its rules inside the write transaction, so whatever
the interleaving the outcome must be one that some serial order of the same calls produces:

- 32 CreateRoute calls with one route key: exactly one 201, 31 ConflictException, one route.
- The same with keys that differ only in a variable's name (`GET /pets/{a}` ... `{z}`).
- DeleteIntegration against CreateRoutes targeting it: either the delete wins (204, and every
  create is refused with NotFoundException) or a create wins (the delete is refused with
  ConflictException, and every create succeeds); no route ever targets a missing integration.
- DeleteVpcLink against CreateIntegrations using it: the same, one level down.
- 20 CreateStage calls on an API with 10 stages left in its quota: exactly 10 succeed.
"""

from __future__ import annotations

import string
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

import pytest
from botocore.exceptions import ClientError

from conftest import make_client
from helpers import ALB_LISTENER_ARN, HTTP_BACKEND_URL, list_all, report, status_of

BARRIER_TIMEOUT_SECONDS = 30
CALL_TIMEOUT_SECONDS = 60
MAX_THREADS = 32


def outcome_of(call: Callable[[], dict]) -> tuple[str, dict]:
    """("201" or another status, response) for a success; (error code, error response) for a refusal."""
    try:
        response = call()
        return str(status_of(response)), response
    except ClientError as error:
        return error.response["Error"]["Code"], error.response


@pytest.fixture(scope="module")
def thread_clients(base_url: str) -> list:
    """One boto3 client per racing thread (the most any race here uses), reused across rounds."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(lambda _: make_client(base_url), range(MAX_THREADS)))


def race(clients: list, calls: list[Callable]) -> list[tuple[str, dict]]:
    """Runs calls[i](clients[i]) on thread i; the threads are released together."""
    assert len(calls) <= len(clients)
    barrier = threading.Barrier(len(calls), timeout=BARRIER_TIMEOUT_SECONDS)

    def run(index: int) -> tuple[str, dict]:
        barrier.wait()
        return outcome_of(lambda: calls[index](clients[index]))

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(run, index) for index in range(len(calls))]
        return [future.result(timeout=CALL_TIMEOUT_SECONDS) for future in futures]


def assert_no_dangling_targets(client, api_id: str) -> None:
    """Every route's target names an integration that exists in the same API."""
    for route in list_all(client, "get_routes", ApiId=api_id):
        target = route.get("Target")
        if target:
            assert target.startswith("integrations/"), route
            integration_id = target.removeprefix("integrations/")
            client.get_integration(ApiId=api_id, IntegrationId=integration_id)  # raises NotFound if dangling


@pytest.mark.parametrize("round_number", range(3))
def test_one_of_32_identical_create_routes_wins(request, thread_clients, client, new_api, round_number):
    api_id = new_api()["ApiId"]
    route_key = f"GET /race/{round_number}"

    outcomes = race(thread_clients, [lambda c: c.create_route(ApiId=api_id, RouteKey=route_key)] * 32)

    codes = Counter(code for code, _ in outcomes)
    report(request.config, f"[races] 32 x CreateRoute {route_key!r}: {dict(codes)}")
    assert codes == {"201": 1, "ConflictException": 31}, codes
    routes = list_all(client, "get_routes", ApiId=api_id)
    assert [route["RouteKey"] for route in routes] == [route_key]
    winner = next(response for code, response in outcomes if code == "201")
    assert routes[0]["RouteId"] == winner["RouteId"]


def test_route_keys_differing_only_in_variable_names_conflict(request, thread_clients, client, new_api):
    api_id = new_api()["ApiId"]
    keys = [f"GET /pets/{{{letter}}}" for letter in string.ascii_lowercase]

    outcomes = race(thread_clients, [lambda c, key=key: c.create_route(ApiId=api_id, RouteKey=key) for key in keys])

    codes = Counter(code for code, _ in outcomes)
    report(request.config, f"[races] 26 x CreateRoute GET /pets/{{a..z}}: {dict(codes)}")
    assert codes == {"201": 1, "ConflictException": 25}, codes
    routes = list_all(client, "get_routes", ApiId=api_id)
    assert len(routes) == 1 and routes[0]["RouteKey"] in keys, routes


def test_delete_integration_races_create_route_targeting_it(request, thread_clients, client, new_api):
    """20 rounds of one DeleteIntegration against 5 CreateRoutes that target the integration."""
    creators = 5
    api_id = new_api()["ApiId"]
    tally: Counter[str] = Counter()

    for round_number in range(20):
        integration_id = client.create_integration(
            ApiId=api_id, IntegrationType="HTTP_PROXY", IntegrationMethod="GET", IntegrationUri=HTTP_BACKEND_URL
        )["IntegrationId"]
        target = f"integrations/{integration_id}"
        calls = [lambda c: c.delete_integration(ApiId=api_id, IntegrationId=integration_id)] + [
            lambda c, n=n: c.create_route(ApiId=api_id, RouteKey=f"GET /r{round_number}/c{n}", Target=target)
            for n in range(creators)
        ]

        outcomes = race(thread_clients, calls)

        delete_code, creates = outcomes[0][0], Counter(code for code, _ in outcomes[1:])
        if delete_code == "204":
            assert creates == {"NotFoundException": creators}, (round_number, delete_code, creates)
            tally["delete won"] += 1
        else:
            assert delete_code == "ConflictException", (round_number, delete_code, creates)
            assert creates == {"201": creators}, (round_number, delete_code, creates)
            client.get_integration(ApiId=api_id, IntegrationId=integration_id)
            tally["a create won"] += 1
        assert_no_dangling_targets(client, api_id)

    report(request.config, f"[races] DeleteIntegration vs {creators} x CreateRoute, 20 rounds: {dict(tally)}")
    assert sum(tally.values()) == 20


def test_delete_vpc_link_races_create_integration_using_it(request, thread_clients, client, new_api, new_vpc_link):
    """10 rounds of one DeleteVpcLink against 4 CreateIntegrations through the link."""
    creators = 4
    api_id = new_api()["ApiId"]
    tally: Counter[str] = Counter()

    for round_number in range(10):
        link_id = new_vpc_link()["VpcLinkId"]
        calls = [lambda c: c.delete_vpc_link(VpcLinkId=link_id)] + [
            lambda c: c.create_integration(
                ApiId=api_id,
                IntegrationType="HTTP_PROXY",
                IntegrationMethod="ANY",
                IntegrationUri=ALB_LISTENER_ARN,
                ConnectionType="VPC_LINK",
                ConnectionId=link_id,
            )
        ] * creators

        outcomes = race(thread_clients, calls)

        delete_code, creates = outcomes[0][0], Counter(code for code, _ in outcomes[1:])
        if delete_code == "202":
            # DeleteVpcLink answers 202 as AWS does; the link is gone, so no integration may use it.
            assert creates == {"NotFoundException": creators}, (round_number, delete_code, creates)
            tally["delete won"] += 1
        else:
            assert delete_code == "ConflictException", (round_number, delete_code, creates)
            assert creates == {"201": creators}, (round_number, delete_code, creates)
            client.get_vpc_link(VpcLinkId=link_id)
            tally["a create won"] += 1
        for integration in list_all(client, "get_integrations", ApiId=api_id):
            if integration.get("ConnectionType") == "VPC_LINK":
                client.get_vpc_link(VpcLinkId=integration["ConnectionId"])  # raises NotFound if dangling

    report(request.config, f"[races] DeleteVpcLink vs {creators} x CreateIntegration, 10 rounds: {dict(tally)}")
    assert sum(tally.values()) == 10


def test_concurrent_create_stages_respect_the_quota_of_ten(request, thread_clients, client, new_api):
    api_id = new_api()["ApiId"]

    outcomes = race(
        thread_clients, [lambda c, n=n: c.create_stage(ApiId=api_id, StageName=f"stage{n}") for n in range(20)]
    )

    codes = Counter(code for code, _ in outcomes)
    report(request.config, f"[races] 20 x CreateStage on an empty API (quota 10): {dict(codes)}")
    assert codes == {"201": 10, "TooManyRequestsException": 10}, codes
    assert len(list_all(client, "get_stages", ApiId=api_id)) == 10


def test_concurrent_create_routes_respect_the_quota_of_300(request, thread_clients, client, new_api):
    api_id = new_api()["ApiId"]
    for index in range(295):
        client.create_route(ApiId=api_id, RouteKey=f"GET /existing/{index}")

    outcomes = race(
        thread_clients, [lambda c, n=n: c.create_route(ApiId=api_id, RouteKey=f"GET /late/{n}") for n in range(20)]
    )

    codes = Counter(code for code, _ in outcomes)
    report(request.config, f"[races] 20 x CreateRoute on an API with 295 routes (quota 300): {dict(codes)}")
    assert codes == {"201": 5, "TooManyRequestsException": 15}, codes
    assert len(list_all(client, "get_routes", ApiId=api_id)) == 300
