"""Every operator and behaviour against the hand-built workspace (answers worked out by hand)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.rules.handbuilt import NOW, build, matches

ALL = {"Anna", "Bruno", "Carla", "Dario", "Elena"}


@pytest.fixture
def ws(workspace):
    build(workspace)
    return workspace


def leaf(field, op, **kw):
    return {"all": [{"field": field, "op": op, **kw}]}


FIELD_CASES = [
    # text (comparison ignores case: MailUp users type "roma" and mean "Roma")
    (leaf("city", "eq", value="roma"), {"Anna", "Dario"}),
    (leaf("city", "ne", value="Roma"), {"Bruno", "Carla", "Elena"}),
    (leaf("city", "contains", value="ILA"), {"Bruno"}),
    (leaf("city", "not_contains", value="rom"), {"Bruno", "Carla", "Elena"}),
    (leaf("code", "starts_with", value="X%"), {"Dario"}),          # % is literal here
    (leaf("code", "ends_with", value="_2"), {"Bruno"}),            # _ is literal here
    (leaf("code", "like", value="X?Y"), {"Dario", "Elena"}),       # ? is one character
    (leaf("code", "like", value="abc*"), {"Anna", "Bruno"}),
    (leaf("city", "in", value=["roma", "Napoli"]), {"Anna", "Dario", "Elena"}),
    (leaf("city", "not_in", value=["Roma"]), {"Bruno", "Carla", "Elena"}),
    (leaf("city", "empty"), {"Carla"}),
    (leaf("city", "not_empty"), {"Anna", "Bruno", "Dario", "Elena"}),
    (leaf("code", "never_set"), {"Carla"}),
    (leaf("first_name", "eq", value="'; DROP TABLE contacts; --"), set()),
    # number
    (leaf("points", "eq", value=10), {"Anna"}),
    (leaf("points", "ne", value=10), {"Bruno", "Carla", "Dario", "Elena"}),
    (leaf("points", "lt", value=10), {"Dario"}),
    (leaf("points", "le", value=10), {"Anna", "Dario"}),
    (leaf("points", "gt", value=25.5), {"Elena"}),
    (leaf("points", "ge", value=25.5), {"Bruno", "Elena"}),
    (leaf("points", "between", value=[5, 25.5]), {"Anna", "Bruno", "Dario"}),
    (leaf("points", "empty"), {"Carla"}),
    # date (today in Rome: 2026-03-02)
    (leaf("birthday", "before", value="1985-01-01"), {"Bruno", "Elena"}),
    (leaf("birthday", "after", value="1999-12-31"), {"Dario"}),
    (leaf("birthday", "on", value="1990-03-02"), {"Anna"}),
    (leaf("birthday", "anniversary_today"), {"Anna"}),
    (leaf("birthday", "empty"), {"Carla"}),
    (leaf("last_order", "in_last", amount=7, unit="days"), {"Anna"}),
    (leaf("last_order", "exactly_ago", amount=5, unit="days"), {"Anna"}),
    (leaf("last_order", "exactly_ago", amount=4, unit="days"), set()),
    (leaf("last_order", "more_than_ago", amount=3, unit="days"), {"Anna"}),
    (leaf("last_order", "in_next", amount=3, unit="days"), set()),
    # datetime
    (leaf("registered_at", "in_last", amount=2, unit="hours"), {"Anna"}),
    (leaf("registered_at", "exactly_ago", amount=7, unit="days"), {"Carla"}),
    (leaf("registered_at", "more_than_ago", amount=300, unit="days"), {"Dario", "Elena"}),
    (leaf("registered_at", "before", value="2025-06-01"), {"Dario", "Elena"}),
    (leaf("registered_at", "after", value="2026-01-01"), {"Anna", "Carla"}),
    (leaf("registered_at", "on", value="2026-03-02"), {"Anna"}),
    # boolean
    (leaf("vip", "is_true"), {"Anna", "Elena"}),
    (leaf("vip", "is_false"), {"Bruno", "Dario"}),
]


@pytest.mark.parametrize("conditions, expected", FIELD_CASES, ids=[f"{c['all'][0]['field']}-{c['all'][0]['op']}-{i}" for i, (c, _) in enumerate(FIELD_CASES)])
def test_field_operators(ws, conditions, expected) -> None:
    assert matches(ws, conditions) == expected
    assert ws.db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 5


def test_never_set_differs_from_empty(ws) -> None:
    carla = ws.contacts.find(email="carla@ex.it")
    ws.contacts.update(carla, {"code": "tmp"}, NOW)
    ws.contacts.update(carla, {"code": None}, NOW)
    assert matches(ws, leaf("code", "empty")) == {"Carla"}
    assert matches(ws, leaf("code", "never_set")) == set()


def G(group, op="in", **kw):
    return {"all": [{"group": group, "op": op, **kw}]}


def B(name, **kw):
    return {"all": [{"behaviour": name, **kw}]}


BEHAVIOUR_CASES = [
    (G("Clienti"), {"Anna", "Bruno"}),
    (G("clienti", "not_in"), {"Carla", "Dario", "Elena"}),
    (G("Clienti", "joined_ago", days=7), {"Anna"}),
    (B("registered_ago", amount=0, unit="hours"), set()),
    (B("registered_ago", amount=1, unit="hours"), {"Anna"}),
    (B("registered_ago", amount=7, unit="days"), {"Carla"}),
    (B("opened", days=30), {"Anna"}),
    (B("not_opened", days=30), {"Bruno", "Carla", "Dario", "Elena"}),
    (B("clicked", days=7), {"Bruno"}),
    (B("clicked", days=7, link="https://shop/sale"), {"Bruno"}),
    (B("clicked", days=7, link="https://shop/other"), set()),
    (B("not_clicked", days=7), {"Anna", "Carla", "Dario", "Elena"}),
    (B("sent", days=30), {"Dario", "Elena"}),
    (B("sent", days=30, channel="sms"), {"Elena"}),
    (B("sent", days=400), {"Dario", "Elena"}),                # a long window: probed per contact
    (B("sent", days=400, channel="email"), {"Dario"}),
    (B("sent", days=400, channel="sms"), {"Elena"}),
    (B("not_sent", days=30), {"Anna", "Bruno", "Carla"}),
    (B("bounced"), {"Carla", "Dario"}),
    (B("bounced", days=30), set()),
    (B("bounced", days=400), {"Dario"}),
    (B("no_activity", days=30), {"Dario"}),
    (B("last_activity_ago", days=5), {"Elena"}),
    (B("purchased", days=7), {"Anna", "Carla", "Elena"}),
    (B("no_purchase_since", date="2026-02-27"), {"Bruno", "Dario", "Elena"}),
    (B("purchase_count", days=30, cmp="ge", value=3), {"Elena"}),
    (B("total_spent", days=30, cmp="gt", value=250), {"Elena"}),
    (B("total_spent", days=30, cmp="lt", value=60), {"Anna", "Bruno", "Carla", "Dario"}),
    (B("cart_abandoned", amount=3, unit="hours"), {"Bruno", "Dario"}),
    (B("cart_abandoned", amount=24, unit="hours"), {"Dario"}),
    (B("field_changed", field="city", hours=24), {"Anna"}),
    (B("field_changed", field="city", hours=24, **{"from": "Milano", "to": "Roma"}), {"Anna"}),
    (B("field_changed", field="city", hours=24, **{"from": "Torino"}), set()),
    (B("purchase_made"), set()),
    (B("purchase_made", amount=2, unit="hours"), {"Carla"}),
    (B("rss_new_item", feed="https://blog/feed"), ALL),
    (B("rss_new_item", feed="https://other/feed"), set()),
]


@pytest.mark.parametrize("conditions, expected", BEHAVIOUR_CASES,
                         ids=[str(list(c["all"][0].values())[:2]) + str(i) for i, (c, _) in enumerate(BEHAVIOUR_CASES)])
def test_group_and_behaviour_conditions(ws, conditions, expected) -> None:
    assert matches(ws, conditions) == expected


def test_opened_this_rules_email_only(ws) -> None:
    assert matches(ws, B("opened", days=30, this_rule=True), rule_id=1) == {"Anna"}
    assert matches(ws, B("opened", days=30, this_rule=True), rule_id=2) == set()


def test_and_or_nesting_twenty_five_levels(ws) -> None:
    node: dict = {"field": "city", "op": "eq", "value": "Roma"}
    for depth in range(25):
        node = {"any" if depth % 2 else "all": [node, {"field": "points", "op": "gt", "value": 1000}]
                if depth % 2 else [node]}
    assert matches(ws, node) == {"Anna", "Dario"}
    either = {"any": [leaf("city", "eq", value="Milano"), {"all": [leaf("vip", "is_true"), leaf("points", "gt", value=50)]}]}
    assert matches(ws, either) == {"Bruno", "Elena"}
    assert matches(ws, {"any": []}) == set()
    assert matches(ws, {"all": []}) == ALL


def test_audience_include_and_exclude(ws) -> None:
    assert matches(ws, {"all": []}, audience={"include": ["Clienti", "VIP"]}) == {"Anna", "Bruno", "Elena"}
    assert matches(ws, {"all": []}, audience={"include": ["Clienti"], "exclude": ["VIP"]}) == {"Anna", "Bruno"}
    assert matches(ws, {"all": []}, audience={"exclude": ["Clienti"]}) == {"Carla", "Dario", "Elena"}


def test_send_actions_only_select_consenting_reachable_contacts(ws) -> None:
    email = {"type": "send_email", "template": "Hello"}
    sms = {"type": "send_sms", "template": "Hello SMS"}
    # Carla bounced, Elena has no e-mail address.
    assert matches(ws, {"all": []}, action=email) == {"Anna", "Bruno", "Dario"}
    assert matches(ws, {"all": []}, action=sms) == {"Elena"}
    ws.contacts.update(ws.contacts.find(email="bruno@ex.it"), {"email_status": "unsubscribed"}, NOW)
    ws.contacts.update(ws.contacts.find(email="dario@ex.it"), {"email_status": "pending"}, NOW)
    assert matches(ws, {"all": []}, action=email) == {"Anna"}
    ws.contacts.update(ws.contacts.find(phone="+393331234567"), {"sms_status": "unsubscribed"}, NOW)
    assert matches(ws, {"all": []}, action=sms) == set()


@pytest.mark.parametrize("now, expected", [
    (datetime(2027, 2, 28, 12, tzinfo=timezone.utc), {"Bruno"}),    # no 29 Feb in 2027: the 28th
    (datetime(2028, 2, 28, 12, tzinfo=timezone.utc), set()),        # 2028 has a 29th
    (datetime(2028, 2, 29, 12, tzinfo=timezone.utc), {"Bruno"}),
    (datetime(2027, 3, 1, 12, tzinfo=timezone.utc), set()),
])
def test_leap_day_anniversaries(ws, now, expected) -> None:
    assert matches(ws, leaf("birthday", "anniversary_today"), now=now) == expected


def test_catch_up_wishes_a_birthday_at_most_one_day_late(ws) -> None:
    # The PC was off from 1 March 08:00 to 5 March 10:00 (Rome): the catch-up check covers
    # 4 and 5 March (Dario's birthday is the 5th) but not Anna's, three days gone.
    now = datetime(2026, 3, 5, 9, 0, tzinfo=timezone.utc)
    assert matches(ws, leaf("birthday", "anniversary_today"), now=now, window=timedelta(days=4, hours=1)) == {"Dario"}
    now = datetime(2026, 3, 3, 7, 0, tzinfo=timezone.utc)  # off since the 1st: Anna's was yesterday
    assert matches(ws, leaf("birthday", "anniversary_today"), now=now, window=timedelta(days=2)) == {"Anna"}


def test_text_comparisons_ignore_case_beyond_ascii(ws) -> None:
    ws.contacts.update(ws.contacts.find(email="anna@ex.it"), {"city": "Forlì"}, NOW)
    assert matches(ws, leaf("city", "eq", value="FORLÌ")) == {"Anna"}
    assert matches(ws, leaf("city", "contains", value="RLÌ")) == {"Anna"}
    assert matches(ws, leaf("city", "in", value=["forlì", "Napoli"])) == {"Anna", "Elena"}
    assert matches(ws, leaf("city", "starts_with", value="FORL")) == {"Anna"}
    assert "Anna" not in matches(ws, leaf("city", "ne", value="forlÌ"))
    assert matches(ws, leaf("email", "eq", value="ANNA@EX.IT")) == {"Anna"}
