"""PDF documents on the company letterhead (reportlab): certificates and the settlement statement.

Each document is a frozen dataclass of plain values rendered by one function that returns the PDF
as ``bytes`` (the caller saves it, e.g. through ``hrdesk.core.kernel.exports.write_atomically``, or
attaches it to a mail). Chinese is real, selectable text in the embedded WenQuanYi Micro Hei
subset; the same input always gives the same bytes.

    pdf = render_separation_certificate(SeparationCertificate(...))
"""

from hrdesk.core.documents.pdf.amounts import amount_in_words, money_text
from hrdesk.core.documents.pdf.certificates import (
    EmploymentCertificate,
    SeparationCertificate,
    StatedIncome,
    render_employment_certificate,
    render_separation_certificate,
)
from hrdesk.core.documents.pdf.letterhead import CompanyLetterhead
from hrdesk.core.documents.pdf.settlement_statement import (
    SettlementLine,
    SettlementStatement,
    render_settlement_statement,
)

__all__ = [
    "CompanyLetterhead",
    "EmploymentCertificate",
    "SeparationCertificate",
    "SettlementLine",
    "SettlementStatement",
    "StatedIncome",
    "amount_in_words",
    "money_text",
    "render_employment_certificate",
    "render_separation_certificate",
    "render_settlement_statement",
]
