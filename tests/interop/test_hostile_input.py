"""Hostile input over raw HTTP: every case is refused cleanly and the server stays up.

Each request is written byte for byte on a socket (no client library normalizes the path or
the body). For the cases of the table the answer must be the AWS error shape: a 4xx status,
`x-amzn-RequestId`, `x-amzn-ErrorType` and a JSON body `{"message": "..."}`; afterwards
`GET /healthz` must still answer 200, and a refused CreateApi must not have created an API.

Malformed HTTP framing (bad Content-Length, truncated or malformed chunked bodies, oversized
headers) is refused by the HTTP layer before the application sees it; for those the test
asks for a 4xx (or a closed connection) and a live server, not for the AWS error shape.
"""

from __future__ import annotations

import http.client
import json
import socket
from dataclasses import dataclass, field
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from helpers import unique_name

ONE_MEBIBYTE = 1024 * 1024
SOCKET_TIMEOUT_SECONDS = 15


# -- raw HTTP -------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    headers: dict[str, str]  # lower-cased names
    body: bytes

    def json(self):
        return json.loads(self.body)


def exchange(base_url: str, raw_request: bytes, *, half_close: bool = False) -> Reply | None:
    """Sends `raw_request` as is and parses the answer; None if the server closed without one."""
    url = urlsplit(base_url)
    with socket.create_connection((url.hostname, url.port), timeout=SOCKET_TIMEOUT_SECONDS) as sock:
        try:
            sock.sendall(raw_request)
            if half_close:
                sock.shutdown(socket.SHUT_WR)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before it has read everything
        response = http.client.HTTPResponse(sock, method=raw_request.split(b" ", 1)[0].decode())
        try:
            response.begin()
            body = response.read()
        except (http.client.RemoteDisconnected, ConnectionResetError):
            return None
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, body)


def request_bytes(
    base_url: str, method: str, path: str, body: bytes | None = None, headers: tuple[tuple[str, str], ...] = ()
) -> bytes:
    url = urlsplit(base_url)
    lines = [f"{method} {path} HTTP/1.1", f"Host: {url.hostname}:{url.port}", "Connection: close"]
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in headers]
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head + (body or b"")


def assert_aws_error(reply: Reply | None, statuses: set[int] | None, error_type: str | None) -> str:
    """The AWS error shape; returns the message. `statuses` None means any 4xx."""
    assert reply is not None, "the server closed the connection without answering"
    if statuses is None:
        assert 400 <= reply.status < 500, f"expected a 4xx, got {reply.status}: {reply.body[:300]!r}"
    else:
        assert reply.status in statuses, f"expected {sorted(statuses)}, got {reply.status}: {reply.body[:300]!r}"
    assert reply.headers.get("x-amzn-requestid"), f"no x-amzn-RequestId: {reply.headers}"
    error_header = reply.headers.get("x-amzn-errortype", "")
    assert error_header, f"no x-amzn-ErrorType: {reply.headers}"
    if error_type is not None:
        assert error_header.split(":")[0] == error_type, f"x-amzn-ErrorType {error_header!r}, expected {error_type}"
    assert reply.headers.get("content-type", "").startswith("application/json"), reply.headers
    document = reply.json()
    assert isinstance(document, dict) and isinstance(document.get("message"), str) and document["message"], document
    return document["message"]


def assert_server_healthy(base_url: str) -> None:
    reply = exchange(base_url, request_bytes(base_url, "GET", "/healthz"))
    assert reply is not None and reply.status == 200, f"GET /healthz after the case: {reply}"
    assert reply.json() == {"status": "ok"}


def api_count(base_url: str) -> int:
    """How many APIs the registry holds (following nextToken)."""
    count, token = 0, None
    for _ in range(10_000):
        path = "/v2/apis?maxResults=500" + (f"&nextToken={token}" if token else "")
        reply = exchange(base_url, request_bytes(base_url, "GET", path))
        assert reply is not None and reply.status == 200, reply
        page = reply.json()
        count += len(page["items"])
        token = page.get("nextToken")
        if not token:
            return count
    pytest.fail("GetApis never stopped returning a nextToken")


# -- the table ------------------------------------------------------------------


@dataclass(frozen=True)
class Hostile:
    """One hostile request. `{api}` in the path is replaced by a real API id."""

    method: str
    path: str
    body: bytes | None = None
    statuses: frozenset[int] | None = frozenset({400})  # None: any 4xx
    error_type: str | None = "BadRequestException"
    message_contains: tuple[str, ...] = ()  # each must occur in the message (case-insensitive)
    headers: tuple[tuple[str, str], ...] = field(default=())


