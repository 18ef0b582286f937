"""Crash durability: a 2xx means the write survives SIGKILL, and the file stays intact.

Each round starts its own server on a fresh database, runs 16 client threads that keep
creating APIs and routes (each thread adds routes to its own latest API), and SIGKILLs the
server while writes are in flight. Every write that was answered 2xx is recorded. A new
server then starts on the same file; each recorded write must be readable with the content
that was acknowledged (GetApi, GetRoute by id). Finally, after that server has stopped,
`PRAGMA integrity_check` and `PRAGMA foreign_key_check` must find nothing wrong, and the history
must match: every acknowledged write has exactly one change record (found by the request id it
was answered with), every record belongs to a write that was acknowledged or cut off by the
kill, and replaying the records' row versions in change order gives exactly the current rows.

Writes that were in flight when the process died (no answer) may or may not be there; the test
only asks that the file is consistent either way.

SIGKILL loses the process, not the machine: what the kernel has accepted survives even
without fsync. This checks that the server answers only after the commit (and that recovery
from a killed writer is clean); it cannot check that the commit reached the disk itself.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import DEFAULT_BINARY
from helpers import report
from registry_server import RegistryServer, RegistryServerError

CLIENT_THREADS = 16
ROUTES_PER_API = 8  # then the thread creates its next API (AWS allows 300 routes per API)
REQUEST_TIMEOUT_SECONDS = 10
# How many times a round may be run before a kill lands while a request is in flight.
MAX_ATTEMPTS_PER_ROUND = 3
# However the round goes, clients give up this long after the kill was due.
CLIENT_DEADLINE_AFTER_KILL_SECONDS = 10
BINARY_WAIT_SECONDS = 60  # the binary may be briefly missing while it is being rebuilt


def binary() -> Path:
    return Path(os.environ.get("REGISTRY_BIN") or DEFAULT_BINARY)


class KillableServer(RegistryServer):
    def kill(self) -> int:
        """SIGKILL the server and reap it; returns its exit status."""
        assert self._process is not None and self._process.poll() is None, "the server is not running"
        self._process.send_signal(signal.SIGKILL)
        return self._process.wait(timeout=10)


def start(workdir: Path) -> KillableServer:
    """Starts a server on workdir/registry.sqlite, waiting out a rebuild of the binary."""
    deadline = time.monotonic() + BINARY_WAIT_SECONDS
    while True:
        server = KillableServer(binary(), workdir)
        try:
            server.start()
            return server
        except RegistryServerError as error:
            if "not found" not in str(error) or time.monotonic() > deadline:
                pytest.fail(str(error), pytrace=False)
            time.sleep(1)


@dataclass(frozen=True)
class AckedApi:
    api_id: str
    name: str
    request_id: str


@dataclass(frozen=True)
class AckedRoute:
    api_id: str
    route_id: str
    route_key: str
    request_id: str


class Client:
    """One keep-alive connection; `call` returns (status, document) or None if no answer came."""

    def __init__(self, base_url: str):
        url = urlsplit(base_url)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=REQUEST_TIMEOUT_SECONDS)
        self.last_request_id = ""

    def call(self, method: str, path: str, document: dict | None = None) -> tuple[int, dict] | None:
        body = json.dumps(document).encode() if document is not None else None
        headers = {"Content-Type": "application/json"} if body is not None else {}
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            self.last_request_id = response.getheader("x-amzn-RequestId") or ""
            payload = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            return None
        return response.status, (json.loads(payload) if payload else {})

    def close(self) -> None:
        self.connection.close()


class Load:
    """16 writers that record what was acknowledged, and what was refused."""

    def __init__(self, base_url: str, round_number: int, deadline: float):
        self.base_url = base_url
        self.round_number = round_number
        self.deadline = deadline
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.apis: list[AckedApi] = []
        self.routes: list[AckedRoute] = []
        self.unanswered = 0  # requests that got no answer (in flight at the kill, or sent after it)
        self.cut_off = 0  # of those, the ones sent before the kill: in flight when it came
        self.unanswered_sent_at: list[float] = []  # when each unanswered request was sent
        self.killed_at = float("inf")  # set by the test just before it sends SIGKILL
        self.dead_at = float("inf")  # set by the test once the killed server has exited
        self.unexpected: list[str] = []  # answers other than 201
        self.threads = [
            threading.Thread(target=self.writer, args=(index,), name=f"writer-{index}", daemon=True)
            for index in range(CLIENT_THREADS)
        ]

    def writer(self, index: int) -> None:
        """Creates an API, then ROUTES_PER_API routes in it, then the next API, until stopped."""
        client = Client(self.base_url)
        api_id: str | None = None
        routes_in_api = 0
        sequence = 0
        try:
            while not self.stop.is_set() and time.monotonic() < self.deadline:
                sequence += 1
                if api_id is None or routes_in_api == ROUTES_PER_API:
                    name = f"crash-r{self.round_number}-t{index}-{sequence}"
                    document = self.write(client, "CreateApi", "/v2/apis", {"name": name, "protocolType": "HTTP"})
                    if document is not None:
                        api_id, routes_in_api = document["apiId"], 0
                        with self.lock:
                            self.apis.append(AckedApi(api_id, name, client.last_request_id))
                else:
                    route_key = f"GET /t{index}/s{sequence}"
                    routes_in_api += 1
                    document = self.write(client, "CreateRoute", f"/v2/apis/{api_id}/routes", {"routeKey": route_key})
                    if document is not None:
                        with self.lock:
                            self.routes.append(
                                AckedRoute(api_id, document["routeId"], route_key, client.last_request_id))
        except Exception as error:  # noqa: BLE001 - a broken writer must fail the test, not vanish
            with self.lock:
                self.unexpected.append(f"writer {index} crashed: {error!r}")
        finally:
            client.close()

    def write(self, client: Client, operation: str, path: str, document: dict) -> dict | None:
        """The created resource when the server acknowledged the write (201), else None."""
        sent_at = time.monotonic()
        answer = client.call("POST", path, document)
        if answer is None:
            self.no_answer(sent_at)
            return None
        status, created = answer
        if status != 201:
            self.refused(operation, status, created)
            return None
        return created

    def no_answer(self, sent_at: float) -> None:
        with self.lock:
            self.unanswered += 1
            self.cut_off += sent_at < self.killed_at
            self.unanswered_sent_at.append(sent_at)
        time.sleep(0.05)  # the server is gone or going: do not spin

    def refused(self, operation: str, status: int, document: dict) -> None:
        with self.lock:
            self.unexpected.append(f"{operation}: {status} {document}")

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def join(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=REQUEST_TIMEOUT_SECONDS + 5)
        alive = [thread.name for thread in self.threads if thread.is_alive()]
        assert not alive, f"client threads did not stop: {alive}"

    @property
    def acknowledged(self) -> int:
        with self.lock:
            return len(self.apis) + len(self.routes)


def missing_writes(base_url: str, apis: list[AckedApi], routes: list[AckedRoute]) -> list[str]:
    """Each acknowledged write that the server cannot show as acknowledged."""
    local = threading.local()

    def client() -> Client:
        if not hasattr(local, "client"):
            local.client = Client(base_url)
        return local.client

    def check_api(api: AckedApi) -> str | None:
        answer = client().call("GET", f"/v2/apis/{api.api_id}")
        if answer is None or answer[0] != 200 or answer[1].get("name") != api.name:
            return f"API {api.api_id} ({api.name}): {answer}"
        return None

    def check_route(route: AckedRoute) -> str | None:
        answer = client().call("GET", f"/v2/apis/{route.api_id}/routes/{route.route_id}")
        if answer is None or answer[0] != 200 or answer[1].get("routeKey") != route.route_key:
            return f"route {route.route_id} ({route.route_key}) of API {route.api_id}: {answer}"
        return None

    with ThreadPoolExecutor(max_workers=8) as pool:
        problems = list(pool.map(check_api, apis)) + list(pool.map(check_route, routes))
    return [problem for problem in problems if problem]


# Every catalog table with its history twin's key (without valid_from), as migration 0006 made them.
HISTORY_KEYS = {
    "apis": ["id"], "api_tags": ["api_id", "key"], "vpc_links": ["id"], "vpc_link_tags": ["vpc_link_id", "key"],
    "integrations": ["api_id", "seq"], "authorizers": ["api_id", "seq"], "routes": ["api_id", "seq"],
    "deployments": ["api_id", "seq"], "stages": ["api_id", "seq"], "stage_tags": ["api_id", "stage_name", "key"],
    "models": ["api_id", "seq"], "route_responses": ["api_id", "seq"], "integration_responses": ["api_id", "seq"],
    "domain_names": ["name"], "domain_name_tags": ["domain_name", "key"], "api_mappings": ["domain_name", "seq"],
}


def history_problems(db: Path, apis: list[AckedApi], routes: list[AckedRoute], unanswered: int) -> list[str]:
    """What the change log and the row versions get wrong about the acknowledged writes."""
    connection = sqlite3.connect(db)
    problems: list[str] = []
    try:
        records: dict[str, list[tuple]] = {}
        for request_id, operation, resource_id in connection.execute(
                "SELECT request_id, operation, resource_id FROM changes"):
            records.setdefault(request_id, []).append((operation, resource_id))
        acknowledged = {api.request_id: ("CreateApi", api.api_id) for api in apis}
        acknowledged |= {route.request_id: ("CreateRoute", route.route_id) for route in routes}
        for request_id, expected in acknowledged.items():
            if records.get(request_id) != [expected]:
                problems.append(f"request {request_id}: records {records.get(request_id)}, expected [{expected}]")
        unacknowledged = [key for key in records if key not in acknowledged]
        if len(unacknowledged) > unanswered:
            problems.append(f"{len(unacknowledged)} records of writes never acknowledged, {unanswered} unanswered")
        sequences = [row[0] for row in connection.execute("SELECT seq FROM changes ORDER BY seq")]
        for table, key in HISTORY_KEYS.items():
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            positions = [columns.index(name) for name in key]
            replayed: dict[tuple, tuple] = {}
            versions = connection.execute(
                f"SELECT {', '.join(columns)}, valid_from, valid_to FROM {table}_history").fetchall()
            opened: dict[int, list[tuple]] = {}
            closed: dict[int, list[tuple]] = {}
            for version in versions:
                row, valid_from, valid_to = version[:-2], version[-2], version[-1]
                opened.setdefault(valid_from, []).append(row)
                if valid_to is not None:
                    closed.setdefault(valid_to, []).append(row)
            stray = (set(opened) | set(closed)) - set(sequences)
            if stray:
                problems.append(f"{table}: versions of changes that were never recorded: {sorted(stray)[:5]}")
            for sequence in sequences:
                for row in closed.get(sequence, []):
                    replayed.pop(tuple(row[i] for i in positions), None)
                for row in opened.get(sequence, []):
                    replayed[tuple(row[i] for i in positions)] = row
            current = set(connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall())
            if set(replayed.values()) != current:
                problems.append(f"{table}: replaying the history gives {len(replayed)} rows, the table has {len(current)}")
    finally:
        connection.close()
    return problems


def pragma(db: Path, statement: str) -> list[tuple]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(statement).fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize("round_number", [1, 2, 3])
def test_acknowledged_writes_survive_sigkill(request, tmp_path, round_number):
    # The kill lands at a different moment of the load in each round: 1.0, 1.5 and 2.0 s.
    kill_after = 0.5 + 0.5 * round_number
    # On two shared cores every client thread can be between requests at the kill's instant; such a
    # kill proves nothing, so the round is run again (on a fresh database) until one lands mid-request.
    for attempt in range(MAX_ATTEMPTS_PER_ROUND):
        workdir = tmp_path / f"attempt{attempt}"
        workdir.mkdir()
        server = start(workdir)
        deadline = time.monotonic() + kill_after + CLIENT_DEADLINE_AFTER_KILL_SECONDS
        load = Load(server.base_url, round_number, deadline)
        try:
            load.start()
            time.sleep(kill_after)
            acknowledged_before_kill = load.acknowledged
            load.killed_at = time.monotonic()
            status = server.kill()
            load.dead_at = time.monotonic()
        finally:
            load.join()
            if server.running:
                server.kill()
        if load.cut_off > 0:
            break

    assert status == -signal.SIGKILL, f"the server exited with {status} before it was killed\n{server.diagnostics()}"
    assert acknowledged_before_kill > 0, f"no write was acknowledged in {kill_after} s\n{server.diagnostics()}"
    assert load.cut_off > 0, "no request was in flight when the kill came: the load was not running"
    assert not load.unexpected, f"writes were refused under load: {load.unexpected[:10]}"

    restarted = start(workdir)
    try:
        missing = missing_writes(restarted.base_url, load.apis, load.routes)
    finally:
        stop_status = restarted.stop()
    assert stop_status == 0, f"the restarted server exited with {stop_status}\n{restarted.diagnostics()}"

    report(
        request.config,
        f"[durability] round {round_number}: killed after {kill_after:.1f} s; "
        f"{len(load.apis) + len(load.routes)} acknowledged writes checked "
        f"({len(load.apis)} APIs, {len(load.routes)} routes), {len(missing)} missing; "
        f"{load.cut_off} requests cut off by the kill",
    )
    assert not missing, f"{len(missing)} acknowledged writes are missing after the restart: {missing[:10]}"
    assert pragma(restarted.db_path, "PRAGMA integrity_check") == [("ok",)]
    assert pragma(restarted.db_path, "PRAGMA foreign_key_check") == []
    # A write can be committed and never answered only if it was sent before the server died (a
    # request sent after the kill was decided but before it landed counts too).
    possibly_committed = sum(sent_at < load.dead_at for sent_at in load.unanswered_sent_at)
    problems = history_problems(restarted.db_path, load.apis, load.routes, possibly_committed)
    assert not problems, f"the history does not match the acknowledged writes: {problems[:10]}"


def import_body(name: str, routes: int = 300) -> bytes:
    """An ImportApi body: a definition of `routes` routes over one shared Lambda integration."""
    lines = ["openapi: 3.0.1", f"info: {{title: {name}}}", "paths:"]
    for n in range(routes):
        lines += [f"  /items/{n}:", "    get:", "      x-amazon-apigateway-integration:",
                  "        $ref: '#/components/x-amazon-apigateway-integrations/items'"]
    lines += ["components:", "  x-amazon-apigateway-integrations:", "    items:", "      type: aws_proxy",
              "      payloadFormatVersion: '2.0'", "      uri: arn:aws:lambda:us-east-1:123456789012:function:items"]
    return json.dumps({"body": "\n".join(lines)}).encode()


def imports_until_killed(tmp_path, method: str, path: str, body, acknowledgement) -> list:
    """Eight clients keep sending `body(name)` to `method path`; the server is killed 1.5 s in. Returns
    `acknowledgement(answer)` of every 201 answered before the kill."""
    server = start(tmp_path)
    address = urlsplit(server.base_url)
    acknowledged: list = []
    stop = threading.Event()
    lock = threading.Lock()

    def client(number: int) -> None:
        count = 0
        while not stop.is_set():
            connection = http.client.HTTPConnection(address.hostname, address.port, timeout=REQUEST_TIMEOUT_SECONDS)
            try:
                connection.request(method, path, body=body(f"kill-{number}-{count}"),
                                   headers={"Content-Type": "application/json"})
                response = connection.getresponse()
                data = response.read()
                if response.status == 201:
                    with lock:
                        acknowledged.append(acknowledgement(json.loads(data)))
            except (OSError, http.client.HTTPException):
                return
            finally:
                connection.close()
            count += 1

    with ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(client, number) for number in range(8)]
        time.sleep(1.5)
        server.kill()
        stop.set()
        for future in futures:
            future.result(timeout=CLIENT_DEADLINE_AFTER_KILL_SECONDS + REQUEST_TIMEOUT_SECONDS)
    return acknowledged


def test_an_import_cut_off_by_sigkill_leaves_all_of_it_or_none(request, tmp_path):
    """Eight clients keep importing 300-route definitions; the server is killed mid-load. After a
    restart every API is whole (300 routes, one integration, one ImportApi record) and every
    acknowledged import is there."""
    acknowledged = imports_until_killed(tmp_path, "PUT", "/v2/apis", import_body, lambda answer: answer["apiId"])
    assert acknowledged, "no import was acknowledged before the kill"
    db = tmp_path / "registry.sqlite"
    restarted = start(tmp_path)
    restarted.stop()
    counts = pragma(
        db,
        "SELECT a.id, (SELECT count(*) FROM routes r WHERE r.api_id = a.id), "
        "(SELECT count(*) FROM integrations i WHERE i.api_id = a.id), "
        "(SELECT count(*) FROM changes c WHERE c.stream = a.id) FROM apis a")
    assert {api_id for api_id, *_ in counts} >= set(acknowledged), "an acknowledged import is missing"
    partial = [row for row in counts if row[1:] != (300, 1, 1)]
    assert not partial, f"imports left in part: {partial[:5]}"
    assert pragma(db, "PRAGMA integrity_check") == [("ok",)]
    report(request.config, f"[durability] import killed mid-load: {len(acknowledged)} acknowledged imports, "
                 f"{len(counts)} APIs found, each whole")


def template_body(name: str) -> bytes:
    """A CloudFormation template: a VPC link and an API with 300 routes to one private integration."""
    resources = {
        "Link": {"Type": "AWS::ApiGatewayV2::VpcLink",
                 "Properties": {"Name": name, "SubnetIds": ["subnet-0a1b2c3d4e5f60718"]}},
        "Api": {"Type": "AWS::ApiGatewayV2::Api", "Properties": {"Name": name, "ProtocolType": "HTTP"}},
        "Private": {"Type": "AWS::ApiGatewayV2::Integration", "Properties": {
            "ApiId": {"Ref": "Api"}, "IntegrationType": "HTTP_PROXY", "IntegrationMethod": "ANY",
            "ConnectionType": "VPC_LINK", "ConnectionId": {"Ref": "Link"}, "PayloadFormatVersion": "1.0",
            "IntegrationUri": "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/1/2"}},
    }
    for n in range(300):
        resources[f"Route{n}"] = {"Type": "AWS::ApiGatewayV2::Route", "Properties": {
            "ApiId": {"Ref": "Api"}, "RouteKey": f"GET /items{n}/{{id}}",
            "Target": {"Fn::Join": ["", ["integrations/", {"Ref": "Private"}]]}}}
    return json.dumps({"Resources": resources}).encode()


def test_a_template_import_cut_off_by_sigkill_leaves_all_of_it_or_none(request, tmp_path):
    """Eight clients keep importing templates (a VPC link and a 300-route API each); the server is
    killed mid-load. After a restart every import is whole — its VPC link, its API with 300 routes,
    one change record each — or absent, and every acknowledged import is there."""
    acknowledged = imports_until_killed(
        tmp_path, "POST", "/v2/imports/cloudformation", template_body,
        lambda answer: (answer["apis"][0]["apiId"], answer["vpcLinks"][0]["vpcLinkId"]))
    assert acknowledged, "no import was acknowledged before the kill"
    db = tmp_path / "registry.sqlite"
    restarted = start(tmp_path)
    restarted.stop()
    apis = pragma(
        db,
        "SELECT a.name, a.id, (SELECT count(*) FROM routes r WHERE r.api_id = a.id), "
        "(SELECT count(*) FROM changes c WHERE c.stream = a.id) FROM apis a")
    links = {name: (link_id, changes) for name, link_id, changes in pragma(
        db, "SELECT v.name, v.id, (SELECT count(*) FROM changes c WHERE c.stream = v.id) FROM vpc_links v")}
    assert {api_id for _, api_id, *_ in apis} >= {api_id for api_id, _ in acknowledged}, "an acknowledged API is missing"
    assert {link_id for link_id, _ in links.values()} >= {link_id for _, link_id in acknowledged}
    partial = [row for row in apis if row[2:] != (300, 1) or links.get(row[0], (None, 0))[1] != 1]
    assert not partial and len(links) == len(apis), f"imports left in part: {partial[:5]}"
    assert pragma(db, "PRAGMA integrity_check") == [("ok",)]
    report(request.config, f"[durability] template import killed mid-load: {len(acknowledged)} acknowledged, "
                 f"{len(apis)} APIs and {len(links)} VPC links found, each whole")
