"""Expiry of a fixed-term contract (劳动合同法 art. 44(1), art. 46(5)): economic compensation N is
owed unless the employer offered to renew on terms at least as good and the employee refused.

The refusal is the exception, so an expiry where nobody said the employee refused is owed N; and
the refusal belongs to the expiry alone: it changes nothing for an agreed termination, a layoff,
an art. 40 dismissal or an unlawful termination. Found by mutation testing (issue 12,
docs/mutation.md): in the refusal's branch, reporting the case as owed or with a multiplier of 1
survived every other test, which checked the total alone.
"""

from datetime import date
from decimal import Decimal as D

import pytest

from hrdesk.core.flows.separation_rules import SeparationReason
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.separation.compensation import CompensationCase, economic_compensation

HIRE, LAST = date(2023, 1, 1), date(2024, 12, 31)  # exactly 2 years: N = 2
WAGE = D("10000")


def test_an_expiry_is_owed_n_unless_a_refusal_is_stated():
    # nothing said about a renewal offer: 10,000 × 2 = 20,000
    result = economic_compensation(CompensationCase.EXPIRY, HIRE, LAST, WAGE)
    assert result.owed and result.multiplier == 1
    assert result.compensation == D("20000.00") and result.total == D("20000.00")


def test_an_expiry_the_employee_refused_to_renew_owes_nothing():
    result = economic_compensation(SeparationReason.EXPIRY, HIRE, LAST, WAGE, refused_renewal=True)
    assert not result.owed and result.multiplier == 0
    assert result.compensation == D("0.00") and result.total == D("0.00")
    assert result.months == D("2")  # the service is still reported
    assert any("第四十六条第五项" in line for line in result.basis)


def test_no_extra_month_where_a_refused_renewal_leaves_nothing_owed():
    with pytest.raises(ValidationError) as caught:
        economic_compensation(CompensationCase.EXPIRY, HIRE, LAST, WAGE, refused_renewal=True, notice_pay=True)
    assert "notice_pay" in caught.value.errors


@pytest.mark.parametrize(
    "case, multiplier",
    [
        (CompensationCase.MUTUAL, 1),
        (CompensationCase.LAYOFF, 1),
        (CompensationCase.ILLNESS, 1),
        (CompensationCase.INCOMPETENCE, 1),
        (CompensationCase.CHANGED_CIRCUMSTANCES, 1),
        (CompensationCase.UNLAWFUL, 2),
    ],
)
def test_a_refused_renewal_changes_nothing_but_an_expiry(case, multiplier):
    result = economic_compensation(case, HIRE, LAST, WAGE, refused_renewal=True)
    assert result.owed and result.multiplier == multiplier
    assert result.total == WAGE * 2 * multiplier
