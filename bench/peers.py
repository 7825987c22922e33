"""The other prose linters the benchmark runs beside newslint: pinned versions, installs, command lines.

Everything installs under bench/.peers/ (gitignored): proselint in its own virtual environment, the npm
tools in one node_modules. None of it is a dependency of newslint.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PEERS_DIR = HERE / ".peers"
PY_DIR = PEERS_DIR / "proselint-venv"
NODE_DIR = PEERS_DIR / "node"

PROSELINT_VERSION = "0.16.0"
NPM_PACKAGES = {
    "write-good": "1.0.8",
    "alex": "11.0.1",
    "textlint": "15.8.0",
    "textlint-rule-write-good": "2.0.0",
    "textlint-rule-alex": "5.0.0",
    "unified": "11.0.5",
    "retext-english": "5.0.0",
    "retext-stringify": "4.0.0",
    "retext-intensify": "7.0.0",
    "retext-repeated-words": "5.0.0",
    "retext-readability": "8.0.0",
    "retext-passive": "5.0.0",
}
# Which npm packages each peer needs: a failed install is reported against the peers it breaks.
NPM_NEEDS = {
    "write-good": ["write-good"],
    "alex": ["alex"],
    "textlint": ["textlint", "textlint-rule-write-good", "textlint-rule-alex"],
    "retext": ["unified", "retext-english", "retext-stringify", "retext-intensify", "retext-repeated-words",
               "retext-readability", "retext-passive"],
}
PEER_NAMES = ("proselint", "write-good", "alex", "textlint", "retext")


@dataclass
class Peer:
    name: str
    version: str
    argv: list[str] | None  # command before the file names; None when not installed
    cwd: Path | None = None
    problem: str | None = None  # why it is not available


def install(log=print) -> dict[str, str]:
    """Install every peer that is missing; returns {peer: problem} for those that failed."""
    problems: dict[str, str] = {}
    PEERS_DIR.mkdir(exist_ok=True)
    if not _proselint_bin().exists():
        log(f"installing proselint {PROSELINT_VERSION} into {PY_DIR.relative_to(HERE.parent)} ...")
        try:
            venv.create(PY_DIR, with_pip=True, clear=True)
            _run([str(PY_DIR / "bin" / "python"), "-m", "pip", "install", "-q", f"proselint=={PROSELINT_VERSION}"])
        except (OSError, subprocess.CalledProcessError) as error:
            problems["proselint"] = f"pip install failed: {_why(error)}"
    missing = [name for name in NPM_PACKAGES if not (NODE_DIR / "node_modules" / name / "package.json").exists()]
    if missing:
        npm = shutil.which("npm")
        if npm is None:
            for peer in NPM_NEEDS:
                problems[peer] = "npm not found"
            return problems
        NODE_DIR.mkdir(exist_ok=True)
        package = {"name": "newslint-bench-peers", "private": True, "type": "module",
                   "dependencies": dict(NPM_PACKAGES)}
        (NODE_DIR / "package.json").write_text(json.dumps(package, indent=2) + "\n")
        log(f"installing {len(missing)} npm packages into {NODE_DIR.relative_to(HERE.parent)} ...")
        try:
            _run([npm, "install", "--no-audit", "--no-fund", "--loglevel=error"], cwd=NODE_DIR)
        except (OSError, subprocess.CalledProcessError) as error:
            # One bad package fails the whole install: retry each peer's packages alone to say which.
            for peer, needs in NPM_NEEDS.items():
                try:
                    _run([npm, "install", "--no-audit", "--no-fund", "--loglevel=error", "--no-save",
                          *[f"{n}@{NPM_PACKAGES[n]}" for n in needs]], cwd=NODE_DIR)
                except (OSError, subprocess.CalledProcessError) as peer_error:
                    problems[peer] = f"npm install failed: {_why(peer_error)}"
            if not problems:
                problems["npm"] = f"npm install failed at first: {_why(error)}"
    return problems


def available(problems: dict[str, str] | None = None) -> dict[str, Peer]:
    """Every peer, with its command line or the reason it cannot run."""
    problems = problems or {}
    node = shutil.which("node")
    bins = NODE_DIR / "node_modules" / ".bin"
    peers = {
        "proselint": Peer("proselint", PROSELINT_VERSION, [str(_proselint_bin()), "check"]),
        "write-good": Peer("write-good", NPM_PACKAGES["write-good"], [str(bins / "write-good")]),
        "alex": Peer("alex", NPM_PACKAGES["alex"], [str(bins / "alex")], NODE_DIR),
        # textlint finds its rules in the node_modules beside the working directory.
        "textlint": Peer("textlint", NPM_PACKAGES["textlint"],
                         [str(bins / "textlint"), "--no-color", "--rule", "write-good", "--rule", "alex"], NODE_DIR),
        "retext": Peer("retext", NPM_PACKAGES["retext-english"],
                       [node or "node", str(HERE / "retext_runner.mjs")], NODE_DIR),
    }
    for name, peer in peers.items():
        executable = Path(peer.argv[1] if name == "retext" else peer.argv[0])
        if name in problems:
            peer.problem = problems[name]
        elif name == "retext" and not (node and (NODE_DIR / "node_modules" / "retext-passive").exists()):
            peer.problem = "not installed (node or retext packages missing)"
        elif name != "retext" and not executable.exists():
            peer.problem = "not installed"
        if peer.problem:
            peer.argv = None
    return peers


def _proselint_bin() -> Path:
    return PY_DIR / "bin" / "proselint"


def _run(argv: list[str], cwd: Path | None = None) -> None:
    subprocess.run(argv, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _why(error: Exception) -> str:
    stderr = getattr(error, "stderr", None)
    lines = [line for line in (stderr or str(error)).splitlines() if line.strip()]
    return lines[-1][:200] if lines else str(error)


if __name__ == "__main__":
    failed = install()
    for peer in available(failed).values():
        print(f"{peer.name:<11} {peer.version:<8} {'ok' if peer.argv else peer.problem}")
    sys.exit(1 if failed else 0)
