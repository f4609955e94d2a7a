"""Command-line sub-commands for backups and file checks (they need the company key, not a sign-in):

hrdesk --data-dir D backup create [--second-folder E:\\HRDesk备份]
hrdesk --data-dir D backup list [--folder E:\\HRDesk备份] [--json]
hrdesk --data-dir D backup verify FILE [--recovery-key …] [--audit-key …]
hrdesk --data-dir D backup restore FILE [--recovery-key …] [--audit-key …] --yes
hrdesk --data-dir D check
"""

from __future__ import annotations

import sys
from pathlib import Path

from hrdesk.cli import common
from hrdesk.core.kernel.errors import ValidationError
from hrdesk.core.kernel.i18n import tr


def register(sub) -> None:
    p = sub.add_parser("backup", help=tr("备份与恢复公司数据"))
    bsub = p.add_subparsers(dest="backup_command", required=True)
    c = bsub.add_parser("create", help=tr("立即备份（公司数据打开时也可以备份）"))
    c.add_argument(
        "--second-folder", default=None, help=tr("同时复制到该文件夹（U盘、网络共享），并记住它；填空字符串取消")
    )
    c.set_defaults(handler=_create)
    c = bsub.add_parser("list", help=tr("列出备份，最新的在前"))
    c.add_argument("--folder", type=Path, default=None, help=tr("列出该文件夹中的备份（默认：数据文件夹的 backups）"))
    c.add_argument("--json", action="store_true", help=tr("以 JSON 输出"))
    c.set_defaults(handler=_list)
    c = bsub.add_parser("verify", help=tr("校验一个备份：清单、加密页签名、数据库结构、操作日志哈希链"))
    c.add_argument("file", type=Path, help=tr("备份文件 .db"))
    _recovery_argument(c)
    c.set_defaults(handler=_verify)
    c = bsub.add_parser("restore", help=tr("从备份恢复：先校验，再替换公司数据（原数据另存为备份）"))
    c.add_argument("file", type=Path, help=tr("备份文件 .db"))
    _recovery_argument(c)
    c.add_argument("--yes", action="store_true", help=tr("确认替换当前的公司数据"))
    c.set_defaults(handler=_restore)

    p = sub.add_parser("check", help=tr("检查公司数据文件：每一页的加密签名、数据库结构和操作日志哈希链"))
    _recovery_argument(p)
    p.set_defaults(handler=_check)


def _recovery_argument(parser) -> None:
    parser.add_argument(
        "--recovery-key",
        default=None,
        help=tr("备份所用密钥的恢复密钥（默认：本机保存的密钥；更换密钥前的备份可能需要）"),
    )
    parser.add_argument(
        "--audit-key",
        default=None,
        help=tr("恢复单上的审计密钥（默认：本机保存的审计密钥；在另一台电脑上校验时需要）"),
    )


def _audit_key(args, database_id: str | None) -> str | None:
    """The audit key typed from the recovery sheet, else the one this machine keeps (or None)."""
    from hrdesk.core.company import setup as company
    from hrdesk.core.kernel import audit_key

    typed = company.parse_audit_recovery_key(args.audit_key)
    if typed is not None or not database_id:
        return typed
    return audit_key.known_key(database_id)


def _key(args, *, database_id: str | None = None) -> str:
    from hrdesk.core.kernel.persistence import keys

    if args.recovery_key:
        try:
            return keys.key_from_recovery(args.recovery_key)
        except ValueError as exc:
            raise ValidationError({"recovery_key": str(exc)}) from None
    return keys.resolve_key(database_id or common.data_dir(args).database_id())


def _say(step: str) -> None:
    print("… " + step, file=sys.stderr)


def _create(args) -> int:
    from hrdesk.core.company import backups
    from hrdesk.core.kernel.clock import local_text

    db = common.open_company(args)
    try:
        if args.second_folder is not None:  # the command line holds the key: it acts as the system
            folder = backups.set_second_folder(common.system_context(db), args.second_folder)
            print(tr("第二备份位置：{0}").format(folder or tr("不使用")))
        result = backups.backup_as_system(db)
    finally:
        db.dispose()
    b = result.backup
    when, size = local_text(b.created), backups.size_text(b.size)
    print(tr("已备份：{0}（{1}，{2}，操作日志 {3} 条）").format(b.path, when, size, b.chain_length))
    if result.copied_to:
        print(tr("已复制到：{0}").format(result.copied_to))
    if result.removed:
        print(tr("按保留规则删除了 {0} 个旧备份").format(result.removed))
    if result.copy_problem:
        print(result.copy_problem, file=sys.stderr)
        return 8
    return 0


