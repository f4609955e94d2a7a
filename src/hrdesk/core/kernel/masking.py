"""What someone sees of an employee's sensitive values when they may not see them; decided here only.

Whether a reader may see them is the services' question (Permission.EMPLOYEE_SENSITIVE for that
employee); this module answers what the others see, for the register, the record, the flows, the
trail and every export:

- the ID number keeps its region prefix and its last four digits (``110***********1234``), the bank
  account its issuer prefix and last four;
- pay is ``****``;
- the birth date is ``****`` and the age in whole years stands in for it. The eleven masked digits of
  an ID number are the rest of the region code and the birth date, so a birth date shown next to
  ``420***********8542`` leaves, with the area-code table and the check digit, a median of three
  candidates. For the same reason a value of a company-defined field that repeats the birth date
  (a 生日 field, a note "生日 3月7日") is masked: see :func:`mask_custom_value`.

Audit records (the before and after values of the trail) are walked by :func:`mask_values`, nested
dicts and lists included, by the names of their keys, kept as data below. A key decides for its
whole subtree when it names something sensitive (``lines`` of a settlement: every cell). Under any
other key the value decides, and the default is the safe one: a number written as text
(``"12345.67"``, ``"1,234"``) or a float is taken for an amount of money and masked unless its key is
declared harmless in ``HARMLESS_KEYS``; amounts inside a text (``"实发 80,246.86"``) are masked too.
This costs little: the trail stores ``Decimal`` as text and never money as a JSON integer, while
ids, counts, steps and years are integers and stay. So a new pay field in an audit payload is masked
without anyone remembering to list it, and what is wrongly masked is harmless to hide and shows up
in review, whereas a missed amount would show up nowhere. Records about the company's rules rather
than a person (``PUBLIC_ENTITY_TYPES``: tax tables, contribution rates, item types) are left as
they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, overload

MASKED = "****"  # a birth date, a value that would give masked digits away
MASKED_MONEY = "****"

# --- the key names of audit payloads, by what they hold -------------------------------------------

ID_NUMBER_KEYS = frozenset({"id_number"})
BANK_ACCOUNT_KEYS = frozenset({"bank_account"})
BIRTH_DATE_KEYS = frozenset({"birth_date"})
# Known amounts of a person's pay. Not complete by design: an unknown key holding an amount is
# masked by its value; listing a key masks it whatever its value looks like (a {"from", "to"} pair,
# an empty string), and documents what the trail holds.
MONEY_KEYS = frozenset(
    {
        # the register
        "base_salary",
        "insurance_base",
        "housing_fund_base",
        # payroll inputs: items, allowances, recorded months, imports
        "amount",
        "gross",
        "overtime",
        "total",
        # payroll results (a month's totals)
        "total_gross",
        "total_net",
        "total_tax",
        # 专项附加扣除 declared per month
        "child_education",
        "infant_care",
        "elderly_support",
        "continuing_education",
        "housing_loan",
        "housing_rent",
        "serious_illness",
        # 年初累计数
        "opening_income",
        "opening_tax_free",
        "opening_special",
        "opening_additional",
        "opening_other",
        "opening_tax",
        # 离职结算: parameters and the frozen statement
        "average_wage",
        "confirmed_deductions",
        "lines",
        "net_amount",
    }
)
CUSTOM_KEYS = frozenset({"custom"})  # company-defined fields: see mask_custom_value
# Values that may look like numbers but are no amount: identifiers, codes, days and years, and the
# record's own dates (listed so that they are never masked for what their text happens to contain).
HARMLESS_KEYS = frozenset(
    {
        "emp_no",
        "name",
        "display_name",
        "username",
        "phone",
        "code",
        "number",
        "asset_no",
        "sha256",
        "input_hash",
        "file",
        "item",
        "working_years",
        "leave_taken",
        "company_leave_taken",
        "opening_months",
        "year",
        "hire_date",
        "probation_end_date",
        "contract_start",
        "contract_end",
        "last_working_day",
        "confirmation_date",
        "effective_date",
        "active_until",
        "notice_date",
        "month",
        "from_month",
        "to_month",
        "stop_month",
    }
)
# Entity types whose records describe the company's rules or structure, never one person's pay:
# their amounts (tax brackets, contribution floors and caps, default deductions) stay readable.
PUBLIC_ENTITY_TYPES = frozenset(
    {
        "policy",
        "pay_item_type",
        "checklist_template",
        "settings",
        "company",
        "department",
        "position",
        "custom_field",
        "flow_definition",
        "notification_policy",
    }
)

_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
# An amount inside a text: with thousands separators, with two decimals, or followed by 元.
_AMOUNT_IN_TEXT = re.compile(
    r"(?<![\d.,])[+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{2}|\d+(?:\.\d+)?(?=\s*元))(?![\d])"
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@overload
def mask_id_number(value: str) -> str: ...
@overload
def mask_id_number(value: None) -> None: ...
@overload
def mask_id_number(value: str | None) -> str | None: ...


def mask_id_number(value: str | None) -> str | None:
    """'110101199003071234' -> '110***********1234' (region prefix and last four kept)."""
    if not value:
        return value
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_bank_account(value: str | None) -> str | None:
    """'6222021234567890123' -> '6222***********0123' (issuer prefix and last four kept)."""
    if not value:
        return value
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def age_on(birth: date, day: date) -> int:
    """Whole years on ``day``: what a reader who may not see the ID number sees instead of the birth
    date (it narrows the birth date to about a year, which the masked digits do not need)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def giveaways(id_number: str | None) -> tuple[str, ...]:
    """The texts that would give the masked digits of ``id_number`` back: the number, its masked
    digits, its region code and the birth date it holds, as people write a date and a birthday."""
    if not id_number or len(id_number) != 18:
        return (id_number,) if id_number else ()
    try:
        born = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    except ValueError:
        return (id_number, id_number[3:14])
    y, m, d = born.year, born.month, born.day
    return (
        id_number,
        id_number[3:14],
        id_number[:6],
        f"{y}{m:02d}{d:02d}",
        f"{y}-{m:02d}-{d:02d}",
        f"{y}/{m:02d}/{d:02d}",
        f"{y}/{m}/{d}",
        f"{y}.{m:02d}.{d:02d}",
        f"{m:02d}-{d:02d}",
        f"{m}月{d}日",
        f"{m:02d}月{d:02d}日",
    )


