"""Convention tests: layers point one way, and what users read is complete."""

from __future__ import annotations

import functools
import json
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


_IMPORTS_OF = """
import ast, json, sys
from pathlib import Path
found = {}
for path in Path(sys.argv[1]).rglob("*.py"):
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    found[str(path)] = sorted(names)
print(json.dumps(found))
"""


@functools.cache
def _all_imports() -> dict[str, list[str]]:
    # Parsed in a process of its own: CPython 3.11's AST constructor is not thread-safe
    # (python/cpython#106905), and a browser test's live server thread may be formatting a
    # traceback, which parses source too, in this process at the same moment.
    result = subprocess.run([sys.executable, "-c", _IMPORTS_OF, str(SRC)], capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout)


def _imports(path: Path) -> set[str]:
    return set(_all_imports()[str(path)])


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
