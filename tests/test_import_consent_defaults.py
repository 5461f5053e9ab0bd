"""A contact writer used without consent rules of its own never makes anyone subscribed.

``ChunkWriter`` is the one place import rows become contacts; its fallback used to be
"subscribed", so any import path that forgot to pass its rules invented consent.
"""

from __future__ import annotations

from desktop.contacts.report import ImportReport
from desktop.contacts.row_parse import ParsedRow
from desktop.contacts.writer import ChunkWriter


def test_a_writer_without_rules_leaves_new_contacts_pending(workspace, now) -> None:
    report = ImportReport("mem.csv", "contacts")
    with workspace.transaction():
        writer = ChunkWriter(workspace, now, report, None)
        writer.write_chunk([ParsedRow(2, {"email": "senza@example.it", "phone": "+393331112223"}),
                            ParsedRow(3, {"email": "detto@example.it", "email_status": "subscribed"})])
    silent = workspace.contacts.get(workspace.contacts.find("senza@example.it"))
    assert (silent["email_status"], silent["sms_status"]) == ("pending", "pending")
    assert report.consent_undecided == 1 and report.consent_undecided_lines == [2]
    said = workspace.contacts.get(workspace.contacts.find("detto@example.it"))
    assert said["email_status"] == "subscribed"  # what the row states is kept