def create_api_body(**members) -> bytes:
    document = {"name": unique_name("hostile"), "protocolType": "HTTP", **members}
    return json.dumps(document).encode()


def with_member(raw_member: bytes) -> bytes:
    """A CreateApi body whose last member is given as raw JSON text."""
    return b'{"name":"hostile","protocolType":"HTTP",' + raw_member + b"}"


def integration_body(raw_timeout: bytes) -> bytes:
    return (
        b'{"integrationType":"HTTP_PROXY","integrationMethod":"GET",'
        b'"integrationUri":"https://backend.example.com/items","timeoutInMillis":' + raw_timeout + b"}"
    )


NOT_FOUND = {"statuses": frozenset({404}), "error_type": "NotFoundException"}
# A traversal attempt may be refused as a malformed id (400) or as a missing resource (404).
REFUSED_PATH = {"statuses": frozenset({400, 404}), "error_type": None}

CASES: dict[str, Hostile] = {
    # Encoding.
    "invalid-utf8-in-a-string": Hostile("POST", "/v2/apis", b'{"name":"a\xffb","protocolType":"HTTP"}'),
    "invalid-utf8-overlong-slash": Hostile("POST", "/v2/apis", b'{"name":"\xc0\xaf","protocolType":"HTTP"}'),
    "invalid-utf8-encoded-surrogate": Hostile("POST", "/v2/apis", b'{"name":"\xed\xa0\x80","protocolType":"HTTP"}'),
    "invalid-utf8-truncated-sequence": Hostile("POST", "/v2/apis", b'{"name":"ab","protocolType":"HTTP\xe2\x82"}'),
    "invalid-utf8-outside-strings": Hostile("POST", "/v2/apis", b'\xfe\xff{"name":"a","protocolType":"HTTP"}'),
    "escaped-lone-surrogate": Hostile("POST", "/v2/apis", b'{"name":"\\ud800","protocolType":"HTTP"}'),
    # Depth.
    "arrays-nested-100000-deep": Hostile("POST", "/v2/apis", b"[" * 100_000 + b"]" * 100_000),
    "objects-nested-100000-deep": Hostile("POST", "/v2/apis", b'{"a":' * 100_000 + b"1" + b"}" * 100_000),
    "unterminated-nesting-100000-deep": Hostile("POST", "/v2/apis", b'{"a":' * 100_000),
    "deep-nesting-inside-a-member": Hostile("POST", "/v2/apis", with_member(b'"tags":' + b"[" * 100_000)),
    "deep-nesting-inside-an-unknown-member": Hostile(
        "POST", "/v2/apis", with_member(b'"x":' + b"[" * 50_000 + b"]" * 50_000)
    ),
    # Numbers.
    "timeout-1e999999": Hostile("POST", "/v2/apis/{api}/integrations", integration_body(b"1e999999")),
    "timeout-minus-1e999999": Hostile("POST", "/v2/apis/{api}/integrations", integration_body(b"-1e999999")),
    "timeout-1e400": Hostile("POST", "/v2/apis/{api}/integrations", integration_body(b"1e400")),
    "timeout-30-digit-integer": Hostile(
        "POST", "/v2/apis/{api}/integrations", integration_body(b"123456789012345678901234567890")
    ),
    "timeout-minus-2-to-the-63": Hostile(
        "POST", "/v2/apis/{api}/integrations", integration_body(b"-9223372036854775809")
    ),
    "timeout-fraction": Hostile("POST", "/v2/apis/{api}/integrations", integration_body(b"50.5")),
    "timeout-NaN": Hostile("POST", "/v2/apis/{api}/integrations", integration_body(b"NaN")),
    "timeout-Infinity": Hostile("POST", "/v2/apis/{api}/integrations", integration_body(b"Infinity")),
    "timeout-hex": Hostile("POST", "/v2/apis/{api}/integrations", integration_body(b"0x7530")),
    "cors-max-age-1e999999": Hostile(
        "POST", "/v2/apis", with_member(b'"corsConfiguration":{"maxAge":1e999999}')
    ),
    # NUL.
    "escaped-nul-in-name": Hostile("POST", "/v2/apis", b'{"name":"a\\u0000b","protocolType":"HTTP"}'),
    "raw-nul-in-name": Hostile("POST", "/v2/apis", b'{"name":"a\x00b","protocolType":"HTTP"}'),
    "escaped-nul-in-tag-key": Hostile("POST", "/v2/apis", with_member(b'"tags":{"k\\u0000":"v"}')),
    "escaped-nul-in-route-key": Hostile("POST", "/v2/apis/{api}/routes", b'{"routeKey":"GET /a\\u0000b"}'),
    "raw-nul-between-tokens": Hostile("POST", "/v2/apis", b'{"name":"a",\x00"protocolType":"HTTP"}'),
    # Path traversal and odd ids.
    "traversal-encoded-slashes": Hostile("GET", "/v2/apis/..%2F..%2Fetc%2Fpasswd", **NOT_FOUND),
    "traversal-raw-dot-segments": Hostile("GET", "/v2/apis/../../etc/passwd", **REFUSED_PATH),
    "traversal-encoded-dots": Hostile("GET", "/v2/apis/%2e%2e/%2e%2e/etc/passwd", **REFUSED_PATH),
    "traversal-from-the-root": Hostile("GET", "/..%2f..%2f..%2fetc%2fpasswd", **REFUSED_PATH),
    "traversal-in-a-child-id": Hostile("GET", "/v2/apis/{api}/routes/..%2F..%2F..%2Fetc%2Fpasswd", **NOT_FOUND),
    "traversal-in-delete": Hostile("DELETE", "/v2/apis/..%2F..%2Fetc%2Fpasswd", **NOT_FOUND),
    "traversal-in-a-tag-arn": Hostile("GET", "/v2/tags/..%2F..%2Fetc%2Fpasswd", **REFUSED_PATH),
    "traversal-after-openapi-yaml": Hostile("GET", "/openapi.yaml/../../../etc/passwd", **REFUSED_PATH),
    "percent-encoded-nul-in-id": Hostile("GET", "/v2/apis/abc%00def", **NOT_FOUND),
    "percent-encoded-invalid-utf8-in-id": Hostile("GET", "/v2/apis/%ff%fe", **NOT_FOUND),
    "malformed-percent-escape-in-id": Hostile("GET", "/v2/apis/%zz", **REFUSED_PATH),
    # Size: a long path segment may be refused by the HTTP layer (414/431/400) or as an unknown id.
    "path-segment-60-KB": Hostile("GET", "/v2/apis/" + "a" * 61_440, statuses=None, error_type=None),
    # Empty and non-object bodies.
    "empty-body": Hostile("POST", "/v2/apis", b"", message_contains=("required",)),
    "empty-object": Hostile("POST", "/v2/apis", b"{}", message_contains=("required",)),
    "null-body": Hostile("POST", "/v2/apis", b"null"),
    "whitespace-body": Hostile("POST", "/v2/apis", b"   \r\n"),
    "trailing-garbage": Hostile("POST", "/v2/apis", b'{"name":"a","protocolType":"HTTP"} trailing'),
    "byte-order-mark": Hostile("POST", "/v2/apis", b'\xef\xbb\xbf{"name":"a","protocolType":"HTTP"}'),
    # Duplicate keys, at the top and nested.
    "duplicate-name": Hostile(
        "POST", "/v2/apis", b'{"name":"a","name":"b","protocolType":"HTTP"}', message_contains=("duplicate",)
    ),
    "duplicate-tag-key": Hostile(
        "POST", "/v2/apis", with_member(b'"tags":{"k":"1","k":"2"}'), message_contains=("duplicate",)
    ),
    "duplicate-route-key-member": Hostile(
        "POST", "/v2/apis/{api}/routes", b'{"routeKey":"GET /a","routeKey":"GET /b"}', message_contains=("duplicate",)
    ),
}

