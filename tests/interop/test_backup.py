"""Online backup and restore with the release binary: `integration-registry backup` while 16 writers
write, `restore` of that copy and a server on the restored file; restore's refusals (a corrupt copy,
a copy with a migration this binary does not know, a database a running server holds); and
`GET /v2/admin/backup`, admins only, whose download restores."""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import subprocess
import threading
import uuid
from pathlib import Path

import pytest
import requests

from registry_server import RegistryServer, start_or_fail, stop_or_fail
from test_lifecycle import binary, integrity


def run_cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(binary()), *arguments], capture_output=True, text=True, timeout=120)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def create_api(session: requests.Session, base: str, name: str, headers: dict[str, str] | None = None) -> str:
    reply = session.post(f"{base}/v2/apis", json={"name": name, "protocolType": "HTTP"}, headers=headers, timeout=30)
    assert reply.status_code == 201, reply.text
    return reply.json()["apiId"]


def serve(workdir: Path, **options) -> RegistryServer:
    """A server started in `workdir` (made when missing) on `workdir/registry.sqlite`."""
    workdir.mkdir(parents=True, exist_ok=True)
    return start_or_fail(RegistryServer(binary(), workdir, **options))


def test_a_backup_under_16_writers_restores_every_write_acknowledged_before_it(tmp_path):
    server = serve(tmp_path / "live")
    acknowledged: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()
    errors: list[str] = []

    def writer(number: int) -> None:
        session = requests.Session()
        n = 0
        while not stop.is_set():
            try:
                api_id = create_api(session, server.base_url, f"w{number}-{n}")
            except Exception as error:  # noqa: BLE001 - recorded, then asserted empty
                errors.append(repr(error))
                return
            with lock:
                acknowledged.append(api_id)
            n += 1

    threads = [threading.Thread(target=writer, args=(number,)) for number in range(16)]
    copy = tmp_path / "backup.sqlite"
    try:
        for thread in threads:
            thread.start()
        while len(acknowledged) < 300 and not errors:
            threading.Event().wait(0.01)
        with lock:
            before = set(acknowledged)
        result = run_cli("backup", "--db", str(server.db_path), "--to", str(copy), "--json")
        with lock:
            during = len(acknowledged) - len(before)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert errors == []
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert during > 0, "the writers kept writing while the backup ran"
    assert summary["apis"] >= len(before)
    assert summary["changeRecords"] >= len(before)
    assert summary["bytes"] == copy.stat().st_size
    assert integrity(copy) == "ok"
    live_total = len(acknowledged)
    stop_or_fail(server)

    restored_db = tmp_path / "restored" / "registry.sqlite"
    restored_db.parent.mkdir()
    result = run_cli("restore", "--from", str(copy), "--db", str(restored_db))
    assert result.returncode == 0, result.stderr
    assert "restored" in result.stdout and "integrity_check ok" in result.stdout
    assert integrity(restored_db) == "ok"
    restored = serve(restored_db.parent)
    try:
        session = requests.Session()
        for api_id in sorted(before):
            assert session.get(f"{restored.base_url}/v2/apis/{api_id}", timeout=10).status_code == 200, api_id
        listed: set[str] = set()
        token = None
        while True:
            page = session.get(f"{restored.base_url}/v2/apis", params={"maxResults": 500, **({"nextToken": token} if token else {})},
                               timeout=30).json()
            listed |= {item["apiId"] for item in page["items"]}
            token = page.get("nextToken")
            if not token:
                break
        assert before <= listed and len(listed) == summary["apis"] and len(listed) <= live_total
        # The restored catalog takes writes.
        create_api(session, restored.base_url, "after-restore")
    finally:
        stop_or_fail(restored)


@pytest.fixture()
def stopped_database(tmp_path) -> tuple[Path, Path]:
    """A stopped server's database with three APIs, and a good backup of it."""
    server = serve(tmp_path / "db")
    session = requests.Session()
    for name in ("alpha", "beta", "gamma"):
        create_api(session, server.base_url, name)
    stop_or_fail(server)
    copy = tmp_path / "good.sqlite"
    result = run_cli("backup", "--db", str(server.db_path), "--to", str(copy))
    assert result.returncode == 0, result.stderr
    assert "3 APIs" in result.stdout
    return server.db_path, copy


def spoil_pages(copy: Path) -> None:
    with open(copy, "r+b") as handle:
        handle.seek(4096 * 2)
        handle.write(b"\x5a" * 4096 * 3)


