#!/usr/bin/env python3
"""Soak test: minutes of mixed load against a fresh release server, checking every answer.

Starts the server (loopback, free port, temporary database), then runs `--threads` workers for
`--seconds`. Each worker owns its APIs, so it knows what every answer must be:

- create an API, integrations and routes (201); read them back (GetApi, GetRoute: 200, same content);
- list with paging: GetRoutes with a small random `maxResults`, following `nextToken`, must give
  exactly the worker's routes of that API, once each; GetApis pages must never repeat an item;
- update an API's description and a route's key, then read the change back;
- synthesize templates (`GET /v2/apis/{id}/template`, JSON and YAML) and export OpenAPI;
- delete routes and APIs (204), after which they are 404.

Any 5xx, any unexpected status and any failed expectation counts as an error. At the end it prints
the totals, latency percentiles, errors by kind, and the server's resident memory (VmRSS) at the
start and the end of the load; then it stops the server with SIGTERM and runs
`PRAGMA integrity_check` on the file. Exit status 0 only with no error.

Usage: scripts/soak [--seconds N] [--threads N]   (scripts/soak builds the release binary first)
"""
from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:soak-{n}"
HTTP_BACKEND_URL = "https://backend.example.com/soak/{n}"
MAX_APIS_PER_WORKER = 12
MAX_ROUTES_PER_API = 40
REQUEST_TIMEOUT_SECONDS = 30


class SoakError(Exception):
    """A failed expectation; the message says which."""


def rss_kib(pid: int, field: str = "VmRSS") -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not found for {pid}")


def start_server(binary: str, db: str, stderr_path: str) -> tuple[subprocess.Popen, str]:
    stderr = open(stderr_path, "w", encoding="utf-8")
    process = subprocess.Popen(
        [binary, "serve", "--host", "127.0.0.1", "--port", "0", "--db", db],
        stdout=subprocess.PIPE, stderr=stderr, stdin=subprocess.DEVNULL, text=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("REGISTRY_")},
    )
    stderr.close()
    deadline = time.monotonic() + 30
    result: dict[str, str] = {}

    def read_line():
        result["line"] = process.stdout.readline()

    reader = threading.Thread(target=read_line, daemon=True)
    reader.start()
    reader.join(timeout=max(0.0, deadline - time.monotonic()))
    match = re.match(r"^listening on (http://127\.0\.0\.1:(\d+))\s*$", result.get("line", ""))
    if not match:
        process.kill()
        process.wait()
        raise SystemExit(f"the server did not start: {result.get('line')!r}; see {stderr_path}")
    # Keep draining stdout so the server never blocks on a full pipe.
    threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
    return process, match.group(1)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.by_operation: collections.Counter[str] = collections.Counter()
        self.errors: collections.Counter[str] = collections.Counter()
        self.examples: list[str] = []
        self.latencies: list[float] = []

    def record(self, operation: str, seconds: float) -> None:
        with self.lock:
            self.requests += 1
            self.by_operation[operation] += 1
            self.latencies.append(seconds)

    def error(self, kind: str, detail: str) -> None:
        with self.lock:
            self.errors[kind] += 1
            if len(self.examples) < 20:
                self.examples.append(f"{kind}: {detail}")


