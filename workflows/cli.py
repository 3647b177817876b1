"""`python -m workflows <command>`: migrate, create-user, seed-demo, verify-audit, backup, restore,
holidays import, overdue, finalize-expired."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime
from pathlib import Path

from workflows.errors import DomainError


def _ctx():  # type: ignore[no-untyped-def]
    from workflows.context import build_context

    return build_context()


def cmd_migrate(args: argparse.Namespace) -> int:
    from workflows.db import DEFAULT_URL
    from workflows.migrate import upgrade

    upgrade(os.environ.get("DATABASE_URL") or DEFAULT_URL)
    print("数据库已迁移到最新版本 (database migrated to head)")
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from workflows.models import Institution
    from workflows.services import admin

    ctx = _ctx()
    password = args.password or os.environ.get("REVIEW_NEW_PASSWORD") or getpass.getpass("密码 (password): ")
    inst_id = None
    if args.institution:
        with ctx.db.read() as s:
            inst_id = s.scalar(select(Institution.id).where(Institution.name == args.institution))
        if inst_id is None:
            inst_id = admin.create_institution(ctx, actor_id=None, name=args.institution,
                                               district=args.district or "未填写").id
    u = admin.create_user(ctx, actor_id=None, username=args.username, password=password,
                          display_name=args.display_name or args.username, role=args.role, institution_id=inst_id)
    print(f"已创建用户 {u.username} (id {u.id}, role {u.role})")
    return 0


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from workflows.seed import is_empty, seed_demo

    ctx = _ctx()
    if not is_empty(ctx):
        if args.if_empty:
            print("数据库已有数据，跳过演示数据 (database not empty; demo data skipped)")
            return 0
        print("数据库不为空，拒绝写入演示数据；请使用空数据库 (database not empty)", file=sys.stderr)
        return 1
    accounts = seed_demo(ctx)
    print("演示账户（仅供本地试用 / demo accounts, local trials only）:")
    print(f"{'用户名':<10} {'密码':<18} {'角色':<12} 姓名")
    for a in accounts:
        print(f"{a.username:<12} {a.password:<20} {a.role:<12} {a.display_name}")
    return 0


def cmd_verify_audit(args: argparse.Namespace) -> int:
    from workflows.services.audit import verify_audit

    report = verify_audit(_ctx(), anchor=args.anchor)
    if report.ok:
        print(f"审计链完整：{report.events} 条记录 (audit chain intact: {report.events} events)")
        if args.anchor:
            print(f"锚点仍在链中 (anchor {args.anchor.split(':')[0]} present)")
        return 0
    print(f"审计链被破坏 (audit chain BROKEN), {len(report.problems)} problem(s):", file=sys.stderr)
    for p in report.problems:
        print("  - " + p, file=sys.stderr)
    return 2


def cmd_backup(args: argparse.Namespace) -> int:
    from workflows.audit import format_anchor
    from workflows.backup import archive_anchor, backup

    ctx = _ctx()
    out = Path(args.out or ctx.data_dir / "backups" / f"review-{datetime.now():%Y%m%d-%H%M%S}.zip")
    out.parent.mkdir(parents=True, exist_ok=True)
    counts = backup(ctx, out)
    print(f"备份已写入 {out} ({sum(counts.values())} rows)")
    anchor = archive_anchor(out)
    if anchor is not None:
        # Keep this line outside the server (ticket, mail, paper): verify-audit --anchor checks against it.
        print(f"审计链锚点 (audit anchor): {format_anchor(*anchor)}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from workflows.backup import restore

    counts = restore(_ctx(), Path(args.archive))
    print(f"已恢复 {sum(counts.values())} 行 (restored)")
    return 0


def cmd_holidays(args: argparse.Namespace) -> int:
    from workflows.services.settings import import_holidays

    text = Path(args.file).read_text(encoding="utf-8-sig")
    n = import_holidays(_ctx(), actor_id=None, text=text, source=Path(args.file).name)
    print(f"已导入 {n} 个日期 (imported {n} days)")
    return 0


def cmd_overdue(args: argparse.Namespace) -> int:
    from workflows.services.chair import overdue

    items = overdue(_ctx(), actor_id=None)
    for i in items:
        print(f"{i.kind:<12} #{i.submission_id} {i.class_name} [{i.institution_name}] {i.who_name} "
              f"due {i.due_date} ({i.working_days_overdue} 个工作日逾期)")
    print(f"共 {len(items)} 项逾期 (overdue items)")
    return 0


def cmd_finalize(args: argparse.Namespace) -> int:
    from workflows.services.decisions import finalize_expired

    ids = finalize_expired(_ctx())
    print(f"{len(ids)} 个决定已生效 (finalized): {ids}")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m workflows", description="校外培训材料审查平台 workflow commands")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="apply the Alembic migrations").set_defaults(fn=cmd_migrate)
    cu = sub.add_parser("create-user", help="create a user")
    cu.add_argument("--username", required=True)
    cu.add_argument("--role", required=True, choices=["institution", "expert", "chair", "arbitrator", "admin"])
    cu.add_argument("--display-name")
    cu.add_argument("--password", help="else $REVIEW_NEW_PASSWORD or a prompt")
    cu.add_argument("--institution", help="institution name (created if missing)")
    cu.add_argument("--district")
    cu.set_defaults(fn=cmd_create_user)
    sd = sub.add_parser("seed-demo", help="demo data (prints the demo accounts)")
    sd.add_argument("--if-empty", action="store_true")
    sd.set_defaults(fn=cmd_seed_demo)
    va = sub.add_parser("verify-audit", help="check the audit hash chain")
    va.add_argument("--anchor", metavar="SEQ:HASH",
                    help="a head printed by `backup`: also fail when the chain no longer contains it")
    va.set_defaults(fn=cmd_verify_audit)
    b = sub.add_parser("backup", help="write a backup archive")
    b.add_argument("--out")
    b.set_defaults(fn=cmd_backup)
    r = sub.add_parser("restore", help="restore an archive into an empty migrated database")
    r.add_argument("archive")
    r.set_defaults(fn=cmd_restore)
    h = sub.add_parser("holidays", help="holiday table")
    hs = h.add_subparsers(dest="holidays_command", required=True)
    hi = hs.add_parser("import", help="import YYYY-MM-DD,holiday|workday[,name] lines")
    hi.add_argument("file")
    hi.set_defaults(fn=cmd_holidays)
    sub.add_parser("overdue", help="list overdue reviews and arbitrations").set_defaults(fn=cmd_overdue)
    sub.add_parser("finalize-expired", help="decided → final after the appeal window").set_defaults(fn=cmd_finalize)
    args = p.parse_args(argv)
    try:
        return args.fn(args)
    except DomainError as exc:
        print(f"错误：{exc.message} ({exc.message_en})", file=sys.stderr)
        return 1
    except (ValueError, OSError) as exc:
        print(f"错误 (error): {exc}", file=sys.stderr)
        return 1
