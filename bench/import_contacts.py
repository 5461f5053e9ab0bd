"""Benchmark: import a 100,000-row Italian-style CSV into a fresh workspace.

Target (issue 2): 100,000 rows in under 10 s on a 2-core machine, with memory flat
(the file is streamed, never loaded whole). Prints figures and a final RESULT line.

    .venv/bin/python bench/import_contacts.py [--rows N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.contacts.csv_import import import_contacts  # noqa: E402
from desktop.workspace import Workspace  # noqa: E402

FIRST = ["Mario", "Giulia", "Luca", "Francesca", "Marco", "Chiara", "Andrea", "Sara", "Matteo", "Elena",
         "Niccolò", "Lucía", "Davide", "Martina", "Simone", "Alessia", "Federico", "Giorgia", "Paolo", "Anna"]
LAST = ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
        "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti"]
CITIES = ["Milano", "Roma", "Torino", "Napoli", "Bologna", "Firenze", "Bari", "Palermo", "Genova", "Verona"]
HEADER = ("Nome;Cognome;E-mail;Cellulare;Data di nascita;Lingua;Fuso orario;Data di registrazione;"
          "Consenso email;Consenso SMS;Città;Punti fedeltà\n")


def write_csv(path: Path, rows: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for i in range(rows):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            email = f"{first.lower().replace('ò', 'o').replace('í', 'i')}.{last.lower().replace(' ', '')}{i}@example.it"
            phone = f"3{rng.choice('234679')}{rng.randint(0, 9)} {i % 1000:03d} {i // 1000 % 10000:04d}" \
                if rng.random() < 0.8 else ""
            born = date(1950, 1, 1) + timedelta(days=rng.randint(0, 20000))
            registered = start + timedelta(days=rng.randint(0, 700))
            zone = "Europe/Rome" if rng.random() < 0.7 else ""
            points = f"{rng.randint(0, 5000)},{rng.randint(0, 99):02d}"
            out.write(f"{first};{last};{email};{phone};{born:%d/%m/%Y};it;{zone};{registered:%d/%m/%Y};"
                      f"{rng.choice(['sì', 'no', 'sì'])};{rng.choice(['sì', 'no'])};{rng.choice(CITIES)};{points}\n")


def peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux. (The parsing workers' own figure is not shown: for a
    # spawned child it includes the parent's pages at fork time, so it would mislead.)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process and its finished worker processes: unlike wall time, it does
    not grow when other programs load the machine."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="write the CSV and workspace here instead of a temp folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        csv_path = folder / "contacts.csv"
        t0 = time.perf_counter()
        write_csv(csv_path, args.rows)
        print(f"generated {args.rows} rows ({csv_path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s")
        base_mb = peak_mb()
        now = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
        with Workspace.open(folder / "ws") as ws:
            t0, c0 = time.perf_counter(), cpu_seconds()
            report = import_contacts(ws, csv_path, now=now, consent="subscribed")
            seconds, cpu = time.perf_counter() - t0, cpu_seconds() - c0
            print(report.format())
            peak = peak_mb()
            t1 = time.perf_counter()
            again = import_contacts(ws, csv_path, now=now, consent="subscribed")
            print(f"re-import: created={again.created} updated={again.updated} unchanged={again.unchanged} "
                  f"in {time.perf_counter() - t1:.1f} s")
        if not report.committed or report.created != args.rows:
            print("FAILED: the import did not create every row", file=sys.stderr)
            return 1
        print(f"peak RSS of this process: {base_mb:.0f} MB before the import, {peak:.0f} MB after it, "
              f"{peak_mb():.0f} MB after the re-import (SQLite's page cache is up to 64 MB of it)")
        print(f"CPU time of the first import (all processes): {cpu:.2f} s; load average {os.getloadavg()[0]:.2f}")
        print(f"RESULT rows={args.rows} seconds={seconds:.2f} rows_per_s={args.rows / seconds:.0f} "
              f"peak_mb={peak:.0f} cpu_s={cpu:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
