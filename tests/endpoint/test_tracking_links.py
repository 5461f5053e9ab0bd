"""Link rewriting touches only real ``<a href>`` http(s) links, and only their href."""

from __future__ import annotations

from desktop import tokens
from desktop.delivery.tracking import add_pixel, click_tracker, rewrite_links

KEY = bytes(32)
BASE = "https://shop.example/p"


def test_only_real_http_links_are_rewritten_and_the_rest_is_left_byte_for_byte() -> None:
    html = ("<html><body>\n<!-- <a href=\"https://in.comment/\">x</a> -->\n"
            "<p><a data-href=\"https://data.attr/\" href='https://one.example/a?x=1&amp;y=2' class=b>1</a>\n"
            "<a href=\"mailto:shop@example.com\">mail</a> <a href=\"#top\">top</a>\n"
            "<A HREF=https://two.example/>2</A> <a href=\"https://exämple.it/\">idn</a>\n"
            f"<a href=\"{BASE}/unsubscribe/abc\">unsub</a></p></body></html>")
    out = rewrite_links(html, click_tracker(BASE, KEY, 9))
    assert '<!-- <a href="https://in.comment/">x</a> -->' in out
    assert 'data-href="https://data.attr/"' in out and "class=b>1</a>" in out
    assert 'href="mailto:shop@example.com"' in out and 'href="#top"' in out
    assert 'href="https://exämple.it/"' in out and f'href="{BASE}/unsubscribe/abc"' in out
    tracked = [part.split('"')[0] for part in out.split(f'href="{BASE}/c/')[1:]]
    assert [tokens.verify_click(KEY, t) for t in tracked] == [
        tokens.ClickInfo(9, 0, "https://one.example/a?x=1&y=2"),   # entities read as the browser reads them
        tokens.ClickInfo(9, 1, "https://two.example/")]
    assert out.count("<a ") + out.count("<A ") == html.count("<a ") + html.count("<A ")


def test_the_pixel_goes_before_the_end_of_the_body() -> None:
    out = add_pixel("<html><body><p>x</p></body></html>", BASE, KEY, 5)
    assert out.endswith('border:0"></body></html>')
    src = out.split('<img src="')[1].split('"')[0]
    assert src.startswith(f"{BASE}/o/") and tokens.verify_open(KEY, src.rsplit("/", 1)[1]) == 5
    assert add_pixel("<p>fragment</p>", BASE, KEY, 5).startswith("<p>fragment</p><img ")
