"""Step 4, Frequency: when conditions are checked, on which days, in which period, outside
which dates and hours, in which time zone — plus the re-send policy — and the schedule's
sentence in words, rewritten as the user edits."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QCompleter, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QRadioButton, QStackedWidget, QVBoxLayout, QWidget,
)

from desktop.errors import InputError
from desktop.messages import text as message_text
from desktop.rules.resend_default import suggested_resend
from desktop.schedule import BusinessDefaults, Schedule, describe
from desktop.schedule.model import WEEKDAYS
from ui.resources import LANGUAGE
from ui.rules.queries import bare_message
from ui.rules.schedule_widgets import BandList, DateList, MonthDayList, TimeList, WeekdayBoxes
from ui.rules.step_base import Step
from ui.rules.value_widgets import date_edit, int_spin
from ui.rules.words import resend_words, weekday_words
from ui.dates import month_name

NTH = (1, 2, 3, 4, 5, -1)


def combo(object_name: str, items: list[tuple[str, Any]]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(object_name)
    for text, data in items:
        box.addItem(text, data)
    return box


def choose(box: QComboBox, data: Any) -> None:
    index = box.findData(data)
    if index >= 0:
        box.setCurrentIndex(index)


class FrequencyStep(Step):
    prefixes = ("$.schedule", "$.resend")

    def __init__(self, business: BusinessDefaults, zones: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step_frequency")
        self.business = business
        self.belated = False  # "schedule.belated" has no control yet: kept as loaded, not dropped
        inner = QWidget()
        layout = QVBoxLayout(inner)
        for box in (self._check_box(), self._recurrence_box(), self._period_box(), self._blackout_box(),
                    self._quiet_box(), self._zone_box(zones), self._resend_box()):
            layout.addWidget(box)
        layout.addStretch(1)
        self.scrolled(inner)
        self.words = QLabel()
        self.words.setObjectName("schedule_words")
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout().addWidget(self.words)
        self.setTitle(self.tr("Frequency"))
        self.setSubTitle(self.tr("How often the conditions are checked (not how often someone is messaged), "
                                 "and when sends may go out."))
        self.changed.connect(self.update_words)
        self._sync()
        self.update_words()

    # --- sections ---------------------------------------------------------------------------
    def _check_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Check the conditions"))
        self.every_radio = QRadioButton(self.tr("&Every"))
        self.every_radio.setObjectName("check_every_mode")
        self.times_radio = QRadioButton(self.tr("At &fixed times"))
        self.times_radio.setObjectName("check_times_mode")
        self.every_radio.setChecked(True)
        self.check_every = int_spin(5, 1440)
        self.check_every.setObjectName("check_every")
        self.check_every.setValue(60)
        self.check_unit = combo("check_unit", [(self.tr("minutes"), "minutes"), (self.tr("hours"), "hours")])
        self.check_times = TimeList("check_times")
        every = QHBoxLayout()
        for w in (self.every_radio, self.check_every, self.check_unit):
            every.addWidget(w)
        every.addStretch(1)
        form = QFormLayout(box)
        form.addRow(every)
        form.addRow(self.times_radio, self.check_times)
        form.addRow(self.field_error("schedule.check", self.check_every))
        self.check_unit.currentIndexChanged.connect(self._unit_changed)
        for signal in (self.every_radio.toggled, self.check_every.valueChanged, self.check_times.changed):
            signal.connect(self.changed)
        self.every_radio.toggled.connect(self._sync)
        return box

    def _unit_changed(self) -> None:
        hours = self.check_unit.currentData() == "hours"
        self.check_every.setRange(1, 24) if hours else self.check_every.setRange(5, 1440)
        self.changed.emit()

    def _recurrence_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("On which days"))
        self.kind = combo("recurrence_kind", [(self.tr("Every day"), "daily"), (self.tr("Some weekdays"), "weekly"),
                                              (self.tr("Monthly"), "monthly"), (self.tr("Yearly"), "yearly")])
        self.weekdays = WeekdayBoxes("weekdays")
        self.every_weeks = int_spin(1, 52)
        self.every_weeks.setObjectName("every_weeks")
        self.every_weeks.setPrefix(self.tr("every "))
        self.every_weeks.setSuffix(self.tr(" week(s)"))
        weekly = QWidget()
        wl = QHBoxLayout(weekly)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.weekdays, 1)
        wl.addWidget(self.every_weeks)
        days = weekday_words()
        self.month_day_radio = QRadioButton(self.tr("on day"))
        self.month_day_radio.setChecked(True)
        self.month_day = int_spin(1, 31)
        self.month_day.setObjectName("month_day")
        self.month_nth_radio = QRadioButton(self.tr("on the"))
        self.month_nth_radio.setObjectName("month_nth_mode")
        self.month_nth = combo("month_nth", [(self.tr("first"), 1), (self.tr("second"), 2), (self.tr("third"), 3),
                                             (self.tr("fourth"), 4), (self.tr("fifth"), 5), (self.tr("last"), -1)])
        self.month_weekday = combo("month_weekday", list(zip(days, WEEKDAYS)))
        monthly = QWidget()
        ml = QHBoxLayout(monthly)
        ml.setContentsMargins(0, 0, 0, 0)
        for w in (self.month_day_radio, self.month_day, self.month_nth_radio, self.month_nth, self.month_weekday):
            ml.addWidget(w)
        ml.addStretch(1)
        self.year_month = combo("year_month", [(month_name(m), m) for m in range(1, 13)])
        self.year_day = int_spin(1, 31)
        self.year_day.setObjectName("year_day")
        yearly = QWidget()
        yl = QHBoxLayout(yearly)
        yl.setContentsMargins(0, 0, 0, 0)
        yl.addWidget(self.year_day)
        yl.addWidget(self.year_month)
        yl.addStretch(1)
        self.recurrence_details = QStackedWidget()
        for page in (QWidget(), weekly, monthly, yearly):
            self.recurrence_details.addWidget(page)
        form = QFormLayout(box)
        form.addRow(self.tr("&Repeat:"), self.kind)
        form.addRow(self.recurrence_details)
        form.addRow(self.field_error("schedule.recurrence", self.kind))
        self.kind.currentIndexChanged.connect(self._sync)
        for signal in (self.kind.currentIndexChanged, self.weekdays.changed, self.every_weeks.valueChanged,
                       self.month_day_radio.toggled, self.month_day.valueChanged, self.month_nth.currentIndexChanged,
                       self.month_weekday.currentIndexChanged, self.year_month.currentIndexChanged,
                       self.year_day.valueChanged):
            signal.connect(self.changed)
        return box

    def _period_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Active period"))
        self.from_on = QCheckBox(self.tr("From"))
        self.from_on.setObjectName("active_from_on")
        self.from_date = date_edit()
        self.from_date.setObjectName("active_from")
        self.to_on = QCheckBox(self.tr("Until (included)"))
        self.to_on.setObjectName("active_to_on")
        self.to_date = date_edit()
        self.to_date.setObjectName("active_to")
        row = QHBoxLayout()
        for w in (self.from_on, self.from_date, self.to_on, self.to_date):
            row.addWidget(w)
        row.addStretch(1)
        form = QFormLayout(box)
        form.addRow(row)
        form.addRow(self.field_error("schedule.active", self.from_date))
        for signal in (self.from_on.toggled, self.to_on.toggled, self.from_date.dateChanged, self.to_date.dateChanged):
            signal.connect(self.changed)
        self.from_on.toggled.connect(self._sync)
        self.to_on.toggled.connect(self._sync)
        return box

    def _blackout_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Except"))
        self.blackout_dates = DateList("blackout_dates")
        self.blackout_yearly = MonthDayList("blackout_yearly")
        self.blackout_weekdays = WeekdayBoxes("blackout_weekdays")
        self.blackout_policy = combo("blackout_policy", [(self.tr("skip the check"), "skip"),
                                                         (self.tr("move it to the next allowed day"), "next_allowed_day")])
        form = QFormLayout(box)
        form.addRow(self.tr("Dates:"), self.blackout_dates)
        form.addRow(self.tr("Every year on:"), self.blackout_yearly)
        form.addRow(self.tr("Weekdays:"), self.blackout_weekdays)
        form.addRow(self.tr("On a blocked day:"), self.blackout_policy)
        form.addRow(self.field_error("schedule.blackout", self.blackout_weekdays))
        for signal in (self.blackout_dates.changed, self.blackout_yearly.changed, self.blackout_weekdays.changed,
                       self.blackout_policy.currentIndexChanged):
            signal.connect(self.changed)
        return box

    def _quiet_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Quiet hours (no sends)"))
        self.bands = BandList()
        self.business_quiet = QCheckBox(self.tr("Also use the business default (%1)").replace(
            "%1", ", ".join(self.business.quiet_hours) or self.tr("none")))
        self.business_quiet.setObjectName("business_quiet")
        self.business_quiet.setChecked(True)
        self.quiet_policy = combo("quiet_policy", [(self.tr("wait until the quiet hours end"), "defer"),
                                                   (self.tr("skip the send"), "skip")])
        form = QFormLayout(box)
        form.addRow(self.bands)
        form.addRow(self.business_quiet)
        form.addRow(self.tr("A send that falls in quiet hours:"), self.quiet_policy)
        form.addRow(self.field_error("schedule.quiet_hours", self.bands))
        for signal in (self.bands.changed, self.business_quiet.toggled, self.quiet_policy.currentIndexChanged):
            signal.connect(self.changed)
        return box

    def _zone_box(self, zones: list[str]) -> QGroupBox:
        box = QGroupBox(self.tr("Time zone"))
        self.zone_rule = QRadioButton(self.tr("The rule's time zone:"))
        self.zone_rule.setObjectName("zone_rule_mode")
        self.zone_rule.setChecked(True)
        self.zone_recipient = QRadioButton(self.tr("Each recipient's own time zone"))
        self.zone_recipient.setObjectName("zone_recipient_mode")
        self.zone = QComboBox()
        self.zone.setObjectName("zone")
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.addItem(self.tr("Business time zone (%1)").replace("%1", self.business.zone), None)
        for name in zones:
            self.zone.addItem(name, name)
        completer = self.zone.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.missed = combo("missed", [(self.tr("catch up once"), "catch_up_once"), (self.tr("skip them"), "skip")])
        group = QButtonGroup(box)
        group.addButton(self.zone_rule)
        group.addButton(self.zone_recipient)
        form = QFormLayout(box)
        form.addRow(self.zone_rule, self.zone)
        form.addRow(self.zone_recipient)
        form.addRow(self.field_error("schedule.timezone", self.zone))
        form.addRow(self.tr("Checks missed while the computer was off:"), self.missed)
        form.addRow(self.field_error("schedule.missed", self.missed))
        for signal in (self.zone_rule.toggled, self.zone.currentIndexChanged, self.missed.currentIndexChanged):
            signal.connect(self.changed)
        self.zone_rule.toggled.connect(self._sync)
        return box

    def _resend_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Send again to the same contact"))
        self.resend = combo("resend_policy", [(w, k) for k, w in resend_words().items()])
        self.resend_days = int_spin(1, 3650)
        self.resend_days.setObjectName("resend_days")
        self.resend_days.setSuffix(self.tr(" days"))
        self.resend_days.setValue(30)
        # Why the policy fits the conditions, in one line (``desktop.rules.resend_default``).
        self.resend_why = QLabel()
        self.resend_why.setObjectName("resend_why")
        self.resend_why.setWordWrap(True)
        self.resend_why.setVisible(False)
        self.resend_chosen = False  # the user picked a policy: conditions no longer change it
        self.resend.activated.connect(lambda _i: setattr(self, "resend_chosen", True))
        row = QHBoxLayout()
        row.addWidget(self.resend, 1)
        row.addWidget(self.resend_days)
        form = QFormLayout(box)
        form.addRow(row)
        form.addRow(self.resend_why)
        form.addRow(self.field_error("resend", self.resend))
        self.resend.currentIndexChanged.connect(self._sync)
        self.resend.currentIndexChanged.connect(self.changed)
        self.resend_days.valueChanged.connect(self.changed)
        return box

    def suggest_resend(self, conditions: dict[str, Any]) -> None:
        """Follow the policy the conditions suggest until the user picks one; say why."""
        suggestion = suggested_resend(conditions)
        self.resend_why.setVisible(suggestion is not None)
        if suggestion is None:
            if not self.resend_chosen and self.resend.currentData() == "per_occurrence":
                choose(self.resend, "once")  # no occasion left to key on
            return
        if not self.resend_chosen:
            choose(self.resend, suggestion.policy)
        self.resend_why.setText(self.tr("Suggested for these conditions: %1").replace(
            "%1", message_text(suggestion.why, LANGUAGE.code)))

    def _sync(self) -> None:
        """Enable only what applies to the current choices."""
        self.check_every.setEnabled(self.every_radio.isChecked())
        self.check_unit.setEnabled(self.every_radio.isChecked())
        self.check_times.setEnabled(self.times_radio.isChecked())
        self.recurrence_details.setCurrentIndex(self.kind.currentIndex())
        self.from_date.setEnabled(self.from_on.isChecked())
        self.to_date.setEnabled(self.to_on.isChecked())
        self.zone.setEnabled(self.zone_rule.isChecked())
        self.resend_days.setVisible(self.resend.currentData() == "every_n_days")

    # --- data ------------------------------------------------------------------------------
    def schedule_data(self) -> dict[str, Any]:
        if self.every_radio.isChecked():
            factor = 60 if self.check_unit.currentData() == "hours" else 1
            check: dict[str, Any] = {"every_minutes": self.check_every.value() * factor}
        else:
            check = {"times": self.check_times.values()}
        kind = self.kind.currentData()
        recurrence: dict[str, Any] = {"kind": kind}
        if kind == "weekly":
            recurrence.update(days=self.weekdays.days(), every_weeks=self.every_weeks.value())
        elif kind == "monthly" and self.month_nth_radio.isChecked():
            recurrence.update(nth=self.month_nth.currentData(), weekday=self.month_weekday.currentData())
        elif kind == "monthly":
            recurrence.update(day=self.month_day.value())
        elif kind == "yearly":
            recurrence.update(month=self.year_month.currentData(), day=self.year_day.value())
        iso = lambda on, edit: edit.date().toString("yyyy-MM-dd") if on.isChecked() else None  # noqa: E731
        zone = self.zone.currentData() if self.zone.currentIndex() >= 0 else None
        if self.zone.currentText() != self.zone.itemText(self.zone.currentIndex()):
            zone = self.zone.currentText().strip() or None  # typed, not picked: validation judges it
        return {
            "check": check, "recurrence": recurrence,
            "active": {"from": iso(self.from_on, self.from_date), "to": iso(self.to_on, self.to_date)},
            "blackout": {"dates": self.blackout_dates.values(), "yearly": self.blackout_yearly.values(),
                         "weekdays": self.blackout_weekdays.days(), "policy": self.blackout_policy.currentData()},
            "quiet_hours": {"bands": self.bands.bands(), "business_default": self.business_quiet.isChecked(),
                            "policy": self.quiet_policy.currentData()},
            "timezone": {"mode": "rule", "zone": zone} if self.zone_rule.isChecked() else {"mode": "recipient"},
            "missed": self.missed.currentData(),
            **({"belated": True} if self.belated else {}),
        }

    def collect(self, data: dict[str, Any]) -> None:
        data["schedule"] = self.schedule_data()
        resend: dict[str, Any] = {"policy": self.resend.currentData()}
        if resend["policy"] == "every_n_days":
            resend["days"] = self.resend_days.value()
        data["resend"] = resend

    def load(self, data: dict[str, Any]) -> None:
        s = data.get("schedule") or {}
        check = s.get("check") or {"every_minutes": 60}
        if check.get("times"):
            self.times_radio.setChecked(True)
            self.check_times.set_values(list(check["times"]))
        else:
            minutes = int(check.get("every_minutes") or 60 * int(check.get("every_hours") or 1))
            hours = minutes % 60 == 0 and minutes >= 60
            self.every_radio.setChecked(True)
            choose(self.check_unit, "hours" if hours else "minutes")
            self.check_every.setValue(minutes // 60 if hours else minutes)
        rec = s.get("recurrence") or {"kind": "daily"}
        choose(self.kind, rec.get("kind", "daily"))
        self.weekdays.set_days(rec.get("days", []))
        self.every_weeks.setValue(int(rec.get("every_weeks") or 1))
        if rec.get("nth") is not None:
            self.month_nth_radio.setChecked(True)
            choose(self.month_nth, rec["nth"])
            choose(self.month_weekday, rec.get("weekday"))
        elif rec.get("kind") == "monthly":
            self.month_day_radio.setChecked(True)
            self.month_day.setValue(int(rec.get("day") or 1))
        if rec.get("kind") == "yearly":
            choose(self.year_month, rec.get("month"))
            self.year_day.setValue(int(rec.get("day") or 1))
        active = s.get("active") or {}
        for on, edit, key in ((self.from_on, self.from_date, "from"), (self.to_on, self.to_date, "to")):
            on.setChecked(bool(active.get(key)))
            if active.get(key):
                edit.setDate(QDate.fromString(active[key], "yyyy-MM-dd"))
        blackout = s.get("blackout") or {}
        self.blackout_dates.set_values(list(blackout.get("dates", [])))
        self.blackout_yearly.set_values(list(blackout.get("yearly", [])))
        self.blackout_weekdays.set_days(list(blackout.get("weekdays", [])))
        choose(self.blackout_policy, blackout.get("policy", "skip"))
        quiet = s.get("quiet_hours") or {}
        self.bands.set_bands(list(quiet.get("bands", [])))
        self.business_quiet.setChecked(bool(quiet.get("business_default", True)))
        choose(self.quiet_policy, quiet.get("policy", "defer"))
        zone = s.get("timezone") or {"mode": "rule"}
        (self.zone_recipient if zone.get("mode") == "recipient" else self.zone_rule).setChecked(True)
        if zone.get("zone"):
            if self.zone.findData(zone["zone"]) < 0:
                self.zone.addItem(zone["zone"], zone["zone"])
            choose(self.zone, zone["zone"])
        else:
            self.zone.setCurrentIndex(0)
        choose(self.missed, s.get("missed", "catch_up_once"))
        self.belated = bool(s.get("belated", False))
        resend = data.get("resend") or {"policy": "once"}
        choose(self.resend, resend.get("policy", "once"))
        if "days" in resend:
            self.resend_days.setValue(int(resend["days"]))
        self._sync()
        self.update_words()

    def update_words(self) -> None:
        try:
            schedule = Schedule.from_dict(self.schedule_data(), where="$.schedule", business=self.business)
        except InputError as exc:
            self.words.setText(self.tr("Not a valid schedule yet: %1").replace("%1", bare_message(exc)))
            self.words.setStyleSheet("color: #b3261e;")
            return
        self.words.setStyleSheet("font-weight: bold;")
        self.words.setText(describe(schedule, LANGUAGE.code, business=self.business))
