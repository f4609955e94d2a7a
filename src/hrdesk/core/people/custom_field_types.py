"""Company-defined fields (e.g. 教师职称): their types and how a typed value is checked and stored.

Values are stored as text in a canonical form (ISO dates, plain decimal numbers) so that the same
column works for every type and sorts sensibly within a type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from hrdesk.core.kernel.i18n import tr
from hrdesk.core.kernel.labels import LabeledEnum
from hrdesk.core.kernel.text_rules import text_problem

_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_NUMBER_TEXT = 30  # characters of a number field's stored text (sign, digits, point)


class FieldType(LabeledEnum):
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "choice"

    @classmethod
    def _labels(cls):
        return {cls.TEXT: "文本", cls.NUMBER: "数字", cls.DATE: "日期", cls.CHOICE: "选项"}


@dataclass(frozen=True)
class CustomFieldDef:
    id: int
    key: str
    label: str
    field_type: FieldType
    choices: tuple[str, ...]
    required: bool
    active: bool
    sort_order: int


def validate_definition(key: str, label: str, field_type: FieldType, choices: list[str]) -> dict[str, str]:
    errors = {}
    if not _KEY.match(key or ""):
        errors["key"] = tr("字段代码以小写字母开头，只能包含小写字母、数字和下划线，最多40位")
    label_problem = text_problem(label, tr("字段名称"))
    if label_problem:
        errors["label"] = label_problem
    elif not (label or "").strip():
        errors["label"] = tr("请填写字段名称")
    elif len(label.strip()) > 30:
        errors["label"] = tr("字段名称最多30个字")
    if field_type is FieldType.CHOICE:
        cleaned = [c.strip() for c in choices if c.strip()]
        problems = [p for p in (text_problem(c, tr("选项")) for c in choices) if p]
        if problems:
            errors["choices"] = problems[0]
        elif not cleaned:
            errors["choices"] = tr("选项字段至少需要一个选项")
        elif len(set(cleaned)) != len(cleaned):
            errors["choices"] = tr("选项不能重复")
    return errors


def normalize_value(definition: CustomFieldDef, raw: str | None) -> str | None:
    """Canonical stored text for a typed value, None for empty; ValueError with a user message."""
    problem = text_problem(raw, definition.label)
    if problem:
        raise ValueError(problem)
    text = (raw or "").strip()
    if not text:
        if definition.required:
            raise ValueError(tr("请填写{0}").format(definition.label))
        return None
    if definition.field_type is FieldType.TEXT:
        if len(text) > 200:
            raise ValueError(tr("{0}最多200个字").format(definition.label))
        return text
    if definition.field_type is FieldType.NUMBER:
        try:
            number = Decimal(text.replace(",", ""))
        except InvalidOperation:
            raise ValueError(tr("{0}应为数字").format(definition.label)) from None
        if not number.is_finite():
            raise ValueError(tr("{0}应为数字").format(definition.label))
        stored = format(number.normalize(), "f")
        if len(stored) > MAX_NUMBER_TEXT:  # 1e400 would be stored as 401 digits
            raise ValueError(tr("{0}的数字过长（最多{1}位）").format(definition.label, MAX_NUMBER_TEXT))
        return stored
    if definition.field_type is FieldType.DATE:
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            raise ValueError(tr("{0}应为日期（如 2024-03-01）").format(definition.label)) from None
    if text not in definition.choices:
        raise ValueError(tr("{0}只能从选项中选择").format(definition.label))
    return text
