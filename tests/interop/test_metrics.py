"""`GET /metrics` read with `prometheus_client`'s own parser: every family parses, requests are counted
by AWS operation, method and status with a latency histogram, writes move the writer's counters, the
catalog gauges count what the database holds, and the process and build are reported."""

from __future__ import annotations

import time
import uuid

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from helpers import LAMBDA_ARN
from registry_server import RegistryServer, start_or_fail, stop_or_fail
from test_lifecycle import binary


def scrape(base: str) -> dict[str, object]:
    reply = requests.get(f"{base}/metrics", timeout=10)
    assert reply.status_code == 200
    assert reply.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    return {family.name: family for family in text_string_to_metric_families(reply.text)}


def sample(families: dict, family: str, name: str | None = None, **labels: str) -> float | None:
    metric = families.get(family)
    if metric is None:
        return None
    for item in metric.samples:
        if item.name == (name or family) and all(item.labels.get(key) == value for key, value in labels.items()):
            return item.value
    return None


def total(families: dict, family: str, name: str | None = None, **labels: str) -> float:
    metric = families.get(family)
    if metric is None:
        return 0.0
    return sum(item.value for item in metric.samples
               if item.name == (name or family) and all(item.labels.get(k) == v for k, v in labels.items()))


def test_requests_are_counted_by_aws_operation_method_and_status(client, base_url):
    api_id = client.create_api(Name="metrics-" + uuid.uuid4().hex[:6], ProtocolType="HTTP")["ApiId"]
    before = scrape(base_url)
    for _ in range(3):
        client.get_api(ApiId=api_id)
    with pytest.raises(client.exceptions.NotFoundException):
        client.get_api(ApiId="zzzzzzzzzz")
    client.create_route(ApiId=api_id, RouteKey="GET /metrics-" + uuid.uuid4().hex[:6])
    requests.get(f"{base_url}/not/an/operation", timeout=10)
    after = scrape(base_url)

    # prometheus_client names a counter family without its _total suffix.
    family = "registry_http_requests"
    assert after[family].type == "counter"

    def moved(**labels: str) -> float:
        return total(after, family, "registry_http_requests_total", **labels) - total(
            before, family, "registry_http_requests_total", **labels)

    assert moved(operation="GetApi", method="GET", status="200") == 3
    assert moved(operation="GetApi", method="GET", status="404") == 1
    assert moved(operation="CreateRoute", method="POST", status="201") == 1
    assert moved(operation="UnknownOperation", method="GET", status="404") == 1
    for item in after[family].samples:
        assert set(item.labels) == {"operation", "method", "status"}
        assert "/" not in item.labels["operation"], "a raw path never becomes a label"

    histogram = after["registry_http_request_duration_seconds"]
    assert histogram.type == "histogram"
    buckets = sorted(
        ((float(item.labels["le"]), item.value) for item in histogram.samples
         if item.name.endswith("_bucket") and item.labels.get("operation") == "GetApi"),
    )
    assert buckets[0][0] <= 0.0001, "sub-millisecond buckets for a service answering in microseconds"
    assert all(earlier[1] <= later[1] for earlier, later in zip(buckets, buckets[1:])), "cumulative buckets"
    count = sample(after, "registry_http_request_duration_seconds", "registry_http_request_duration_seconds_count",
                   operation="GetApi", method="GET")
    assert buckets[-1] == (float("inf"), count)
    before_count = sample(before, "registry_http_request_duration_seconds",
                          "registry_http_request_duration_seconds_count", operation="GetApi", method="GET") or 0
    assert count - before_count == 4


def test_the_writer_the_catalog_the_files_and_the_process_are_reported(tmp_path):
    (tmp_path / "metrics").mkdir()
    server = start_or_fail(RegistryServer(binary(), tmp_path / "metrics"))
    try:
        base = server.base_url
        first = scrape(base)
        assert sample(first, "registry_catalog_apis") == 0
        assert sample(first, "registry_catalog_routes") == 0
        session = requests.Session()
        api_ids = []
        for index in range(2):
            reply = session.post(f"{base}/v2/apis", json={"name": f"m{index}", "protocolType": "HTTP"}, timeout=10)
            assert reply.status_code == 201
            api_ids.append(reply.json()["apiId"])
        integration = session.post(
            f"{base}/v2/apis/{api_ids[0]}/integrations",
            json={"integrationType": "AWS_PROXY", "integrationUri": LAMBDA_ARN, "payloadFormatVersion": "2.0"},
            timeout=10).json()["integrationId"]
        for key in ("GET /a", "GET /b", "POST /a"):
            reply = session.post(f"{base}/v2/apis/{api_ids[0]}/routes",
                                 json={"routeKey": key, "target": f"integrations/{integration}"}, timeout=10)
            assert reply.status_code == 201
        # A refused write reaches the writer and rolls back alone.
        assert session.post(f"{base}/v2/apis/{api_ids[0]}/routes", json={"routeKey": "GET /a"},
                            timeout=10).status_code == 409
        # Catalog counts are read again once the last reading is five seconds old.
        time.sleep(5.2)
        after = scrape(base)
        assert sample(after, "registry_catalog_apis") == 2
        assert sample(after, "registry_catalog_routes") == 3
        assert sample(after, "registry_catalog_integrations") == 1
        assert sample(after, "registry_catalog_vpc_links") == 0
        assert sample(after, "registry_catalog_domain_names") == 0
        assert sample(after, "registry_change_records") == 6
        writes = sample(after, "registry_writes", "registry_writes_total")
        transactions = sample(after, "registry_write_transactions", "registry_write_transactions_total")
        assert writes == 7 and 1 <= transactions <= 7
        assert sample(after, "registry_group_commit_batch_writes", "registry_group_commit_batch_writes_count") == transactions
        assert sample(after, "registry_group_commit_batch_writes", "registry_group_commit_batch_writes_sum") == writes
        assert sample(after, "registry_write_transaction_duration_seconds",
                      "registry_write_transaction_duration_seconds_count") == transactions
        assert sample(after, "registry_group_commit_queue_depth") == 0
        assert sample(after, "registry_database_bytes", file="main") == server.db_path.stat().st_size
        wal = server.db_path.with_name(server.db_path.name + "-wal")
        assert sample(after, "registry_database_bytes", file="wal") == (wal.stat().st_size if wal.exists() else 0)
        assert sample(after, "process_resident_memory_bytes") > 5_000_000
        assert 3 < sample(after, "process_open_fds") <= sample(after, "process_max_fds")
        assert abs(sample(after, "process_start_time_seconds") - time.time()) < 600
        build = after["registry_build_info"].samples[0]
        assert build.value == 1 and build.labels["version"]
    finally:
        stop_or_fail(server)
