"""Traceable requests with the release binary: a W3C `traceparent` is accepted and echoed in the
access log line with the request id, a new trace is started when there is none, `--log-level` (and
`REGISTRY_LOG_LEVEL`) decides which lines are written, and with `--otlp-endpoint` the spans (the
request, its write transaction, a template's synthesis) reach an OTLP/HTTP collector."""

from __future__ import annotations

import json
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import requests

from registry_server import RegistryServer, start_or_fail, stop_or_fail
from test_lifecycle import binary

TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


def log_lines(server: RegistryServer) -> list[dict]:
    return [json.loads(line) for line in Path(server.stderr_path).read_text().splitlines() if line.startswith("{")]


def serve(workdir: Path, **options) -> RegistryServer:
    workdir.mkdir(parents=True, exist_ok=True)
    return start_or_fail(RegistryServer(binary(), workdir, **options))


def test_traceparent_is_echoed_in_the_access_log_and_a_trace_starts_without_one(tmp_path):
    server = serve(tmp_path / "log")
    try:
        traced = requests.get(f"{server.base_url}/v2/apis", headers={"traceparent": TRACEPARENT}, timeout=10)
        fresh = requests.get(f"{server.base_url}/v2/apis", timeout=10)
        malformed = requests.get(f"{server.base_url}/v2/apis", headers={"traceparent": "00-zz-yy-01"}, timeout=10)
    finally:
        stop_or_fail(server)
    lines = {line.get("requestId"): line for line in log_lines(server) if line.get("message") == "request"}
    line = lines[traced.headers["x-amzn-RequestId"]]
    assert line["traceparent"] == TRACEPARENT
    spans = set()
    for reply in (fresh, malformed):
        request_id = reply.headers["x-amzn-RequestId"]
        version, trace_id, span_id, flags = lines[request_id]["traceparent"].split("-")
        assert (version, trace_id, flags) == ("00", request_id.replace("-", ""), "01")
        assert len(span_id) == 16 and int(span_id, 16) != 0
        spans.add(span_id)
    assert len(spans) == 2


def test_the_log_level_option_and_variable_decide_which_lines_are_written(tmp_path):
    quiet = serve(tmp_path / "quiet", extra_args=["--log-level", "warning"])
    try:
        requests.get(f"{quiet.base_url}/v2/apis", timeout=10)
        requests.get(f"{quiet.base_url}/v2/apis/zzzzzzzzzz", timeout=10)
    finally:
        stop_or_fail(quiet)
    assert [line for line in log_lines(quiet) if line.get("message") == "request"] == []
    assert all(line["level"] in ("warning", "error", "critical") for line in log_lines(quiet))

    verbose = serve(tmp_path / "verbose", env={"REGISTRY_LOG_LEVEL": "debug"})
    try:
        requests.get(f"{verbose.base_url}/v2/apis", timeout=10)
    finally:
        stop_or_fail(verbose)
    assert any(line.get("message") == "request" for line in log_lines(verbose))

    refused = subprocess.run([str(binary()), "serve", "--port", "0", "--db", str(tmp_path / "x.sqlite"),
                              "--log-level", "chatty"], capture_output=True, text=True, timeout=30)
    assert refused.returncode != 0
    assert "--log-level" in refused.stderr and "chatty" in refused.stderr


class Collector:
    """An OTLP/HTTP collector on loopback that keeps what is posted to /v1/traces."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, bytes]] = []
        self.lock = threading.Lock()
        collector = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with collector.lock:
                    collector.posts.append((self.path, body, self.headers.get("Content-Type", "")))
                self.send_response(200)
                self.send_header("Content-Type", "application/x-protobuf")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *arguments) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def received(self) -> bytes:
        with self.lock:
            return b"".join(body for _, body, _ in self.posts)


def test_spans_reach_an_otlp_collector_with_the_callers_trace(tmp_path):
    collector = Collector()
    server = serve(tmp_path / "otlp", extra_args=["--otlp-endpoint", collector.url])
    try:
        base = server.base_url
        created = requests.post(f"{base}/v2/apis", json={"name": "traced", "protocolType": "HTTP"},
                                headers={"traceparent": TRACEPARENT}, timeout=10)
        assert created.status_code == 201
        api_id = created.json()["apiId"]
        template = requests.get(f"{base}/v2/apis/{api_id}/template", timeout=10)
        assert template.status_code == 200
    finally:
        # SIGTERM: the exporter stops last and flushes what it holds.
        stop_or_fail(server)
        collector.server.shutdown()
    assert collector.posts, "the exporter posted spans"
    assert {path for path, _, _ in collector.posts} == {"/v1/traces"}
    assert {content_type for _, _, content_type in collector.posts} == {"application/x-protobuf"}
    body = collector.received()
    # Protobuf keeps ids as raw bytes and names as plain strings.
    assert bytes.fromhex("4bf92f3577b34da6a3ce929d0e0e4736") in body, "the caller's trace continues"
    started = template.headers["x-amzn-RequestId"].replace("-", "")
    assert bytes.fromhex(started) in body, "a trace started here carries the request id"
    for name in (b"integration-registry", b"write transaction", b"synthesize template", b"/v2/apis/{apiId}/template"):
        assert name in body, name
