"""The condition catalogue in the user's words (operators, behaviours, parameters, units).

Functions, not constants: each call translates with the translator installed *now*, so a
language switch at run time shows the new words the next time a widget re-reads them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def op_words() -> dict[str, str]:
    return {
        "eq": QCoreApplication.translate("RuleWords", "is"),
        "ne": QCoreApplication.translate("RuleWords", "is not"),
        "contains": QCoreApplication.translate("RuleWords", "contains"),
        "not_contains": QCoreApplication.translate("RuleWords", "does not contain"),
        "starts_with": QCoreApplication.translate("RuleWords", "starts with"),
        "ends_with": QCoreApplication.translate("RuleWords", "ends with"),
        "like": QCoreApplication.translate("RuleWords", "matches the pattern (% and _)"),
        "in": QCoreApplication.translate("RuleWords", "is one of"),
        "not_in": QCoreApplication.translate("RuleWords", "is none of"),
        "empty": QCoreApplication.translate("RuleWords", "is empty"),
        "not_empty": QCoreApplication.translate("RuleWords", "is not empty"),
        "never_set": QCoreApplication.translate("RuleWords", "was never set"),
        "lt": QCoreApplication.translate("RuleWords", "is less than"),
        "le": QCoreApplication.translate("RuleWords", "is at most"),
        "gt": QCoreApplication.translate("RuleWords", "is more than"),
        "ge": QCoreApplication.translate("RuleWords", "is at least"),
        "between": QCoreApplication.translate("RuleWords", "is between"),
        "before": QCoreApplication.translate("RuleWords", "is before"),
        "after": QCoreApplication.translate("RuleWords", "is after"),
        "on": QCoreApplication.translate("RuleWords", "is on"),
        "in_last": QCoreApplication.translate("RuleWords", "is in the last"),
        "exactly_ago": QCoreApplication.translate("RuleWords", "is exactly … ago"),
        "more_than_ago": QCoreApplication.translate("RuleWords", "is more than … ago"),
        "in_next": QCoreApplication.translate("RuleWords", "is in the next"),
        "anniversary_today": QCoreApplication.translate("RuleWords", "has its anniversary today"),
        "is_true": QCoreApplication.translate("RuleWords", "is yes"),
        "is_false": QCoreApplication.translate("RuleWords", "is no"),
    }


def group_op_words() -> dict[str, str]:
    return {
        "in": QCoreApplication.translate("RuleWords", "is in group"),
        "not_in": QCoreApplication.translate("RuleWords", "is not in group"),
        "joined_ago": QCoreApplication.translate("RuleWords", "joined group … days ago"),
    }


def behaviour_words() -> dict[str, str]:
    return {
        "registered_ago": QCoreApplication.translate("RuleWords", "Registered … ago"),
        "opened": QCoreApplication.translate("RuleWords", "Opened an e-mail in the last days"),
        "not_opened": QCoreApplication.translate("RuleWords", "Did not open any e-mail in the last days"),
        "clicked": QCoreApplication.translate("RuleWords", "Clicked a link in the last days"),
        "not_clicked": QCoreApplication.translate("RuleWords", "Did not click in the last days"),
        "sent": QCoreApplication.translate("RuleWords", "Was sent a message in the last days"),
        "not_sent": QCoreApplication.translate("RuleWords", "Was not sent anything in the last days"),
        "bounced": QCoreApplication.translate("RuleWords", "Address bounced"),
        "last_activity_ago": QCoreApplication.translate("RuleWords", "Last activity … days ago"),
        "no_activity": QCoreApplication.translate("RuleWords", "No activity in the last days"),
        "purchased": QCoreApplication.translate("RuleWords", "Bought something in the last days"),
        "no_purchase_since": QCoreApplication.translate("RuleWords", "No purchase since a date"),
        "purchase_count": QCoreApplication.translate("RuleWords", "Number of purchases"),
        "total_spent": QCoreApplication.translate("RuleWords", "Total spent"),
        "purchase_made": QCoreApplication.translate("RuleWords", "Made a purchase"),
        "cart_abandoned": QCoreApplication.translate("RuleWords", "Abandoned a cart … ago"),
        "field_changed": QCoreApplication.translate("RuleWords", "A field changed"),
        "rss_new_item": QCoreApplication.translate("RuleWords", "New item in an RSS feed"),
    }


def param_words() -> dict[str, str]:
    return {
        "amount": QCoreApplication.translate("RuleWords", "amount"),
        "unit": QCoreApplication.translate("RuleWords", "unit"),
        "days": QCoreApplication.translate("RuleWords", "days"),
        "this_rule": QCoreApplication.translate("RuleWords", "only this rule's messages"),
        "link": QCoreApplication.translate("RuleWords", "link contains"),
        "channel": QCoreApplication.translate("RuleWords", "channel"),
        "date": QCoreApplication.translate("RuleWords", "date"),
        "cmp": QCoreApplication.translate("RuleWords", "comparison"),
        "value": QCoreApplication.translate("RuleWords", "value"),
        "field": QCoreApplication.translate("RuleWords", "field"),
        "hours": QCoreApplication.translate("RuleWords", "within hours"),
        "from": QCoreApplication.translate("RuleWords", "from"),
        "to": QCoreApplication.translate("RuleWords", "to"),
        "feed": QCoreApplication.translate("RuleWords", "feed address"),
    }


def unit_words() -> dict[str, str]:
    return {
        "hours": QCoreApplication.translate("RuleWords", "hours"),
        "days": QCoreApplication.translate("RuleWords", "days"),
    }


def channel_words() -> dict[str, str]:
    return {
        "": QCoreApplication.translate("RuleWords", "any channel"),
        "email": QCoreApplication.translate("RuleWords", "e-mail"),
        "sms": QCoreApplication.translate("RuleWords", "SMS"),
    }


def cmp_words() -> dict[str, str]:
    return {
        "eq": "=",
        "ne": "≠",
        "lt": "<",
        "le": "≤",
        "gt": ">",
        "ge": "≥",
        "_label": QCoreApplication.translate("RuleWords", "comparison"),
    }


def action_type_words() -> dict[str, str]:
    return {
        "send_email": QCoreApplication.translate("RuleWords", "Send an e-mail"),
        "send_sms": QCoreApplication.translate("RuleWords", "Send an SMS"),
        "add_to_group": QCoreApplication.translate("RuleWords", "Add to a group"),
        "move_to_group": QCoreApplication.translate("RuleWords", "Move from one group to another"),
        "remove_from_group": QCoreApplication.translate("RuleWords", "Remove from a group"),
    }


def resend_words() -> dict[str, str]:
    return {
        "once": QCoreApplication.translate("RuleWords", "Once per contact, ever"),
        "per_occurrence": QCoreApplication.translate("RuleWords", "Once per occurrence (each purchase, cart, item…)"),
        "every_n_days": QCoreApplication.translate("RuleWords", "Again after a number of days"),
        "yearly": QCoreApplication.translate("RuleWords", "Once a year"),
    }


def weekday_words() -> list[str]:
    return [
        QCoreApplication.translate("RuleWords", "Mon"),
        QCoreApplication.translate("RuleWords", "Tue"),
        QCoreApplication.translate("RuleWords", "Wed"),
        QCoreApplication.translate("RuleWords", "Thu"),
        QCoreApplication.translate("RuleWords", "Fri"),
        QCoreApplication.translate("RuleWords", "Sat"),
        QCoreApplication.translate("RuleWords", "Sun"),
    ]


def joiner_words() -> dict[str, str]:
    return {
        "all": QCoreApplication.translate("RuleWords", "ALL of these (AND)"),
        "any": QCoreApplication.translate("RuleWords", "ANY of these (OR)"),
    }
