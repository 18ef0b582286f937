#!/usr/bin/env python3
"""The registry's benchmark (see scripts/bench and BENCHMARKS.md).

Every figure is a ratio measured in one run, because these machines are shared and noisy:

1. Throughput, `wrk -t2 -c64` on loopback against the release binary and, side by side, moto_server
   (the in-memory emulator people use for this API): GET /healthz, GET /v2/apis/{id}, and
   POST /v2/apis/{id}/routes with synchronous=FULL (writes per fsync read from /metrics), both as
   routes filling one API after another and as a catalog's writes come: routes with targets,
   round-robin over a few hundred APIs at once (each with its integration).
2. Server-side medians (the `Server-Timing` header): a 300-route template (JSON and YAML) and a
   page of 100 routes.
3. Scale: a catalog of --scale-apis APIs with --scale-routes-per-api routes each, seeded by
   `integration-registry seed` in batched transactions; start-up time, single-item GET rates
   against the empty-database rate, first and deepest list pages, and resident memory.

Exits non-zero when a target is missed.
"""
import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
MOTO_AUTH = ("AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/apigateway/aws4_request, "
             "SignedHeaders=host, Signature=00")


# --- processes -----------------------------------------------------------------------------------

class Registry:
    """The release binary serving one database file on a free loopback port."""

    def __init__(self, binary, db):
        started = time.perf_counter()
        self.process = subprocess.Popen([binary, "serve", "--port", "0", "--db", db],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        self.startup_seconds = time.perf_counter() - started
        match = re.search(r"http://[^:]+:(\d+)", line)
        if not match:
            self.process.kill()
            raise SystemExit("registry did not start: " + line)
        self.port = int(match.group(1))

    def rss_mib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Moto:
    """moto_server on a free loopback port."""

    def __init__(self, moto_server):
        self.port = free_port()
        self.process = subprocess.Popen([moto_server, "-H", "127.0.0.1", "-p", str(self.port)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/moto-api/")
                connection.getresponse().read()
                return
            except OSError:
                time.sleep(0.2)
        self.process.kill()
        raise SystemExit("moto_server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def free_port():
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- HTTP helpers --------------------------------------------------------------------------------

def call(port, method, path, body=None, headers=None, expect=(200, 201, 204)):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    all_headers = {"Content-Type": "application/json"}
    all_headers.update(headers or {})
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=all_headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    if response.status not in expect:
        raise SystemExit(f"{method} {path}: {response.status} {data[:200]!r}")
    return response, data


class Session:
    """One kept-alive connection, for timing series of requests."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def get(self, path):
        self.connection.request("GET", path)
        response = self.connection.getresponse()
        data = response.read()
        if response.status != 200:
            raise SystemExit(f"GET {path}: {response.status} {data[:200]!r}")
        return response, data


def server_ms(response, name="total"):
    parts = dict(re.findall(r"(\w+);dur=([0-9.]+)", response.getheader("Server-Timing", "")))
    return float(parts[name])


def metrics(port):
    _, data = call(port, "GET", "/metrics")
    values = {}
    for line in data.decode().splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            values[name] = float(value)
    return values


# --- wrk -----------------------------------------------------------------------------------------

def wrk(port, path, seconds, script=None, script_args=(), headers=()):
    command = ["wrk", "-t2", "-c64", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", os.path.join(HERE, "wrk", script)]
    command.append(f"http://127.0.0.1:{port}{path}")
    if script_args:
        command += ["--", *script_args]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([0-9.]+)", output).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    failures = (int(bad.group(1)) if bad else 0) + (sum(map(int, errors.groups())) if errors else 0)
    p50 = re.search(r"50%\s+([0-9.]+)(us|ms|s)", output)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    return {"rate": rate, "requests": total, "failures": failures,
            "p50_ms": float(p50.group(1)) * scale[p50.group(2)] if p50 else float("nan")}


# --- seeding -------------------------------------------------------------------------------------

def seed_registry_api(port, name):
    _, data = call(port, "POST", "/v2/apis", {"name": name, "protocolType": "HTTP"})
    return json.loads(data)["apiId"]


def seed_targeted_api(port, name):
    """An API with one Lambda integration: "apiId integrationId"."""
    api = seed_registry_api(port, name)
    _, data = call(port, "POST", f"/v2/apis/{api}/integrations", {
        "integrationType": "AWS_PROXY", "payloadFormatVersion": "2.0",
        "integrationUri": "arn:aws:lambda:us-east-1:123456789012:function:" + name})
    return f"{api} {json.loads(data)['integrationId']}"


def seed_moto_api(port):
    import boto3
    client = boto3.client("apigatewayv2", endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
                          aws_access_key_id="AKIDBENCH", aws_secret_access_key="bench")
    return client.create_api(Name="bench", ProtocolType="HTTP")["ApiId"]


def seed_big_api(port, routes=300, functions=10):
    api = seed_registry_api(port, "bench-300")
    targets = []
    for n in range(functions):
        _, data = call(port, "POST", f"/v2/apis/{api}/integrations", {
            "integrationType": "AWS_PROXY", "payloadFormatVersion": "2.0",
            "integrationUri": f"arn:aws:lambda:us-east-1:123456789012:function:svc{n}"})
        targets.append(json.loads(data)["integrationId"])
    for n in range(routes):
        call(port, "POST", f"/v2/apis/{api}/routes",
             {"routeKey": f"GET /svc{n % functions}/item{n}", "target": "integrations/" + targets[n % functions]})
    call(port, "POST", f"/v2/apis/{api}/stages", {"stageName": "$default", "autoDeploy": True})
    return api


# --- report --------------------------------------------------------------------------------------

class Report:
    def __init__(self):
        self.rows = []
        self.missed = []

    def section(self, title):
        self.rows.append(("section", title))

    def line(self, text):
        self.rows.append(("line", text))

    def target(self, name, value, goal, met):
        self.rows.append(("target", f"{name:58} {value:>22}   {goal:<14} {'met' if met else 'MISSED'}"))
        if not met:
            self.missed.append(name)

    def show(self):
        for kind, text in self.rows:
            print(f"\n{text}" if kind == "section" else f"  {text}")


def route_paths_of_small_api(port, workdir, routes=10):
    """A file of the GetRoute paths of a fresh API with `routes` routes (the empty-database case)."""
    api = seed_registry_api(port, "bench-routes")
    paths = []
    for n in range(routes):
        _, data = call(port, "POST", f"/v2/apis/{api}/routes", {"routeKey": f"GET /items/{n}/{{id}}"})
        paths.append(f"/v2/apis/{api}/routes/{json.loads(data)['routeId']}")
    path = os.path.join(workdir, "small-route-paths.txt")
    with open(path, "w") as out:
        out.write("\n".join(paths) + "\n")
    return path


def median(values):
    return statistics.median(values) if values else float("nan")


def throughput(args, report, workdir, registry, moto):
    """Interleaved rounds: in each, every figure runs once, back to back, so that a figure and the
    one it is compared with see the same state of a noisy machine; each ratio is computed per round
    and the median of the rounds' ratios is the figure reported."""
    empty_api = seed_registry_api(registry.port, "bench-get")
    moto_api = seed_moto_api(moto.port) if moto else None
    small_routes = route_paths_of_small_api(registry.port, workdir)
    moto_ids = os.path.join(workdir, "moto-apis.txt")
    if moto:
        # moto has no route quota: one API (listed once per wrk thread) takes every route.
        with open(moto_ids, "w") as out:
            out.write((moto_api + "\n") * 2)
    seconds = args.seconds
    runs = {name: [] for name in ("health", "get_api", "get_route", "moto_get", "post", "spread", "moto_post")}
    ratios = {name: [] for name in ("get_vs_health", "get_vs_moto", "post_vs_moto", "spread_vs_moto")}
    transactions = writes = spread_transactions = spread_writes = 0
    for round_number in range(args.rounds):
        # Writes: each run spreads its routes over fresh APIs, 300 each (AWS's quota), with keys
        # that never collide, so every request must be a 201.
        ids_file = os.path.join(workdir, f"post-apis-{round_number}.txt")
        with ThreadPoolExecutor(16) as pool:
            ids = list(pool.map(lambda n: seed_registry_api(registry.port, f"bench-post-{n}"),
                                range(seconds * 200)))
        with open(ids_file, "w") as out:
            out.write("\n".join(ids) + "\n")
        # The catalog's way: every request a route with a target, round-robin over enough APIs
        # (at least 300 of them, each with its integration) that none passes its 300-route quota.
        spread_file = os.path.join(workdir, f"spread-apis-{round_number}.txt")
        with ThreadPoolExecutor(16) as pool:
            spread = list(pool.map(lambda n: seed_targeted_api(registry.port, f"bench-spread-{round_number}-{n}"),
                                   range(max(300, seconds * 60))))
        with open(spread_file, "w") as out:
            out.write("\n".join(spread) + "\n")

        health = wrk(registry.port, "/healthz", seconds)
        get_api = wrk(registry.port, f"/v2/apis/{empty_api}", seconds)
        runs["health"].append(health)
        runs["get_api"].append(get_api)
        runs["get_route"].append(wrk(registry.port, "/", seconds, script="get-random.lua", script_args=[small_routes]))
        ratios["get_vs_health"].append(get_api["rate"] / health["rate"])
        if moto:
            moto_get = wrk(moto.port, f"/v2/apis/{moto_api}", seconds, headers=[f"Authorization: {MOTO_AUTH}"])
            runs["moto_get"].append(moto_get)
            ratios["get_vs_moto"].append(get_api["rate"] / moto_get["rate"])
        before = metrics(registry.port)
        post = wrk(registry.port, "/", seconds, script="create-routes.lua", script_args=[ids_file, "2"])
        after = metrics(registry.port)
        runs["post"].append(post)
        transactions += after["registry_write_transactions_total"] - before["registry_write_transactions_total"]
        writes += after["registry_writes_total"] - before["registry_writes_total"]
        spread_run = wrk(registry.port, "/", seconds, script="create-targeted-routes.lua", script_args=[spread_file, "2"])
        spread_after = metrics(registry.port)
        runs["spread"].append(spread_run)
        spread_transactions += (spread_after["registry_write_transactions_total"]
                                - after["registry_write_transactions_total"])
        spread_writes += spread_after["registry_writes_total"] - after["registry_writes_total"]
        if moto:
            moto_post = wrk(moto.port, "/", seconds, script="create-routes.lua", script_args=[moto_ids, "2"],
                            headers=[f"Authorization: {MOTO_AUTH}"])
            runs["moto_post"].append(moto_post)
            ratios["post_vs_moto"].append(post["rate"] / moto_post["rate"])
            ratios["spread_vs_moto"].append(spread_run["rate"] / moto_post["rate"])

    def line(label, name, extra=""):
        if runs[name]:
            rate = median([run["rate"] for run in runs[name]])
            p50 = median([run["p50_ms"] for run in runs[name]])
            report.line(f"{label:40} {rate:>12,.0f}   p50 {p50:.2f} ms{extra}")

    report.section(f"Throughput: wrk -t2 -c64, {seconds} s per run, {args.rounds} interleaved rounds "
                   "(median requests/s)")
    line("registry GET /healthz", "health")
    line("registry GET /v2/apis/{id}", "get_api")
    line("registry GET /v2/apis/{id}/routes/{id}", "get_route")
    line("moto_server GET /v2/apis/{id}", "moto_get")
    per_fsync = writes / transactions if transactions else float("nan")
    line("registry POST /v2/apis/{id}/routes", "post",
         f", {writes:,.0f} writes in {transactions:,.0f} commits = {per_fsync:.1f} writes per fsync")
    spread_per_fsync = spread_writes / spread_transactions if spread_transactions else float("nan")
    line("registry POST routes, targets, 300+ APIs", "spread",
         f", {spread_writes:,.0f} writes in {spread_transactions:,.0f} commits = {spread_per_fsync:.1f} writes per fsync")
    line("moto_server POST /v2/apis/{id}/routes", "moto_post")
    failures = sum(run["failures"] for name in ("health", "get_api", "get_route", "post", "spread")
                   for run in runs[name])
    report.line(f"registry requests that were not 2xx or failed on the socket: {failures}")

    def shown(values, fmt):
        return " ".join(fmt.format(value) for value in values)

    report.section("Targets (ratios: median of the rounds' ratios; each round's in brackets)")
    ratio = median(ratios["get_vs_health"])
    report.target("GET /v2/apis/{id} rate / GET /healthz rate", f"{ratio:.0%}", ">= 70%", ratio >= 0.70)
    report.line(f"  [{shown(ratios['get_vs_health'], '{:.0%}')}]")
    if moto:
        ratio = median(ratios["get_vs_moto"])
        report.target("GET /v2/apis/{id}: registry / moto_server", f"{ratio:.1f}x", ">= 50x", ratio >= 50)
        report.line(f"  [{shown(ratios['get_vs_moto'], '{:.1f}x')}]")
        ratio = median(ratios["post_vs_moto"])
        report.target("POST routes (synchronous=FULL): registry / moto_server", f"{ratio:.1f}x", ">= 20x", ratio >= 20)
        report.line(f"  [{shown(ratios['post_vs_moto'], '{:.1f}x')}]")
        ratio = median(ratios["spread_vs_moto"])
        report.target("POST targeted routes over 300+ APIs: registry / moto", f"{ratio:.1f}x", ">= 20x", ratio >= 20)
        report.line(f"  [{shown(ratios['spread_vs_moto'], '{:.1f}x')}]")
    report.target("registry requests answered 2xx", f"{failures} failed", "0 failed", failures == 0)


def latencies(args, report, registry):
    api = seed_big_api(registry.port)
    session = Session(registry.port)
    figures = {}
    for fmt in ("json", "yaml"):
        samples = []
        for _ in range(args.requests):
            response, _ = session.get(f"/v2/apis/{api}/template?format={fmt}")
            samples.append(server_ms(response, "snapshot") + server_ms(response, "synth"))
        figures[fmt] = statistics.median(samples)
    pages = []
    for _ in range(args.requests):
        response, data = session.get(f"/v2/apis/{api}/routes?maxResults=100")
        assert len(json.loads(data)["items"]) == 100
        pages.append(server_ms(response))
    figures["page"] = statistics.median(pages)
    api_pages = []
    for _ in range(args.requests):
        response, data = session.get(f"/apis/{api}")
        assert data.count(b'class="node integration"') == 20, "both drawings, ten integrations each"
        api_pages.append(server_ms(response))
    api_pages.sort()
    figures["api_page"] = statistics.median(api_pages)
    figures["api_page_p99"] = api_pages[min(len(api_pages) - 1, int(len(api_pages) * 0.99))]
    report.target(f"300-route template, JSON (server median of {args.requests})", f"{figures['json']:.3f} ms",
                  "< 5 ms", figures["json"] < 5)
    report.target(f"300-route template, YAML (server median of {args.requests})", f"{figures['yaml']:.3f} ms",
                  "< 5 ms", figures["yaml"] < 5)
    report.target(f"page of 100 routes (server median of {args.requests})", f"{figures['page']:.3f} ms",
                  "< 2 ms", figures["page"] < 2)
    report.target(f"page of the 300-route API, /apis/{{id}} (HTML; median / p99 of {args.requests})",
                  f"{figures['api_page']:.2f} / {figures['api_page_p99']:.2f} ms", "< 20 ms",
                  figures["api_page_p99"] < 20)
    history(args, report, registry, api)
    imports(args, report, registry)


def import_definition(name, routes=300, functions=10, renamed=None):
    """A YAML OpenAPI 3.0 definition of an HTTP API with `routes` routes over `functions` shared Lambda
    integrations and a JWT authorizer on every other route; `renamed` gives route 0 an operationId."""
    lines = ["openapi: 3.0.1", f"info: {{title: {name}, version: '1'}}", "paths:"]
    for n in range(routes):
        lines += [f"  /items/{n}/{{id}}:", "    get:"]
        if n == 0 and renamed:
            lines.append(f"      operationId: {renamed}")
        if n % 2:
            lines.append("      security: [{users: [items.read]}]")
        lines += ["      x-amazon-apigateway-integration:",
                  f"        $ref: '#/components/x-amazon-apigateway-integrations/svc{n % functions}'"]
    lines += ["components:", "  securitySchemes:", "    users:", "      type: oauth2", "      flows: {}",
              "      x-amazon-apigateway-authorizer:", "        type: jwt",
              "        identitySource: $request.header.Authorization",
              "        jwtConfiguration: {issuer: 'https://issuer.example.com', audience: [items]}",
              "  x-amazon-apigateway-integrations:"]
    for n in range(functions):
        lines += [f"    svc{n}:", "      type: aws_proxy", "      payloadFormatVersion: '2.0'",
                  f"      uri: arn:aws:lambda:us-east-1:123456789012:function:svc{n}"]
    return "\n".join(lines) + "\n"


def imports(args, report, registry, count=20):
    """Server medians of ImportApi of a 300-route definition (each a new API), and of ReimportApi of one
    of them changing one route, which must add exactly one revision each time."""
    samples, api = [], None
    for n in range(count):
        response, data = call(registry.port, "PUT", "/v2/apis", {"body": import_definition(f"bench-import-{n}")})
        samples.append(server_ms(response))
        api = json.loads(data)["apiId"]
    _, data = call(registry.port, "GET", f"/v2/apis/{api}/routes?maxResults=500")
    assert len(json.loads(data)["items"]) == 300
    reimports = []
    for n in range(count):
        definition = import_definition(f"bench-import-{count - 1}", renamed=f"op{n}")
        response, _ = call(registry.port, "PUT", f"/v2/apis/{api}", {"body": definition})
        reimports.append(server_ms(response))
    _, data = call(registry.port, "GET", f"/v2/apis/{api}/revisions?maxResults=500")
    operations = [item["operation"] for item in json.loads(data)["items"]]
    one_revision_each = operations == ["ReimportApi"] * count + ["ImportApi"]
    median_import, median_reimport = statistics.median(samples), statistics.median(reimports)
    report.target(f"ImportApi of a 300-route definition (server median of {count})", f"{median_import:.3f} ms",
                  "< 250 ms", median_import < 250)
    report.target(f"ReimportApi changing one of 300 routes (server median of {count}), one revision each",
                  f"{median_reimport:.3f} ms", "1 revision", one_revision_each)
    # The API's own template imported back: 300 routes, their integrations, stage and Lambda permissions.
    _, data = call(registry.port, "GET", f"/v2/apis/{api}/template")
    template = json.loads(data)
    templates = []
    for _ in range(count):
        response, data = call(registry.port, "POST", "/v2/imports/cloudformation?accountId=123456789012", template)
        templates.append(server_ms(response))
        assert json.loads(data)["warnings"] == [], data[:300]
    median_template = statistics.median(templates)
    report.target(f"import of that API's 300-route CloudFormation template (server median of {count})",
                  f"{median_template:.3f} ms", "< 250 ms (as ImportApi)", median_template < 250)


def history(args, report, registry, api, changes=10_000):
    """The 300-route API's history grown to `changes` revisions (route updates, each a new version of
    one route), then server medians of: an old revision's template (rebuilt from the row versions and
    synthesized) and the change set between two neighbouring old revisions."""
    _, data = call(registry.port, "GET", f"/v2/apis/{api}/routes?maxResults=500")
    routes = [(item["routeId"], item["routeKey"]) for item in json.loads(data)["items"]]
    response, data = call(registry.port, "GET", f"/v2/apis/{api}/revisions?maxResults=1", expect=(200, 404))
    if response.status == 404:
        report.line("history: not measured (this build keeps no history)")
        return
    latest = json.loads(data)["items"][0]["revision"]

    def update(n):
        route_id, key = routes[n % len(routes)]
        call(registry.port, "PATCH", f"/v2/apis/{api}/routes/{route_id}",
             {"operationName": f"op{n}", "routeKey": key})

    started = time.perf_counter()
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(update, range(max(0, changes - latest))))
    grown = time.perf_counter() - started
    _, data = call(registry.port, "GET", f"/v2/apis/{api}/revisions?maxResults=1")
    latest = json.loads(data)["items"][0]["revision"]
    session = Session(registry.port)
    rng = random.Random(7)
    templates, change_sets = [], []
    for _ in range(args.requests):
        revision = rng.randint(2, latest)
        response, _ = session.get(f"/v2/apis/{api}/template?revision={revision}")
        templates.append(server_ms(response, "snapshot") + server_ms(response, "synth"))
        response, _ = session.get(f"/v2/apis/{api}/changes?from={revision - 1}&to={revision}")
        change_sets.append(server_ms(response, "changeset"))
    report.line(f"history: the 300-route API grown to {latest:,} revisions in {grown:.1f} s "
                f"({(latest - len(routes)) / grown:,.0f} route updates/s, 16 clients)")
    median_template, median_change_set = statistics.median(templates), statistics.median(change_sets)
    report.target(f"a revision's template, {latest:,}-revision API (server median of {args.requests})",
                  f"{median_template:.3f} ms", "< 50 ms", median_template < 50)
    report.target(f"change set between two revisions (server median of {args.requests})",
                  f"{median_change_set:.3f} ms", "< 20 ms", median_change_set < 20)


def scale(args, report, workdir):
    routes_total = args.scale_apis * args.scale_routes_per_api
    if args.scale_db:
        db, how = args.scale_db, f"reused {args.scale_db} (seeded earlier)"
    else:
        db = os.path.join(workdir, "scale.sqlite")
        started = time.perf_counter()
        subprocess.run([args.binary, "seed", "--db", db, "--apis", str(args.scale_apis),
                        "--routes-per-api", str(args.scale_routes_per_api)], check=True, stdout=subprocess.DEVNULL)
        how = f"seeded by `integration-registry seed` in {time.perf_counter() - started:.1f} s"
    size_mib = os.path.getsize(db) / 2**20
    registry = Registry(args.binary, db)
    try:
        report.section(f"Scale: {args.scale_apis:,} APIs, {routes_total:,} routes, {args.scale_apis:,} integrations")
        report.line(f"{how}; database {size_mib:,.0f} MiB; start-up {registry.startup_seconds:.3f} s")
        # Paths of random APIs and routes, read from the first pages (ids are random, so any sample is).
        session = Session(registry.port)
        # Walk every page of GetApis by nextToken, keeping the path of each page.
        api_ids, page_paths, token = [], [], None
        while True:
            path = "/v2/apis?maxResults=100" + (f"&nextToken={token}" if token else "")
            page = json.loads(session.get(path)[1])
            page_paths.append(path)
            api_ids.extend(item["apiId"] for item in page["items"])
            token = page.get("nextToken")
            if not token:
                break
        pages_walked = len(page_paths)
        # Then time the first, middle and last full pages in turn, so noise hits all three alike.
        depths = {"first": page_paths[0], "middle": page_paths[len(page_paths) // 2],
                  "last": page_paths[-1] if len(api_ids) % 100 == 0 else page_paths[-2]}
        samples = {name: [] for name in depths}
        for _ in range(args.requests):
            for name, path in depths.items():
                samples[name].append(server_ms(session.get(path)[0]))
        page_ms = {name: statistics.median(values) for name, values in samples.items()}
        first_page_ms, deepest_page_ms = page_ms["first"], max(page_ms["middle"], page_ms["last"])
        catalog(args, report, session)
        sample = random.Random(7).sample(api_ids, min(len(api_ids), 20000))
        route_paths = []
        for api in sample[:2000]:
            _, data = session.get(f"/v2/apis/{api}/routes")
            route_paths.extend(f"/v2/apis/{api}/routes/{item['routeId']}" for item in json.loads(data)["items"])
        api_paths = os.path.join(workdir, "api-paths.txt")
        with open(api_paths, "w") as out:
            out.write("\n".join(f"/v2/apis/{api}" for api in sample) + "\n")
        routes_file = os.path.join(workdir, "route-paths.txt")
        with open(routes_file, "w") as out:
            out.write("\n".join(route_paths) + "\n")
        # The empty-database figures come from a second server on a fresh database (one API with ten
        # routes), run in interleaved rounds with the full one: each round runs the same request on
        # both, back to back, and the ratio is taken per round.
        empty = Registry(args.binary, os.path.join(workdir, "empty.sqlite"))
        try:
            small_routes = route_paths_of_small_api(empty.port, workdir)
            empty_api_paths = os.path.join(workdir, "empty-api-paths.txt")
            with open(small_routes) as paths, open(empty_api_paths, "w") as out:
                out.write(paths.readline().split("/routes/")[0] + "\n")
            runs = {name: [] for name in ("empty_api", "full_api", "empty_route", "full_route")}
            ratios = {"api": [], "route": []}
            for _ in range(args.rounds):
                for kind, empty_file, full_file in (("api", empty_api_paths, api_paths),
                                                    ("route", small_routes, routes_file)):
                    empty_run = wrk(empty.port, "/", args.seconds, script="get-random.lua", script_args=[empty_file])
                    full_run = wrk(registry.port, "/", args.seconds, script="get-random.lua", script_args=[full_file])
                    runs[f"empty_{kind}"].append(empty_run)
                    runs[f"full_{kind}"].append(full_run)
                    ratios[kind].append(empty_run["rate"] / full_run["rate"])
        finally:
            empty.stop()
        rss = registry.rss_mib()
        rate = lambda name: median([run["rate"] for run in runs[name]])
        report.line(f"{'GET /v2/apis/{random id}':40} {rate('full_api'):>12,.0f} requests/s "
                    f"(empty database: {rate('empty_api'):,.0f})")
        report.line(f"{'GET /v2/apis/{id}/routes/{random id}':40} {rate('full_route'):>12,.0f} requests/s "
                    f"(empty database: {rate('empty_route'):,.0f})")
        report.line(f"GetApis: {pages_walked:,} pages of 100 walked by nextToken; server medians: first page "
                    f"{page_ms['first']:.3f} ms, middle {page_ms['middle']:.3f} ms, last {page_ms['last']:.3f} ms")
        for kind, label in (("api", "GetApi"), ("route", "GetRoute")):
            slowdown = median(ratios[kind])
            report.target(f"{label}: empty-database rate / full-database rate", f"{slowdown:.2f}x", "<= 1.5x",
                          slowdown <= 1.5)
            report.line(f"  [{' '.join(f'{value:.2f}x' for value in ratios[kind])}]")
        depth = deepest_page_ms / first_page_ms
        report.target("deepest page / first page of GetApis (O(page size))", f"{depth:.2f}x", "<= 1.5x",
                      depth <= 1.5)
        report.target("start-up on the full database", f"{registry.startup_seconds:.3f} s", "< 2 s",
                      registry.startup_seconds < 2)
        report.target("resident memory after the load", f"{rss:,.0f} MiB", "< 200 MiB", rss < 200)
        failures = sum(run["failures"] for values in runs.values() for run in values)
        report.target("scale requests answered 2xx", f"{failures} failed", "0 failed", failures == 0)
    finally:
        registry.stop()


def catalog(args, report, session):
    """Server-side p99 of the catalog on the scale database: GetCatalog (the JSON read) and the catalog
    page (HTML, 50 APIs a page) first and 21 pages deep, filtered by protocol and tag, and searches by
    an API's name, a route path, a backend ARN, a common word, and words the filters leave nothing for
    (the per-page budget's worst case); then the reverse lookup of a Lambda function (100 APIs reach
    each of the seed's 1,000 functions). The seed names routes after twenty resources and tags APIs by
    fifty teams."""
    function = "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aseed-417"
    queries = {
        "GetCatalog, first page of 50": "/v2/catalog?maxResults=50",
        "GetCatalog, protocol HTTP": "/v2/catalog?maxResults=50&protocolType=HTTP",
        "GetCatalog, tag team:team-7": "/v2/catalog?maxResults=50&tag=team%3Ateam-7",
        "search: an API's name": "/v2/catalog?maxResults=50&q=seed-73421",
        "search: a route path": "/v2/catalog?maxResults=50&q=%2Forders%2F3%2F%7Bid%7D",
        "search: a Lambda function ARN": f"/v2/catalog?maxResults=50&q={function}",
        "search: a common word": "/v2/catalog?maxResults=50&q=orders",
        "search: two words, tag filter": "/v2/catalog?maxResults=50&q=payments+get&tag=team%3Ateam-7",
        "search: filtered to nothing": "/v2/catalog?maxResults=50&q=orders&protocolType=WEBSOCKET",
        "catalog page (HTML)": "/",
        "catalog page, search (HTML)": "/?q=%2Forders%2F3%2F%7Bid%7D",
        "catalog page, tag filter (HTML)": "/?tag=team%3Ateam-7",
        "reverse lookup of a function (HTML)": f"/backends?target={function}",
        "GetBackendUses of a function": f"/v2/backends?maxResults=100&target={function}",
    }
    # Pages deep: the catalog walked 1,000 APIs deep by nextToken, as JSON and as the page's own link.
    token, path = None, None
    for _ in range(20):
        path = "/v2/catalog?maxResults=50" + (f"&nextToken={token}" if token else "")
        token = json.loads(session.get(path)[1]).get("nextToken")
    queries["GetCatalog, page 21 by nextToken"] = path
    queries["catalog page 21 (HTML)"] = "/?nextToken=" + path.split("nextToken=", 1)[1]
    samples = {name: [] for name in queries}
    found = {}
    for _ in range(args.requests):
        for name, path in queries.items():
            response, data = session.get(path)
            samples[name].append(server_ms(response))
            if path.startswith("/v2/"):
                found[name] = f"{len(json.loads(data)['items'])} items"
            else:
                found[name] = f"{len(data) // 1024} KiB"
    report.line(f"The catalog on {args.scale_apis:,} APIs (server-side, {args.requests} requests each): "
                "median / p99 ms, and what the answer held")
    for name, values in samples.items():
        values.sort()
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        report.target(f"  {name}", f"{statistics.median(values):.2f} / {p99:.2f} ms, {found[name]}", "p99 < 50 ms",
                      p99 < 50)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--moto-server", help="moto_server executable; without it the moto columns are skipped")
    parser.add_argument("--seconds", type=int, default=8, help="length of each wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds of wrk runs (medians count)")
    parser.add_argument("--requests", type=int, default=300, help="requests per server-side median")
    parser.add_argument("--scale-apis", type=int, default=100_000)
    parser.add_argument("--scale-routes-per-api", type=int, default=10)
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--scale-db", help="an already seeded database to measure instead of seeding one")
    parser.add_argument("--skip-throughput", action="store_true",
                        help="only the scale figures")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (scripts/bench installs it)")
    report = Report()
    with tempfile.TemporaryDirectory() as workdir:
        if not args.skip_throughput:
            registry = Registry(args.binary, os.path.join(workdir, "bench.sqlite"))
            moto = Moto(args.moto_server) if args.moto_server else None
            try:
                throughput(args, report, workdir, registry, moto)
                latencies(args, report, registry)
            finally:
                registry.stop()
                if moto:
                    moto.stop()
        if not args.skip_scale:
            scale(args, report, workdir)
    report.show()
    if report.missed:
        print(f"\nMISSED: {', '.join(report.missed)}")
        return 1
    print("\nevery target met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
