"""Template rendering: Jinja2 sandbox, CSS inlining, HTML-to-text."""

from desktop.templating.html_text import html_to_text
from desktop.templating.render import (Rendered, TemplateProblem, check_syntax, context_for,
                                       render_email, render_text)

__all__ = ["Rendered", "TemplateProblem", "check_syntax", "context_for", "html_to_text",
           "render_email", "render_text"]
