"""The condition catalogue in the user's words (operators, behaviours, parameters, units).

Functions, not constants: each call translates with the translator installed *now*, so a
language switch at run time shows the new words the next time a widget re-reads them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def op_words() -> dict[str, str]:
    t = QCoreApplication.translate
    return {
        "eq": t("RuleWords", "is"), "ne": t("RuleWords", "is not"),
        "contains": t("RuleWords", "contains"), "not_contains": t("RuleWords", "does not contain"),
        "starts_with": t("RuleWords", "starts with"), "ends_with": t("RuleWords", "ends with"),
        "like": t("RuleWords", "matches the pattern (% and _)"),
        "in": t("RuleWords", "is one of"), "not_in": t("RuleWords", "is none of"),
        "empty": t("RuleWords", "is empty"), "not_empty": t("RuleWords", "is not empty"),
        "never_set": t("RuleWords", "was never set"),
        "lt": t("RuleWords", "is less than"), "le": t("RuleWords", "is at most"),
        "gt": t("RuleWords", "is more than"), "ge": t("RuleWords", "is at least"),
        "between": t("RuleWords", "is between"),
        "before": t("RuleWords", "is before"), "after": t("RuleWords", "is after"), "on": t("RuleWords", "is on"),
        "in_last": t("RuleWords", "is in the last"), "exactly_ago": t("RuleWords", "is exactly … ago"),
        "more_than_ago": t("RuleWords", "is more than … ago"), "in_next": t("RuleWords", "is in the next"),
        "anniversary_today": t("RuleWords", "has its anniversary today"),
        "is_true": t("RuleWords", "is yes"), "is_false": t("RuleWords", "is no"),
    }


def group_op_words() -> dict[str, str]:
    t = QCoreApplication.translate
    return {"in": t("RuleWords", "is in group"), "not_in": t("RuleWords", "is not in group"),
            "joined_ago": t("RuleWords", "joined group … days ago")}


def behaviour_words() -> dict[str, str]:
    t = QCoreApplication.translate
    return {
        "registered_ago": t("RuleWords", "Registered … ago"),
        "opened": t("RuleWords", "Opened an e-mail in the last days"),
        "not_opened": t("RuleWords", "Did not open any e-mail in the last days"),
        "clicked": t("RuleWords", "Clicked a link in the last days"),
        "not_clicked": t("RuleWords", "Did not click in the last days"),
        "sent": t("RuleWords", "Was sent a message in the last days"),
        "not_sent": t("RuleWords", "Was not sent anything in the last days"),
        "bounced": t("RuleWords", "Address bounced"),
        "last_activity_ago": t("RuleWords", "Last activity … days ago"),
        "no_activity": t("RuleWords", "No activity in the last days"),
        "purchased": t("RuleWords", "Bought something in the last days"),
        "no_purchase_since": t("RuleWords", "No purchase since a date"),
        "purchase_count": t("RuleWords", "Number of purchases"),
        "total_spent": t("RuleWords", "Total spent"),
        "purchase_made": t("RuleWords", "Made a purchase"),
        "cart_abandoned": t("RuleWords", "Abandoned a cart … ago"),
        "field_changed": t("RuleWords", "A field changed"),
        "rss_new_item": t("RuleWords", "New item in an RSS feed"),
    }


def param_words() -> dict[str, str]:
    t = QCoreApplication.translate
    return {
        "amount": t("RuleWords", "amount"), "unit": t("RuleWords", "unit"), "days": t("RuleWords", "days"),
        "this_rule": t("RuleWords", "only this rule's messages"), "link": t("RuleWords", "link contains"),
        "channel": t("RuleWords", "channel"), "date": t("RuleWords", "date"), "cmp": t("RuleWords", "comparison"),
        "value": t("RuleWords", "value"), "field": t("RuleWords", "field"), "hours": t("RuleWords", "within hours"),
        "from": t("RuleWords", "from"), "to": t("RuleWords", "to"), "feed": t("RuleWords", "feed address"),
    }


def unit_words() -> dict[str, str]:
    t = QCoreApplication.translate
    return {"hours": t("RuleWords", "hours"), "days": t("RuleWords", "days")}


def channel_words() -> dict[str, str]:
    t = QCoreApplication.translate
    return {"": t("RuleWords", "any channel"), "email": t("RuleWords", "e-mail"), "sms": t("RuleWords", "SMS")}


def cmp_words() -> dict[str, str]:
    t = QCoreApplication.translate
    return {"eq": "=", "ne": "≠", "lt": "<", "le": "≤", "gt": ">", "ge": "≥",
            "_label": t("RuleWords", "comparison")}


def action_type_words() -> dict[str, str]:
    t = QCoreApplication.translate
    return {"send_email": t("RuleWords", "Send an e-mail"), "send_sms": t("RuleWords", "Send an SMS"),
            "add_to_group": t("RuleWords", "Add to a group"),
            "move_to_group": t("RuleWords", "Move from one group to another"),
            "remove_from_group": t("RuleWords", "Remove from a group")}


def resend_words() -> dict[str, str]:
    t = QCoreApplication.translate
    return {"once": t("RuleWords", "Once per contact, ever"),
            "per_occurrence": t("RuleWords", "Once per occurrence (each purchase, cart, item…)"),
            "every_n_days": t("RuleWords", "Again after a number of days"),
            "yearly": t("RuleWords", "Once a year")}


def weekday_words() -> list[str]:
    t = QCoreApplication.translate
    return [t("RuleWords", "Mon"), t("RuleWords", "Tue"), t("RuleWords", "Wed"), t("RuleWords", "Thu"),
            t("RuleWords", "Fri"), t("RuleWords", "Sat"), t("RuleWords", "Sun")]


def joiner_words() -> dict[str, str]:
    t = QCoreApplication.translate
    return {"all": t("RuleWords", "ALL of these (AND)"), "any": t("RuleWords", "ANY of these (OR)")}
