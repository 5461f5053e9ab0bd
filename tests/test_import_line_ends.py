"""Line ends a CSV meets in the wild: a classic Mac file (CR only) and one stray CR in a
Windows file. The delimiter sniff read its sample with LF-only line splitting, so a lone CR
failed every delimiter, ',' was kept, and the file was refused as having no e-mail column
("riga 1: nessuna colonna contiene un indirizzo e-mail"), blaming the header."""

from __future__ import annotations

from desktop.contacts.csv_import import import_contacts

ROWS = ["Nome;Email;Consenso email"] + [f"P{i};p{i}@example.it;si" for i in range(600)]


def test_a_cr_only_file_and_a_stray_cr_import_every_row(workspace, tmp_path, now) -> None:
    mac = tmp_path / "mac.csv"
    mac.write_bytes(("\r".join(ROWS) + "\r").encode("utf-8"))
    lines = list(ROWS)
    lines[300] = lines[300] + "\r" + lines.pop(301)  # one row ends with a bare CR
    stray = tmp_path / "stray.csv"
    stray.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    for path in (mac, stray):
        report = import_contacts(workspace, path, now=now)
        assert report.committed and report.rows == 600, path.name
    assert workspace.contacts.count() == 600
    assert workspace.db.execute("SELECT count(*) FROM contacts WHERE email_status = 'subscribed'").fetchone() == (600,)