class Worker:
    """One thread's load: its own APIs, routes and connection."""

    def __init__(self, index: int, port: int, stats: Stats, deadline: float, seed: int):
        self.index = index
        self.port = port
        self.stats = stats
        self.deadline = deadline
        self.random = random.Random(seed * 1000 + index)
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT_SECONDS)
        # apiId -> {"name", "description", "routes": {routeId: routeKey}, "integrations": [integrationId]}
        self.apis: dict[str, dict] = {}
        self.sequence = 0

    # -- HTTP ---------------------------------------------------------------------------

    def call(self, operation: str, method: str, path: str, document=None, expect=(200,), headers=None):
        body = json.dumps(document).encode() if document is not None else None
        all_headers = {"Content-Type": "application/json"} if body is not None else {}
        all_headers.update(headers or {})
        started = time.monotonic()
        try:
            self.connection.request(method, path, body=body, headers=all_headers)
            response = self.connection.getresponse()
            payload = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            self.stats.record(operation, time.monotonic() - started)
            raise SoakError(f"{operation} {method} {path}: no answer ({error!r})") from None
        self.stats.record(operation, time.monotonic() - started)
        if not response.getheader("x-amzn-RequestId"):
            raise SoakError(f"{operation}: response without x-amzn-RequestId")
        if response.status >= 500:
            raise SoakError(f"{operation} {method} {path}: {response.status} {payload[:300]!r}")
        if response.status not in expect:
            raise SoakError(f"{operation} {method} {path}: expected {expect}, got {response.status} {payload[:300]!r}")
        if response.getheader("Content-Type", "").startswith("application/json") and payload:
            return response, json.loads(payload)
        return response, payload

    # -- operations ---------------------------------------------------------------------

    def name(self, prefix: str) -> str:
        self.sequence += 1
        return f"soak-{prefix}-w{self.index}-{self.sequence}"

    def create_api(self) -> None:
        name = self.name("api")
        _, api = self.call("CreateApi", "POST", "/v2/apis", {"name": name, "protocolType": "HTTP",
                                                            "description": "soak", "tags": {"soak": "yes"}}, (201,))
        check(api["name"] == name, f"CreateApi answered name {api['name']!r}, sent {name!r}")
        integrations = []
        for n in range(self.random.randint(1, 3)):
            if n % 2 == 0:
                document = {"integrationType": "AWS_PROXY", "payloadFormatVersion": "2.0",
                            "integrationUri": LAMBDA_ARN.format(n=self.random.randint(0, 9))}
            else:
                document = {"integrationType": "HTTP_PROXY", "integrationMethod": "ANY",
                            "integrationUri": HTTP_BACKEND_URL.format(n=n)}
            _, integration = self.call("CreateIntegration", "POST", f"/v2/apis/{api['apiId']}/integrations",
                                       document, (201,))
            integrations.append(integration["integrationId"])
        self.apis[api["apiId"]] = {"name": name, "description": "soak", "routes": {}, "integrations": integrations}
        if self.random.random() < 0.5:
            self.call("CreateStage", "POST", f"/v2/apis/{api['apiId']}/stages",
                      {"stageName": "$default", "autoDeploy": True}, (201,))

    def create_routes(self, api_id: str) -> None:
        api = self.apis[api_id]
        for _ in range(self.random.randint(1, 5)):
            if len(api["routes"]) >= MAX_ROUTES_PER_API:
                return
            key = f"{self.random.choice(['GET', 'POST', 'PUT', 'DELETE'])} /{self.name('r')}/{{id}}"
            target = "integrations/" + self.random.choice(api["integrations"])
            _, route = self.call("CreateRoute", "POST", f"/v2/apis/{api_id}/routes",
                                 {"routeKey": key, "target": target}, (201,))
            check(route["routeKey"] == key, f"CreateRoute answered {route['routeKey']!r}, sent {key!r}")
            api["routes"][route["routeId"]] = key

    def read_back(self, api_id: str) -> None:
        api = self.apis[api_id]
        _, document = self.call("GetApi", "GET", f"/v2/apis/{api_id}")
        check(document["name"] == api["name"], f"GetApi {api_id}: name {document['name']!r}, expected {api['name']!r}")
        check(document.get("description") == api["description"],
              f"GetApi {api_id}: description {document.get('description')!r}, expected {api['description']!r}")
        if api["routes"]:
            route_id = self.random.choice(list(api["routes"]))
            _, route = self.call("GetRoute", "GET", f"/v2/apis/{api_id}/routes/{route_id}")
            check(route["routeKey"] == api["routes"][route_id],
                  f"GetRoute {route_id}: {route['routeKey']!r}, expected {api['routes'][route_id]!r}")

    def page_routes(self, api_id: str) -> None:
        expected = self.apis[api_id]["routes"]
        page_size = self.random.randint(1, 7)
        seen: list[str] = []
        token = None
        for _ in range(1000):
            query = f"?maxResults={page_size}" + (f"&nextToken={token}" if token else "")
            _, page = self.call("GetRoutes", "GET", f"/v2/apis/{api_id}/routes{query}")
            check(len(page["items"]) <= page_size, f"GetRoutes page of {len(page['items'])} > maxResults {page_size}")
            seen += [item["routeId"] for item in page["items"]]
            token = page.get("nextToken")
            if not token:
                break
        check(len(seen) == len(set(seen)), f"GetRoutes {api_id} repeated items across pages")
        check(set(seen) == set(expected),
              f"GetRoutes {api_id}: {len(seen)} routes, expected {len(expected)} "
              f"(missing {sorted(set(expected) - set(seen))[:3]}, extra {sorted(set(seen) - set(expected))[:3]})")

    def page_apis(self) -> None:
        """A few pages of the whole catalog (shared with the other workers): no item twice."""
        page_size = self.random.randint(5, 50)
        seen: list[str] = []
        token = None
        for _ in range(self.random.randint(1, 4)):
            query = f"?maxResults={page_size}" + (f"&nextToken={token}" if token else "")
            _, page = self.call("GetApis", "GET", f"/v2/apis{query}")
            seen += [item["apiId"] for item in page["items"]]
            token = page.get("nextToken")
            if not token:
                break
        check(len(seen) == len(set(seen)), "GetApis repeated an item across pages")
        _, filtered = self.call("GetApis", "GET", f"/v2/apis?name=soak-api-w{self.index}-&maxResults=500")
        mine = {item["apiId"] for item in filtered["items"]}
        check(set(self.apis) <= mine, f"GetApis?name= misses APIs of worker {self.index}")

    def update(self, api_id: str) -> None:
        api = self.apis[api_id]
        description = f"updated {self.sequence}"
        _, document = self.call("UpdateApi", "PATCH", f"/v2/apis/{api_id}", {"description": description})
        check(document.get("description") == description, f"UpdateApi answered {document.get('description')!r}")
        api["description"] = description
        if api["routes"]:
            route_id = self.random.choice(list(api["routes"]))
            key = f"ANY /{self.name('moved')}"
            _, route = self.call("UpdateRoute", "PATCH", f"/v2/apis/{api_id}/routes/{route_id}", {"routeKey": key})
            check(route["routeKey"] == key, f"UpdateRoute answered {route['routeKey']!r}, sent {key!r}")
            api["routes"][route_id] = key

    def templates(self, api_id: str) -> None:
        api = self.apis[api_id]
        _, template = self.call("GetTemplate", "GET", f"/v2/apis/{api_id}/template")
        routes = [r for r in template["Resources"].values() if r["Type"] == "AWS::ApiGatewayV2::Route"]
        check(len(routes) == len(api["routes"]),
              f"template of {api_id} has {len(routes)} routes, expected {len(api['routes'])}")
        response, yaml_text = self.call("GetTemplate", "GET", f"/v2/apis/{api_id}/template?format=yaml")
        check(response.getheader("Content-Type", "").startswith("application/yaml"), "YAML template content type")
        check(b"AWS::ApiGatewayV2::Api" in yaml_text, "YAML template lacks the API resource")
        _, exported = self.call("ExportApi", "GET", f"/v2/apis/{api_id}/exports/OAS30?outputType=JSON")
        check(exported.get("openapi", "").startswith("3.0"), "ExportApi did not give an OpenAPI 3.0 document")

    def delete_route(self, api_id: str) -> None:
        routes = self.apis[api_id]["routes"]
        if not routes:
            return
        route_id = self.random.choice(list(routes))
        self.call("DeleteRoute", "DELETE", f"/v2/apis/{api_id}/routes/{route_id}", expect=(204,))
        del routes[route_id]
        self.call("GetRoute", "GET", f"/v2/apis/{api_id}/routes/{route_id}", expect=(404,))

    def delete_api(self, api_id: str) -> None:
        self.call("DeleteApi", "DELETE", f"/v2/apis/{api_id}", expect=(204,))
        del self.apis[api_id]
        self.call("GetApi", "GET", f"/v2/apis/{api_id}", expect=(404,))

    def not_found(self) -> None:
        self.call("GetApi", "GET", "/v2/apis/zzzzzzzzzz", expect=(404,))

    def step(self) -> None:
        if len(self.apis) < 2 or (len(self.apis) < MAX_APIS_PER_WORKER and self.random.random() < 0.1):
            self.create_api()
            return
        api_id = self.random.choice(list(self.apis))
        roll = self.random.random()
        if roll < 0.25:
            self.create_routes(api_id)
        elif roll < 0.50:
            self.read_back(api_id)
        elif roll < 0.62:
            self.page_routes(api_id)
        elif roll < 0.68:
            self.page_apis()
        elif roll < 0.78:
            self.update(api_id)
        elif roll < 0.86:
            self.templates(api_id)
        elif roll < 0.94:
            self.delete_route(api_id)
        elif roll < 0.97:
            self.not_found()
        else:
            self.delete_api(api_id)

    def run(self) -> None:
        while time.monotonic() < self.deadline:
            try:
                self.step()
            except SoakError as error:
                self.stats.error(str(error).split(" ", 1)[0], str(error))
                # Our model of this worker's APIs may be wrong now: start over with fresh ones.
                self.apis.clear()
                time.sleep(0.05)
            except Exception as error:  # noqa: BLE001 - a crash of the driver is an error too
                self.stats.error("driver", repr(error))
                self.apis.clear()
                time.sleep(0.05)
        self.connection.close()


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SoakError("expectation " + message)


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="registry-soak-")
    db = os.path.join(workdir, "registry.sqlite")
    stderr_path = os.path.join(workdir, "server.stderr.log")
    process, base_url = start_server(args.binary, db, stderr_path)
    port = int(base_url.rsplit(":", 1)[1])
    print(f"soak: server pid {process.pid} at {base_url}, database {db}", flush=True)
    print(f"soak: {args.threads} threads for {args.seconds:.0f} s (seed {args.seed})", flush=True)

    stats = Stats()
    rss_start = rss_kib(process.pid)
    started = time.monotonic()
    deadline = started + args.seconds
    workers = [Worker(index, port, stats, deadline, args.seed) for index in range(args.threads)]
    threads = [threading.Thread(target=worker.run, name=f"soak-{worker.index}", daemon=True) for worker in workers]
    for thread in threads:
        thread.start()
    next_progress = started + 60
    while any(thread.is_alive() for thread in threads):
        time.sleep(0.5)
        if process.poll() is not None:
            stats.error("server", f"the server exited with {process.returncode} during the load")
            break
        if time.monotonic() >= next_progress:
            next_progress += 60
            print(f"soak: {time.monotonic() - started:.0f} s, {stats.requests} requests, "
                  f"{sum(stats.errors.values())} errors, VmRSS {rss_kib(process.pid) / 1024:.1f} MiB", flush=True)
        if time.monotonic() > deadline + REQUEST_TIMEOUT_SECONDS + 10:
            stats.error("driver", "worker threads did not stop")
            break
    elapsed = time.monotonic() - started

    rss_end = rss_kib(process.pid) if process.poll() is None else 0
    rss_peak = rss_kib(process.pid, "VmHWM") if process.poll() is None else 0
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            exit_status = process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            exit_status = process.wait()
            stats.error("server", "did not stop within 15 s of SIGTERM")
        if exit_status != 0:
            stats.error("server", f"exited with {exit_status} after SIGTERM")
    connection = sqlite3.connect(db)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()
    if integrity != "ok":
        stats.error("integrity", integrity)

    errors = sum(stats.errors.values())
    print()
    print(f"duration:        {elapsed:.1f} s, {args.threads} threads")
    print(f"total requests:  {stats.requests} ({stats.requests / elapsed:.0f}/s)")
    print(f"latency:         p50 {percentile(stats.latencies, 0.5) * 1000:.2f} ms, "
          f"p99 {percentile(stats.latencies, 0.99) * 1000:.2f} ms, max {max(stats.latencies, default=0) * 1000:.1f} ms")
    print("by operation:    " + ", ".join(f"{name} {count}" for name, count in sorted(stats.by_operation.items())))
    print(f"errors:          {errors}" + (f" ({dict(stats.errors)})" if errors else ""))
    for example in stats.examples:
        print(f"  {example}")
    print(f"server VmRSS:    start {rss_start / 1024:.1f} MiB, end {rss_end / 1024:.1f} MiB "
          f"(peak {rss_peak / 1024:.1f} MiB)")
    print(f"integrity_check: {integrity}")
    if errors:
        print(f"kept for inspection: {workdir} (database and server log)")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
