"""Command-line sub-commands for the company's documents:

    hrdesk --data-dir D documents certificate E000123 --out 离职证明.pdf --user hr [--reason]
    hrdesk --data-dir D documents employment E000123 --out 在职证明.pdf --user hr [--purpose 办理签证]
        [--income none|base|fixed|avg3|avg6|avg12]
    hrdesk --data-dir D documents statement E000123 --out 结算单.pdf --user hr
    hrdesk --data-dir D documents reissue LZ-2026-0001 --out 离职证明.pdf --user hr
    hrdesk --data-dir D documents batch --from 2026-01-01 --to 2026-03-31 --dir 证明 --user hr
    hrdesk --data-dir D documents verify 离职证明.pdf

``documents verify`` needs no sign-in: it only says whether the file is one the company issued.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hrdesk.cli import common
from hrdesk.core.documents.income_choice import all_choices, parse_choice
from hrdesk.core.kernel.errors import StorageError
from hrdesk.core.kernel.i18n import tr


def register(sub) -> None:

    p = sub.add_parser("documents", help=tr("离职证明、在职证明、离职结算单"))
    dsub = p.add_subparsers(dest="documents_command", required=True)
    c = dsub.add_parser("certificate", help=tr("开具离职证明（仅限已离职员工）"))
    c.add_argument("emp_no", help=tr("工号"))
    c.add_argument("--out", required=True, help=tr("输出文件 .pdf"))
    c.add_argument(
        "--reason",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=tr("在证明中写明离职原因（默认按公司设置）"),
    )
    common.user_argument(c)
    c.set_defaults(handler=_certificate)
    c = dsub.add_parser("employment", help=tr("开具在职证明"))
    c.add_argument("emp_no", help=tr("工号"))
    c.add_argument("--out", required=True, help=tr("输出文件 .pdf"))
    c.add_argument("--purpose", default=None, help=tr("用途，例如 办理签证"))
    income = c.add_mutually_exclusive_group()
    income.add_argument(
        "--income",
        type=_income_argument,
        default=None,
        metavar="|".join(choice.code for choice in all_choices()),
        help=tr(
            "写明的月收入：不写（none）、基本工资（base）、固定月薪即基本工资+固定津贴（fixed）、"
            "近3/6/12个月平均应发（avg3、avg6、avg12）；默认不写"
        ),
    )
    income.add_argument("--salary", action="store_true", help=tr("写明基本工资（同 --income base）"))
    common.user_argument(c)
    c.set_defaults(handler=_employment)
    c = dsub.add_parser("statement", help=tr("打印财务已审核的离职结算单"))
    c.add_argument("emp_no", help=tr("工号"))
    c.add_argument("--out", required=True, help=tr("输出文件 .pdf"))
    common.user_argument(c)
    c.set_defaults(handler=_statement)
    c = dsub.add_parser("reissue", help=tr("按编号原样补打一份证明文件"))
    c.add_argument("number", help=tr("编号，例如 LZ-2026-0001"))
    c.add_argument("--out", required=True, help=tr("输出文件 .pdf"))
    common.user_argument(c)
    c.set_defaults(handler=_reissue)
    c = dsub.add_parser("batch", help=tr("为一段时间内离职的所有员工开具离职证明"))
    c.add_argument(
        "--from", dest="date_from", required=True, type=common.date_argument, help=tr("最后工作日从 YYYY-MM-DD")
    )
    c.add_argument("--to", dest="date_to", required=True, type=common.date_argument, help=tr("到 YYYY-MM-DD"))
    c.add_argument("--dir", required=True, help=tr("保存到的文件夹"))
    common.user_argument(c)
    c.set_defaults(handler=_batch)
    c = dsub.add_parser("verify", help=tr("核验一份 PDF 是否为本公司开具且未被改动"))
    c.add_argument("file", help=tr("PDF 文件"))
    c.set_defaults(handler=_verify)


def _income_argument(text: str):
    """An argparse type: an income choice by code or label, or a message listing the choices."""
    try:
        return parse_choice(text)
    except ValueError:
        codes = "、".join(choice.code for choice in all_choices())
        raise argparse.ArgumentTypeError(tr("无法识别的收入选项“{0}”，可选：{1}").format(text, codes)) from None


def _save(doc, out) -> int:
    from hrdesk.core.documents import issuing as documents

    path = documents.save_pdf(doc, out)
    print(
        tr("{0}：{1}，已保存到 {2}（SHA-256 {3}）").format(
            tr("已补打") if doc.reissued else tr("已开具"), doc.number, path, doc.sha256
        )
    )
    return 0


def _certificate(args) -> int:
    from hrdesk.core.documents import issuing as documents

    doc = common.with_login(
        args,
        lambda ctx: documents.separation_certificate(
            ctx, common.employee_id(ctx, args.emp_no), show_reason=args.reason
        ),
    )
    return _save(doc, args.out)


def _employment(args) -> int:
    from hrdesk.core.documents import issuing as documents

    income = parse_choice("base") if args.salary else args.income
    doc = common.with_login(
        args,
        lambda ctx: documents.employment_certificate(
            ctx, common.employee_id(ctx, args.emp_no), purpose=args.purpose, income=income
        ),
    )
    return _save(doc, args.out)


def _statement(args) -> int:
    from hrdesk.core.documents import issuing as documents

    doc = common.with_login(args, lambda ctx: documents.settlement_statement(ctx, common.employee_id(ctx, args.emp_no)))
    return _save(doc, args.out)


def _reissue(args) -> int:
    from hrdesk.core.documents import issuing as documents

    doc = common.with_login(args, lambda ctx: documents.reissue(ctx, args.number))
    return _save(doc, args.out)


def _batch(args) -> int:
    from hrdesk.core.documents import issuing as documents

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    result = common.with_login(
        args,
        lambda ctx: documents.batch_separation_certificates(
            ctx, args.date_from, args.date_to, args.dir, progress=progress
        ),
    )
    if result.total:
        print(file=sys.stderr)
    print(tr("已开具 {0} 份离职证明，保存在 {1}").format(len(result.written), Path(args.dir)))
    return 0


def _verify(args) -> int:
    from hrdesk.core.documents import issuing as documents

    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise StorageError(tr("无法读取文件“{0}”：{1}").format(args.file, exc.strerror or exc)) from None
    db = common.open_company(args)
    try:
        result = documents.verify(common.system_context(db), data)
    finally:
        db.dispose()
    print(result.message, file=sys.stdout if result.status == "valid" else sys.stderr)
    return {"valid": 0, "altered": 12, "unknown": 13}[result.status]
