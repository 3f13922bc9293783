"""Checks on the repository itself: lint, documentation in step with the commands."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, run_dateline


def test_ruff_is_clean():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if ruff is None:
        pytest.skip("ruff is not installed (it is in the test extra)")
    result = subprocess.run([ruff, "check", "src", "tests", "bench", "build.py"], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_command_and_option_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    top = run_dateline("--help").stdout
    # The Commands block ends at the first blank line (the homepage epilog follows it).
    block = top.split("Commands:")[1].strip("\n").split("\n\n")[0]
    commands = [line.split()[0] for line in block.splitlines() if line.strip()]
    assert sorted(commands) == ["build", "check", "deploy", "extract", "init", "normalize", "serve",
                                "tag"]
    for command in commands:
        assert f"dateline {command}" in readme, command
        help_text = run_dateline(command, "--help").stdout
        for word in help_text.split():
            option = word.strip(",.:;()[]").split("=")[0]
            if option.startswith("--") and option != "--help":
                assert option in readme, f"{command} {option} is not in the README"


def test_no_benchmark_data_or_seed_names_in_code():
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True).stdout
    assert not [f for f in tracked.splitlines() if f.endswith((".tml", "platinum.jsonl", "train.jsonl"))]
    for path in (REPO / "src").rglob("*.py"):
        text = path.read_text(encoding="utf-8").lower()
        for name in ("lukashenko", "makei", "shoigu", "klimkin"):
            assert name not in text, f"{path} names {name}: the extractor must use general rules"
