"""Start and stop the integration-registry release binary for the interop tests.

The server is started with ``--port 0``; it binds a free port and announces it
on stdout with one line ``listening on http://127.0.0.1:PORT``. Its stderr (JSON
log lines) goes to a file next to the database so that a failing run can show
what the server said.

By default it binds 127.0.0.1 with nothing but ``--host``, ``--port`` and
``--db``; ``host``, ``extra_args`` (e.g. ``["--auth-file", path]``) and ``env``
(added to the environment) start it otherwise; ``db_path`` shares one database file between
several servers. With ``host="0.0.0.0"`` the
server announces ``listening on http://0.0.0.0:PORT`` and ``base_url`` is the
loopback address of that port.
"""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Mapping, Sequence

LISTENING_LINE = re.compile(r"^listening on (http://127\.0\.0\.1:(\d+))\s*$")
# The same line for any bound address (``--host 0.0.0.0`` and the like).
ANY_LISTENING_LINE = re.compile(r"^listening on http://(\S+):(\d+)\s*$")
# Where to connect when the server binds every interface.
_CONNECT_HOST = {"0.0.0.0": "127.0.0.1", "::": "[::1]", "[::]": "[::1]"}
STARTUP_TIMEOUT_SECONDS = 30.0
SHUTDOWN_TIMEOUT_SECONDS = 10.0

# Settings the server also reads from the environment; the tests pass flags and
# do not want a developer's exported values to interfere.
_SERVER_ENV_VARS = ("REGISTRY_HOST", "REGISTRY_PORT", "REGISTRY_DB", "REGISTRY_AUTH_FILE")


class RegistryServerError(RuntimeError):
    pass


class RegistryServer:
    """One running ``integration-registry serve`` process."""

    def __init__(
        self,
        binary: Path,
        workdir: Path,
        *,
        host: str = "127.0.0.1",
        extra_args: Sequence[str] = (),
        env: Mapping[str, str] | None = None,
        db_path: Path | None = None,
    ):
        self.binary = Path(binary)
        self.workdir = Path(workdir)
        self.host = host
        self.extra_args = [str(arg) for arg in extra_args]
        self.extra_env = dict(env or {})
        self.listening_line: str | None = None
        self.db_path = Path(db_path) if db_path is not None else self.workdir / "registry.sqlite"
        self.stderr_path = self.workdir / "server.stderr.log"
        self.base_url: str | None = None
        self._process: subprocess.Popen[str] | None = None
        self._stdout_lines: queue.Queue[str | None] = queue.Queue()
        self._stdout_seen: list[str] = []

    # -- lifecycle -----------------------------------------------------------

    def start(self) -> str:
        if not self.binary.is_file():
            raise RegistryServerError(
                f"server binary not found at {self.binary}; build it with "
                "`swift build -c release --scratch-path .build-release` "
                "or set REGISTRY_BIN"
            )
        if not os.access(self.binary, os.X_OK):
            raise RegistryServerError(f"server binary {self.binary} is not executable")

        env = {k: v for k, v in os.environ.items() if k not in _SERVER_ENV_VARS}
        env.update(self.extra_env)
        command = self.command
        stderr_file = open(self.stderr_path, "w", encoding="utf-8")
        try:
            self._process = subprocess.Popen(
                command,
                cwd=self.workdir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=stderr_file,
                text=True,
                bufsize=1,
            )
        finally:
            stderr_file.close()  # the child keeps its own copy of the descriptor

        threading.Thread(target=self._pump_stdout, name="registry-stdout", daemon=True).start()
        self.base_url = self._wait_for_listening_line()
        return self.base_url

    def stop(self) -> int | None:
        """SIGTERM the server and wait for it; kill it and raise if it hangs."""
        process = self._process
        if process is None or process.poll() is not None:
            return None if process is None else process.returncode
        process.send_signal(signal.SIGTERM)
        try:
            return process.wait(timeout=SHUTDOWN_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise RegistryServerError(
                f"server did not exit within {SHUTDOWN_TIMEOUT_SECONDS:.0f} s of SIGTERM "
                f"and was killed\n{self.diagnostics()}"
            ) from None

    @property
    def command(self) -> list[str]:
        return [
            str(self.binary),
            "serve",
            "--host",
            self.host,
            "--port",
            "0",
            "--db",
            str(self.db_path),
            *self.extra_args,
        ]

    @property
    def returncode(self) -> int | None:
        """The exit status once the process has ended, else None."""
        return None if self._process is None else self._process.poll()

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    # -- helpers -------------------------------------------------------------

    def _pump_stdout(self) -> None:
        assert self._process is not None and self._process.stdout is not None
        for line in self._process.stdout:
            self._stdout_lines.put(line)
        self._stdout_lines.put(None)  # end of stream: the process closed stdout

    def _wait_for_listening_line(self) -> str:
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self._abort()
                raise RegistryServerError(
                    f"server did not print `listening on http://{self.host}:PORT` "
                    f"on stdout within {STARTUP_TIMEOUT_SECONDS:.0f} s\n{self.diagnostics()}"
                )
            try:
                line = self._stdout_lines.get(timeout=remaining)
            except queue.Empty:
                continue
            if line is None:
                self._abort()
                raise RegistryServerError(
                    f"server closed stdout (exited?) before printing its listening line\n{self.diagnostics()}"
                )
            self._stdout_seen.append(line)
            match = ANY_LISTENING_LINE.match(line.strip())
            if match and match.group(1) == self.host:
                port = int(match.group(2))
                if not 0 < port < 65536:
                    self._abort()
                    raise RegistryServerError(f"server announced an invalid port: {line!r}")
                self.listening_line = line.strip()
                return f"http://{_CONNECT_HOST.get(self.host, self.host)}:{port}"

    def _abort(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()

    def diagnostics(self, tail_lines: int = 40) -> str:
        parts = ["command: " + " ".join(self.command)]
        if self.extra_env:
            parts.append("extra environment: " + " ".join(f"{k}={v}" for k, v in self.extra_env.items()))
        if self._process is not None:
            parts.append(f"exit status: {self._process.poll()}")
        if self._stdout_seen:
            parts.append("stdout:\n" + "".join(self._stdout_seen[-tail_lines:]))
        try:
            stderr_lines = self.stderr_path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            stderr_lines = []
        if stderr_lines:
            parts.append(
                f"stderr (last {min(tail_lines, len(stderr_lines))} lines of {self.stderr_path}):\n"
                + "\n".join(stderr_lines[-tail_lines:])
            )
        return "\n".join(parts)


def start_or_fail(server: RegistryServer) -> RegistryServer:
    """Starts `server`, turning a start-up failure into a pytest failure with the server's output."""
    import pytest

    try:
        server.start()
    except RegistryServerError as error:
        pytest.fail(str(error), pytrace=False)
    return server


def stop_or_fail(server: RegistryServer) -> None:
    """Stops `server`, turning a hung or failed shutdown into a pytest failure."""
    import pytest

    try:
        server.stop()
    except RegistryServerError as error:
        pytest.fail(str(error), pytrace=False)
