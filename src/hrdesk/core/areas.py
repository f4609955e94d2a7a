"""Every business area of the core, loaded together, as Django loads its installed apps.

Loading an area puts its tables on the one shared metadata and plugs what it provides into the areas
below it: the register answers the organisation's questions about who works where
(``org.occupancy``), the settlement reacts to finance approving a separation
(``flows.step_hooks``), and the payroll tells the register which 社保 cities it has policies for
(``people.insurance_cities``). Every entry point (the command line, the GUI, the self-test, the demo, the
tests) imports this module once before it opens a company.

The areas in their import order, lowest first (pyproject.toml's import contracts enforce it):
kernel, org, people, accounts, company, flows, payroll, separation, documents, audit.
"""

from hrdesk.core.accounts import tables as accounts_tables
from hrdesk.core.documents import tables as documents_tables
from hrdesk.core.flows import tables as flows_tables
from hrdesk.core.kernel.persistence import tables as kernel_tables
from hrdesk.core.kernel.persistence.base import Base
from hrdesk.core.org import tables as org_tables
from hrdesk.core.payroll import insurance_cities
from hrdesk.core.payroll import tables as payroll_tables
from hrdesk.core.people import placement
from hrdesk.core.people import tables as people_tables
from hrdesk.core.separation import settlement
from hrdesk.core.separation import tables as separation_tables

metadata = Base.metadata

TABLE_MODULES = (
    kernel_tables,
    org_tables,
    people_tables,
    accounts_tables,
    flows_tables,
    payroll_tables,
    separation_tables,
    documents_tables,
)
PROVIDERS = (placement, settlement, insurance_cities)  # imported for what they register with the areas below them
