"""CSS inlined into the template once per template version, not once per recipient.

Mail clients (Gmail above all) ignore ``<style>`` blocks, so styles must sit in ``style=""``
attributes. premailer does that but costs milliseconds per call; running it on the template
source, with every Jinja tag swapped for an inert placeholder and put back afterwards,
makes the cost once per template instead of once per message.
"""

from __future__ import annotations

import functools
import re

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def _needs_inlining(html: str) -> bool:
    lowered = html.lower()
    return "<style" in lowered or 'rel="stylesheet"' in lowered


@functools.lru_cache(maxsize=256)
def inline_css(template_html: str) -> str:
    """The template with its ``<style>`` rules moved into ``style`` attributes."""
    if not template_html.strip() or not _needs_inlining(template_html):
        return template_html
    from premailer import Premailer

    tags: list[str] = []

    def hide(match: re.Match[str]) -> str:
        tags.append(match.group(0))
        return f"JINJATAG{len(tags) - 1:05d}X"

    hidden = _JINJA.sub(hide, template_html)
    out = Premailer(hidden, keep_style_tags=False, remove_classes=False,
                    disable_validation=True, allow_network=False,
                    cssutils_logging_level="CRITICAL").transform()
    return re.sub(r"JINJATAG(\d{5})X", lambda m: tags[int(m.group(1))], out)
