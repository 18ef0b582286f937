"""Authentication and authorization: the server started with ``--auth-file``.

The module starts its own server (the session's default server keeps running open, on loopback,
for the other test files) with an auth file naming three principals:

=========  ======  ===============  ======================
principal  role    bearer token     SigV4 access key
=========  ======  ===============  ======================
admin      admin   -                yes
deployer   editor  yes              yes
viewer     reader  yes              yes
=========  ======  ===============  ======================

and drives it with boto3, the AWS CLI, hand-signed requests (botocore's ``SigV4Auth`` with a
shifted clock) and plain HTTP with ``Authorization: Bearer``. Further servers, each started and
stopped by one test, cover ``REGISTRY_AUTH_FILE``, ``--host 0.0.0.0``, ``--rate-limit`` and a
token made by ``integration-registry token new``; the start-up refusals run the binary with a
10-second timeout and expect it to exit by itself.

Every refusal is HTTP 403 with ``x-amzn-ErrorType`` and ``{"message": ...}``:

- no credentials: ``MissingAuthenticationTokenException``
- unknown access key id or bearer token: ``UnrecognizedClientException``
- wrong secret, body or query changed after signing, a signature outside the 15-minute clock
  skew, a malformed ``Authorization``: ``InvalidSignatureException``
- a reader's write: ``AccessDeniedException``

Every token, secret access key and signature the tests use is recorded; the last test checks
that none of them appears in any stderr the servers of this module wrote.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import secrets
import string
import subprocess
import sys
import time
import types
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import boto3
import botocore.auth
import pytest
import requests
from botocore import UNSIGNED
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

from helpers import (
    REGION,
    api_arn,
    assert_status,
    body,
    expect_error,
    list_all,
    pages,
    stage_arn,
    unique_name,
)
from registry_server import RegistryServer, start_or_fail, stop_or_fail

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BINARY = REPO_ROOT / ".build-release" / "release" / "integration-registry"

STARTUP_REFUSAL_TIMEOUT_SECONDS = 10
RATE_LIMIT_PER_SECOND = 3

MISSING = "MissingAuthenticationTokenException"
UNRECOGNIZED = "UnrecognizedClientException"
INVALID_SIGNATURE = "InvalidSignatureException"
ACCESS_DENIED = "AccessDeniedException"
TOO_MANY_REQUESTS = "TooManyRequestsException"


def binary_path() -> Path:
    return Path(os.environ.get("REGISTRY_BIN") or DEFAULT_BINARY)


# -- principals and the secrets the tests use -----------------------------------------------------

# Every token, secret access key and signature sent to a server of this module; none of them may
# ever appear in a server's stderr (checked by the last test).
SECRETS_USED: set[str] = set()
# The stderr files of every server this module started.
SERVER_STDERR_FILES: list[Path] = []

SIGNATURE_IN_AUTHORIZATION = re.compile(r"Signature=([0-9A-Za-z]+)")


def new_access_key_id() -> str:
    return "AKIA" + "".join(secrets.choice(string.ascii_uppercase + string.digits) for _ in range(16))


def new_secret_access_key() -> str:
    alphabet = string.ascii_letters + string.digits + "+/"
    secret = "".join(secrets.choice(alphabet) for _ in range(40))
    SECRETS_USED.add(secret)
    return secret


def new_token() -> str:
    token = secrets.token_urlsafe(32)
    SECRETS_USED.add(token)
    return token


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Principal:
    name: str
    role: str
    token: str | None = None
    access_key_id: str | None = None
    secret_access_key: str | None = None

    def entry(self) -> dict[str, Any]:
        """This principal as one member of the auth file's `principals`."""
        entry: dict[str, Any] = {"name": self.name, "role": self.role}
        if self.token:
            entry["tokenSha256"] = [sha256_hex(self.token)]
        if self.access_key_id:
            entry["accessKeys"] = [{"accessKeyId": self.access_key_id, "secretAccessKey": self.secret_access_key}]
        return entry

    @property
    def bearer(self) -> dict[str, str]:
        assert self.token, f"{self.name} has no token"
        return {"Authorization": f"Bearer {self.token}"}


ADMIN = Principal("admin", "admin", access_key_id=new_access_key_id(), secret_access_key=new_secret_access_key())
DEPLOYER = Principal(
    "deployer",
    "editor",
    token=new_token(),
    access_key_id=new_access_key_id(),
    secret_access_key=new_secret_access_key(),
)
VIEWER = Principal(
    "viewer",
    "reader",
    token=new_token(),
    access_key_id=new_access_key_id(),
    secret_access_key=new_secret_access_key(),
)

# Credentials no principal has.
UNKNOWN_ACCESS_KEY_ID = new_access_key_id()
UNKNOWN_SECRET = new_secret_access_key()
WRONG_SECRET = new_secret_access_key()
UNKNOWN_TOKEN = new_token()


def write_auth_file(path: Path, principals: list[Principal] | None = None, *, text: str | None = None,
                    mode: int = 0o600) -> Path:
    """An auth file with these principals (or this exact text), with this mode."""
    if text is None:
        text = json.dumps({"principals": [p.entry() for p in principals or []]}, indent=2)
    path.write_text(text, encoding="utf-8")
    os.chmod(path, mode)
    return path


# -- servers ----------------------------------------------------------------------------------------


def start_server(workdir: Path, **kwargs) -> RegistryServer:
    server = RegistryServer(binary_path(), workdir, **kwargs)
    SERVER_STDERR_FILES.append(server.stderr_path)
    return start_or_fail(server)


def stop_server(server: RegistryServer) -> None:
    stop_or_fail(server)


