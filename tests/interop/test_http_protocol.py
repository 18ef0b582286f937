"""The wire protocol seen with plain HTTP: headers, error shape, body limits, extensions."""

from __future__ import annotations

import http.client
import json
import time
from urllib.parse import urlsplit

import pytest

from helpers import (
    MISSING_API_ID,
    all_api_ids,
    all_vpc_links,
    api_arn,
    expect_error,
    list_all,
    request_id_of,
    unique_name,
)

ONE_MEBIBYTE = 1024 * 1024


def assert_no_nulls(value, path="$"):
    """Absent members are omitted, never sent as null."""
    assert value is not None, f"{path} is null"
    if isinstance(value, dict):
        for key, item in value.items():
            assert_no_nulls(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            assert_no_nulls(item, f"{path}[{index}]")


def assert_error(response, status: int, error_type: str) -> dict:
    assert response.status_code == status, f"expected {status}, got {response.status_code}: {response.text}"
    assert response.headers.get("x-amzn-RequestId"), "error lacks x-amzn-RequestId"
    assert response.headers.get("x-amzn-ErrorType", "").split(":")[0] == error_type, response.headers
    document = response.json()
    assert isinstance(document.get("message"), str) and document["message"], document
    return document


def test_healthz(raw):
    response = raw.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response.headers.get("x-amzn-RequestId")


def test_request_id_on_success_and_error_through_boto3(client, new_api):
    created = new_api()
    assert request_id_of(created)
    assert created["ResponseMetadata"]["RequestId"] == request_id_of(created)

    with expect_error("NotFoundException", 404) as refused:
        client.get_api(ApiId=MISSING_API_ID)
    assert refused.response["ResponseMetadata"]["RequestId"]


def test_request_ids_differ_between_requests(raw):
    first = raw.get("/v2/apis").headers.get("x-amzn-RequestId")
    second = raw.get("/v2/apis").headers.get("x-amzn-RequestId")

    assert first and second and first != second


def test_responses_omit_absent_members(raw, client, new_api):
    api_id = new_api()["ApiId"]
    route = client.create_route(ApiId=api_id, RouteKey="GET /bare")

    for path in (
        f"/v2/apis/{api_id}",
        "/v2/apis",
        f"/v2/apis/{api_id}/routes/{route['RouteId']}",
        f"/v2/apis/{api_id}/routes",
    ):
        response = raw.get(path)
        assert response.status_code == 200, (path, response.text)
        assert response.headers.get("x-amzn-RequestId")
        assert_no_nulls(response.json(), path)

    document = raw.get(f"/v2/apis/{api_id}/routes/{route['RouteId']}").json()
    assert "target" not in document
    assert document["routeKey"] == "GET /bare"


def test_json_member_names_are_camel_case(raw, new_api):
    api_id = new_api(Description="wire names")["ApiId"]

    document = raw.get(f"/v2/apis/{api_id}").json()

    assert document["apiId"] == api_id
    assert document["protocolType"] == "HTTP"
    assert document["description"] == "wire names"
    assert document["routeSelectionExpression"] == "$request.method $request.path"
    assert document["apiEndpoint"] == f"https://{api_id}.execute-api.us-east-1.amazonaws.com"
    assert "createdDate" in document


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(b'{"name": "x", "protocolType": "HTTP"', id="truncated-object"),
        pytest.param(b"not json at all", id="not-json"),
        pytest.param(b'{"name": "x", "protocolType": "HTTP",}', id="trailing-comma"),
        pytest.param(b'["name", "protocolType"]', id="array-instead-of-object"),
    ],
)
def test_malformed_json_body_is_a_bad_request(raw, client, payload):
    before = all_api_ids(client)

    response = raw.post("/v2/apis", data=payload, headers={"Content-Type": "application/json"})

    assert_error(response, 400, "BadRequestException")
    assert all_api_ids(client) == before


def test_wrongly_typed_member_is_a_bad_request(raw, client):
    before = all_api_ids(client)

    response = raw.post("/v2/apis", json={"name": 42, "protocolType": "HTTP"})

    assert_error(response, 400, "BadRequestException")
    assert all_api_ids(client) == before


