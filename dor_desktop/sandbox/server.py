"""Running the sandbox: in-process for tests and the app's demo mode, or as a child process.

Both bind the listening socket before uvicorn starts, so the port is known at once (``port=0``
picks a free one) and a busy port is reported as one clear error.
"""

from __future__ import annotations

import collections
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from dor_desktop.errors import UserError
from dor_desktop.sandbox.app import create_app
from dor_desktop.sandbox.config import DEFAULT_TOKEN_TTL, SandboxConfig
from dor_desktop.sandbox.protocol import AbortableH11Protocol

LISTENING_PREFIX = "DOR sandbox listening on "
START_TIMEOUT = 20.0


def base_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


def bind_socket(host: str, port: int) -> socket.socket:
    """A bound (not yet listening) TCP socket; UserError when the address cannot be used."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP matters: asyncio only switches Nagle off (TCP_NODELAY) on sockets that say
    # they are TCP, and with Nagle on every small answer waits ~40 ms for a delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if os.name != "nt":
            # Lets a restarted sandbox take its old port back while old connections linger.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return sock


class _AnnouncingServer(uvicorn.Server):
    """uvicorn's server, telling its owner once the socket accepts connections."""

    def __init__(self, config: uvicorn.Config, on_started: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_started = on_started

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            self._on_started()


def make_server(
    config: SandboxConfig,
    *,
    on_started: Callable[[], None],
    log_level: str = "warning",
    configure_logging: bool = False,
    access_log: bool = False,
) -> uvicorn.Server:
    """A uvicorn server for the sandbox.

    In-process use leaves the host application's logging alone; the command line lets uvicorn
    set up its usual console logging.
    """
    uv_config = uvicorn.Config(
        create_app(config),
        http=AbortableH11Protocol,
        ws="none",
        lifespan="on",
        log_level=log_level,
        log_config=uvicorn.config.LOGGING_CONFIG if configure_logging else None,
        access_log=access_log,
        timeout_graceful_shutdown=2,
    )
    return _AnnouncingServer(uv_config, on_started)


class InProcessSandbox:
    """The sandbox on 127.0.0.1 in a background thread of this process (the app's demo server).

    ``start()`` returns the base URL once connections are accepted; ``stop()`` shuts down cleanly,
    giving in-flight requests two seconds.
    """

    def __init__(
        self,
        db_path: Path | str,
        *,
        token_ttl: int = DEFAULT_TOKEN_TTL,
        clients: Mapping[str, str] | None = None,
        port: int = 0,
    ) -> None:
        options: dict[str, Any] = {"token_ttl": token_ttl}
        if clients is not None:
            options["clients"] = dict(clients)
        self.config = SandboxConfig(db_path=Path(db_path), **options)
        self.port = port
        self.url: str | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    def start(self) -> str:
        if self._thread is not None:
            raise RuntimeError("the sandbox is already running")
        self._socket = bind_socket("127.0.0.1", self.port)
        started = threading.Event()
        self._server = make_server(self.config, on_started=started.set)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, name="dor-sandbox", daemon=True
        )
        self._thread.start()
        try:
            _wait_started(started, self._thread)
        except BaseException:
            self.stop()
            raise
        self.port = self._socket.getsockname()[1]
        self.url = base_url("127.0.0.1", self.port)
        return self.url

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self._socket = None

    def __enter__(self) -> InProcessSandbox:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


@contextmanager
def run_sandbox(
    db_path: Path | str | None = None,
    *,
    token_ttl: int = DEFAULT_TOKEN_TTL,
    clients: Mapping[str, str] | None = None,
    port: int = 0,
) -> Iterator[str]:
    """Run the sandbox on 127.0.0.1 in a background thread; yields its base URL.

    Without ``db_path`` the state lives in a temporary folder removed afterwards.
    """
    with tempfile.TemporaryDirectory(prefix="dor-sandbox-") as scratch:
        path = Path(db_path) if db_path is not None else Path(scratch) / "sandbox.sqlite3"
        with InProcessSandbox(path, token_ttl=token_ttl, clients=clients, port=port) as sandbox:
            assert sandbox.url is not None
            yield sandbox.url


