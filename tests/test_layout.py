"""The package's wings and the lines imports may not cross (see each wing's __init__.py).

- seminar/models/: no views, classroom or instructor code, no ipywidgets, no pyplot;
- seminar/classroom/: no views and no instructor code;
- seminar/views/: no instructor code;
- seminar/instructor/: no views (the tools run without widgets).
The top level keeps only what every wing shares.
"""
import ast
from pathlib import Path

import pytest

from seminar import PACKAGE_DIR

WINGS = ("models", "views", "classroom", "instructor")

#: wing -> module prefixes its code must not import
FORBIDDEN = {
    "models": ("seminar.views", "seminar.classroom", "seminar.instructor", "ipywidgets",
               "matplotlib.pyplot", "IPython"),
    "classroom": ("seminar.views", "seminar.instructor"),
    "views": ("seminar.instructor",),
    "instructor": ("seminar.views", "ipywidgets"),
}


def imported_modules(source: str) -> set[str]:
    """Every module a piece of Python source imports, at any depth (inside functions too).

    ``from seminar import views`` counts as ``seminar.views``.
    """
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def crossings(wing: str, source: str) -> list[str]:
    """The imports in ``source`` that a module of ``wing`` may not make."""
    return sorted(name for name in imported_modules(source)
                  if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[wing]))


def wing_modules():
    for wing in WINGS:
        for path in sorted((PACKAGE_DIR / wing).rglob("*.py")):
            yield pytest.param(wing, path, id=f"{wing}/{path.relative_to(PACKAGE_DIR / wing)}")


@pytest.mark.parametrize("wing,path", list(wing_modules()))
def test_no_import_crosses_a_wing_line(wing, path):
    bad = crossings(wing, path.read_text(encoding="utf-8"))
    assert not bad, f"seminar/{wing}/{path.name} imports {bad}: see seminar/{wing}/__init__.py"


@pytest.mark.parametrize("wing,source,expected", [
    ("models", "import ipywidgets as w", ["ipywidgets"]),
    ("models", "def f():\n    from seminar.views import room\n", ["seminar.views", "seminar.views.room"]),
    ("models", "from seminar import views", ["seminar.views"]),
    ("models", "import matplotlib.pyplot as plt", ["matplotlib.pyplot"]),
    ("models", "from matplotlib.figure import Figure\nfrom seminar.models import params", []),
    ("instructor", "from seminar.views.room import room_app",
     ["seminar.views.room", "seminar.views.room.room_app"]),
    ("instructor", "from seminar.classroom import checks", []),
    ("classroom", "from seminar.instructor import grade", ["seminar.instructor", "seminar.instructor.grade"]),
    ("views", "from seminar.models import room\nfrom seminar.classroom import show", []),
])
def test_the_import_rule_can_fail(wing, source, expected):
    assert crossings(wing, source) == expected


def test_each_wing_says_what_lives_there_and_what_it_may_import():
    for wing in WINGS:
        init = PACKAGE_DIR / wing / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "import" in doc and len(doc) > 200, f"seminar/{wing}/__init__.py needs its docstring"


def test_the_top_level_keeps_only_what_every_wing_shares():
    top = sorted(p.name for p in PACKAGE_DIR.glob("*.py"))
    assert len(top) <= 6, f"seminar/ has {len(top)} modules at the top level: {top}"
    for path in PACKAGE_DIR.glob("*.py"):
        if path.name == "__main__.py":
            continue  # only calls seminar.instructor.cli
        wings = {m for m in imported_modules(path.read_text(encoding="utf-8"))
                 if m.split(".")[:2] in (["seminar", w] for w in WINGS)}
        assert not wings, f"seminar/{path.name} imports a wing: {sorted(wings)}"


def test_main_only_calls_the_instructor_cli():
    source = (PACKAGE_DIR / "__main__.py").read_text(encoding="utf-8")
    assert imported_modules(source) >= {"seminar.instructor.cli"}
    assert len(source.splitlines()) < 12


@pytest.mark.parametrize("wing", WINGS)
def test_each_wing_names_every_module_it_holds(wing):
    """A wing's ``__init__`` docstring is its map: a module it does not name is a newcomer's
    blind spot, and the map goes stale silently unless a test reads it."""
    folder = PACKAGE_DIR / wing
    doc = ast.get_docstring(ast.parse((folder / "__init__.py").read_text(encoding="utf-8"))) or ""
    modules = sorted(p.stem for p in folder.glob("*.py") if p.stem != "__init__")
    unnamed = [m for m in modules if f"``{m}``" not in doc]
    assert modules and not unnamed, f"seminar/{wing}/__init__.py does not name: {unnamed}"