@contextmanager
def running_server(workdir: Path, **kwargs) -> Iterator[RegistryServer]:
    """A server for one test, stopped at the end of the block."""
    workdir.mkdir(parents=True, exist_ok=True)
    server = start_server(workdir, **kwargs)
    try:
        yield server
    finally:
        stop_server(server)


@pytest.fixture(scope="module")
def auth_server(tmp_path_factory) -> Iterator[RegistryServer]:
    """A server with `--auth-file` naming admin, deployer (editor) and viewer (reader)."""
    workdir = tmp_path_factory.mktemp("registry-auth")
    auth_file = write_auth_file(workdir / "auth.json", [ADMIN, DEPLOYER, VIEWER])
    server = start_server(workdir, extra_args=["--auth-file", str(auth_file)])
    yield server
    stop_server(server)


@pytest.fixture(scope="module")
def endpoint(auth_server: RegistryServer) -> str:
    assert auth_server.base_url is not None
    return auth_server.base_url


@pytest.fixture(autouse=True)
def _auth_server_still_running(request):
    """After each test, fail loudly (with its stderr) if the module's server died."""
    yield
    if "auth_server" not in request.fixturenames:
        return
    server = request.getfixturevalue("auth_server")
    if not server.running:
        pytest.fail(f"the auth-mode registry server is no longer running\n{server.diagnostics()}", pytrace=False)


# -- clients ----------------------------------------------------------------------------------------


def record_signature(request, **_) -> None:
    """botocore `before-send` handler: remember the signature of every request sent."""
    authorization = request.headers.get("Authorization") or ""
    if isinstance(authorization, bytes):
        authorization = authorization.decode("utf-8", "replace")
    match = SIGNATURE_IN_AUTHORIZATION.search(authorization)
    if match:
        SECRETS_USED.add(match.group(1))


def make_client(endpoint_url: str, access_key_id: str | None, secret_access_key: str | None,
                region: str = REGION, *, unsigned: bool = False):
    options: dict[str, Any] = {"retries": {"total_max_attempts": 1, "mode": "standard"}, "connect_timeout": 10,
                               "read_timeout": 60}
    if unsigned:
        options["signature_version"] = UNSIGNED
    client = boto3.client(
        "apigatewayv2",
        endpoint_url=endpoint_url,
        region_name=region,
        aws_access_key_id=access_key_id or "unused",
        aws_secret_access_key=secret_access_key or "unused",
        config=Config(**options),
    )
    client.meta.events.register("before-send.apigatewayv2.*", record_signature)
    return client


def client_for(endpoint_url: str, principal: Principal, region: str = REGION):
    return make_client(endpoint_url, principal.access_key_id, principal.secret_access_key, region)


@pytest.fixture(scope="module")
def admin(endpoint):
    return client_for(endpoint, ADMIN)


@pytest.fixture(scope="module")
def deployer(endpoint):
    return client_for(endpoint, DEPLOYER)


@pytest.fixture(scope="module")
def viewer(endpoint):
    return client_for(endpoint, VIEWER)


@pytest.fixture
def admin_api(admin) -> Iterator:
    """Create APIs as admin (any client may create them too: `admin_api.track(id)`); deleted afterwards."""
    created: list[str] = []

    def create(**kwargs) -> dict[str, Any]:
        kwargs.setdefault("Name", unique_name("auth"))
        kwargs.setdefault("ProtocolType", "HTTP")
        response = admin.create_api(**kwargs)
        created.append(response["ApiId"])
        return response

    create.track = created.append
    yield create
    for api_id in created:
        try:
            admin.delete_api(ApiId=api_id)
        except ClientError:
            pass


def http(method: str, url: str, **kwargs) -> requests.Response:
    kwargs.setdefault("timeout", 30)
    return requests.request(method, url, **kwargs)


def assert_refusal(response: requests.Response, error_type: str, status: int = 403) -> dict:
    """A refusal in AWS's shape: the status, `x-amzn-ErrorType`, `x-amzn-RequestId`, a message."""
    assert response.status_code == status, (
        f"expected {status} {error_type}, got {response.status_code} "
        f"{response.headers.get('x-amzn-ErrorType')}: {response.text[:500]}"
    )
    assert response.headers.get("x-amzn-ErrorType", "").split(":")[0] == error_type, dict(response.headers)
    assert response.headers.get("x-amzn-RequestId"), "refusal lacks x-amzn-RequestId"
    document = response.json()
    assert isinstance(document.get("message"), str) and document["message"], document
    return document


# -- signing by hand, with a shifted clock -----------------------------------------------------------


@contextmanager
def botocore_clock_shifted(offset: datetime.timedelta) -> Iterator[None]:
    """Make botocore.auth see `now + offset` (both the `datetime` module it imported and, in newer
    botocore, the `get_current_datetime` it imported from botocore.compat); restored afterwards."""
    real_datetime = datetime.datetime

    class ShiftedDatetime(real_datetime):
        @classmethod
        def now(cls, tz=None):
            return real_datetime.now(tz) + offset

        @classmethod
        def utcnow(cls):
            return real_datetime.now(datetime.timezone.utc).replace(tzinfo=None) + offset

    shifted_module = types.ModuleType("datetime")
    shifted_module.__dict__.update(datetime.__dict__)
    shifted_module.datetime = ShiftedDatetime

    def shifted_current_datetime(remove_tzinfo=True):
        now = real_datetime.now(datetime.timezone.utc) + offset
        return now.replace(tzinfo=None) if remove_tzinfo else now

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(botocore.auth, "datetime", shifted_module)
        if hasattr(botocore.auth, "get_current_datetime"):
            patch.setattr(botocore.auth, "get_current_datetime", shifted_current_datetime)
        yield


