"""Convention tests: layers point one way, and what users read is complete."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import omdome

SRC = Path(omdome.__file__).parent
CORE = ("policy", "text", "detect", "review", "triage")


def test_core_layers_import_without_django():
    """Every core package imports with Django made unimportable."""
    code = (
        "import sys, importlib, pkgutil\n"
        "sys.modules['django'] = None\n"
        "import omdome\n"
        f"for layer in {CORE!r}:\n"
        "    pkg = importlib.import_module('omdome.' + layer)\n"
        "    for mod in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(mod.name)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_lower_layers_never_import_higher_ones():
    order = ["policy", "text", "detect", "review", "triage", "cli"]
    allowed = {
        "policy": {"policy", "i18n"},
        "text": {"text"},
        "detect": {"detect", "text", "i18n"},
        "review": {"review", "detect", "text", "policy", "i18n"},
        "triage": {"triage", "detect", "text", "policy", "i18n"},
    }
    for layer in order[:-1]:
        for path in (SRC / layer).rglob("*.py"):
            for name in _imports(path):
                if name.startswith("omdome."):
                    target = name.split(".")[1]
                    assert target in allowed[layer], f"{path.relative_to(SRC)} imports {name}"
                assert not name.startswith("django"), f"{path} imports Django"


def test_every_check_code_is_documented():
    from omdome.policy.checks import CHECKS

    docs = (SRC.parents[1] / "docs" / "checks.md").read_text(encoding="utf-8")
    missing = [code for code in CHECKS if f"`{code}`" not in docs]
    assert not missing, f"undocumented checks: {missing}"


def test_every_personal_data_kind_is_documented():
    from omdome.detect.personal_data import RECOGNIZERS

    docs = (SRC.parents[1] / "docs" / "checks.md").read_text(encoding="utf-8")
    missing = [cls.__name__ for cls in RECOGNIZERS if f"`{cls.__name__}`" not in docs]
    assert not missing, f"undocumented recognizers: {missing}"


def test_the_web_layer_does_not_reach_into_the_command_line_layer():
    for path in (SRC / "web").rglob("*.py"):
        bad = [name for name in _imports(path) if name.startswith("omdome.cli")]
        assert not bad, f"{path.relative_to(SRC)} imports {bad}"
