"""The systemd unit in deploy/: `systemd-analyze verify` finds nothing to say about it (with the release
binary in place of the installed one), and it runs the service as a non-root user with a state
directory for the database, restarts it on failure and stops it with SIGTERM. Where systemd is not
installed the verification is skipped; the content checks always run."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from test_lifecycle import binary

UNIT = REPO_ROOT / "deploy" / "integration-registry.service"


def unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(UNIT)
    return parser


def test_systemd_analyze_verify_finds_nothing(tmp_path):
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed here")
    installed = "/usr/local/bin/integration-registry"
    text = UNIT.read_text()
    assert f"ExecStart={installed} serve" in text
    copy = tmp_path / "integration-registry.service"
    copy.write_text(text.replace(installed, str(binary())))
    result = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60)
    # verify exits 0 on settings it ignores; any word from it is a finding.
    findings = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert result.returncode == 0 and findings == [], "\n".join(findings)


def test_the_unit_runs_unprivileged_keeps_state_restarts_and_stops_gracefully():
    service = unit()["Service"]
    assert service["User"] == service["Group"] == "integration-registry"
    assert service["StateDirectory"] == "integration-registry"
    state = "/var/lib/integration-registry"
    assert service["WorkingDirectory"] == state
    assert f"Environment=REGISTRY_DB={state}/registry.sqlite" in UNIT.read_text().splitlines()
    assert service["Restart"] == "on-failure"
    assert service["KillSignal"] == "SIGTERM"
    assert service["NoNewPrivileges"] == "yes"
    assert service["CapabilityBoundingSet"] == ""
    entries = [line.split() for line in (REPO_ROOT / "deploy" / "integration-registry.sysusers").read_text().splitlines()
               if line.strip() and not line.startswith("#")]
    assert [entry[:2] for entry in entries] == [["u", "integration-registry"]]


def test_every_setting_the_deploy_files_name_is_one_the_binary_reads():
    help_text = subprocess.run([str(binary()), "serve", "--help"], capture_output=True, text=True,
                               timeout=30).stdout
    named = set()
    for path in (UNIT, REPO_ROOT / "deploy" / "registry.env.example"):
        for line in path.read_text().splitlines():
            named.update(re.findall(r"\bREGISTRY_[A-Z_]+\b", line))
    assert named, "the deploy files name settings"
    for variable in sorted(named):
        assert variable in help_text, f"{variable} is not a setting of `serve`"