def sign(principal: Principal, method: str, url: str, body: bytes = b"", *, region: str = REGION,
         offset: datetime.timedelta = datetime.timedelta(0)) -> AWSRequest:
    """A request signed with SigV4 (service `apigateway`) as if the clock read now + offset."""
    headers = {"Content-Type": "application/json"} if body else {}
    request = AWSRequest(method=method, url=url, data=body, headers=headers)
    credentials = Credentials(principal.access_key_id, principal.secret_access_key)
    with botocore_clock_shifted(offset):
        SigV4Auth(credentials, "apigateway", region).add_auth(request)
    record_signature(request)
    return request


def send(request: AWSRequest, *, url: str | None = None) -> requests.Response:
    """Send a signed AWSRequest as it is (or to another URL, to tamper with its query)."""
    return http(request.method, url or request.url, headers=dict(request.headers.items()), data=request.body)


def amz_date(request: AWSRequest) -> datetime.datetime:
    return datetime.datetime.strptime(request.headers["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(
        tzinfo=datetime.timezone.utc
    )


# -- the AWS CLI --------------------------------------------------------------------------------------


def run_aws_cli(tmp_path: Path, endpoint_url: str, access_key_id: str, secret: str, *args: str,
                region: str = REGION) -> subprocess.CompletedProcess[str]:
    """`aws apigatewayv2 ...` from the project's venv, with only these credentials (and --debug,
    so that the signatures it sent can be recorded)."""
    executable = Path(sys.executable).parent / "aws"
    if not executable.is_file():
        pytest.fail(f"AWS CLI not found at {executable}; install tests/requirements.txt", pytrace=False)
    config, credentials = tmp_path / "aws-config", tmp_path / "aws-credentials"
    config.write_text("")
    credentials.write_text("")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("AWS_")},
        "AWS_ACCESS_KEY_ID": access_key_id,
        "AWS_SECRET_ACCESS_KEY": secret,
        "AWS_DEFAULT_REGION": region,
        "AWS_CONFIG_FILE": str(config),
        "AWS_SHARED_CREDENTIALS_FILE": str(credentials),
        "AWS_MAX_ATTEMPTS": "1",
        "AWS_PAGER": "",
    }
    command = [str(executable), "apigatewayv2", *args, "--endpoint-url", endpoint_url, "--output", "json", "--debug"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    SECRETS_USED.update(re.findall(r"Signature:\n([0-9a-f]{64})", result.stderr))
    return result


def cli_error_output(stderr: str) -> str:
    """The CLI's own error message: its stderr without the --debug log lines."""
    return "\n".join(line for line in stderr.splitlines() if not re.match(r"^\d{4}-\d\d-\d\d \d\d:", line))


# -- the log --------------------------------------------------------------------------------------------


def log_lines_of_request(server: RegistryServer, request_id: str, wait_seconds: float = 5.0) -> list[dict]:
    """The JSON lines of the server's stderr that carry this request id."""
    deadline = time.monotonic() + wait_seconds
    while True:
        found = []
        for line in server.stderr_path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                document = json.loads(line)
            except ValueError:
                continue
            if isinstance(document, dict) and document.get("requestId") == request_id:
                found.append(document)
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


# ======================================================================================================
# Requests without (valid) credentials
# ======================================================================================================


def test_healthz_needs_no_credentials(endpoint):
    response = http("GET", endpoint + "/healthz")

    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "/v2/apis"),
        ("POST", "/v2/apis"),
        ("GET", "/v2/apis/zzzzzzzzzz"),
        ("DELETE", "/v2/apis/zzzzzzzzzz"),
        ("GET", "/v2/vpclinks"),
        ("GET", "/openapi.yaml"),
        ("GET", "/no/such/path"),
    ],
)
def test_no_credentials_is_missing_authentication_token(endpoint, method, path):
    data = json.dumps({"name": unique_name("anon"), "protocolType": "HTTP"}) if method == "POST" else None

    response = http(method, endpoint + path, data=data)

    assert_refusal(response, MISSING)


def test_unsigned_boto3_request_is_missing_authentication_token(endpoint):
    anonymous = make_client(endpoint, None, None, unsigned=True)

    with expect_error(MISSING, 403):
        anonymous.get_apis()


@pytest.mark.parametrize(
    "access_key_id, secret, error_type",
    [
        (UNKNOWN_ACCESS_KEY_ID, UNKNOWN_SECRET, UNRECOGNIZED),
        (DEPLOYER.access_key_id, WRONG_SECRET, INVALID_SIGNATURE),
        (DEPLOYER.access_key_id, VIEWER.secret_access_key, INVALID_SIGNATURE),
    ],
    ids=["unknown-access-key-id", "wrong-secret", "another-principals-secret"],
)
@pytest.mark.parametrize("operation", ["get_apis", "create_api"])
def test_boto3_with_bad_credentials_is_refused(endpoint, admin, access_key_id, secret, error_type, operation):
    bad = make_client(endpoint, access_key_id, secret)
    name = unique_name("refused")
    before = {item["Name"] for item in list_all(admin, "get_apis")}

    with expect_error(error_type, 403):
        if operation == "get_apis":
            bad.get_apis()
        else:
            bad.create_api(Name=name, ProtocolType="HTTP")

    after = {item["Name"] for item in list_all(admin, "get_apis")}
    assert after == before, "a refused request changed the catalog"


