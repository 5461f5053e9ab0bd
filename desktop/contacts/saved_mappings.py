"""Mappings a person built (in the wizard or with ``--map``), saved under a name and reused.

They live in the workspace's ``meta`` table, one JSON object per name and kind, so they
travel with the workspace and need no schema change.
"""

from __future__ import annotations

import json

from desktop.errors import InputError
from desktop.messages import Msg, define
from desktop.workspace import Workspace

_PREFIX = "import.mapping."
KINDS = ("contacts", "events")

define({
    "mapping.bad_name": ("il nome di un'associazione va da 1 a 80 caratteri", "a mapping name must be 1 to 80 characters"),
    "mapping.bad_part": ("{part!r} non è nella forma COLONNA=campo", "{part!r} is not COLUMN=field"),
})


def _key(kind: str, name: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown mapping kind {kind!r}")
    if not name.strip() or len(name) > 80:
        raise InputError(Msg("mapping.bad_name"), "--save-mapping")
    return f"{_PREFIX}{kind}.{name.strip()}"


def save_mapping(ws: Workspace, kind: str, name: str, mapping: dict[str, str | None]) -> None:
    ws.db.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                  [_key(kind, name), json.dumps(mapping, ensure_ascii=False, sort_keys=True)])


def load_mapping(ws: Workspace, kind: str, name: str) -> dict[str, str | None] | None:
    stored = ws.meta(_key(kind, name))
    return None if stored is None else json.loads(stored)


def mapping_names(ws: Workspace, kind: str) -> list[str]:
    prefix = f"{_PREFIX}{kind}."
    rows = ws.db.execute("SELECT key FROM meta WHERE key LIKE ? ORDER BY key", [prefix + "%"]).fetchall()
    return [r[0][len(prefix):] for r in rows]


def parse_map_option(text: str) -> dict[str, str | None]:
    """``"Colonna=field,Altra=,Terza=ignore"`` -> ``{"Colonna": "field", "Altra": None, ...}``.

    A header holding a comma or ``=`` can be quoted: ``"Nome, completo"=full_name``.
    """
    import csv

    result: dict[str, str | None] = {}
    for part in next(csv.reader([text], skipinitialspace=True), []):
        if not part.strip():
            continue
        header, eq, target = part.rpartition("=")
        if not eq or not header.strip():
            raise InputError(Msg("mapping.bad_part", {"part": part}), "--map")
        chosen = target.strip()
        result[header.strip()] = None if chosen in ("", "ignore", "-") else chosen
    return result