def test_body_over_one_mebibyte_is_refused_with_413(base_url, client):
    name = unique_name("huge")
    # Valid JSON, so that only its size is wrong with it.
    payload = json.dumps({"name": name, "protocolType": "HTTP", "description": "x" * ONE_MEBIBYTE}).encode()
    assert len(payload) > ONE_MEBIBYTE
    url = urlsplit(base_url)

    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        connection.putrequest("POST", "/v2/apis")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", str(len(payload)))
        connection.endheaders()
        try:
            connection.send(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before it has read the whole body
        response = connection.getresponse()
        status = response.status
        response.read()
    finally:
        connection.close()

    assert status == 413
    assert name not in {item["Name"] for item in list_all(client, "get_apis")}


@pytest.mark.parametrize("path", ["/nothing-here", "/v2/nothing-here", "/v2/apis/x/y/z/w", "/v1/apis"])
def test_unknown_path_is_not_found(raw, path):
    response = raw.get(path)

    assert_error(response, 404, "NotFoundException")


def test_too_many_requests_body_has_limit_type(raw, client):
    before = all_vpc_links(client)

    response = raw.post(
        "/v2/vpclinks",
        json={"name": unique_name("raw-link"), "subnetIds": [f"subnet-{index:017x}" for index in range(11)]},
    )

    document = assert_error(response, 429, "TooManyRequestsException")
    assert isinstance(document.get("limitType"), str) and document["limitType"], document
    assert all_vpc_links(client) == before


def test_get_apis_filters_by_name_prefix_and_tag(raw, new_api):
    prefix = unique_name("filter")
    prod = {new_api(Name=f"{prefix}-{suffix}", Tags={"env": "prod"})["ApiId"] for suffix in ("a", "b")}
    dev = new_api(Name=f"{prefix}-c", Tags={"env": "dev"})["ApiId"]
    other = new_api(Name=unique_name("unrelated"), Tags={"env": "prod"})["ApiId"]

    by_name = raw.get("/v2/apis", params={"name": prefix})
    assert by_name.status_code == 200, by_name.text
    assert {item["apiId"] for item in by_name.json()["items"]} == prod | {dev}

    by_name_and_tag = raw.get("/v2/apis", params={"name": prefix, "tag": "env:prod"})
    assert by_name_and_tag.status_code == 200, by_name_and_tag.text
    assert {item["apiId"] for item in by_name_and_tag.json()["items"]} == prod

    by_tag = raw.get("/v2/apis", params={"tag": "env:prod"})
    assert by_tag.status_code == 200, by_tag.text
    by_tag_ids = {item["apiId"] for item in by_tag.json()["items"]}
    assert prod | {other} <= by_tag_ids
    assert dev not in by_tag_ids


def test_tag_arn_is_percent_encoded_by_botocore(raw, client, new_api):
    """botocore sends /v2/tags/arn%3Aaws%3Aapigateway%3Aus-east-1%3A%3A%2Fapis%2F{id}."""
    api_id = new_api(Tags={"k": "v"})["ApiId"]

    response = raw.get("/v2/tags/" + api_arn(api_id).replace(":", "%3A").replace("/", "%2F"))

    assert response.status_code == 200, response.text
    assert response.json() == {"tags": {"k": "v"}}


def test_every_request_writes_one_json_log_line(registry_server, raw):
    """Each request leaves exactly one JSON line on stderr carrying its request id and status."""
    if registry_server is None:
        pytest.skip("the server was started outside the suite; its log is not ours to read")
    ok = raw.get("/healthz")
    missing = raw.get("/v2/apis/zzzzzzzzzz")
    ids = {ok.headers["x-amzn-RequestId"]: 200, missing.headers["x-amzn-RequestId"]: 404}
    deadline = time.time() + 5
    while True:
        lines = registry_server.stderr_path.read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines if line.startswith("{")]
        found = {r.get("requestId"): r for r in records if r.get("requestId") in ids}
        if len(found) == len(ids) or time.time() > deadline:
            break
        time.sleep(0.05)
    for request_id, status in ids.items():
        matching = [r for r in records if r.get("requestId") == request_id]
        assert len(matching) == 1, f"expected one log line for {request_id}, got {matching}"
        assert matching[0]["status"] == str(status)
        assert matching[0]["message"] == "request"
    assert found[missing.headers["x-amzn-RequestId"]]["errorType"] == "NotFoundException"