@pytest.mark.parametrize(
    "authorization, error_type",
    [
        (f"Bearer {UNKNOWN_TOKEN}", UNRECOGNIZED),
        # The hash that is in the auth file is not itself a token.
        (f"Bearer {sha256_hex(DEPLOYER.token)}", UNRECOGNIZED),
        # A known token with something appended.
        (f"Bearer {DEPLOYER.token}x", UNRECOGNIZED),
        ("AWS4-HMAC-SHA256 nonsense", INVALID_SIGNATURE),
        (
            f"AWS4-HMAC-SHA256 Credential={DEPLOYER.access_key_id}/{{date}}/{REGION}/apigateway/aws4_request, "
            "SignedHeaders=host;x-amz-date",
            INVALID_SIGNATURE,
        ),
        (
            f"AWS4-HMAC-SHA256 Credential={DEPLOYER.access_key_id}/{{date}}/{REGION}/apigateway/aws4_request, "
            "SignedHeaders=host;x-amz-date, Signature=not-hex",
            INVALID_SIGNATURE,
        ),
    ],
    ids=[
        "unknown-token",
        "token-hash-as-token",
        "token-with-suffix",
        "sigv4-garbage",
        "sigv4-without-signature",
        "sigv4-signature-not-hex",
    ],
)
def test_refused_authorization_headers(endpoint, authorization, error_type):
    now = datetime.datetime.now(datetime.timezone.utc)
    headers = {
        "Authorization": authorization.replace("{date}", now.strftime("%Y%m%d")),
        "X-Amz-Date": now.strftime("%Y%m%dT%H%M%SZ"),
    }

    response = http("GET", endpoint + "/v2/apis", headers=headers)

    assert_refusal(response, error_type)


# ======================================================================================================
# SigV4 with boto3: what works
# ======================================================================================================


@pytest.mark.parametrize("principal", [ADMIN, DEPLOYER, VIEWER], ids=lambda p: p.name)
def test_every_principal_can_read_with_sigv4(endpoint, principal):
    client = client_for(endpoint, principal)

    response = client.get_apis()

    assert_status(response, 200)
    assert isinstance(response["Items"], list)


def test_signed_path_needing_encoding_stage_default(admin, viewer, admin_api):
    """`$default` travels as `%24default`; the server must canonicalize the path as botocore does."""
    api_id = admin_api()["ApiId"]
    created = admin.create_stage(ApiId=api_id, StageName="$default", AutoDeploy=True)
    assert_status(created, 201)

    for client in (admin, viewer):
        fetched = client.get_stage(ApiId=api_id, StageName="$default")
        assert_status(fetched, 200)
        assert fetched["StageName"] == "$default"


def test_signed_path_with_an_arn_segment_tags(admin, viewer, admin_api):
    """GetTags/TagResource put a whole ARN (with `:` and `/`) into one path segment."""
    api_id = admin_api()["ApiId"]
    admin.create_stage(ApiId=api_id, StageName="$default")

    for arn in (api_arn(api_id), stage_arn(api_id, "$default")):
        assert_status(admin.tag_resource(ResourceArn=arn, Tags={"team": "payments", "cost center": "a/b:c"}), 201)
        tags = viewer.get_tags(ResourceArn=arn)
        assert_status(tags, 200)
        assert tags["Tags"] == {"team": "payments", "cost center": "a/b:c"}
        assert_status(admin.untag_resource(ResourceArn=arn, TagKeys=["cost center"]), 204)
        assert viewer.get_tags(ResourceArn=arn)["Tags"] == {"team": "payments"}


def test_signed_query_parameters_and_paginator(admin, viewer, admin_api):
    """MaxResults and NextToken are query parameters; each page is a separately signed request."""
    ids = {admin_api()["ApiId"] for _ in range(3)}

    first = viewer.get_apis(MaxResults="1")
    assert_status(first, 200)
    assert len(first["Items"]) == 1
    assert first.get("NextToken")

    listed = pages(viewer, "get_apis", page_size=1)
    assert len(listed) >= 3
    assert all(len(page) <= 1 for page in listed)
    listed_ids = [item["ApiId"] for page in listed for item in page]
    assert ids <= set(listed_ids)
    assert len(listed_ids) == len(set(listed_ids))


@pytest.mark.parametrize("region", ["eu-central-1", "ap-southeast-2"])
def test_signed_in_another_region(endpoint, admin_api, region):
    """Any region's credential scope is accepted, and `ApiEndpoint` reports that region."""
    regional = client_for(endpoint, DEPLOYER, region=region)

    created = regional.create_api(Name=unique_name("region"), ProtocolType="HTTP")
    admin_api.track(created["ApiId"])

    assert_status(created, 201)
    assert region in created["ApiEndpoint"], created["ApiEndpoint"]
    assert created["ApiEndpoint"] == f"https://{created['ApiId']}.execute-api.{region}.amazonaws.com"
    assert regional.get_api(ApiId=created["ApiId"])["ApiEndpoint"] == created["ApiEndpoint"]


# ======================================================================================================
# Roles
# ======================================================================================================


def perform(client, operation: str, api_id: str) -> dict:
    if operation == "read":
        return client.get_api(ApiId=api_id)
    if operation == "create":
        return client.create_api(Name=unique_name("role"), ProtocolType="HTTP")
    if operation == "update":
        return client.update_api(ApiId=api_id, Description="changed by a role test")
    if operation == "delete":
        return client.delete_api(ApiId=api_id)
    raise AssertionError(operation)


EXPECTED_STATUS = {"read": 200, "create": 201, "update": 200, "delete": 204}


