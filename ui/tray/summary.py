"""The optional daily summary (``service.daily_summary``): once a day, after 09:00 business
time, the tray says what went out the day before — sent, failed, uncertain — so a shop that
never opens the window still learns that Postino is working, or that it is not."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop.timeutil import to_db
from ui.ops import OpContext

SUMMARY_AFTER = time(9, 0)


def summary_day(now: datetime, zone: str, last_shown: str | None) -> date | None:
    """The day to summarise now (yesterday, business time), or ``None`` if it is before 09:00
    or today's summary was already shown."""
    local = now.astimezone(ZoneInfo(zone))
    if local.time() < SUMMARY_AFTER or last_shown == local.date().isoformat():
        return None
    return local.date() - timedelta(days=1)


def day_counts(c: OpContext, day: date, zone: str) -> dict[str, int]:
    """Sent (by ``sent_at``), failed and uncertain (by their last change) on ``day``."""
    tz = ZoneInfo(zone)
    start = datetime.combine(day, time(0), tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tz)
    bounds = [to_db(start), to_db(end)]
    db = c.ws.db
    sent = db.execute("SELECT count(*) FROM ledger WHERE state = 'sent' AND sent_at >= ? AND sent_at < ?",
                      bounds).fetchone()[0]
    others = dict(db.execute(
        "SELECT state, count(*) FROM ledger WHERE state IN ('failed', 'uncertain') "
        "AND updated_at >= ? AND updated_at < ? GROUP BY state", bounds).fetchall())
    return {"sent": sent, "failed": others.get("failed", 0), "uncertain": others.get("uncertain", 0)}
