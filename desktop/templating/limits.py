"""Limits for rendering one template part, inside the Jinja sandbox.

A template is written by the shop owner (or pasted from somewhere), and one send runs it
for every contact in the engine's thread. Jinja's sandbox stops attribute escapes, not
cost: ``'x'*10**9`` allocates a gigabyte, ``10**(10**9)`` never finishes, two nested
``range(100000)`` loops run 10^10 steps and a recursive macro ends in ``RecursionError``.
So, per render:

- operators ``* ** + %`` and the growing string methods and filters are checked *before*
  they run (result length ≤ ``MAX_STRING``, integers ≤ ``MAX_INT_BITS`` bits);
- every ``{% for %}`` loop and every ``~`` concatenation is rewritten in the parsed tree to go
  through a guard: at most ``MAX_STEPS`` loop steps, concatenations ≤ ``MAX_STRING``;
- calls nest at most ``MAX_DEPTH`` deep (macros, ``caller()``, recursive loops);
- the output is collected piece by piece and stops at ``MAX_OUTPUT`` characters or after
  ``TIME_LIMIT`` seconds (checked between pieces and every 256 loop steps).

Breaking a limit raises ``RenderLimit``; the renderer turns it into ``TemplateProblem``.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Callable

from jinja2 import nodes, pass_eval_context
from jinja2.nodes import EvalContext
from jinja2.runtime import markup_join, str_join
from jinja2.visitor import NodeTransformer

from desktop.messages import Msg, define

MAX_OUTPUT = 1_000_000      # characters in one rendered part
MAX_STRING = 1_000_000      # characters (or items) in any value made while rendering
MAX_STEPS = 250_000         # loop steps in one render
MAX_DEPTH = 40              # nested calls
MAX_INT_BITS = 4096         # about 1,200 decimal digits
TIME_LIMIT = 2.0            # seconds for one part
_FORMAT_WIDTH = re.compile(r"%[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?|\{[^{}]*:[^{}]*\}")

define({"template.limit": (
    "il modello {template!r}, {part}: supera il limite di {what} ({limit})",
    "template {template!r}, {part}: exceeds the {what} limit ({limit})")})


class RenderLimit(Exception):
    def __init__(self, what: str, limit: object) -> None:
        super().__init__(f"{what} limit ({limit})")
        self.what, self.limit = what, limit

    def msg(self, template: str, part: str) -> Msg:
        return Msg("template.limit", {"template": template, "part": part, "what": self.what,
                                      "limit": self.limit})


class _State(threading.local):
    steps = 0
    depth = 0
    deadline = float("inf")


_STATE = _State()


@contextmanager
def budget(time_limit: float = TIME_LIMIT) -> Iterator[None]:
    """One render's allowance (per thread: the UI preview and the engine may render at once)."""
    saved = (_STATE.steps, _STATE.depth, _STATE.deadline)
    _STATE.steps, _STATE.depth, _STATE.deadline = 0, 0, time.monotonic() + time_limit
    try:
        yield
    finally:
        _STATE.steps, _STATE.depth, _STATE.deadline = saved


def check_time() -> None:
    if time.monotonic() > _STATE.deadline:
        raise RenderLimit("time", f"{TIME_LIMIT:g} s")


def collect(pieces: Iterable[str]) -> str:
    """The output of ``template.generate()``, stopped at the size or time limit."""
    out: list[str] = []
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > MAX_OUTPUT:
            raise RenderLimit("output", f"{MAX_OUTPUT} characters")
        check_time()
        out.append(piece)
    return "".join(out)


def _size(n: int) -> None:
    if n > MAX_STRING:
        raise RenderLimit("size", f"{MAX_STRING} characters")


