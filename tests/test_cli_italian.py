"""The command line in Italian, run as a shop owner runs it (``main.py --language it ...`` in a
real process): the demo's summary, the statistics table, the connections list, a refused CSV
import and a refused connection say everything in Italian — no word of the engine's English
catalogue — and ``--language en`` still says what it always said.

The suspect words come from ``desktop.messages.catalog()`` the way the UI's language walk
builds them (``tests/ui/language_walk.py``): every English text's words, minus the words the
Italian texts use too; here only words of 5 letters or more, minus the workspace's own data
(group and rule names), the literal values typed after an option (``--consent pending``) and
the field an error names (``errore: security: ...``: the ``--security`` option).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.delivery.smtp_hints import open_failure
from desktop.messages import text
from desktop.workspace import Workspace
from tests.ui.language_walk import all_words, suspect_words, words_of

ROOT = Path(__file__).resolve().parents[1]
_TYPED = re.compile(r"--[a-z-]+(?: [a-z|-]+)?")  # an option and the value typed with it
# "errore: security: ...": the place is the name of the field (the option without its dashes)
_FIELD = re.compile(r"^(errore: )[a-z_.]+: ")


def run(data: Path, language: str, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "POSTINO_LANGUAGE"}
    env["LC_ALL"] = "C.UTF-8"  # an English terminal: only --language makes it Italian
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--language", language, "--data-dir", str(data),
                           *args], capture_output=True, text=True, timeout=300, env=env, cwd=ROOT)


@pytest.fixture(scope="module")
def english_words() -> set[str]:
    return {w for w in suspect_words("it") if len(w) >= 5}


@pytest.fixture(scope="module")
def italian_words() -> set[str]:
    return {w for w in suspect_words("en") if len(w) >= 5}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, str, str]:
    """A demo workspace with a few days of history and one feed connection; the demo's
    output in Italian (a first workspace) and in English (a second one, same seed)."""
    folder = tmp_path_factory.mktemp("italiano")
    made = run(folder, "it", "demo", "--contacts", "30", "--history-days", "3")
    assert made.returncode == 0, made.stderr
    english = run(tmp_path_factory.mktemp("english"), "en", "demo", "--contacts", "30", "--history-days", "3")
    assert english.returncode == 0, english.stderr
    assert run(folder, "it", "connect", "rss", "https://blog.example.it/feed", "--name", "blog").returncode == 0
    return folder, made.stdout, english.stdout


def _data_words(folder: Path) -> set[str]:
    with Workspace.open(folder) as ws:
        names = [r[0] for r in ws.db.execute("SELECT name FROM groups UNION ALL SELECT name FROM rules "
                                             "UNION ALL SELECT name FROM connections")]
    return all_words(" ".join(names))


def leaks(output: str, suspects: set[str], folder: Path) -> list[str]:
    """Each line of ``output`` holding a suspect word (with the words)."""
    found = []
    data = _data_words(folder)
    for line in output.splitlines():
        bad = sorted((words_of(_TYPED.sub(" ", _FIELD.sub(r"\1", line))) & suspects) - data)
        if bad:
            found.append(f"{line!r} -> {', '.join(bad)}")
    return found


def test_the_suspect_words_are_the_catalogue_s(english_words, italian_words) -> None:
    assert {"contacts", "connection", "nothing", "imported"} <= english_words
    assert {"contatti", "collegamento", "importato"} <= italian_words


def test_the_demo_summary_in_italian(demo, english_words) -> None:
    folder, italian, english = demo
    assert "Area di lavoro dimostrativa, contatti: 30" in italian
    assert "compleanni nei prossimi 7 giorni:" in italian and "carrelli abbandonati:" in italian
    assert re.search(r"^Storico: passi del motore \d+, messaggi inviati \d+ \(sandbox outbox/\); ", italian, re.M)
    assert "Regole dimostrative (simulale, poi attivale): " in italian and "Area di lavoro: " in italian
    assert leaks(italian, english_words, folder) == []
    # English as it always was
    assert "Demo workspace: 30 contacts" in english and "  birthdays in the next 7 days: " in english
    assert "  abandoned carts: " in english and "  purchase: " in english and " events" in english
    assert "History: " in english and "engine steps" in english
    assert "Demo rules (simulate them, then enable): " in english and "Workspace: " in english


def test_the_stats_report_in_italian(demo, english_words, italian_words) -> None:
    folder = demo[0]
    done = run(folder, "it", "stats", "--rebuild")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert re.search(r"^Tutte le regole: dal \d{4}-\d\d-\d\d al \d{4}-\d\d-\d\d \(Europe/Rome\)$", out, re.M)
    assert "tasso di apertura" in out and "acquisti / incasso" in out
    assert re.search(r"^regola +inviati +consegn\. +aperture +clic", out, re.M)
    assert re.search(r"^giorno +inviati", out, re.M)
    assert re.search(r"tasso di apertura +(\d+,\d%|—)$", out, re.M)      # 45,0%: the Italian decimal comma
    assert leaks(out, english_words, folder) == []
    english = run(folder, "en", "stats").stdout
    assert re.search(r"^All rules: \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(Europe/Rome\)$", english, re.M)
    assert re.search(r"^rule +sent +deliv +opens +clicks +unsub +failed +orders +revenue$", english, re.M)
    assert re.search(r"^  open rate +(\d+\.\d%|—)$", english, re.M) and "  purchases / revenue  " in english
    assert leaks(english, italian_words, folder) == []


def test_the_connections_list_in_italian(demo, english_words, italian_words) -> None:
    folder = demo[0]
    done = run(folder, "it", "connections", "list")
    assert done.returncode == 0, done.stderr
    assert re.search(r"^blog +rss +attivo +ogni 30 min  ultimo controllo mai  portati -$", done.stdout, re.M)
    assert leaks(done.stdout, english_words, folder) == []
    english = run(folder, "en", "connections", "list").stdout
    assert re.search(r"^blog +rss +on +every 30 min  last poll never  brought -$", english, re.M)
    paused = run(folder, "it", "connections", "pause", "blog")
    assert paused.stdout.strip() == "collegamento 'blog' in pausa"
    assert "in pausa" in run(folder, "it", "connections", "list").stdout
    assert run(folder, "en", "connections", "resume", "blog").stdout.strip() == "connection 'blog' resumed"


def test_a_bad_csv_import_names_file_line_and_column_in_italian(demo, tmp_path, english_words) -> None:
    folder = demo[0]
    path = tmp_path / "clienti.csv"
    path.write_text("E-mail;Nome;Telefono\nanna@example.it;Anna;3331234567\nbruno@example.it;Bruno\n",
                    encoding="utf-8")
    done = run(folder, "it", "contacts", "import", str(path), "--consent", "pending")
    assert done.returncode == 2
    assert 'riga 3, colonna "Telefono": valori nella riga: 2, ma colonne nell\'intestazione: 3' in done.stdout
    assert "separatore punto e virgola (;)" in done.stdout and "consenso e-mail: 1 in attesa" in done.stdout
    assert done.stderr.strip() == f"errore: {path}: righe errate: 1; non è stato importato nulla"
    assert leaks(done.stdout + done.stderr, english_words, folder) == []
    english = run(folder, "en", "contacts", "import", str(path), "--consent", "pending")
    assert english.returncode == 2
    assert ('line 3, column "Telefono": the row has 2 values but the header has 3 columns (a truncated line?)'
            in english.stdout)
    assert "separator semicolon (;)" in english.stdout and "e-mail consent: 1 pending" in english.stdout
    assert english.stderr.strip() == f"error: {path}: 1 bad rows; nothing was imported"

    whole = tmp_path / "senza-indirizzi.csv"
    whole.write_text("Nome;Città\nAnna;Roma\n", encoding="utf-8")
    refused = run(folder, "it", "contacts", "import", str(whole))
    assert refused.returncode == 2
    assert refused.stderr.strip() == (f"errore: {whole}, riga 1: nessuna colonna contiene un indirizzo e-mail o un "
                                      "numero di cellulare (intestazioni: Nome, Città)")
    english = run(folder, "en", "contacts", "import", str(whole))
    assert english.stderr.strip() == (f"error: {whole}, line 1: no column holds an e-mail address or a mobile "
                                      "number (headers: Nome, Città)")
    missing = run(folder, "it", "contacts", "import", str(tmp_path / "nessuno.csv"))
    assert missing.returncode == 2 and missing.stderr.strip() == f"errore: {tmp_path / 'nessuno.csv'}: file non trovato"


@pytest.mark.parametrize(("args", "italian", "english"), [
    (("connect", "woocommerce", "http://shop.example.org"),
     "errore: url: 'http://shop.example.org' deve usare https:// (solo questo computer si può raggiungere con "
     "http semplice)",
     "error: url: 'http://shop.example.org' must use https:// (only this computer may be reached by plain http)"),
    (("connect", "rss", "https://blog.example.it/altro", "--name", "altro", "--every", "1"),
     "errore: every: un collegamento si controlla a intervalli tra 5 minuti e 24 ore, non ogni 1 min",
     "error: every: a connection is polled every 5 minutes to 24 hours, not every 1 min"),
    (("connect", "mailbox", "mail.example.org", "--user", "u", "--security", "none"),
     "errore: security: una casella su un altro computer richiede ssl o starttls (la password viaggerebbe in "
     "chiaro)",
     "error: security: a mailbox on another computer needs ssl or starttls (the password would travel in clear)"),
    (("connect", "rss", "https://blog.example.it/feed", "--name", "blog"),
     "errore: name: esiste già un collegamento chiamato 'blog'",
     "error: name: there is already a connection named 'blog'"),
    (("connections", "remove", "nessuno"),
     "errore: name: non c'è nessun collegamento chiamato 'nessuno'",
     "error: name: there is no connection named 'nessuno'"),
])
def test_a_bad_connection_setting_is_exit_2_in_italian(demo, args, italian, english, english_words) -> None:
    folder = demo[0]
    done = run(folder, "it", *args)
    assert done.returncode == 2 and done.stderr.strip() == italian
    assert leaks(done.stderr, english_words, folder) == []
    done = run(folder, "en", *args)
    assert done.returncode == 2 and done.stderr.strip() == english


def test_bad_options_of_stats_demo_and_simulate_in_italian(demo) -> None:
    folder = demo[0]
    for args, italian in [
        (("stats", "--since", "2026-12-01", "--until", "2026-11-01"),
         "errore: --since/--until: l'intervallo inizia (2026-12-01) dopo la sua fine (2026-11-01)"),
        (("stats", "--rule", "Nessuna"), "errore: --rule: nessuna regola si chiama 'Nessuna'; `rules list` le elenca"),
        (("stats", "--since", "ieri"), "errore: --since: 'ieri' non è una data come 2026-11-30"),
        (("demo", "--history-days", "-1"), "errore: --history-days: i giorni di storico non possono essere negativi"),
        (("simulate", "--days", "0"), "errore: --days: dev'essere tra 1 e 366"),
    ]:
        done = run(folder, "it", *args)
        assert (done.returncode, done.stderr.strip()) == (2, italian)
    assert run(folder, "en", "stats", "--since", "ieri").stderr.strip() == \
        "error: --since: 'ieri' is not a date like 2026-11-30"


def test_one_second_is_singular() -> None:
    """"entro 1 secondi" was wrong Italian (and "within 1 seconds" wrong English)."""
    def said(timeout: float, language: str) -> str:
        failure = open_failure(TimeoutError("timed out"), host="", port=2525, security="plain", user="u",
                               client=None, clean=str, timeout=timeout)
        return text(failure.msg, language)

    assert "non ha risposto entro 1 secondo —" in said(1.0, "it")
    assert "did not answer within 1 second —" in said(1.0, "en")
    assert "non ha risposto entro 10 secondi —" in said(10.0, "it")
    assert "did not answer within 10 seconds —" in said(10.0, "en")
    assert "1 secondi" not in said(1.0, "it") and "0.5 secondi" in said(0.5, "it")


def test_the_new_codes_say_the_same_things_in_both_languages() -> None:
    """Each code of these areas fills the same parameters in Italian and in English (a
    parameter only one language shows is a fact the other reader never learns)."""
    import string

    from desktop.messages import catalog

    suspect_words("it")  # loads every module's codes
    areas = ("import.", "contact.", "connection.", "cli.", "stats.", "demo.", "events.", "mapping.", "export.",
             "consent.", "simulate.", "secret.", "address.not", "address.bad", "http.n", "imap.", "update.no",
             "report.status", "smtp.timeout")
    fields = lambda t: {p[1].split("!")[0] for p in string.Formatter().parse(t) if p[1] is not None}  # noqa: E731
    checked = {code: texts for code, texts in catalog().items() if code.startswith(areas)}
    assert len(checked) > 150
    assert [c for c, t in checked.items() if fields(t["it"]) != fields(t["en"])] == []


def test_the_preview_keeps_the_file_status_reason_coded(tmp_path) -> None:
    """The import wizard shows why the whole file seems unsubscribed in its own language."""
    from desktop.contacts.csv_import import preview_csv

    path = tmp_path / "unsubscribed_members_export.csv"
    path.write_text("Email Address,First Name\nanna@example.it,Anna\n", encoding="utf-8")
    preview = preview_csv(path)
    assert preview.file_status == "unsubscribed"
    assert preview.file_status_why == "from the file name unsubscribed_members_export.csv"
    assert text(preview.file_status_msg, "it") == "dal nome del file unsubscribed_members_export.csv"


def test_simulate_now_and_rules_check_in_italian(demo, english_words) -> None:
    folder = demo[0]
    done = run(folder, "it", "simulate", "--now", "--rule", "Benvenuto")
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"Benvenuto: se partisse ora, selezionati \d+, scartati \d+ \(già inviati\), esclusi \d+ "
                        r"\(senza consenso o recapito\)\n", done.stdout)
    assert leaks(done.stdout, english_words, folder) == []
    english = run(folder, "en", "simulate", "--now", "--rule", "Benvenuto").stdout
    assert re.fullmatch(r"Benvenuto: \d+ would be selected now, \d+ discarded \(already sent\), \d+ left out "
                        r"\(no consent or address\)\n", english)
    checked = run(folder, "it", "rules", "check")
    assert checked.returncode == 0 and checked.stdout.startswith(("Nessun conflitto", "Conflitti trovati: "))


def test_a_dispatch_line_names_its_outcomes_in_italian(tmp_path, capsys, monkeypatch) -> None:
    from desktop.cli import engine_cmd, words
    from desktop.delivery.dispatcher import DispatchSummary

    summary = DispatchSummary()
    for state in ("sent", "sent", "skipped", "uncertain", "something_new"):
        summary.add(state)
    with Workspace.open(tmp_path / "ws") as ws:
        monkeypatch.setattr(words, "chosen", "it")
        engine_cmd._print_dispatch(summary, 1, ws)
        monkeypatch.setattr(words, "chosen", "en")
        engine_cmd._print_dispatch(summary, 1, ws)
    italian, english = capsys.readouterr().out.split("uncertain: ", 1)
    assert "invii: inviati 2, saltati 1, something_new 1, incerti 1" in italian
    assert "incerti: messaggi interrotti da un arresto anomalo: 1; non verranno rinviati" in italian
    assert "dispatched: sent 2, skipped 1, something_new 1, uncertain 1" in english