def _list(args) -> int:
    from hrdesk.core.company import backups
    from hrdesk.core.kernel.clock import local_iso, local_text, zone_label

    folder = args.folder or common.data_dir(args).backups_dir
    found = backups.backups_in(folder)
    if args.json:
        common.print_json(
            [
                {
                    "file": str(b.path),
                    "time": local_iso(b.created),
                    "kind": b.kind,
                    "size": b.size,
                    "program_version": b.program_version,
                    "schema_revision": b.schema_revision,
                    "chain_length": b.chain_length,
                    "key_id": b.key_id,
                    "manifest": b.has_manifest,
                }
                for b in found
            ]
        )
        return 0
    if not found:
        print(tr("{0} 中没有备份。").format(folder))
        return 0
    print("\t".join((tr("时间（{0}）").format(zone_label()), tr("类型"), tr("大小"), tr("操作日志"), tr("文件"))))
    for b in found:
        chain = str(b.chain_length) if b.chain_length is not None else tr("无清单")
        print("\t".join((local_text(b.created), b.kind_label, backups.size_text(b.size), chain, b.path.name)))
    return 0


def _verify(args) -> int:
    from hrdesk.core.company import backups
    from hrdesk.core.kernel.persistence import snapshots

    manifest = snapshots.read_manifest(args.file)
    database_id = (manifest.database_id if manifest else None) or common.data_dir(args).database_id()
    key = _key(args, database_id=database_id)
    result = backups.verify_backup(args.file, key, audit_key_hex=_audit_key(args, database_id), progress=_say)
    if result.ok:
        assert result.check is not None
        print(
            tr("OK：备份完好（{0}，{1} 个表，操作日志 {2} 条）。").format(
                args.file.name, len(result.check.row_counts), result.check.chain_length
            )
        )
        return 0
    print(tr("备份有问题：") + "；".join(result.problems), file=sys.stderr)
    return 9


def _restore(args) -> int:
    from hrdesk.core.company import backups
    from hrdesk.core.kernel.persistence import snapshots

    if not args.yes:
        raise ValidationError(
            {"yes": tr("恢复会替换当前的公司数据（原数据另存为备份）。确认无误后加上 --yes 再运行。")}
        )
    manifest = snapshots.read_manifest(args.file)
    database_id = manifest.database_id if manifest else None
    key = _key(args, database_id=database_id) if args.recovery_key else None
    chain_key = _audit_key(args, None)  # typed only; restore finds the kept one itself
    result = backups.restore_backup(
        common.data_dir(args), args.file, key_hex=key, audit_key_hex=chain_key, progress=_say
    )
    print(tr("已从 {0} 恢复公司数据。").format(result.restored_from.name))
    if result.replaced_backup:
        print(tr("恢复前的公司数据已另存为：{0}").format(result.replaced_backup))
    if result.migrated:
        print(tr("备份来自旧版本，已升级到当前版本。"))
    return 0


def _check(args) -> int:
    from hrdesk.core.company import backups

    data_dir = common.data_dir(args)
    if not data_dir.is_initialized():
        from hrdesk.core.kernel.errors import NotInitialized

        raise NotInitialized(tr("数据文件夹 {0} 中还没有公司数据。").format(data_dir.root))
    chain_key = _audit_key(args, data_dir.database_id())
    result = backups.check_company(data_dir.db_path, _key(args), chain_key, progress=_say)
    if result.ok:
        tables, chain = len(result.row_counts), result.chain_length
        print(tr("OK：公司数据文件完好（{0} 个表，操作日志 {1} 条）。").format(tables, chain))
        return 0
    print(tr("公司数据文件有问题：") + "；".join(result.problems), file=sys.stderr)
    return 9
