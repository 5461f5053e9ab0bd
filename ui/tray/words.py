"""The tray's words, Italian and English, as message codes (``desktop.messages``): the tray
lives outside the window's widgets, so it reads the app's current language each time."""

from __future__ import annotations

from typing import Any

from desktop.messages import Msg, define, text
from ui.resources import LANGUAGE

define({
    "tray.open": ("Apri Postino", "Open Postino"),
    "tray.pause": ("Sospendi tutti gli invii", "Pause all sends"),
    "tray.resume": ("Riprendi gli invii", "Resume sends"),
    "tray.check_now": ("Controlla ora ciò che è dovuto", "Check now what is due"),
    "tray.check_rule": ("Controlla ora una regola", "Check one rule now"),
    "tray.no_rules": ("nessuna regola attiva", "no enabled rule"),
    "tray.next_send": ("Prossimo invio: {when}", "Next send: {when}"),
    "tray.next_none": ("Nessun invio in programma", "No send scheduled"),
    "tray.quit": ("Esci (ferma gli invii)", "Quit (stops sending)"),
    "tray.state.running": ("Postino: invii automatici attivi", "Postino: automatic sends running"),
    "tray.state.paused": ("Postino: IN PAUSA, nulla viene controllato o inviato",
                          "Postino: PAUSED, nothing is checked or sent"),
    "tray.state.sandbox": ("Postino: modalità prova (i messaggi vanno nella cartella outbox)",
                           "Postino: sandbox (messages go to the outbox folder)"),
    "tray.state.attention": ("Postino: qualcosa richiede la tua attenzione",
                             "Postino: something needs your attention"),
    "tray.state.elsewhere": ("Postino: il motore gira in un'altra copia", "Postino: the engine runs in another copy"),
    "tray.close_title": ("Postino continua a lavorare", "Postino keeps working"),
    "tray.close_notice": (
        "La finestra è chiusa, ma Postino resta attivo nell'area di notifica e continua a inviare i "
        "messaggi automatici. Per fermarlo scegli «Esci» dal menu dell'icona.",
        "The window is closed, but Postino stays in the system tray and keeps sending the automatic "
        "messages. To stop it, choose Quit from the icon's menu."),
    "tray.no_tray_notice": (
        "Questo desktop non ha un'area di notifica: la finestra viene ridotta a icona invece di "
        "chiudersi, così gli invii automatici continuano. Per fermare Postino premi Ctrl+Q nella sua "
        "finestra.",
        "This desktop has no system tray: the window is minimised instead of closed, so the automatic "
        "sends go on. To stop Postino, press Ctrl+Q in its window."),
    "tray.quit_title": ("Uscire da Postino?", "Quit Postino?"),
    "tray.quit_queued": (
        "Messaggi in programma nei prossimi {minutes} minuti: {count}. Se esci non partiranno "
        "finché Postino non viene riaperto. Uscire comunque?",
        "{count} message(s) are due in the next {minutes} minutes: if you quit they will not go out "
        "until Postino runs again. Quit anyway?"),
    "tray.uncertain": (
        "Invii rimasti incerti dopo un'interruzione: {count}. Controllali in Attività.",
        "{count} send(s) were left uncertain by an interruption: check them in Activity."),
    "tray.channel_paused": ("Invii {channel} sospesi: {why}. Clicca per aprire le Impostazioni.",
                            "{channel} sends paused: {why}. Click to open Settings."),
    "tray.secret_missing": ("Messaggi scritti nella cartella outbox invece di partire: {why}. Clicca per "
                            "aprire le Impostazioni.",
                            "Messages are written to the outbox folder instead of being sent: {why}. Click to "
                            "open Settings."),
    "tray.engine_error": ("{why}. Clicca per aprire Attività.", "{why}. Click to open Activity."),
    "tray.busy_title": ("Postino è già attivo", "Postino is already running"),
    "tray.busy": (
        "Il motore di Postino gira già per questa cartella di lavoro ({holder}). Una sola copia alla "
        "volta può controllare le regole e inviare: ferma l'altra (il servizio: Ctrl+C) e riapri Postino.",
        "Postino's engine is already running for this workspace ({holder}). Only one copy at a time may "
        "check rules and send: stop the other one (the service: Ctrl+C) and open Postino again."),
    "tray.summary": ("Ieri ({day}): {sent} inviati, {failed} non riusciti, {uncertain} incerti.",
                     "Yesterday ({day}): {sent} sent, {failed} failed, {uncertain} uncertain."),
    "tray.show_log": ("Mostra registro", "Show log"),
})


def say(code: str, **params: Any) -> str:
    return text(Msg(code, params), LANGUAGE.code)
