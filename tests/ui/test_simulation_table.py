"""The simulation table's filter and sort, worked out over the whole list at once."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from ui.simulation.table import SimRow, SimulationTableModel

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)


def _rows() -> list[SimRow]:
    people = [("Anna", "Benvenuto", "send"), ("Bruno", "Compleanno", "no_consent"), ("Carla", "Benvenuto", "send"),
              ("Dario", "Auguri", "send"), ("Elena", "Compleanno", "send")]
    return [SimRow(T0 + timedelta(minutes=i), T0 + timedelta(minutes=i), "Europe/Rome", rule, i, f"{name.lower()}@ex.it",
                   name, "email" if outcome == "send" else "", f"Ciao {name}", outcome, "")
            for i, (name, rule, outcome) in enumerate(people)]


def _shown(view: SimulationTableModel, column: int = 3) -> list[str]:
    return [view.index(r, column).data() for r in range(view.rowCount())]


def test_filters_combine_and_sorting_is_stable(qtbot) -> None:
    view = SimulationTableModel()
    view.set_rows(_rows())
    assert len(_shown(view)) == 5 and _shown(view)[0] == "Anna <anna@ex.it>"
    view.set_filter(rule="Benvenuto")
    assert _shown(view) == ["Anna <anna@ex.it>", "Carla <carla@ex.it>"]
    view.set_filter(rule="", show="not_sent")
    assert _shown(view) == ["Bruno <bruno@ex.it>"]
    view.set_filter(show="all", text="  CIAO E ")   # case and spaces do not matter
    assert _shown(view) == ["Elena <elena@ex.it>"]
    view.set_filter(text="", only_rows=frozenset({4, 1, 3}))
    assert _shown(view) == ["Bruno <bruno@ex.it>", "Dario <dario@ex.it>", "Elena <elena@ex.it>"]
    view.sort(2, Qt.SortOrder.AscendingOrder)      # by rule; equal rules keep their time order
    assert _shown(view, 2) == ["Auguri", "Compleanno", "Compleanno"]
    assert _shown(view) == ["Dario <dario@ex.it>", "Bruno <bruno@ex.it>", "Elena <elena@ex.it>"]
    view.set_filter(only_rows=None)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(view)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)   # a click on the header: newest first
    assert _shown(view)[0] == "Elena <elena@ex.it>" and _shown(view)[-1] == "Anna <anna@ex.it>"


def test_outcome_words_follow_the_language_in_search(qtbot) -> None:
    view = SimulationTableModel()
    view.set_rows(_rows())
    view.set_texts(list(view.COLUMNS), {"send": "Sent", "no_consent": "No consent"})
    view.set_filter(text="no consent")
    assert _shown(view) == ["Bruno <bruno@ex.it>"]
    view.set_texts(list(view.COLUMNS), {"send": "Inviato", "no_consent": "Senza consenso"})
    assert _shown(view) == []                       # searched again in the new words
    view.set_filter(text="senza consenso")
    assert _shown(view) == ["Bruno <bruno@ex.it>"] and view.index(0, 6).data() == "Senza consenso"


def test_a_table_sorted_by_outcome_is_sorted_again_in_a_new_language(qtbot) -> None:
    view = SimulationTableModel()
    view.set_rows(_rows())
    view.set_texts(list(view.COLUMNS), {"send": "Sent", "no_consent": "No consent"})
    view.sort(6, Qt.SortOrder.AscendingOrder)
    assert _shown(view, 6)[0] == "No consent"
    view.set_texts(list(view.COLUMNS), {"send": "Inviato", "no_consent": "Senza consenso"})
    assert _shown(view, 6) == ["Inviato"] * 4 + ["Senza consenso"]
