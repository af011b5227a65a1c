"""The apps stand in layers: ``thai`` and ``ownership`` at the bottom, ``core`` above them, the
content apps above ``core``, and the apps that bring sections together (search, feeds,
imports, oversight, transparency, demo) on top. No app imports one that imports it back,
directly or through others, at the top of a module or inside a function; migrations, which
keep the history of their time, are left out."""

import ast
import itertools
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.test import SimpleTestCase


def project_apps():
    """``{label: folder}`` of the apps that are this project's own."""
    base = Path(settings.BASE_DIR).resolve()
    return {
        config.name: Path(config.path)
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == base
    }


def imported_apps(folder, names):
    """``{other app: first place it is imported}`` for the modules of the app in ``folder``."""
    found = {}
    for path in sorted(folder.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                other = module.split(".")[0]
                if other in names and other != folder.name:
                    found.setdefault(other, f"{path.relative_to(folder.parent)}:{node.lineno}")
    return found


def cycles(graph):
    """Each import cycle once, as the list of apps around it."""
    seen, found = set(), []

    def visit(app, trail):
        for other in sorted(graph[app]):
            if other in trail:
                cycle = trail[trail.index(other) :]
                if frozenset(cycle) not in seen:
                    seen.add(frozenset(cycle))
                    found.append([*cycle, other])
            else:
                visit(other, [*trail, other])

    for app in sorted(graph):
        visit(app, [app])
    return found


class LayerTests(SimpleTestCase):
    def test_no_import_cycle_between_apps(self):
        folders = project_apps()
        graph = {name: imported_apps(folder, set(folders)) for name, folder in folders.items()}
        found = [
            " → ".join(f"{a} ({graph[a][b]})" for a, b in itertools.pairwise(cycle))
            for cycle in cycles(graph)
        ]
        self.assertEqual(found, [], "\n".join(found))

    def test_the_bottom_layers_import_no_other_app(self):
        folders = project_apps()
        for name in ("thai", "ownership", "pagecache"):
            with self.subTest(app=name):
                self.assertEqual(imported_apps(folders[name], set(folders)), {})