def mask_custom_value(value: Any, secrets: Iterable[str]) -> Any:
    """A company-defined field's value for a reader who may not see the person's ID number.

    Dates are masked whatever they are: nothing tells a 生日 field from any other date field, and
    masking only the dates that match the birthday would tell the reader which ones do. Texts and
    numbers are masked when they contain one of ``secrets`` (see :func:`giveaways`)."""
    if value is None or value == "":
        return value
    if isinstance(value, date):
        return MASKED
    text = str(value)
    if _ISO_DATE.fullmatch(text):
        return MASKED
    return MASKED if any(s and s in text for s in secrets) else value


def mask_text(text: str) -> str:
    """Every amount of money in a text (a summary, a comment, a basis of calculation) masked."""
    if not text:
        return text
    return _AMOUNT_IN_TEXT.sub(MASKED_MONEY, text)


def looks_like_amount(value: Any) -> bool:
    if isinstance(value, bool) or isinstance(value, int):
        return False
    if isinstance(value, float):
        return True
    return isinstance(value, str) and _NUMBER.fullmatch(value.strip()) is not None


# --- the walk -----------------------------------------------------------------------------------

_Rule = Callable[[Any], Any]


def _keep(value: Any) -> Any:
    return value


def _money(value: Any) -> Any:
    return MASKED_MONEY if value not in (None, "") else value


def _birth(value: Any) -> Any:
    return MASKED if value not in (None, "") else value


def _id_number(value: Any) -> Any:
    return mask_id_number(str(value)) if value not in (None, "") else value


def _bank_account(value: Any) -> Any:
    return mask_bank_account(str(value)) if value not in (None, "") else value


def _by_value(value: Any) -> Any:
    if looks_like_amount(value):
        return MASKED_MONEY
    if isinstance(value, str):
        return mask_text(value)
    return value


def _rule(key: Any, secrets: tuple[str, ...]) -> tuple[_Rule, bool]:
    """The rule for a key and whether it decides for the key's whole subtree."""
    key = str(key)
    if key in ID_NUMBER_KEYS:
        return _id_number, True
    if key in BANK_ACCOUNT_KEYS:
        return _bank_account, True
    if key in BIRTH_DATE_KEYS:
        return _birth, True
    if key in MONEY_KEYS:
        return _money, True
    if key in CUSTOM_KEYS:
        return (lambda value: mask_custom_value(value, secrets)), True
    if key in HARMLESS_KEYS:
        return _keep, False
    return _by_value, False


def mask_values(values: Any, secrets: Iterable[str] = ()) -> Any:
    """A masked copy of an audit record's before or after values (a dict, nested dicts and lists).

    ``secrets``: the :func:`giveaways` of the person the record is about, for the values of their
    company-defined fields."""
    secrets = tuple(secrets)

    def walk(value: Any, rule: _Rule, whole: bool) -> Any:
        if isinstance(value, dict):
            if whole:
                return {k: walk(v, rule, True) for k, v in value.items()}
            return {k: walk(v, *_rule(k, secrets)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, rule, whole) for v in value]
        if value is None:
            return None
        return rule(value)

    if values is None:
        return None
    return walk(values, _by_value, False)


def mask_record(
    entity_type: str, summary: str, before: Any, after: Any, secrets: Iterable[str] = ()
) -> tuple[str, Any, Any]:
    """One audit record as a reader without the sensitive right may read it: its summary and its
    values masked, unless it is about the company's rules (``PUBLIC_ENTITY_TYPES``)."""
    if entity_type in PUBLIC_ENTITY_TYPES:
        return summary, before, after
    secrets = tuple(secrets)
    return mask_text(summary), mask_values(before, secrets), mask_values(after, secrets)
