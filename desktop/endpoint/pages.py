"""The few pages a recipient can see: confirm an unsubscribe, done, and "this link is not valid".

Plain HTML, no scripts, no outside resources, in Italian or English; every text is a coded
message (``desktop.messages``) and every value is escaped. The confirmation form posts back
to the same address, so a mail scanner that follows the link (GET) never unsubscribes
anyone; only a person pressing the button, or a mailbox provider's RFC 8058 POST, does.
"""

from __future__ import annotations

from html import escape

from desktop.messages import Msg, define, text

define({
    "endpoint.page_confirm_title": ("Annullare l'iscrizione?", "Unsubscribe?"),
    "endpoint.page_confirm": ("Non riceverai più e-mail da {shop}.", "You will no longer receive e-mails from {shop}."),
    "endpoint.page_confirm_sms": ("Non riceverai più SMS da {shop}.", "You will no longer receive text messages from {shop}."),
    "endpoint.page_button": ("Annulla l'iscrizione", "Unsubscribe"),
    "endpoint.page_done_title": ("Iscrizione annullata", "You are unsubscribed"),
    "endpoint.page_done": ("Fatto: {shop} non ti scriverà più su questo canale.",
                           "Done: {shop} will not write to you on this channel any more."),
    "endpoint.page_already": ("Risulti già disiscritto: non riceverai altri messaggi su questo canale.",
                              "You are already unsubscribed: no more messages will reach you on this channel."),
    "endpoint.page_invalid_title": ("Link non valido", "Link not valid"),
    "endpoint.page_invalid": ("Questo link non è valido o è incompleto. Se l'hai copiato, controlla di averlo "
                              "copiato per intero.",
                              "This link is not valid or is incomplete. If you copied it, check that you copied "
                              "all of it."),
    "endpoint.page_bad_form": ("Richiesta non riconosciuta: apri di nuovo il link e premi il pulsante.",
                               "Request not recognised: open the link again and press the button."),
    "endpoint.shop_fallback": ("questo negozio", "this shop"),
})

_STYLE = ("body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:32em;margin:4em auto;"
          "padding:0 1em;color:#222}button{font-size:1em;padding:.6em 1.2em;cursor:pointer}")


def _page(title: Msg, body: str, language: str) -> str:
    head = escape(text(title, language))
    return (f'<!DOCTYPE html>\n<html lang="{escape(language)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="robots" content="noindex"><title>{head}</title><style>{_STYLE}</style></head>'
            f"<body><h1>{head}</h1>{body}</body></html>\n")


def _shop(shop: str, language: str) -> str:
    return shop or text(Msg("endpoint.shop_fallback"), language)


def confirm_page(shop: str, channel: str, language: str) -> str:
    code = "endpoint.page_confirm_sms" if channel == "sms" else "endpoint.page_confirm"
    line = escape(text(Msg(code, {"shop": _shop(shop, language)}), language))
    button = escape(text(Msg("endpoint.page_button"), language))
    form = (f'<p>{line}</p><form method="post"><input type="hidden" name="confirm" value="1">'
            f'<button type="submit">{button}</button></form>')
    return _page(Msg("endpoint.page_confirm_title"), form, language)


def done_page(shop: str, language: str, already: bool = False) -> str:
    msg = Msg("endpoint.page_already") if already else Msg("endpoint.page_done", {"shop": _shop(shop, language)})
    return _page(Msg("endpoint.page_done_title"), f"<p>{escape(text(msg, language))}</p>", language)


def invalid_page(language: str = "it", bad_form: bool = False) -> str:
    msg = Msg("endpoint.page_bad_form" if bad_form else "endpoint.page_invalid")
    return _page(Msg("endpoint.page_invalid_title"), f"<p>{escape(text(msg, language))}</p>", language)