@pytest.mark.parametrize(
    "principal, operation, allowed",
    [
        (ADMIN, "read", True),
        (ADMIN, "create", True),
        (ADMIN, "update", True),
        (ADMIN, "delete", True),
        (DEPLOYER, "read", True),
        (DEPLOYER, "create", True),
        (DEPLOYER, "update", True),
        (DEPLOYER, "delete", True),
        (VIEWER, "read", True),
        (VIEWER, "create", False),
        (VIEWER, "update", False),
        (VIEWER, "delete", False),
    ],
    ids=lambda value: value.name if isinstance(value, Principal) else str(value).lower(),
)
def test_role_matrix_with_sigv4(endpoint, admin, admin_api, principal, operation, allowed):
    api_id = admin_api(Description="original")["ApiId"]
    before = body(admin.get_api(ApiId=api_id))
    names_before = {item["Name"] for item in list_all(admin, "get_apis")}
    client = client_for(endpoint, principal)

    if allowed:
        response = perform(client, operation, api_id)
        assert_status(response, EXPECTED_STATUS[operation])
        if operation == "create":
            admin_api.track(response["ApiId"])
        return

    with expect_error(ACCESS_DENIED, 403):
        perform(client, operation, api_id)
    assert body(admin.get_api(ApiId=api_id)) == before, "a refused write changed the API"
    assert {item["Name"] for item in list_all(admin, "get_apis")} == names_before


# ======================================================================================================
# Bearer tokens
# ======================================================================================================


@pytest.mark.parametrize("principal", [DEPLOYER, VIEWER], ids=lambda p: p.name)
def test_bearer_token_can_read(endpoint, principal):
    response = http("GET", endpoint + "/v2/apis", headers=principal.bearer)

    assert response.status_code == 200, response.text
    assert isinstance(response.json()["items"], list)


def test_reader_head_is_not_refused_as_a_write(endpoint):
    response = http("HEAD", endpoint + "/v2/apis", headers=VIEWER.bearer)

    # Whether HEAD is routed at all is not the point here (it may be 404/405); it is not refused.
    assert response.status_code != 403, dict(response.headers)


@pytest.mark.parametrize(
    "method, path_template, payload",
    [
        ("POST", "/v2/apis", {"name": "bearer-reader", "protocolType": "HTTP"}),
        ("PATCH", "/v2/apis/{api_id}", {"description": "changed by a reader"}),
        ("DELETE", "/v2/apis/{api_id}", None),
        ("POST", "/v2/apis/{api_id}/routes", {"routeKey": "GET /reader"}),
    ],
    ids=["post-api", "patch-api", "delete-api", "post-route"],
)
def test_reader_token_cannot_write(endpoint, admin, admin_api, method, path_template, payload):
    api_id = admin_api(Description="original")["ApiId"]
    before = body(admin.get_api(ApiId=api_id))
    routes_before = list_all(admin, "get_routes", ApiId=api_id)
    names_before = {item["Name"] for item in list_all(admin, "get_apis")}

    response = http(
        method,
        endpoint + path_template.format(api_id=api_id),
        headers={**VIEWER.bearer, "Content-Type": "application/json"},
        data=json.dumps(payload) if payload is not None else None,
    )

    assert_refusal(response, ACCESS_DENIED)
    assert body(admin.get_api(ApiId=api_id)) == before
    assert list_all(admin, "get_routes", ApiId=api_id) == routes_before
    assert {item["Name"] for item in list_all(admin, "get_apis")} == names_before


def test_editor_token_can_write(endpoint, admin, admin_api):
    name = unique_name("bearer")
    headers = {**DEPLOYER.bearer, "Content-Type": "application/json"}

    created = http("POST", endpoint + "/v2/apis", headers=headers,
                   data=json.dumps({"name": name, "protocolType": "HTTP"}))
    assert created.status_code == 201, created.text
    api_id = created.json()["apiId"]
    admin_api.track(api_id)
    assert admin.get_api(ApiId=api_id)["Name"] == name

    updated = http("PATCH", f"{endpoint}/v2/apis/{api_id}", headers=headers,
                   data=json.dumps({"description": "by token"}))
    assert updated.status_code == 200, updated.text
    assert admin.get_api(ApiId=api_id)["Description"] == "by token"

    deleted = http("DELETE", f"{endpoint}/v2/apis/{api_id}", headers=DEPLOYER.bearer)
    assert deleted.status_code == 204, deleted.text
    with expect_error("NotFoundException", 404):
        admin.get_api(ApiId=api_id)


def test_history_names_principals_never_credentials(endpoint, admin, admin_api):
    headers = {**DEPLOYER.bearer, "Content-Type": "application/json"}
    created = http("POST", endpoint + "/v2/apis", headers=headers,
                   data=json.dumps({"name": unique_name("audited"), "protocolType": "HTTP"}))
    assert created.status_code == 201, created.text
    api_id = created.json()["apiId"]
    admin_api.track(api_id)
    admin.create_route(ApiId=api_id, RouteKey="GET /pets")

    # A reader reads the history; the log names who did what by name only.
    revisions = http("GET", f"{endpoint}/v2/apis/{api_id}/revisions", headers=VIEWER.bearer)
    assert revisions.status_code == 200, revisions.text
    assert [(item["operation"], item["principal"]) for item in revisions.json()["items"]] == [
        ("CreateRoute", "admin"), ("CreateApi", "deployer")]
    assert revisions.json()["items"][1]["requestId"] == created.headers["x-amzn-RequestId"]
    audit = http("GET", endpoint + "/v2/changes", headers=VIEWER.bearer, params={"principal": "deployer"})
    assert audit.status_code == 200, audit.text
    assert audit.json()["items"] and all(item["principal"] == "deployer" for item in audit.json()["items"])
    for text in (revisions.text, audit.text):
        for secret in SECRETS_USED | {ADMIN.access_key_id, DEPLOYER.access_key_id}:
            assert secret not in text
    # Without credentials the history is as closed as the rest of the catalog.
    assert_refusal(http("GET", endpoint + "/v2/changes"), "MissingAuthenticationTokenException")


# ======================================================================================================
# Signatures that must not verify
# ======================================================================================================


