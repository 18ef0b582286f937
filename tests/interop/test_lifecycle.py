"""Shutdown and storage failures: SIGTERM drains and checkpoints; a full disk or a read-only database
file answers writes with 503 ServiceUnavailableException while reads keep working, and nothing is
corrupted."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests

from conftest import DEFAULT_BINARY
from registry_server import RegistryServer


def binary() -> Path:
    return Path(os.environ.get("REGISTRY_BIN") or DEFAULT_BINARY)


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def create_api(base: str, session: requests.Session) -> requests.Response:
    return session.post(f"{base}/v2/apis", json={"name": "lc-" + uuid.uuid4().hex[:8], "protocolType": "HTTP"},
                        timeout=10)


def test_sigterm_finishes_in_flight_requests_checkpoints_and_exits_zero(tmp_path):
    server = RegistryServer(binary(), tmp_path)
    base = server.start()
    acknowledged: list[str] = []
    lock = threading.Lock()
    stop_at = time.time() + 8

    def writer():
        session = requests.Session()
        while time.time() < stop_at:
            try:
                response = create_api(base, session)
            except requests.RequestException:
                return  # the listener is gone: shutdown has begun
            if response.status_code == 201:
                with lock:
                    acknowledged.append(response.json()["apiId"])
            else:
                assert response.status_code < 500, response.text

    threads = [threading.Thread(target=writer) for _ in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(1.0)
    started = time.monotonic()
    returncode = server.stop()
    elapsed = time.monotonic() - started
    for thread in threads:
        thread.join(timeout=15)
    assert returncode == 0
    assert elapsed < 10, f"shutdown took {elapsed:.1f} s"
    wal = Path(str(server.db_path) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "the WAL was not checkpointed"
    assert '"message":"stopped"' in server.stderr_path.read_text()
    assert integrity(server.db_path) == "ok"

    again = RegistryServer(binary(), tmp_path)
    base = again.start()
    try:
        assert acknowledged, "no write was acknowledged before SIGTERM"
        for api_id in acknowledged:
            assert requests.get(f"{base}/v2/apis/{api_id}", timeout=10).status_code == 200, api_id
    finally:
        again.stop()


@pytest.fixture
def small_disk(tmp_path):
    """A 16 MiB tmpfs mounted for this test (needs root, as CI has); skipped where mounting is refused."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount_point)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip("cannot mount a tmpfs here: " + result.stderr.strip())
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(directory: Path) -> Path:
    """Fills the file system of `directory` until it has no space left."""
    filler = directory / "filler"
    chunk = b"\0" * (1 << 16)
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(chunk)
                handle.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_refuses_writes_with_503_and_keeps_reads(small_disk):
    server = RegistryServer(binary(), small_disk)
    base = server.start()
    session = requests.Session()
    try:
        existing = create_api(base, session)
        assert existing.status_code == 201
        api_id = existing.json()["apiId"]
        filler = fill(small_disk)

        refused = None
        for _ in range(200):
            response = create_api(base, session)
            if response.status_code == 503:
                refused = response
                break
            assert response.status_code == 201, response.text
        assert refused is not None, "writes kept succeeding on a full disk"
        assert refused.headers["x-amzn-ErrorType"] == "ServiceUnavailableException"
        assert "full" in refused.json()["message"].lower()

        assert session.get(f"{base}/v2/apis/{api_id}", timeout=10).status_code == 200
        assert session.get(f"{base}/v2/apis?maxResults=5", timeout=10).status_code == 200
        assert session.get(f"{base}/healthz", timeout=10).status_code == 200

        filler.unlink()
        assert create_api(base, session).status_code == 201
    finally:
        assert server.stop() == 0
    assert integrity(server.db_path) == "ok"


def immutable(path: Path, on: bool) -> subprocess.CompletedProcess:
    """Sets or clears the file system's immutable flag: unlike permission bits it binds root too."""
    return subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True, text=True)


def test_a_read_only_database_file_serves_reads_and_refuses_writes_with_503(tmp_path):
    server = RegistryServer(binary(), tmp_path)
    base = server.start()
    session = requests.Session()
    try:
        existing = create_api(base, session)
        assert existing.status_code == 201
        api_id = existing.json()["apiId"]
    finally:
        assert server.stop() == 0

    made_read_only = immutable(server.db_path, True)
    if made_read_only.returncode != 0:
        pytest.skip("cannot make a file immutable here (chattr needs root and ext2/3/4, xfs or btrfs): "
                    + made_read_only.stderr.strip())
    try:
        read_only = RegistryServer(binary(), tmp_path)
        base = read_only.start()
        try:
            got = session.get(f"{base}/v2/apis/{api_id}", timeout=10)
            assert got.status_code == 200 and got.json()["name"] == existing.json()["name"]
            assert session.get(f"{base}/v2/apis?maxResults=5", timeout=10).json()["items"][0]["apiId"] == api_id
            assert session.get(f"{base}/v2/apis/{api_id}/template", timeout=10).status_code == 200
            assert session.get(f"{base}/healthz", timeout=10).status_code == 200

            for attempt in (
                lambda: create_api(base, session),
                lambda: session.patch(f"{base}/v2/apis/{api_id}", json={"name": "renamed"}, timeout=10),
                lambda: session.post(f"{base}/v2/apis/{api_id}/routes", json={"routeKey": "GET /x"}, timeout=10),
                lambda: session.delete(f"{base}/v2/apis/{api_id}", timeout=10),
            ):
                refused = attempt()
                assert refused.status_code == 503, refused.text
                assert refused.headers["x-amzn-ErrorType"] == "ServiceUnavailableException"
                assert "read-only" in refused.json()["message"]
            assert session.get(f"{base}/v2/apis/{api_id}", timeout=10).json()["name"] == existing.json()["name"]
        finally:
            assert read_only.stop() == 0
        assert "database is read-only" in read_only.stderr_path.read_text()
    finally:
        immutable(server.db_path, False)

    assert integrity(server.db_path) == "ok"
    writable = RegistryServer(binary(), tmp_path)
    base = writable.start()
    try:
        assert session.get(f"{base}/v2/apis/{api_id}", timeout=10).json()["name"] == existing.json()["name"]
        assert session.get(f"{base}/v2/apis?maxResults=5", timeout=10).json()["items"][0]["apiId"] == api_id
        assert create_api(base, session).status_code == 201
    finally:
        assert writable.stop() == 0
    assert integrity(server.db_path) == "ok"
