"""Every business area of the core, loaded together, as Django loads its installed apps.

Loading an area puts its tables on the one shared metadata and plugs what it provides into the areas
below it: the register answers the organisation's questions about who works where
(``org_occupancy``), and the settlement reacts to finance approving a separation
(``flow_step_hooks``). Every entry point (the command line, the GUI, the self-test, the demo, the
tests) imports this module once before it opens a company.
"""

from hrdesk.core.persistence.models import Base
from hrdesk.core.services import placement, settlement

metadata = Base.metadata

__all__ = ["metadata", "placement", "settlement"]
