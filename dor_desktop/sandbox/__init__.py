"""The sandbox DOR server: the contract (resources/openapi.yaml) served on loopback.

It is the application's demo counterpart and the sync tests' server. Entry points:

- :func:`dor_desktop.sandbox.server.run_sandbox` (context manager yielding the base URL) and
  :class:`dor_desktop.sandbox.server.InProcessSandbox` (start/stop): in-process, background thread;
- :class:`dor_desktop.sandbox.server.SandboxProcess`: ``dor-sandbox serve`` as a child process;
- :class:`dor_desktop.sandbox.admin_client.SandboxAdmin`: the admin API (late stolen reports,
  withdrawals, token expiry, fault switches, statistics);
- ``dor-sandbox`` (:mod:`dor_desktop.sandbox.cli`): the same from the command line.
"""
