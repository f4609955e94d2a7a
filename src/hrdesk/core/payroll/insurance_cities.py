"""The cities the payroll can calculate 社保 and 公积金 for, told to the register
(:mod:`hrdesk.core.people.insurance_cities`) so an employee record cannot name any other.

The shipped policies count even before they are installed in a company's database (they are
installed on first use), and so does every city the company added a policy for.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrdesk.core.kernel.resources_data import load_data_file
from hrdesk.core.payroll.defaults import DATA_FILE
from hrdesk.core.payroll.rules import policy
from hrdesk.core.payroll.tables import PolicyVersion
from hrdesk.core.people import insurance_cities


def policy_cities(session: Session) -> Iterable[str]:
    shipped = load_data_file(DATA_FILE).get(policy.INSURANCE, {})
    stored = session.execute(select(PolicyVersion.key).where(PolicyVersion.kind == policy.INSURANCE).distinct())
    return set(shipped) | {key for key in stored.scalars() if key}


insurance_cities.register(policy_cities)
