"""Fixtures for the real-client interop suite.

The session starts the release binary once (``REGISTRY_BIN``, default
``<repo>/.build-release/release/integration-registry``) on a free port with a
fresh database, and stops it with SIGTERM at the end. Set ``REGISTRY_URL`` to
run the suite against a server that is already running instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Iterator

import boto3
import pytest
import requests
from botocore.config import Config
from botocore.exceptions import ClientError

from helpers import (
    ACCESS_KEY,
    REGION,
    SECRET_KEY,
    SECURITY_GROUP_IDS,
    SUBNET_IDS,
    unique_name,
)
from registry_server import RegistryServer, start_or_fail, stop_or_fail

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BINARY = REPO_ROOT / ".build-release" / "release" / "integration-registry"


def _bypass_proxies_for_loopback() -> None:
    """boto3, requests and the AWS CLI honour HTTP(S)_PROXY; the server is on loopback."""
    for variable in ("NO_PROXY", "no_proxy"):
        entries = [entry for entry in os.environ.get(variable, "").split(",") if entry]
        os.environ[variable] = ",".join(entries + ["127.0.0.1", "localhost"])


_bypass_proxies_for_loopback()


# -- the server ----------------------------------------------------------------


@pytest.fixture(scope="session")
def registry_server(tmp_path_factory) -> Iterator[RegistryServer | None]:
    """The server process this session started (None when REGISTRY_URL is set)."""
    if os.environ.get("REGISTRY_URL"):
        yield None
        return
    binary = Path(os.environ.get("REGISTRY_BIN") or DEFAULT_BINARY)
    server = start_or_fail(RegistryServer(binary, tmp_path_factory.mktemp("registry")))
    yield server
    stop_or_fail(server)


@pytest.fixture(scope="session")
def base_url(registry_server: RegistryServer | None) -> str:
    if registry_server is None:
        return os.environ["REGISTRY_URL"].rstrip("/")
    assert registry_server.base_url is not None
    return registry_server.base_url


@pytest.fixture(autouse=True)
def _server_still_running(request):
    """After each test, fail loudly (with the server's stderr) if the server died."""
    yield
    if "registry_server" not in request.fixturenames:
        return
    server = request.getfixturevalue("registry_server")
    if server is not None and not server.running:
        pytest.fail(f"the registry server is no longer running\n{server.diagnostics()}", pytrace=False)


# -- clients -------------------------------------------------------------------


def make_client(endpoint_url: str, *, validate: bool = True):
    session = boto3.session.Session(
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name=REGION,
    )
    return session.client(
        "apigatewayv2",
        endpoint_url=endpoint_url,
        config=Config(
            retries={"max_attempts": 1},
            parameter_validation=validate,
            connect_timeout=10,
            read_timeout=60,
        ),
    )


@pytest.fixture(scope="session")
def client(base_url: str):
    """A boto3 apigatewayv2 client aimed at the server."""
    return make_client(base_url)


@pytest.fixture(scope="session")
def unvalidated_client(base_url: str):
    """Like `client`, but botocore sends values it would refuse client-side."""
    return make_client(base_url, validate=False)


class RawHttp:
    """Plain HTTP to the server, for what boto3 cannot express."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.session = requests.Session()

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", 30)
        return self.session.request(method, self.base_url + path, **kwargs)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.request("POST", path, **kwargs)


@pytest.fixture(scope="session")
def raw(base_url: str) -> RawHttp:
    return RawHttp(base_url)


# -- resources that clean up after themselves ------------------------------------


@pytest.fixture
def new_api(client, new_vpc_link) -> Iterator[Callable[..., dict[str, Any]]]:
    """Create an API (HTTP unless told otherwise) with a unique name; deleted afterwards.

    It depends on `new_vpc_link` so that the test's APIs (whose integrations may
    use its VPC links) are deleted before those VPC links.
    """
    created: list[str] = []

    def create(**kwargs) -> dict[str, Any]:
        kwargs.setdefault("Name", unique_name("api"))
        kwargs.setdefault("ProtocolType", "HTTP")
        if kwargs["ProtocolType"] == "WEBSOCKET":
            kwargs.setdefault("RouteSelectionExpression", "$request.body.action")
        response = client.create_api(**kwargs)
        created.append(response["ApiId"])
        return response

    yield create
    for api_id in created:
        try:
            client.delete_api(ApiId=api_id)
        except ClientError:
            pass


@pytest.fixture
def new_vpc_link(client) -> Iterator[Callable[..., dict[str, Any]]]:
    """Create a VPC link with a unique name; deleted afterwards (after the test's APIs)."""
    created: list[str] = []

    def create(**kwargs) -> dict[str, Any]:
        kwargs.setdefault("Name", unique_name("link"))
        kwargs.setdefault("SubnetIds", list(SUBNET_IDS))
        kwargs.setdefault("SecurityGroupIds", list(SECURITY_GROUP_IDS))
        response = client.create_vpc_link(**kwargs)
        created.append(response["VpcLinkId"])
        return response

    yield create
    for vpc_link_id in created:
        try:
            client.delete_vpc_link(VpcLinkId=vpc_link_id)
        except ClientError:
            pass


# -- the AWS CLI -----------------------------------------------------------------


class AwsCli:
    """Runs the `aws` program installed next to this Python (the project's venv)."""

    def __init__(self, base_url: str, workdir: Path):
        self.base_url = base_url
        self.executable = Path(sys.executable).parent / "aws"
        # Keep the CLI away from any real AWS configuration of the machine.
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("AWS_")},
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_DEFAULT_REGION": REGION,
            "AWS_CONFIG_FILE": str(workdir / "config"),
            "AWS_SHARED_CREDENTIALS_FILE": str(workdir / "credentials"),
            "AWS_MAX_ATTEMPTS": "1",
            "AWS_PAGER": "",
        }

    def run(self, *args: str, region: str = REGION) -> subprocess.CompletedProcess[str]:
        if not self.executable.is_file():
            pytest.fail(f"AWS CLI not found at {self.executable}; install tests/requirements.txt", pytrace=False)
        command = [
            str(self.executable),
            "apigatewayv2",
            *args,
            "--endpoint-url",
            self.base_url,
            "--region",
            region,
            "--output",
            "json",
        ]
        return subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=120)

    def run_json(self, *args: str, region: str = REGION) -> dict[str, Any]:
        result = self.run(*args, region=region)
        assert result.returncode == 0, f"aws {' '.join(args)} failed ({result.returncode}): {result.stderr}"
        return json.loads(result.stdout) if result.stdout.strip() else {}


@pytest.fixture
def aws_cli(base_url: str, tmp_path: Path) -> AwsCli:
    return AwsCli(base_url, tmp_path)