# Members of CreateApi by JSON type, and values of every other type.
CREATE_API_MEMBERS = {
    "string": [
        "name", "protocolType", "description", "version", "routeSelectionExpression",
        "apiKeySelectionExpression", "credentialsArn", "ipAddressType", "routeKey", "target",
    ],
    "boolean": ["disableSchemaValidation", "disableExecuteApiEndpoint"],
    "object": ["corsConfiguration", "tags"],
}  # fmt: skip
# Documents an import reads (an OpenAPI definition inside ImportApi's JSON, a CloudFormation
# template as the body): nested past any real document, or "billion laughs" aliases that expand a
# few hundred bytes to a billion values. Each is refused before it is parsed into values.
BILLION_LAUGHS = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(9)
) + "Resources: *j\n"
DEEP_DOCUMENTS = {
    "billion-laughs": (BILLION_LAUGHS, "expands"),
    # libyaml itself stops past 1,000 open flow collections, before the first event.
    "deep-flow": ("[" * 20_000 + "]" * 20_000, "errors found during import: /:"),
    "deep-flow-mapping": ("{a: " * 50_000 + "1" + "}" * 50_000, "nests deeper"),
    "deep-block": ("a:\n" + "".join(" " * (i + 1) + "b:\n" for i in range(400)), "nests deeper"),
    "deep-block-sequence": ("- " * 50_000 + "x\n", "nests deeper"),
}
for name, (document, reason) in DEEP_DOCUMENTS.items():
    CASES[f"import-api-{name}"] = Hostile(
        "PUT", "/v2/apis", json.dumps({"body": document}).encode(), message_contains=(reason,))
    CASES[f"import-cloudformation-{name}"] = Hostile(
        "POST", "/v2/imports/cloudformation", document.encode(), message_contains=(reason,))
