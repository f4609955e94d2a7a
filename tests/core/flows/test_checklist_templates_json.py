"""Handover checklist templates as stored (交接清单模板, edited by administrators): what is written
reads back item for item, an empty asset number or amount stays empty, and only open items stop
archiving. Mutation testing (issue 12, docs/mutation.md) found the stored form unchecked.
"""

from decimal import Decimal as D

from hrdesk.core.flows.checklist_rules import (
    ItemCategory,
    ItemOwner,
    ItemStatus,
    ItemTemplate,
    blocking_items,
    templates_from_json,
    templates_to_json,
)

TEMPLATES = [
    ItemTemplate(ItemCategory.EQUIPMENT, "笔记本电脑", ItemOwner.ADMIN, asset_no="IT-0042"),
    ItemTemplate(ItemCategory.FINANCE, "备用金归还", ItemOwner.FINANCE, amount=D("2000.50")),
    ItemTemplate(ItemCategory.DOCUMENTS, "项目资料移交", ItemOwner.MANAGER),
]


def test_templates_read_back_item_for_item():
    text = templates_to_json(TEMPLATES)
    assert templates_from_json(text) == TEMPLATES
    assert "笔记本电脑" in text  # stored readable, not as \\u escapes


def test_an_empty_amount_is_no_amount():
    text = '[{"category": "finance", "title": "借款", "owner": "finance", "amount": ""}]'
    assert templates_from_json(text)[0].amount is None


def test_only_open_items_stop_archiving():
    assert blocking_items([ItemStatus.OPEN, ItemStatus.DONE, ItemStatus.WAIVED, ItemStatus.OPEN]) == 2
    assert blocking_items([ItemStatus.DONE, ItemStatus.WAIVED]) == 0


def test_a_bad_item_is_named_by_its_position_counting_from_one():
    text = (
        '[{"category": "keys", "title": "门禁卡", "owner": "admin"}, {"category": "nope", "title": "x", "owner": "hr"}]'
    )
    try:
        templates_from_json(text)
    except ValueError as error:
        assert "第2项" in str(error)
    else:
        raise AssertionError("an unknown category was accepted")
