"""Several processes started together on one new database file: a restart overlapping the old
process, or a second instance by mistake. Every migration runs exactly once, the others wait for it,
and every process then starts and serves the same catalog."""

from __future__ import annotations

import sqlite3
import subprocess
import threading
import uuid
from pathlib import Path

import pytest
import requests

from conftest import REPO_ROOT
from registry_server import RegistryServer, RegistryServerError
from test_lifecycle import binary, integrity

MIGRATIONS = sorted(int(path.name[:4]) for path in (REPO_ROOT / "migrations").glob("[0-9][0-9][0-9][0-9]_*.sql"))


def ledger(db: Path) -> list[int]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT version FROM schema_migrations ORDER BY version")]


@pytest.mark.parametrize("round_number", range(4))
def test_three_servers_started_at_once_on_a_new_file_all_serve_one_catalog(tmp_path, round_number):
    db = tmp_path / "shared.sqlite"
    servers = [RegistryServer(binary(), tmp_path / f"server-{n}", db_path=db) for n in range(3)]
    for server in servers:
        server.workdir.mkdir()
    failures: list[str] = []

    def start(server: RegistryServer) -> None:
        try:
            server.start()
        except RegistryServerError as error:
            failures.append(str(error))

    threads = [threading.Thread(target=start, args=(server,)) for server in servers]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        session = requests.Session()
        name = "together-" + uuid.uuid4().hex[:8]
        created = session.post(f"{servers[0].base_url}/v2/apis", json={"name": name, "protocolType": "HTTP"},
                               timeout=10)
        assert created.status_code == 201, created.text
        api_id = created.json()["apiId"]
        for server in servers[1:]:
            read = session.get(f"{server.base_url}/v2/apis/{api_id}", timeout=10)
            assert read.status_code == 200 and read.json()["name"] == name
    finally:
        codes = [server.stop() for server in servers]
    assert codes == [0, 0, 0], [server.diagnostics() for server in servers]
    assert ledger(db) == MIGRATIONS
    assert integrity(db) == "ok"


def test_migrate_commands_run_together_apply_each_migration_once(tmp_path):
    for round_number in range(6):
        db = tmp_path / f"migrate-{round_number}.sqlite"
        processes = [
            subprocess.Popen([str(binary()), "migrate", "--db", str(db)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
            for _ in range(4)
        ]
        outcomes = [(process.wait(timeout=60), process.stderr.read()) for process in processes]
        assert [code for code, _ in outcomes] == [0] * 4, outcomes
        assert ledger(db) == MIGRATIONS
