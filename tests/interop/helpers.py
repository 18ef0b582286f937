"""Shared constants and helpers for the interop tests (boto3 against the real server)."""

from __future__ import annotations

import re
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator

import pytest
from botocore.exceptions import ClientError

REGION = "us-east-1"
ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "secret"

API_ID_RE = re.compile(r"^[a-z0-9]{10}$")
CHILD_ID_RE = re.compile(r"^[a-z0-9]{7}$")

# Well-formed ids that no test ever creates.
MISSING_API_ID = "zzzzzzzzzz"
MISSING_CHILD_ID = "zzzzzzz"

LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:interop-handler"
# WebSocket Lambda proxies (and Lambda authorizers) take API Gateway's invocation URI, not the function ARN.
LAMBDA_INVOCATION_URI = (
    "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
    "arn:aws:lambda:us-east-1:123456789012:function:interop-handler/invocations"
)
HTTP_BACKEND_URL = "https://backend.example.com/items"
ALB_LISTENER_ARN = (
    "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/interop-alb/50dc6c495c0c9188/0467ef3c8400ae65"
)
SUBNET_IDS = ["subnet-0a1b2c3d4e5f60718", "subnet-0f9e8d7c6b5a40312"]
SECURITY_GROUP_IDS = ["sg-0123456789abcdef0"]
JWT_CONFIGURATION = {"Audience": ["interop-audience"], "Issuer": "https://issuer.example.com"}

# Collections that live inside one API: (operation, id member).
API_CHILD_COLLECTIONS = {
    "routes": ("get_routes", "RouteId"),
    "integrations": ("get_integrations", "IntegrationId"),
    "stages": ("get_stages", "StageName"),
    "deployments": ("get_deployments", "DeploymentId"),
    "authorizers": ("get_authorizers", "AuthorizerId"),
}


def unique_name(prefix: str = "interop") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def api_arn(api_id: str) -> str:
    return f"arn:aws:apigateway:{REGION}::/apis/{api_id}"


def stage_arn(api_id: str, stage_name: str) -> str:
    return f"arn:aws:apigateway:{REGION}::/apis/{api_id}/stages/{stage_name}"


def vpc_link_arn(vpc_link_id: str) -> str:
    return f"arn:aws:apigateway:{REGION}::/vpclinks/{vpc_link_id}"


def body(response: dict[str, Any]) -> dict[str, Any]:
    """A boto3 response without its ResponseMetadata."""
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


def status_of(response: dict[str, Any]) -> int:
    return response["ResponseMetadata"]["HTTPStatusCode"]


def request_id_of(response: dict[str, Any]) -> str | None:
    return response["ResponseMetadata"].get("HTTPHeaders", {}).get("x-amzn-requestid")


def assert_status(response: dict[str, Any], expected: int) -> None:
    assert status_of(response) == expected, f"expected HTTP {expected}, got {status_of(response)}"
    assert request_id_of(response), "response lacks the x-amzn-RequestId header"


# -- refusals -----------------------------------------------------------------


@dataclass
class CaughtError:
    """Filled in by `expect_error` once the refused call has raised."""

    response: dict[str, Any] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.response["Error"]["Code"]

    @property
    def message(self) -> str:
        return self.response["Error"].get("Message", "")

    @property
    def status(self) -> int:
        return status_of(self.response)


@contextmanager
def expect_error(code: str, status: int) -> Iterator[CaughtError]:
    """Assert that the block raises a botocore ClientError with this code and status."""
    caught = CaughtError()
    try:
        yield caught
    except ClientError as error:
        caught.response = error.response
        assert (caught.code, caught.status) == (code, status), (
            f"expected {code} ({status}), got {caught.code} ({caught.status}): {caught.message}"
        )
        assert caught.message, "error body has no message"
        headers = error.response["ResponseMetadata"].get("HTTPHeaders", {})
        assert headers.get("x-amzn-requestid"), "error response lacks x-amzn-RequestId"
        assert headers.get("x-amzn-errortype", "").split(":")[0] == code, (
            f"x-amzn-ErrorType header is {headers.get('x-amzn-errortype')!r}, expected {code}"
        )
    else:
        pytest.fail(f"expected {code} ({status}), but the call succeeded")


# -- listing ------------------------------------------------------------------


def pages(client, operation: str, page_size: int | None = None, **kwargs) -> list[list[dict]]:
    """Every page of a list operation, through botocore's own paginator."""
    config = {"PageSize": page_size} if page_size is not None else {}
    paginator = client.get_paginator(operation)
    return [page.get("Items", []) for page in paginator.paginate(PaginationConfig=config, **kwargs)]


def list_all(client, operation: str, **kwargs) -> list[dict]:
    return [item for page in pages(client, operation, **kwargs) for item in page]


def list_vpc_links(client, max_results: str | None = None) -> list[list[dict]]:
    """GetVpcLinks has no botocore paginator: follow NextToken by hand."""
    collected: list[list[dict]] = []
    kwargs: dict[str, str] = {"MaxResults": max_results} if max_results else {}
    for _ in range(10_000):
        response = client.get_vpc_links(**kwargs)
        collected.append(response.get("Items", []))
        token = response.get("NextToken")
        if not token:
            return collected
        kwargs["NextToken"] = token
    pytest.fail("GetVpcLinks never stopped returning a NextToken")


def api_state(client, api_id: str) -> dict[str, Any]:
    """Everything inside one API that a refused call must leave unchanged."""
    state: dict[str, Any] = {"api": body(client.get_api(ApiId=api_id))}
    for name, (operation, id_key) in API_CHILD_COLLECTIONS.items():
        items = list_all(client, operation, ApiId=api_id)
        state[name] = sorted(items, key=lambda item: item[id_key])
    return state


def all_api_ids(client) -> list[str]:
    return sorted(item["ApiId"] for item in list_all(client, "get_apis"))


def all_vpc_links(client) -> list[dict]:
    links = [item for page in list_vpc_links(client) for item in page]
    return sorted(links, key=lambda item: item["VpcLinkId"])


# -- reliability tests (durability, races, hostile input, fuzzing) --------------


def report(config, line: str) -> None:
    """Writes one line to pytest's terminal (also under -q), for figures a test wants to show."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        print(line)
        return
    with capture.global_and_fixture_disabled():
        reporter.ensure_newline()
        reporter.write_line(line)
