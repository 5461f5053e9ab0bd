"""Postino's engine: storage, contacts, rules, scheduling, delivery, simulation and statistics.

Nothing in this package imports Qt, so the engine runs headless (service, CLI, tests,
simulation) exactly as it runs under the desktop app.
"""


def _read_version() -> str:
    """The version written once, in ``pyproject.toml``.

    A checkout and a frozen bundle (whose spec copies ``pyproject.toml`` next to
    ``resources/``) read the file itself, so an editable install's stale metadata never
    wins; an installed wheel has no such file and uses its package metadata.
    """
    import tomllib

    from desktop.resources_path import bundle_root

    source = bundle_root() / "pyproject.toml"
    if source.is_file():
        project = tomllib.loads(source.read_text(encoding="utf-8")).get("project", {})
        if project.get("name") == "postino" and project.get("version"):
            return str(project["version"])
    from importlib import metadata

    return metadata.version("postino")


__version__ = _read_version()
