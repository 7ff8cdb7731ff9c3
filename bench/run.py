"""Run the benchmarks in bench/ and print their results.

Usage::

    python bench/run.py                 # every bench/*_bench.py, in name order
    python bench/run.py register sync   # only register_bench.py and sync_bench.py
    python bench/run.py --list          # the benchmarks found
    python bench/run.py register -- --commits 200 --entries 20000   # arguments for the benchmarks

Convention for a benchmark module ``bench/<area>_bench.py`` (either form works):

* ``def main(argv: list[str] | None = None) -> dict`` -- annotated ``-> dict``: the runner imports
  the module and calls ``main()`` (or ``main(argv)`` with the arguments after ``--``); ``main`` must
  not read ``sys.argv`` when ``argv`` is None. The dict (JSON-serialisable) is the result: figures
  with their units in the key names (``p99_ms``, ``verify_s``) plus how they were measured. Such a
  module usually also runs as a script: ``print(json.dumps(main(sys.argv[1:])))``.
* Anything else (no ``main``, or a ``main`` that prints and returns None or an exit code) is run
  as a script, ``python bench/<area>_bench.py [arguments after --]``, in a subprocess whose output
  is shown as it comes; a non-zero exit status counts as a failure.

The runner decides between the two by reading the module's source (``ast``), so a script-style
benchmark is never imported into the runner's process.

Each benchmark writes only to temporary folders. The results for an area go, by hand, with the
exact command and the machine, into ``bench/RESULTS_<area>.md`` (merged into bench/RESULTS.md).
The runner exits non-zero when a benchmark fails, after running the others.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import inspect
import json
import subprocess
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType

BENCH_DIR = Path(__file__).resolve().parent
SUFFIX = "_bench.py"


def discover() -> dict[str, Path]:
    """Every ``*_bench.py`` in bench/, by short name (``register`` for register_bench.py)."""
    return {path.name[: -len(SUFFIX)]: path for path in sorted(BENCH_DIR.glob(f"*{SUFFIX}"))}


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(BENCH_DIR))  # a benchmark may import a helper next to it
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH_DIR))
    return module


def _returns_dict(path: Path) -> bool:
    """True when the module defines ``main(...) -> dict`` at top level (the in-process form)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "main" and node.returns is not None:
            returns = node.returns
            if isinstance(returns, ast.Subscript):
                returns = returns.value
            if isinstance(returns, ast.Constant) and isinstance(returns.value, str):
                return returns.value.split("[")[0].strip() == "dict"
            return isinstance(returns, ast.Name) and returns.id == "dict"
    return False


def run_one(name: str, path: Path, argv: list[str]) -> bool:
    """Run one benchmark and print its result; False when it failed."""
    start = time.perf_counter()
    if not _returns_dict(path):
        print(f"== {name}: python {path.relative_to(BENCH_DIR.parent)} {' '.join(argv)}".rstrip(), flush=True)
        done = subprocess.run([sys.executable, str(path), *argv], check=False)
        print(f"== {name}: exit {done.returncode} after {time.perf_counter() - start:.1f} s", flush=True)
        return done.returncode == 0
    main = _load(path).main
    takes_argv = bool(inspect.signature(main).parameters)
    result = main(argv) if takes_argv and argv else main()
    _print_result(name, result, time.perf_counter() - start)
    return True


def _print_result(name: str, result: object, seconds: float) -> None:
    print(f"== {name} ({seconds:.1f} s)")
    print(json.dumps(result, indent=2) if isinstance(result, dict) else result, flush=True)


def main(arguments: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if arguments is None else arguments
    own, _, passed = (
        (arguments[: arguments.index("--")], "--", arguments[arguments.index("--") + 1 :])
        if ("--" in arguments)
        else (arguments, "", [])
    )
    parser = argparse.ArgumentParser(description="Run the benchmarks in bench/.")
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all), e.g. register")
    parser.add_argument("--list", action="store_true", help="list the benchmarks found and stop")
    args = parser.parse_args(own)
    found = discover()
    if args.list:
        print("\n".join(found))
        return 0
    wanted = [name.removesuffix("_bench").removesuffix(".py") for name in args.names] or list(found)
    unknown = [name for name in wanted if name not in found]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; found: {', '.join(found)}", file=sys.stderr)
        return 2
    failed = 0
    for name in wanted:
        try:
            ok = run_one(name, found[name], passed)
        except Exception:
            ok = False
            traceback.print_exc()
        if not ok:
            failed += 1
            print(f"== {name} FAILED", file=sys.stderr, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
