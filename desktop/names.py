"""Names a person gives things (rules, templates, groups, tags) and one-line settings: no line
breaks or control characters. A rule named "Bad\\nName\\x00" broke every line of `rules list`
after it, and the same characters in a header value would start a new mail header."""

from __future__ import annotations

import re

from desktop.messages import Msg, define

CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")

define({
    "name.control_chars": ("un nome non può contenere a capo, tabulazioni o caratteri di controllo",
                           "a name cannot contain line breaks, tabs or control characters"),
})


def name_problem(name: str) -> Msg | None:
    return Msg("name.control_chars") if CONTROL.search(name) else None