def _wait_started(started: threading.Event, thread: threading.Thread) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not started.wait(0.01):
        if not thread.is_alive():
            raise RuntimeError("the sandbox server stopped during start-up (see the log above)")
        if time.monotonic() > deadline:
            raise RuntimeError("the sandbox server did not start in time")


class SandboxProcess:
    """``dor-sandbox serve`` as a child process, for restart and kill tests.

    ``start()`` returns the base URL once the child accepts connections. A restart reuses the
    previous port, so a client keeps its configured URL across a server crash.
    """

    def __init__(
        self,
        db_path: Path | str,
        *,
        port: int = 0,
        token_ttl: int | None = None,
        extra_args: Sequence[str] = (),
    ) -> None:
        self.db_path = Path(db_path)
        self.port = port
        self.token_ttl = token_ttl
        self.extra_args = list(extra_args)
        self.url: str | None = None
        self._process: subprocess.Popen[str] | None = None
        self._output: collections.deque[str] = collections.deque(maxlen=200)
        self._listening: str | None = None
        self._listening_seen = threading.Event()
        self._reader: threading.Thread | None = None

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def output(self) -> list[str]:
        """The child's last output lines (stdout and stderr), for failure messages."""
        return list(self._output)

    def start(self, timeout: float = START_TIMEOUT) -> str:
        if self.running:
            raise RuntimeError("the sandbox process is already running")
        command = [sys.executable, "-m", "dor_desktop.sandbox", "serve", "--port", str(self.port)]
        command += ["--db", str(self.db_path)]
        if self.token_ttl is not None:
            command += ["--token-ttl", str(self.token_ttl)]
        command += self.extra_args
        self._listening = None
        self._listening_seen.clear()
        self._process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self._reader = threading.Thread(target=self._read_output, args=(self._process,), daemon=True)
        self._reader.start()
        self.url = self._wait_for_url(timeout)
        self.port = int(self.url.rsplit(":", 1)[1])
        return self.url

    def stop(self, timeout: float = 10.0) -> int:
        """Ask for a clean shutdown (SIGTERM); returns the exit code."""
        if self._process is None:
            return 0
        if self._process.poll() is None:
            self._process.terminate()
        return self._finish(timeout)

    def kill(self) -> None:
        """SIGKILL: the crash case; nothing gets to clean up."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
        self._finish(10.0)

    def restart(self, *, kill: bool = False) -> str:
        """Stop (or kill) and start again on the same port and database."""
        if kill:
            self.kill()
        else:
            self.stop()
        return self.start()

    def __enter__(self) -> SandboxProcess:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _finish(self, timeout: float) -> int:
        assert self._process is not None
        try:
            code = self._process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            code = self._process.wait(timeout=timeout)
        if self._reader is not None:
            self._reader.join(timeout=5)
        if self._process.stdout is not None:
            self._process.stdout.close()
        return code

    def _read_output(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            line = line.rstrip("\n")
            self._output.append(line)
            if line.startswith(LISTENING_PREFIX) and self._listening is None:
                self._listening = line[len(LISTENING_PREFIX) :].strip()
                self._listening_seen.set()

    def _wait_for_url(self, timeout: float) -> str:
        assert self._process is not None
        deadline = time.monotonic() + timeout
        while not self._listening_seen.wait(0.02):
            if self._process.poll() is not None:
                self._finish(5.0)
                raise RuntimeError("the sandbox process exited during start-up:\n" + "\n".join(self._output))
            if time.monotonic() > deadline:
                self.kill()
                raise RuntimeError("the sandbox process did not start in time:\n" + "\n".join(self._output))
        assert self._listening is not None
        return self._listening
