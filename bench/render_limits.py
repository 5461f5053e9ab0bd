"""What the rendering limits cost: an ordinary cart e-mail rendered for N distinct contacts
(every render distinct, so the memo does not help), and how long each hostile template takes
to be refused.

    .venv/bin/python bench/render_limits.py [--renders N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.templating import TemplateProblem, render_email  # noqa: E402
from tests.helpers.ledger import EMAIL_HTML  # noqa: E402

HOSTILE = {
    "recursion": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "giant_string": "{{ 'x' * 10**9 }}",
    "nested_ranges": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "huge_power": "{{ 10 ** (10 ** 9) }}",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--renders", type=int, default=5000)
    args = parser.parse_args()
    payload = {"event": {"ref": "c", "items": [{"name": "Tè verde", "price": 4.5}, {"name": "Tazza", "price": 9}]}}
    start = time.perf_counter()
    for i in range(args.renders):
        render_email("Cart", "{{ first_name }}, il carrello", EMAIL_HTML, "", {**payload, "first_name": f"N{i}"})
    rate = args.renders / (time.perf_counter() - start)
    refused = []
    for name, source in HOSTILE.items():
        start = time.perf_counter()
        try:
            render_email(name, "s", source, "", {})
        except TemplateProblem:
            pass
        refused.append(f"{name}_ms={(time.perf_counter() - start) * 1000:.1f}")
    print(f"RESULT renders={args.renders} renders_per_s={rate:.0f} " + " ".join(refused))


if __name__ == "__main__":
    main()