WRONG_VALUES = {
    "string": {"number": 42, "boolean": True, "array": ["x"], "object": {}, "float": 1.5},
    "boolean": {"string": "true", "number": 0, "array": [], "object": {}},
    "object": {"string": "x", "number": 1, "array": [], "boolean": True},
}
for json_type, members in CREATE_API_MEMBERS.items():
    for member in members:
        for value_kind, value in WRONG_VALUES[json_type].items():
            CASES[f"wrong-type-{member}-{value_kind}"] = Hostile(
                "POST", "/v2/apis", create_api_body(**{member: value}), message_contains=(member,)
            )
for member_path, members in {
    "tags.k": {"tags": {"k": 1}},
    "tags.k-null": {"tags": {"k": None}},
    "corsConfiguration.maxAge": {"corsConfiguration": {"maxAge": "1"}},
    "corsConfiguration.allowOrigins": {"corsConfiguration": {"allowOrigins": "*"}},
    "corsConfiguration.allowOrigins-item": {"corsConfiguration": {"allowOrigins": [1]}},
    "corsConfiguration.allowCredentials": {"corsConfiguration": {"allowCredentials": "true"}},
}.items():
    CASES[f"wrong-type-{member_path}"] = Hostile(
        "POST", "/v2/apis", create_api_body(**members), message_contains=(member_path.split("-")[0],)
    )


@pytest.fixture(scope="module")
def api_id(base_url: str) -> Iterator[str]:
    """An HTTP API for the cases that address one; deleted afterwards."""
    reply = exchange(base_url, request_bytes(base_url, "POST", "/v2/apis", create_api_body()))
    assert reply is not None and reply.status == 201, reply
    created = reply.json()["apiId"]
    yield created
    exchange(base_url, request_bytes(base_url, "DELETE", f"/v2/apis/{created}"))


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_hostile_request_is_refused_with_the_aws_error_shape(base_url, api_id, case: Hostile):
    creates_api = (case.method, case.path) == ("POST", "/v2/apis")
    before = api_count(base_url) if creates_api else None

    path = case.path.replace("{api}", api_id)
    reply = exchange(base_url, request_bytes(base_url, case.method, path, case.body, case.headers))

    if case.error_type is None and case.statuses is None and reply is not None and reply.status != 404:
        # Refused by the HTTP layer (e.g. 414/431): only the status is promised.
        assert 400 <= reply.status < 500, f"expected a 4xx, got {reply.status}: {reply.body[:300]!r}"
    else:
        message = assert_aws_error(reply, case.statuses, case.error_type)
        for fragment in case.message_contains:
            assert fragment.lower() in message.lower(), f"message {message!r} does not mention {fragment!r}"
        assert b"root:" not in reply.body, "the answer leaks a file of the machine"
    assert_server_healthy(base_url)
    if creates_api:
        assert api_count(base_url) == before, "a refused CreateApi created an API"