def test_body_changed_after_signing_is_invalid_signature(deployer, admin):
    """A `before-send` handler rewrites CreateApi's body after botocore signed it."""
    signed_name = unique_name("signed")
    tampered_name = unique_name("tampered") + "-longer"

    def tamper(request, **_):
        original = request.body if isinstance(request.body, bytes) else request.body.encode("utf-8")
        assert signed_name.encode() in original
        request.body = original.replace(signed_name.encode(), tampered_name.encode())
        request.headers["Content-Length"] = str(len(request.body))

    deployer.meta.events.register("before-send.apigatewayv2.CreateApi", tamper)
    try:
        with expect_error(INVALID_SIGNATURE, 403):
            deployer.create_api(Name=signed_name, ProtocolType="HTTP")
    finally:
        deployer.meta.events.unregister("before-send.apigatewayv2.CreateApi", tamper)

    names = {item["Name"] for item in list_all(admin, "get_apis")}
    assert signed_name not in names and tampered_name not in names


def test_query_changed_after_signing_is_invalid_signature(endpoint):
    signed = sign(VIEWER, "GET", endpoint + "/v2/apis?maxResults=1")
    assert send(signed).status_code == 200, "the untampered request should be accepted"

    response = send(signed, url=endpoint + "/v2/apis?maxResults=2")

    assert_refusal(response, INVALID_SIGNATURE)


def test_hand_signed_write_is_accepted(endpoint, admin, admin_api):
    """The control for the clock tests below: a request signed here, now, with a body."""
    name = unique_name("hand")
    signed = sign(DEPLOYER, "POST", endpoint + "/v2/apis",
                  json.dumps({"name": name, "protocolType": "HTTP"}).encode())

    response = send(signed)

    assert response.status_code == 201, response.text
    admin_api.track(response.json()["apiId"])
    assert response.json()["name"] == name


@pytest.mark.parametrize(
    "minutes, accepted",
    [(0, True), (-10, True), (10, True), (-20, False), (20, False), (-24 * 60, False)],
    ids=["now", "10-min-old", "10-min-ahead", "20-min-old", "20-min-ahead", "a-day-old"],
)
def test_clock_skew_of_the_signature(endpoint, minutes, accepted):
    offset = datetime.timedelta(minutes=minutes)

    signed = sign(VIEWER, "GET", endpoint + "/v2/apis", offset=offset)

    # The fake clock really reached botocore's signer.
    expected = datetime.datetime.now(datetime.timezone.utc) + offset
    assert abs(amz_date(signed) - expected) < datetime.timedelta(minutes=1), signed.headers["X-Amz-Date"]
    response = send(signed)
    if accepted:
        assert response.status_code == 200, response.text
    else:
        assert_refusal(response, INVALID_SIGNATURE)


def test_old_signature_is_refused_for_a_write_too(endpoint, admin):
    name = unique_name("stale")
    signed = sign(ADMIN, "POST", endpoint + "/v2/apis", json.dumps({"name": name, "protocolType": "HTTP"}).encode(),
                  offset=datetime.timedelta(minutes=-20))

    assert_refusal(send(signed), INVALID_SIGNATURE)
    assert name not in {item["Name"] for item in list_all(admin, "get_apis")}


# ======================================================================================================
# The AWS CLI
# ======================================================================================================


def test_cli_with_a_principals_key(endpoint, tmp_path):
    result = run_aws_cli(tmp_path, endpoint, VIEWER.access_key_id, VIEWER.secret_access_key, "get-apis")

    assert result.returncode == 0, cli_error_output(result.stderr)
    assert isinstance(json.loads(result.stdout)["Items"], list)


def test_cli_create_and_delete_as_editor_in_another_region(endpoint, tmp_path, admin_api):
    created = run_aws_cli(tmp_path, endpoint, DEPLOYER.access_key_id, DEPLOYER.secret_access_key, "create-api",
                          "--name", unique_name("cli"), "--protocol-type", "HTTP", region="eu-central-1")
    assert created.returncode == 0, cli_error_output(created.stderr)
    api = json.loads(created.stdout)
    admin_api.track(api["ApiId"])
    assert "eu-central-1" in api["ApiEndpoint"]

    deleted = run_aws_cli(tmp_path, endpoint, DEPLOYER.access_key_id, DEPLOYER.secret_access_key, "delete-api",
                          "--api-id", api["ApiId"], region="eu-central-1")
    assert deleted.returncode == 0, cli_error_output(deleted.stderr)


@pytest.mark.parametrize(
    "access_key_id, secret, arguments, error_type",
    [
        (VIEWER.access_key_id, WRONG_SECRET, ["get-apis"], INVALID_SIGNATURE),
        (UNKNOWN_ACCESS_KEY_ID, UNKNOWN_SECRET, ["get-apis"], UNRECOGNIZED),
        (VIEWER.access_key_id, VIEWER.secret_access_key,
         ["create-api", "--name", "cli-reader", "--protocol-type", "HTTP"], ACCESS_DENIED),
    ],
    ids=["wrong-secret", "unknown-access-key-id", "reader-writes"],
)
def test_cli_refusals(endpoint, tmp_path, access_key_id, secret, arguments, error_type):
    result = run_aws_cli(tmp_path, endpoint, access_key_id, secret, *arguments)

    # awscli v1 exits 255 on a service error, v2 exits 254.
    assert result.returncode in (254, 255), (result.returncode, result.stdout, cli_error_output(result.stderr))
    assert error_type in cli_error_output(result.stderr), cli_error_output(result.stderr)
    assert result.stdout.strip() == ""


# ======================================================================================================
# The log
# ======================================================================================================


