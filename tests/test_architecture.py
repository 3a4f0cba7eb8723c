"""The house rules: the core stays pure (no Discord, database, settings, glue, archive, processes, gc or ctypes),
no module of the bot imports itself round a circle (not even for a type checker), and every folder stays small
enough to take in at a glance."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOT = ROOT / "bot"
CORE = BOT / "core"
# What the pure core may not import: the outside world, the bot's other layers, and the machinery of loading.
FORBIDDEN_IN_CORE = (
    "discord",
    "aiosqlite",
    "sqlite3",
    "asyncpg",
    "tantivy",
    "bot.stores",
    "bot.settings",
    "bot.glue",
    "bot.archive",
    "bot.posts",
    "bot.cli",
    "bot.migrations",
    "bot.app",
    "bot.commands",
    "bot.handlers",
    "bot.invocation",
    "bot.charts",
    "concurrent",
    "multiprocessing",
    "threading",
    "subprocess",
    "ctypes",
    "gc",
    "os",
    "shutil",
    "tempfile",
)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(tree: ast.AST) -> set[int]:
    """The ids of the nodes under `if TYPE_CHECKING:`, which never run."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for statement in node.body for inner in ast.walk(statement))
    return skipped


def imported(path: Path, module: str | None = None, run_time_only: bool = False) -> Iterator[tuple[int, str]]:
    """(line, module) for every import in a file (the module `module`, by default the one at `path`), at the
    top or inside a function, `from a import b` giving both a and a.b (b may be a module); relative imports
    resolved. `run_time_only` leaves out the imports under `if TYPE_CHECKING:`."""
    module = module or module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skipped = _type_checking_only(tree) if run_time_only else set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def is_under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def test_core_imports_nothing_impure() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in sorted(CORE.rglob("*.py"))
        for line, module in imported(path)
        if any(is_under(module, forbidden) for forbidden in FORBIDDEN_IN_CORE)
    ]
    assert not found, "bot/core must stay pure:\n" + "\n".join(found)


def test_the_rule_catches_every_kind_of_import(tmp_path: Path) -> None:
    """The check above is only as good as `imported`: each way of writing an import is seen."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import gc\nimport concurrent.futures as cf\nfrom ctypes import CDLL\nfrom os import path\n"
        "from .. import stores\n"
        "def later():\n    import discord\n    from bot.archive.load import load_corpus\n",
        encoding="utf-8",
    )
    modules = {module for _, module in imported(sample, "bot.core.sample")}
    assert {"gc", "concurrent.futures", "ctypes", "os.path", "bot.stores", "discord", "bot.archive.load"} <= modules


def test_imports_for_type_checkers_only_are_left_out_of_the_circle_check(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import bot.app\nimport bot.stores\n", encoding="utf-8"
    )
    assert {m for _, m in imported(sample, "bot.sample")} >= {"bot.app", "bot.stores"}
    assert "bot.app" not in {m for _, m in imported(sample, "bot.sample", run_time_only=True)}


def test_importing_all_of_core_loads_no_discord_database_or_loading() -> None:
    """Imports at run time, not only as written: a module core imports must not pull these in either."""
    script = (
        "import importlib, json, pkgutil, sys\n"
        "import bot.core\n"
        "for info in pkgutil.walk_packages(bot.core.__path__, 'bot.core.'):\n"
        "    importlib.import_module(info.name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = json.loads(result.stdout)
    assert "bot.core.answers.timeline" in loaded  # the walk did reach the modules
    # (third-party libraries may load ctypes or threads for themselves; the check above covers core's own)
    unwanted = [name for name in FORBIDDEN_IN_CORE if name in ("discord", "aiosqlite") or name.startswith("bot.")]
    assert [m for m in loaded if any(is_under(m, u) for u in unwanted)] == []


def import_graph() -> dict[str, set[str]]:
    """Each module of bot/ and the modules of bot/ it imports: at the top, inside a function, or only for a
    type checker (a type hint that needs a module which needs this one back is a coupling all the same)."""
    modules = {module_name(path): path for path in BOT.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = {target for _, target in imported(path)}
        graph[name] = {target for target in targets if target in modules and target != name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_circles_are_found() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_no_module_of_the_bot_imports_itself_round_a_circle() -> None:
    graph = import_graph()
    assert {"bot.core.corpus", "bot.archive.load", "bot.glue.client"} <= set(graph)
    found = circles(graph)
    assert not found, "import circles:\n" + "\n".join(" ↔ ".join(group) for group in found)


MOST_IN_A_PACKAGE = 12  # modules a reader takes in at a glance
MOST_AT_THE_TOP = 7  # bot/ itself: the entry point, the settings, the App with its table and handlers
MOST_LINES = 320  # a module of ~100–300 lines does one job


def modules_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.py") if p.name != "__init__.py")


def test_every_package_of_the_bot_is_small_enough_to_read_at_a_glance() -> None:
    packages = {folder for folder in [BOT, *BOT.rglob("*")] if folder.is_dir() and (folder / "__init__.py").exists()}
    assert len(modules_in(BOT)) <= MOST_AT_THE_TOP, modules_in(BOT)
    crowded = {
        str(folder.relative_to(ROOT)): len(modules_in(folder))
        for folder in packages
        if len(modules_in(folder)) > MOST_IN_A_PACKAGE
    }
    assert not crowded, f"packages of more than {MOST_IN_A_PACKAGE} modules: {crowded}"


def test_no_module_outgrows_one_job() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for path in BOT.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert not long, f"modules over {MOST_LINES} lines: {long}"


def test_every_module_says_what_it_holds_in_one_line() -> None:
    unsaid = []
    for path in BOT.rglob("*.py"):
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        if not docstring:
            unsaid.append(str(path.relative_to(ROOT)))
    assert not unsaid, f"modules without a docstring: {unsaid}"


def test_the_rules_count_modules_as_a_reader_does(tmp_path: Path) -> None:
    (tmp_path / "__init__.py").write_text("")
    for name in ("a.py", "b.py", "notes.sql"):
        (tmp_path / name).write_text("")
    assert modules_in(tmp_path) == ["a.py", "b.py"]