def _bits(value: int) -> int:
    return abs(value).bit_length()


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too large, before Python computes it."""
    sized = (str, list, tuple)
    if operator == "*":
        if isinstance(left, sized) and isinstance(right, int):
            _size(len(left) * max(right, 0))
        elif isinstance(right, sized) and isinstance(left, int):
            _size(len(right) * max(left, 0))
        elif isinstance(left, int) and isinstance(right, int) and _bits(left) + _bits(right) > MAX_INT_BITS:
            raise RenderLimit("number", f"{MAX_INT_BITS} bits")
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            if _bits(left) * right > MAX_INT_BITS:
                raise RenderLimit("number", f"{MAX_INT_BITS} bits")
    elif operator == "+":
        if isinstance(left, sized) and isinstance(right, sized):
            _size(len(left) + len(right))
    elif operator == "%" and isinstance(left, str):
        check_format(left, right if isinstance(right, tuple) else (right,))


def check_format(fmt: str, args: Iterable[Any] = ()) -> None:
    """``%`` and ``str.format`` widths: ``'%999999999s'`` would build a gigabyte of spaces."""
    for spec in _FORMAT_WIDTH.finditer(fmt):
        for number in re.findall(r"\d+", spec.group(0)):
            if int(number) > MAX_STRING:
                raise RenderLimit("size", f"{MAX_STRING} characters")
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool) and arg > MAX_STRING:
            raise RenderLimit("size", f"{MAX_STRING} characters")


def _replace_size(text: str, old: str, new: str, count: int | None = None) -> int:
    hits = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        hits = min(hits, count)
    return len(text) + hits * (len(new) - len(old))


def check_method(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """String methods that can grow a string a lot, checked before the call."""
    owner, name = getattr(obj, "__self__", None), getattr(obj, "__name__", "")
    if not isinstance(owner, str):
        return
    if name in ("ljust", "rjust", "center", "zfill") and args and isinstance(args[0], int):
        _size(args[0])
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        _size(len(owner) + owner.count("\t") * max(int(size), 0))
    elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        _size(_replace_size(owner, args[0], args[1], args[2] if len(args) > 2 else kwargs.get("count")))
    elif name in ("format", "format_map"):
        check_format(owner, list(args) + list(kwargs.values()))


@contextmanager
def call_depth() -> Iterator[None]:
    _STATE.depth += 1
    try:
        if _STATE.depth > MAX_DEPTH:
            raise RenderLimit("depth", MAX_DEPTH)
        yield
    finally:
        _STATE.depth -= 1


def guard_iter(value: Iterable[Any]) -> Iterator[Any]:
    """Every ``{% for %}`` iterates through this (see ``GuardLoops``)."""
    state = _STATE
    for item in value:
        state.steps += 1
        if state.steps > MAX_STEPS:
            raise RenderLimit("loop", f"{MAX_STEPS} steps")
        if not state.steps & 255:
            check_time()
        yield item


@pass_eval_context
def guard_concat(eval_ctx: EvalContext, parts: list[Any]) -> str:
    """``a ~ b``: as Jinja joins it, but refused beyond ``MAX_STRING``."""
    joined = (markup_join if eval_ctx.autoescape else str_join)(parts)
    _size(len(joined))
    return joined


class GuardLoops(NodeTransformer):
    """Rewrites the parsed template so loops and ``~`` go through the guards above."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, "_guard_iter", [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return nodes.Filter(nodes.List(node.nodes, lineno=node.lineno), "_guard_concat", [], [], None, None,
                            lineno=node.lineno)


def _wrap(original: Callable[..., Any], check: Callable[..., None]) -> Callable[..., Any]:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        check(*args, **kwargs)
        return original(*args, **kwargs)
    for attr in ("jinja_pass_arg",):  # keep pass_eval_context / pass_environment markers
        if hasattr(original, attr):
            setattr(guarded, attr, getattr(original, attr))
    return guarded


def _skip_ctx(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the eval context or environment Jinja passes first to some filters."""
    from jinja2 import Environment

    return args[1:] if args and isinstance(args[0], (EvalContext, Environment)) else args


def guarded_filters(filters: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """Jinja's filters that can multiply a string, with their growth checked first."""

    def replace(*args: Any, **kw: Any) -> None:
        a = _skip_ctx(args)
        if len(a) >= 3:
            _size(_replace_size(str(a[0]), str(a[1]), str(a[2]), a[3] if len(a) > 3 else kw.get("count")))

    def center(*args: Any, **kw: Any) -> None:
        width = args[1] if len(args) > 1 else kw.get("width", 80)
        _size(int(width))

    def indent(*args: Any, **kw: Any) -> None:
        width = args[1] if len(args) > 1 else kw.get("width", 4)
        lines = str(args[0]).count("\n") + 1 if args else 1
        _size(len(str(args[0] if args else "")) + lines * (len(width) if isinstance(width, str) else int(width)))

    def format_(*args: Any, **kw: Any) -> None:
        check_format(str(args[0]) if args else "", list(args[1:]) + list(kw.values()))

    def batch(*args: Any, **kw: Any) -> None:
        _size(int(args[1] if len(args) > 1 else kw.get("linecount", 1)))

    def slice_(*args: Any, **kw: Any) -> None:
        a = _skip_ctx(args)
        _size(int(a[1] if len(a) > 1 else kw.get("slices", 1)))

    def wordwrap(*args: Any, **kw: Any) -> None:
        a = _skip_ctx(args)
        wrap = a[4] if len(a) > 4 else kw.get("wrapstring") or "\n"
        _size(len(str(a[0] if a else "")) * (1 + len(str(wrap))))

    checks = {"replace": replace, "center": center, "indent": indent, "format": format_,
              "batch": batch, "slice": slice_, "wordwrap": wordwrap}
    out = dict(filters)
    for name, check in checks.items():
        if name in out:
            out[name] = _wrap(out[name], check)
    out["join"] = _wrap_join(out["join"])
    out["_guard_iter"] = guard_iter
    out["_guard_concat"] = guard_concat
    return out


def _wrap_join(original: Callable[..., Any]) -> Callable[..., Any]:
    @pass_eval_context
    def join(eval_ctx: EvalContext, value: Iterable[Any], d: str = "", attribute: Any = None) -> Any:
        items = list(guard_iter(value))
        if attribute is None:
            _size(sum(len(str(x)) for x in items) + len(str(d)) * len(items))
        result = original(eval_ctx, items, d, attribute)
        _size(len(result))
        return result
    return join