def test_log_line_names_the_principal_sigv4(auth_server, admin, viewer):
    for client, name in ((admin, "admin"), (viewer, "viewer")):
        response = client.get_apis()
        request_id = response["ResponseMetadata"]["RequestId"]

        lines = log_lines_of_request(auth_server, request_id)

        assert len(lines) == 1, f"expected one log line for request {request_id}, got {lines}"
        assert lines[0].get("principal") == name, lines[0]


@pytest.mark.parametrize("principal", [DEPLOYER, VIEWER], ids=lambda p: p.name)
def test_log_line_names_the_principal_bearer(auth_server, endpoint, principal):
    response = http("GET", endpoint + "/v2/apis", headers=principal.bearer)
    assert response.status_code == 200, response.text
    request_id = response.headers["x-amzn-RequestId"]

    lines = log_lines_of_request(auth_server, request_id)

    assert len(lines) == 1, f"expected one log line for request {request_id}, got {lines}"
    assert lines[0].get("principal") == principal.name, lines[0]


def test_refused_request_is_logged_once(auth_server, endpoint):
    response = http("GET", endpoint + "/v2/apis", headers={"Authorization": f"Bearer {UNKNOWN_TOKEN}"})
    assert_refusal(response, UNRECOGNIZED)

    lines = log_lines_of_request(auth_server, response.headers["x-amzn-RequestId"])

    assert len(lines) == 1, lines
    assert str(lines[0].get("status")) == "403", lines[0]


# ======================================================================================================
# Other ways to start the server
# ======================================================================================================