def test_unknown_members_are_ignored_as_aws_does(base_url):
    """Unknown members (even ones named like output members) are ignored; the API is created."""
    name = unique_name("ignored")
    body = json.dumps(
        {
            "name": name,
            "protocolType": "HTTP",
            "bogus": {"nested": [1, 2, {"deeper": None}]},
            "Name": "capitalized-is-another-member",
            "apiId": "aaaaaaaaaa",
            "apiEndpoint": "https://evil.example.com",
            "createdDate": "1999-01-01T00:00:00Z",
        }
    ).encode()

    reply = exchange(base_url, request_bytes(base_url, "POST", "/v2/apis", body))

    assert reply is not None and reply.status == 201, reply
    assert reply.headers.get("x-amzn-requestid")
    created = reply.json()
    try:
        assert created["name"] == name
        assert created["apiId"] != "aaaaaaaaaa"
        assert created["apiEndpoint"] == f"https://{created['apiId']}.execute-api.us-east-1.amazonaws.com"
        assert not created["createdDate"].startswith("1999")
        assert "bogus" not in created and "Name" not in created
    finally:
        exchange(base_url, request_bytes(base_url, "DELETE", f"/v2/apis/{created['apiId']}"))
    assert_server_healthy(base_url)


@pytest.mark.parametrize("framing", ["content-length", "chunked"])
def test_body_over_one_mebibyte_is_refused_with_413(base_url, framing):
    name = unique_name("huge")
    body = json.dumps({"name": name, "protocolType": "HTTP", "description": "x" * (ONE_MEBIBYTE + 1)}).encode()
    before = api_count(base_url)
    if framing == "chunked":
        # No Content-Length: the server only learns the size while reading.
        chunks = b"".join(
            b"%x\r\n" % len(body[i : i + 65536]) + body[i : i + 65536] + b"\r\n" for i in range(0, len(body), 65536)
        )
        raw = request_bytes(base_url, "POST", "/v2/apis", headers=(("Transfer-Encoding", "chunked"),))
        raw = raw + chunks + b"0\r\n\r\n"
    else:
        raw = request_bytes(base_url, "POST", "/v2/apis", body)

    reply = exchange(base_url, raw)

    assert_aws_error(reply, {413}, "PayloadTooLargeException")
    assert_server_healthy(base_url)
    assert api_count(base_url) == before


# -- malformed HTTP framing -------------------------------------------------------------

FRAMING = {
    "content-length-not-a-number": b"POST /v2/apis HTTP/1.1\r\nHost: h\r\nContent-Length: abc\r\n\r\n{}",
    "content-length-negative": b"POST /v2/apis HTTP/1.1\r\nHost: h\r\nContent-Length: -5\r\n\r\n{}",
    "content-length-and-chunked": (
        b"POST /v2/apis HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"2\r\n{}\r\n0\r\n\r\n"
    ),
    "not-http": b"\x00\x01\x02 not http at all\r\n\r\n",
    "http-0.9-request-line": b"GET /healthz\r\n\r\n",
    "header-of-200-KB": b"GET /healthz HTTP/1.1\r\nHost: h\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
    "5000-headers": (
        b"GET /healthz HTTP/1.1\r\nHost: h\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(5000)) + b"\r\n"
    ),
    "path-of-1-MiB": b"GET /v2/apis/" + b"a" * ONE_MEBIBYTE + b" HTTP/1.1\r\nHost: h\r\n\r\n",
}


@pytest.mark.parametrize("raw", list(FRAMING.values()), ids=list(FRAMING))
def test_malformed_http_framing_is_refused_and_the_server_survives(base_url, raw):
    reply = exchange(base_url, raw)

    if reply is not None:
        assert 400 <= reply.status < 500, f"expected a 4xx, got {reply.status}: {reply.body[:300]!r}"
    assert_server_healthy(base_url)


# A body that ends before its declared length, or whose chunk framing is broken, is a malformed
# request (400), not one over the 1 MiB limit (413).
TRUNCATED = {
    "declared-length-longer-than-the-body": (
        b"POST /v2/apis HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
        b'{"name":"x"}'
    ),
    "chunk-size-not-hex": (
        b"POST /v2/apis HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"
    ),
}


@pytest.mark.parametrize("raw", list(TRUNCATED.values()), ids=list(TRUNCATED))
def test_truncated_or_misframed_body_is_a_bad_request_not_too_large(base_url, raw):
    before = api_count(base_url)

    reply = exchange(base_url, raw, half_close=True)

    if reply is not None:  # closing without an answer is acceptable: the request never ended
        assert reply.status != 413, f"a {len(raw)}-byte request was refused as over 1 MiB: {reply.body!r}"
        assert 400 <= reply.status < 500, f"expected a 4xx, got {reply.status}: {reply.body[:300]!r}"
    assert_server_healthy(base_url)
    assert api_count(base_url) == before