def add_unknown_migration(copy: Path) -> None:
    with sqlite3.connect(copy) as connection:
        connection.execute("INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'future', 'x')")


@pytest.mark.parametrize(
    ("spoil", "says"),
    [(spoil_pages, "failed its checks"), (add_unknown_migration, "9999")],
    ids=["corrupt copy", "unknown migration"],
)
def test_restore_refuses_a_bad_copy_and_changes_nothing(stopped_database, tmp_path, spoil, says):
    db, good = stopped_database
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(good.read_bytes())
    spoil(bad)
    before = digest(db)
    result = run_cli("restore", "--from", str(bad), "--db", str(db))
    assert result.returncode != 0
    assert says in result.stderr, result.stderr
    assert digest(db) == before


def test_restore_refuses_a_database_a_running_server_holds(stopped_database, tmp_path):
    db, good = stopped_database
    server = serve(db.parent)
    try:
        session = requests.Session()
        api_id = create_api(session, server.base_url, "written-while-running")
        result = run_cli("restore", "--from", str(good), "--db", str(db))
        assert result.returncode != 0
        assert "stop it before restoring" in result.stderr, result.stderr
        # The server goes on serving its own catalog, the write above included.
        assert session.get(f"{server.base_url}/v2/apis/{api_id}", timeout=10).status_code == 200
        create_api(session, server.base_url, "and-after")
    finally:
        stop_or_fail(server)
    assert integrity(db) == "ok"
    with sqlite3.connect(db) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM apis")}
    assert names == {"alpha", "beta", "gamma", "written-while-running", "and-after"}


def test_backup_refuses_a_missing_database_and_its_own_file(tmp_path, stopped_database):
    db, _ = stopped_database
    missing = run_cli("backup", "--db", str(tmp_path / "absent.sqlite"), "--to", str(tmp_path / "x.sqlite"))
    assert missing.returncode != 0 and "no database" in missing.stderr
    assert not (tmp_path / "absent.sqlite").exists()
    itself = run_cli("backup", "--db", str(db), "--to", str(db))
    assert itself.returncode != 0 and "database itself" in itself.stderr


def test_the_admin_backup_endpoint_serves_admins_only_and_its_download_restores(tmp_path):
    tokens = {role: secrets.token_urlsafe(32) for role in ("reader", "editor", "admin")}
    auth_file = tmp_path / "auth.json"
    auth_file.write_text(json.dumps({"principals": [
        {"name": f"{role}-principal", "role": role, "tokenSha256": [hashlib.sha256(token.encode()).hexdigest()]}
        for role, token in tokens.items()
    ]}))
    auth_file.chmod(0o600)
    server = serve(tmp_path / "auth", extra_args=["--auth-file", str(auth_file)])
    download = tmp_path / "download.sqlite"
    try:
        session = requests.Session()

        def bearer(role: str) -> dict[str, str]:
            return {"Authorization": f"Bearer {tokens[role]}"}

        api_id = create_api(session, server.base_url, "downloaded-" + uuid.uuid4().hex[:6], bearer("editor"))
        for role in ("reader", "editor"):
            denied = session.get(f"{server.base_url}/v2/admin/backup", headers=bearer(role), timeout=30)
            assert denied.status_code == 403, role
            assert denied.headers["x-amzn-ErrorType"] == "AccessDeniedException"
            assert "message" in denied.json()
        anonymous = session.get(f"{server.base_url}/v2/admin/backup", timeout=30)
        assert anonymous.status_code == 403
        with session.get(f"{server.base_url}/v2/admin/backup", headers=bearer("admin"), stream=True, timeout=60) as reply:
            assert reply.status_code == 200, reply.text
            assert reply.headers["Content-Type"] == "application/vnd.sqlite3"
            assert reply.headers["Content-Disposition"].startswith('attachment; filename="registry-')
            assert reply.headers["x-registry-backup-apis"] == "1"
            with open(download, "wb") as handle:
                for chunk in reply.iter_content(65536):
                    handle.write(chunk)
            assert download.stat().st_size == int(reply.headers["Content-Length"])
        # Nothing is left beside the database: the snapshot was unlinked once opened.
        assert [path.name for path in server.db_path.parent.iterdir() if ".snapshot-" in path.name] == []
    finally:
        stop_or_fail(server)
    assert integrity(download) == "ok"
    target = tmp_path / "from-download" / "registry.sqlite"
    target.parent.mkdir()
    result = run_cli("restore", "--from", str(download), "--db", str(target))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(target) as connection:
        assert [row[0] for row in connection.execute("SELECT id FROM apis")] == [api_id]