def test_token_new_prints_a_token_and_its_principal_entry(tmp_path):
    result = subprocess.run(
        [str(binary_path()), "token", "new", "--name", "ci-bot", "--role", "editor"],
        capture_output=True, text=True, timeout=STARTUP_REFUSAL_TIMEOUT_SECONDS,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout
    token, entry = lines[0].strip(), json.loads(lines[1])
    SECRETS_USED.add(token)

    assert re.fullmatch(r"[A-Za-z0-9_-]{32,}", token), f"not a url-safe token of 32+ characters: {token!r}"
    assert set(entry) == {"name", "role", "tokenSha256"}, entry
    assert (entry["name"], entry["role"]) == ("ci-bot", "editor")
    assert [value.lower() for value in entry["tokenSha256"]] == [sha256_hex(token)]
    assert token not in result.stderr

    # The printed entry goes into an auth file as it is; the token then works.
    auth_file = write_auth_file(tmp_path / "auth.json", text=json.dumps({"principals": [entry]}))
    with running_server(tmp_path / "server", extra_args=["--auth-file", str(auth_file)]) as server:
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        assert http("GET", server.base_url + "/v2/apis", headers=headers).status_code == 200
        created = http("POST", server.base_url + "/v2/apis", headers=headers,
                       data=json.dumps({"name": "from-token-new", "protocolType": "HTTP"}))
        assert created.status_code == 201, created.text
        assert_refusal(http("GET", server.base_url + "/v2/apis"), MISSING)


def test_token_new_makes_a_fresh_token_each_time():
    tokens = set()
    for _ in range(2):
        result = subprocess.run(
            [str(binary_path()), "token", "new", "--name", "reader-bot", "--role", "reader"],
            capture_output=True, text=True, timeout=STARTUP_REFUSAL_TIMEOUT_SECONDS,
        )
        assert result.returncode == 0, result.stderr
        token = result.stdout.splitlines()[0].strip()
        SECRETS_USED.add(token)
        assert json.loads(result.stdout.splitlines()[1])["role"] == "reader"
        tokens.add(token)

    assert len(tokens) == 2


def test_auth_file_from_the_environment(tmp_path):
    auth_file = write_auth_file(tmp_path / "auth.json", [VIEWER])

    with running_server(tmp_path / "server", env={"REGISTRY_AUTH_FILE": str(auth_file)}) as server:
        assert_refusal(http("GET", server.base_url + "/v2/apis"), MISSING)
        assert http("GET", server.base_url + "/v2/apis", headers=VIEWER.bearer).status_code == 200
        assert_refusal(http("GET", server.base_url + "/v2/apis", headers=DEPLOYER.bearer), UNRECOGNIZED)


def test_all_interfaces_with_an_auth_file(tmp_path):
    auth_file = write_auth_file(tmp_path / "auth.json", [DEPLOYER])

    with running_server(tmp_path / "server", host="0.0.0.0", extra_args=["--auth-file", str(auth_file)]) as server:
        assert re.fullmatch(r"listening on http://0\.0\.0\.0:\d+", server.listening_line or ""), server.listening_line
        assert server.base_url.startswith("http://127.0.0.1:")
        assert http("GET", server.base_url + "/healthz").status_code == 200
        assert_refusal(http("GET", server.base_url + "/v2/apis"), MISSING)
        assert http("GET", server.base_url + "/v2/apis", headers=DEPLOYER.bearer).status_code == 200
        signed = client_for(server.base_url, DEPLOYER).get_apis()
        assert_status(signed, 200)


def test_rate_limit_per_principal(tmp_path):
    auth_file = write_auth_file(tmp_path / "auth.json", [DEPLOYER, VIEWER])
    limit = f"{RATE_LIMIT_PER_SECOND}/s"

    arguments = ["--auth-file", str(auth_file), "--rate-limit", limit]
    with running_server(tmp_path / "server", extra_args=arguments) as server:
        url = server.base_url + "/v2/apis"
        flood_size = 20 * RATE_LIMIT_PER_SECOND
        started = time.monotonic()
        # Many more than N requests within about a second, from several connections at once so
        # that a slow (loaded) server still sees them faster than it refills the bucket.
        with ThreadPoolExecutor(max_workers=8) as pool:
            flood = list(pool.map(lambda _: http("GET", url, headers=DEPLOYER.bearer), range(flood_size)))
        elapsed = time.monotonic() - started
        statuses = [response.status_code for response in flood]
        throttled = [response for response in flood if response.status_code == 429]

        assert set(statuses) <= {200, 429}, statuses
        assert throttled, f"{flood_size} requests in {elapsed:.2f} s, none throttled"
        assert statuses.count(200) >= RATE_LIMIT_PER_SECOND, f"the burst of N was not honoured: {statuses}"
        assert_refusal(throttled[0], TOO_MANY_REQUESTS, status=429)

        # Another principal has its own bucket.
        others = [http("GET", url, headers=VIEWER.bearer).status_code for _ in range(RATE_LIMIT_PER_SECOND)]
        assert others == [200] * RATE_LIMIT_PER_SECOND, others

        # And the throttled principal's bucket refills.
        time.sleep(1.5)
        assert http("GET", url, headers=DEPLOYER.bearer).status_code == 200


# ======================================================================================================
# Start-up refusals
# ======================================================================================================


@dataclass(frozen=True)
class StartupCase:
    """One `serve` that must exit by itself, non-zero, before listening."""

    auth_text: str | None  # the auth file's content; None: no auth file at all
    expected: str | None  # a text its stderr must contain
    mode: int = 0o600
    host: str = "127.0.0.1"
    via: str = "flag"  # how the auth file is named: --auth-file ("flag") or REGISTRY_AUTH_FILE ("env")


# A secret in each refused file: the refusal message must not echo it.
REFUSED_FILE_SECRET = new_secret_access_key()
REFUSED_FILE_TOKEN = new_token()


def auth_text(role: str = "editor") -> str:
    principal = Principal("refused", role, token=REFUSED_FILE_TOKEN, access_key_id=new_access_key_id(),
                          secret_access_key=REFUSED_FILE_SECRET)
    return json.dumps({"principals": [principal.entry()]})


STARTUP_REFUSALS = [
    pytest.param(StartupCase(auth_text(), "group or others", mode=0o644), id="world-readable"),
    pytest.param(StartupCase(auth_text(), "group or others", mode=0o640), id="group-readable"),
    pytest.param(StartupCase(auth_text(), "group or others", mode=0o606), id="others-readable"),
    pytest.param(StartupCase(auth_text(), "group or others", mode=0o644, via="env"), id="world-readable-via-env"),
    pytest.param(StartupCase(auth_text()[:-7], None), id="malformed-json"),
    pytest.param(StartupCase("", None), id="empty-file"),
    pytest.param(StartupCase(auth_text(role="superuser"), "superuser"), id="unknown-role"),
    pytest.param(StartupCase(auth_text(role="superuser"), "superuser", via="env"), id="unknown-role-via-env"),
    pytest.param(StartupCase(None, "--auth-file", host="0.0.0.0"), id="all-interfaces-without-auth-file"),
]


@pytest.mark.parametrize("case", STARTUP_REFUSALS)
def test_server_refuses_to_start(tmp_path, case: StartupCase):
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGISTRY_")}
    command = [str(binary_path()), "serve", "--host", case.host, "--port", "0", "--db", str(tmp_path / "db.sqlite")]
    if case.auth_text is not None:
        auth_file = write_auth_file(tmp_path / "auth.json", text=case.auth_text, mode=case.mode)
        if case.via == "env":
            env["REGISTRY_AUTH_FILE"] = str(auth_file)
        else:
            command += ["--auth-file", str(auth_file)]

    try:
        result = subprocess.run(command, env=env, cwd=tmp_path, stdin=subprocess.DEVNULL, capture_output=True,
                                text=True, timeout=STARTUP_REFUSAL_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired as timeout:
        pytest.fail(f"`{' '.join(command)}` did not exit within {STARTUP_REFUSAL_TIMEOUT_SECONDS} s "
                    f"(stdout: {timeout.stdout!r})", pytrace=False)

    assert result.returncode != 0, f"the server started (exit 0): {result.stdout} {result.stderr}"
    assert "listening on" not in result.stdout, result.stdout
    assert result.stderr.strip(), "no message on stderr"
    if case.expected:
        assert case.expected in result.stderr, result.stderr
    for secret in (REFUSED_FILE_SECRET, REFUSED_FILE_TOKEN):
        assert secret not in result.stderr and secret not in result.stdout, "the refusal echoes a secret"


def test_missing_auth_file_is_refused(tmp_path):
    command = [str(binary_path()), "serve", "--host", "127.0.0.1", "--port", "0", "--db", str(tmp_path / "db.sqlite"),
               "--auth-file", str(tmp_path / "no-such-auth.json")]
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGISTRY_")}

    try:
        result = subprocess.run(command, env=env, cwd=tmp_path, stdin=subprocess.DEVNULL, capture_output=True,
                                text=True, timeout=STARTUP_REFUSAL_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`{' '.join(command)}` did not exit within {STARTUP_REFUSAL_TIMEOUT_SECONDS} s", pytrace=False)

    assert result.returncode != 0, result.stdout
    assert "listening on" not in result.stdout


# ======================================================================================================
# Last: nothing secret in any server's stderr
# ======================================================================================================


def test_no_secret_in_any_server_stderr(auth_server):
    """Run last (pytest keeps file order): every token, secret access key and signature sent by the
    tests above, checked against everything the servers of this module wrote on stderr."""
    leaks = []
    for path in SERVER_STDERR_FILES:
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for secret in sorted(SECRETS_USED):
            if secret in text:
                line = next(line for line in text.splitlines() if secret in line)
                leaks.append(f"{path}: {secret[:6]}... in {line[:300]}")
    assert not leaks, "secrets in server stderr:\n" + "\n".join(leaks)
