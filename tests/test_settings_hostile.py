"""Settings that would break a message's headers or HTML, or silence every rule, are refused."""

from __future__ import annotations

import pytest

from desktop.errors import InputError
from desktop.templates import Template, render


@pytest.mark.parametrize("key", ["business.name", "smtp.sender_name", "smtp.sender_email",
                                 "unsubscribe.mailbox", "smtp.username", "twilio.sender", "smtp.host"])
@pytest.mark.parametrize("breaker", ["\r\nBcc: everyone@example.com", "\nX: y", "\rX", "\x00", "\u2028"])
def test_line_breaks_never_reach_a_header(workspace, now, key, breaker) -> None:
    with pytest.raises(InputError) as info:
        workspace.settings.set(key, "shop@example.com" + breaker + "tail", now)
    assert info.value.where == f"setting {key}"
    assert workspace.settings.get(key) == ""


@pytest.mark.parametrize("value", ["shop@example.com>, other@example.com", "Shop <shop@example.com>",
                                   "not an address", "a@b@c.it"])
def test_a_sender_address_is_one_plain_address(workspace, now, value) -> None:
    for key in ("smtp.sender_email", "unsubscribe.mailbox"):
        with pytest.raises(InputError):
            workspace.settings.set(key, value, now)
    assert workspace.settings.set("smtp.sender_email", "negozio@example.it", now) == "negozio@example.it"


@pytest.mark.parametrize("bands", ["00:00-12:00, 12:00-00:00", "21:00-09:00,08:00-22:00", "00:00-23:59,23:59-00:00",
                                   "09:00-09:00"])
def test_quiet_hours_that_leave_no_time_to_send_are_refused(workspace, now, bands) -> None:
    with pytest.raises(InputError) as info:
        workspace.settings.set("business.quiet_hours", bands, now)
    assert info.value.where == "setting business.quiet_hours"
    assert workspace.settings.set("business.quiet_hours", "00:00-23:58", now) == "00:00-23:58"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://shop.example.com", "shop.example.com",
                                 'https://shop.example.com/"><script>alert(1)</script>',
                                 "https://shop.example.com/a b", "https://", "https://x.it/?a=1",
                                 "https://user@x.it", "data:text/html,<b>x</b>"])
def test_the_public_address_is_a_plain_web_address(workspace, now, url) -> None:
    with pytest.raises(InputError):
        workspace.settings.set("endpoint.public_url", url, now)
    assert workspace.settings.set("endpoint.public_url", "https://negozio.example.it/postino", now)


def test_a_business_name_with_markup_is_escaped_in_html(workspace, now) -> None:
    # Markup is allowed in the name (it is a name, "Rock & Roll <3"), and escaped where HTML is made.
    workspace.settings.set("business.name", "Rock & Roll <b>3</b>", now)
    template = Template(1, "t", "email", "Da {{ business_name }}", "<p>{{ business_name }}</p>", "")
    out = render(template, {"first_name": "Anna"}, extra={"business_name": workspace.settings.get("business.name")})
    assert "<p>Rock &amp; Roll &lt;b&gt;3&lt;/b&gt;</p>" in out.html
    assert out.subject == "Da Rock & Roll <b>3</b>"  # a subject is text, not HTML
