"""Users, institutions and committees (admin). There is deliberately no service that lets an admin
change a verdict, a decision or a ruling."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from workflows.context import ServiceContext
from workflows.errors import NotFound, ValidationFailed
from workflows.models import Assignment, Committee, CommitteeMember, Institution, User
from workflows.passwords import check_strength, hash_password
from workflows.services import convert
from workflows.services._base import get_actor, load_settings, read, record, write
from workflows.views import CommitteeView, InstitutionView, UserView
from workflows.vocab import COMMITTEE_KINDS, ROLES


def _admin(s, actor_id: int | None) -> None:  # type: ignore[no-untyped-def]
    if actor_id is not None:  # None = the command line on the server itself
        get_actor(s, actor_id, "admin")


def create_user(ctx: ServiceContext, *, actor_id: int | None, username: str, password: str, display_name: str,
                role: str, institution_id: int | None = None, check_password: bool = True) -> UserView:
    username = (username or "").strip()
    if not username or len(username) > 100:
        raise ValidationFailed("用户名不能为空。", "Username is required.")
    if role not in ROLES:
        raise ValidationFailed("角色无效。", "Unknown role.")
    if check_password:
        problem = check_strength(password)
        if problem:
            raise ValidationFailed(problem, "The password is too weak.")
    with write(ctx) as s:
        _admin(s, actor_id)
        if role == "institution" and institution_id is None:
            raise ValidationFailed("机构填报员须关联一个培训机构。", "Institution staff need an institution.")
        if institution_id is not None and s.get(Institution, institution_id) is None:
            raise NotFound("找不到该机构。", "Institution not found.")
        if s.scalar(select(User.id).where(User.username == username)) is not None:
            raise ValidationFailed("该用户名已被使用。", "That username is taken.")
        u = User(username=username, display_name=display_name.strip() or username, role=role,
                 password_hash=hash_password(password), institution_id=institution_id, active=True, failed_logins=0,
                 created_at=ctx.now())
        s.add(u)
        s.flush()
        record(s, ctx, actor_id=actor_id, action="create_user", object_type="user", object_id=u.id,
               after={"username": username, "role": role, "institution_id": institution_id})
        return convert.user_view(u)


def list_users(ctx: ServiceContext, *, actor_id: int, role: str | None = None) -> list[UserView]:
    with read(ctx) as s:
        get_actor(s, actor_id, "admin", "chair")
        q = select(User).order_by(User.id)
        if role:
            q = q.where(User.role == role)
        return [convert.user_view(u) for u in s.execute(q).scalars()]


def set_user_active(ctx: ServiceContext, *, actor_id: int, user_id: int, active: bool) -> UserView:
    with write(ctx) as s:
        _admin(s, actor_id)
        u = s.get(User, user_id)
        if u is None:
            raise NotFound("找不到该用户。", "User not found.")
        if u.id == actor_id and not active:
            raise ValidationFailed("不能停用自己的账户。", "You cannot deactivate yourself.")
        before = {"active": u.active}
        u.active = active
        record(s, ctx, actor_id=actor_id, action="set_user_active", object_type="user", object_id=u.id,
               before=before, after={"active": active})
        return convert.user_view(u)


def set_user_role(ctx: ServiceContext, *, actor_id: int | None, user_id: int, role: str,
                  institution_id: int | None = None) -> UserView:
    """Change a user's role. Institution staff need an institution; a committee member or an expert with
    open review work keeps the role until removed or replaced (their work would lose its owner)."""
    if role not in ROLES:
        raise ValidationFailed("角色无效。", "Unknown role.")
    with write(ctx) as s:
        _admin(s, actor_id)
        u = s.execute(select(User).where(User.id == user_id).with_for_update()).scalar_one_or_none()
        if u is None:
            raise NotFound("找不到该用户。", "User not found.")
        if u.id == actor_id:
            raise ValidationFailed("不能更改自己的角色。", "You cannot change your own role.")
        new_inst = institution_id if institution_id is not None else u.institution_id
        if new_inst is not None and s.get(Institution, new_inst) is None:
            raise NotFound("找不到该机构。", "Institution not found.")
        if role == "institution" and new_inst is None:
            raise ValidationFailed("机构填报员须关联一个培训机构。", "Institution staff need an institution.")
        if role == u.role and new_inst == u.institution_id:
            return convert.user_view(u)
        if role != u.role:
            if s.scalar(select(CommitteeMember.id).where(CommitteeMember.user_id == u.id).limit(1)) is not None:
                raise ValidationFailed("该用户仍是委员会委员，请先将其移出委员会再更改角色。",
                                       "The user is still a committee member; remove them from the committee first.")
            if s.scalar(select(Assignment.id).where(Assignment.expert_id == u.id, Assignment.status == "open")
                        .limit(1)) is not None:
                raise ValidationFailed("该专家尚有未完成的审查任务，请先更换专家再更改角色。",
                                       "The expert has open reviews; replace them first.")
        before = {"role": u.role, "institution_id": u.institution_id}
        u.role, u.institution_id = role, new_inst
        record(s, ctx, actor_id=actor_id, action="set_user_role", object_type="user", object_id=u.id,
               before=before, after={"role": role, "institution_id": new_inst})
        return convert.user_view(u)


def reset_password(ctx: ServiceContext, *, actor_id: int | None, user_id: int, new_password: str) -> None:
    problem = check_strength(new_password)
    if problem:
        raise ValidationFailed(problem, "The password is too weak.")
    with write(ctx) as s:
        _admin(s, actor_id)
        u = s.get(User, user_id)
        if u is None:
            raise NotFound("找不到该用户。", "User not found.")
        u.password_hash, u.failed_logins, u.locked_until = hash_password(new_password), 0, None
        record(s, ctx, actor_id=actor_id, action="reset_password", object_type="user", object_id=u.id)


def create_institution(ctx: ServiceContext, *, actor_id: int | None, name: str, district: str,
                       license_no: str | None = None) -> InstitutionView:
    if not name.strip() or not district.strip():
        raise ValidationFailed("请填写机构名称和所在区县。", "Name and district are required.")
    with write(ctx) as s:
        _admin(s, actor_id)
        if s.scalar(select(Institution.id).where(Institution.name == name.strip())) is not None:
            raise ValidationFailed("该机构名称已存在。", "That institution exists.")
        i = Institution(name=name.strip(), district=district.strip(), license_no=license_no, created_at=ctx.now())
        s.add(i)
        s.flush()
        record(s, ctx, actor_id=actor_id, action="create_institution", object_type="institution", object_id=i.id,
               after={"name": i.name, "district": i.district})
        return InstitutionView(i.id, i.name, i.district, i.license_no)


def list_institutions(ctx: ServiceContext, *, actor_id: int) -> list[InstitutionView]:
    with read(ctx) as s:
        get_actor(s, actor_id)
        return [InstitutionView(i.id, i.name, i.district, i.license_no)
                for i in s.execute(select(Institution).order_by(Institution.name)).scalars()]


def create_committee(ctx: ServiceContext, *, actor_id: int | None, name: str, kind: str) -> CommitteeView:
    name = (name or "").strip()
    if not name:
        raise ValidationFailed("请填写委员会名称。", "The committee needs a name.")
    if len(name) > 200:
        raise ValidationFailed("委员会名称不能超过 200 个字。", "The committee name is too long (200 characters at most).")
    if kind not in COMMITTEE_KINDS:
        raise ValidationFailed("委员会类型应为审查或仲裁。", "Unknown committee kind.")
    with write(ctx) as s:
        _admin(s, actor_id)
        if s.scalar(select(Committee.id).where(Committee.name == name.strip())) is not None:
            raise ValidationFailed("该委员会名称已存在。", "A committee with that name exists.")
        c = Committee(name=name.strip(), kind=kind, created_at=ctx.now())
        s.add(c)
        s.flush()
        record(s, ctx, actor_id=actor_id, action="create_committee", object_type="committee", object_id=c.id,
               after={"name": c.name, "kind": kind})
        return CommitteeView(c.id, c.name, c.kind, [])


def add_committee_member(ctx: ServiceContext, *, actor_id: int | None, committee_id: int, user_id: int,
                         term_start: date | None = None, term_end: date | None = None) -> CommitteeView:
    with write(ctx) as s:
        _admin(s, actor_id)
        c = s.get(Committee, committee_id)
        u = s.get(User, user_id)
        if c is None or u is None:
            raise NotFound("找不到该委员会或用户。", "Committee or user not found.")
        needed = "expert" if c.kind == "review" else "arbitrator"
        if u.role != needed:
            raise ValidationFailed(f"该委员会只能加入角色为「{ROLES[needed][0]}」的用户。", f"Members must have role {needed}.")
        start = term_start or ctx.today()
        if term_end is None:
            years = load_settings(s).expert_term_years
            try:
                term_end = start.replace(year=start.year + years)
            except ValueError:  # 29 February
                term_end = start.replace(year=start.year + years, day=28)
        if s.scalar(select(CommitteeMember.id).where(CommitteeMember.committee_id == c.id,
                                                     CommitteeMember.user_id == u.id)) is not None:
            raise ValidationFailed("该用户已是此委员会委员。", "Already a member of this committee.")
        if term_end <= start:
            raise ValidationFailed("任期结束日期应晚于开始日期。", "The term must end after it starts.")
        s.add(CommitteeMember(committee_id=c.id, user_id=u.id, term_start=start, term_end=term_end))
        s.flush()
        record(s, ctx, actor_id=actor_id, action="add_committee_member", object_type="committee", object_id=c.id,
               after={"user_id": u.id, "term_start": start, "term_end": term_end})
    return next(cv for cv in _committees(ctx) if cv.id == committee_id)


def set_member_term(ctx: ServiceContext, *, actor_id: int | None, committee_id: int, user_id: int,
                    term_start: date, term_end: date) -> CommitteeView:
    """Change a member's term (renewal, early end). Who is in the pool follows the term from then on."""
    if term_end <= term_start:
        raise ValidationFailed("任期结束日期应晚于开始日期。", "The term must end after it starts.")
    with write(ctx) as s:
        _admin(s, actor_id)
        m = s.execute(select(CommitteeMember).where(CommitteeMember.committee_id == committee_id,
                                                    CommitteeMember.user_id == user_id)
                      .with_for_update()).scalar_one_or_none()
        if m is None:
            raise NotFound("该用户不是此委员会委员。", "Not a member.")
        before = {"user_id": user_id, "term_start": m.term_start, "term_end": m.term_end}
        m.term_start, m.term_end = term_start, term_end
        record(s, ctx, actor_id=actor_id, action="set_member_term", object_type="committee", object_id=committee_id,
               before=before, after={"user_id": user_id, "term_start": term_start, "term_end": term_end})
    return next(cv for cv in _committees(ctx) if cv.id == committee_id)


def remove_committee_member(ctx: ServiceContext, *, actor_id: int, committee_id: int, user_id: int) -> None:
    with write(ctx) as s:
        _admin(s, actor_id)
        m = s.execute(select(CommitteeMember).where(CommitteeMember.committee_id == committee_id,
                                                    CommitteeMember.user_id == user_id)).scalar_one_or_none()
        if m is None:
            raise NotFound("该用户不是此委员会委员。", "Not a member.")
        s.delete(m)
        record(s, ctx, actor_id=actor_id, action="remove_committee_member", object_type="committee",
               object_id=committee_id, before={"user_id": user_id})


def _committees(ctx: ServiceContext) -> list[CommitteeView]:
    with read(ctx) as s:
        out = []
        for c in s.execute(select(Committee).order_by(Committee.id)).scalars():
            members = [(m.user_id, m.user.display_name, m.term_start, m.term_end)
                       for m in sorted(c.members, key=lambda m: m.user_id)]
            out.append(CommitteeView(c.id, c.name, c.kind, members))
        return out


def list_committees(ctx: ServiceContext, *, actor_id: int) -> list[CommitteeView]:
    with read(ctx) as s:
        get_actor(s, actor_id, "admin", "chair")
    return _committees(ctx)
