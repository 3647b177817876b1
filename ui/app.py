"""The app shell: login, the role's pages through st.navigation, logout, session expiry, language.

`main(services)` receives the workflows ServiceContext so tests can hand it one on a temporary database.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from typing import Any

import streamlit as st

from ui.components.feedback import run_service, show_flashes, flash
from ui.components.labels import ROLE_NAMES, label
from ui.context import LANGUAGES, UIContext
from ui.pages import PageSpec, pages_for_role

APP_TITLE_ZH = "校外培训材料审查平台"
APP_TITLE_EN = "Off-campus Training Materials Review"

# Session-state keys owned by the shell.
K_USER = "auth_user"
K_LAST_SEEN = "auth_last_seen"
K_ROLE = "auth_role"
K_LANG = "lang"
K_GOTO = "_nav_goto"  # url_path to open on the next run (after logout, or a page asking to move on)

DEFAULT_SESSION_MINUTES = 30


def session_minutes(services: Any) -> int:
    """Idle minutes before a session expires: the admin setting when the service has one, else env/default."""
    settings_fn = _optional_service("workflows.services.settings", "get_settings")
    if settings_fn is not None:
        try:
            value = getattr(settings_fn(services), "session_timeout_minutes", None)
            if value:
                return int(value)
        except Exception:  # settings unreadable: fall back rather than lock everyone out
            pass
    try:
        return int(os.environ.get("REVIEW_SESSION_MINUTES", DEFAULT_SESSION_MINUTES))
    except ValueError:
        return DEFAULT_SESSION_MINUTES


def _optional_service(module: str, name: str) -> Any:
    import importlib

    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def _now(services: Any) -> datetime:
    now = getattr(services, "now", None)  # ServiceContext.now(): naive UTC from the context's clock
    return now() if callable(now) else datetime.now()


def _user_roles(user: Any) -> list[str]:
    roles = getattr(user, "roles", None)
    if roles:
        return [r for r in roles]
    role = getattr(user, "role", None)
    return [role] if role else []


class _RoleView:
    """The user's view with one chosen role, for users who hold several."""

    def __init__(self, user: Any, role: str) -> None:
        self._user = user
        self.role = role

    def __getattr__(self, name: str) -> Any:
        return getattr(self._user, name)


def logout(message_zh: str | None = None, message_en: str | None = None) -> None:
    """Forget everything the session held (drafts, selections, cached views) except the language."""
    for key in list(st.session_state.keys()):
        if key != K_LANG:
            del st.session_state[key]
    st.session_state[K_GOTO] = "login"
    if message_zh:
        lang = st.session_state.get(K_LANG, "zh")
        flash(message_en if (lang == "en" and message_en) else message_zh, "info")


def current_user(services: Any) -> Any | None:
    """The logged-in user, or None; expires the session after the idle limit."""
    user = st.session_state.get(K_USER)
    if user is None:
        return None
    now = _now(services)
    last = st.session_state.get(K_LAST_SEEN)
    if last is not None and now - last > timedelta(minutes=session_minutes(services)):
        logout("会话已超时，请重新登录。", "Your session has expired; please log in again.")
        return None
    if not _still_active(services, user):
        logout("您的账户已停用或不存在，请联系管理员。", "Your account is deactivated or gone; contact the administrator.")
        return None
    st.session_state[K_LAST_SEEN] = now
    return user


def _still_active(services: Any, user: Any) -> bool:
    """Re-check the account on every run so a deactivated user is out at once.

    Uses a dedicated auth lookup when the services offer one; otherwise the cheapest query every role may
    make about itself (its own declared conflicts), which refuses an inactive or deleted account.
    Only a refusal logs out: a passing database hiccup must not throw everyone out.
    """
    user_id = getattr(user, "id", None)
    check = _optional_service("workflows.services.auth", "current_user")
    kwargs: dict[str, Any] = {"actor_id": user_id}
    if check is None:
        check = _optional_service("workflows.services.reviews", "list_conflicts")
    if check is None or user_id is None:
        return user_id is not None
    try:
        result = check(services, **kwargs)
    except Exception as exc:  # noqa: BLE001 - decide by the error type below
        try:
            from workflows.errors import NotAuthorized, NotFound
        except ImportError:
            return True
        return not isinstance(exc, (NotAuthorized, NotFound))
    return getattr(result, "active", True) is not False


def _login_page(ui: UIContext) -> None:
    st.title(ui.t(APP_TITLE_ZH, APP_TITLE_EN))
    st.subheader(ui.t("登录", "Log in"))
    authenticate = _optional_service("workflows.services.auth", "authenticate")
    with st.form("login_form", clear_on_submit=False):
        username = st.text_input(ui.t("用户名", "Username"), key="login_username")
        password = st.text_input(ui.t("密码", "Password"), type="password", key="login_password")
        submitted = st.form_submit_button(ui.t("登录", "Log in"), type="primary")
    if submitted:
        if not username.strip() or not password:
            st.error(ui.t("请输入用户名和密码。", "Please enter your username and password."))
            return
        if authenticate is None:
            st.error(ui.t("登录服务暂不可用，请联系管理员。", "Login is unavailable; contact the administrator."))
            return
        user = run_service(ui, authenticate, ui.services, username=username.strip(), password=password)
        if user:
            st.session_state[K_USER] = user
            st.session_state[K_LAST_SEEN] = _now(ui.services)
            st.session_state.pop(K_ROLE, None)
            st.session_state.pop("login_password", None)
            st.rerun()
    st.caption(ui.t("未登录也可查看「公示」页面：已通过审查的课程名单。",
                    "The public list of approved courses is open without logging in."))


def _as_page(spec: PageSpec, ui: UIContext, *, default: bool = False) -> Any:
    def run() -> None:
        show_flashes()
        spec.render(ui)

    return st.Page(run, title=spec.title(ui.lang), url_path=spec.url_path, icon=spec.icon, default=default)


def _public_pages() -> list[PageSpec]:
    from ui.pages.public import PAGES

    return list(PAGES)


def _account_pages() -> list[PageSpec]:
    from ui.pages.account import PAGES

    return list(PAGES)


def _sidebar_language() -> str:
    if K_LANG not in st.session_state:
        st.session_state[K_LANG] = "zh"
    st.sidebar.radio("语言 / Language", options=list(LANGUAGES), format_func=LANGUAGES.__getitem__,
                     key=K_LANG, horizontal=True)
    return st.session_state[K_LANG]


def main(services: Any) -> None:
    st.set_page_config(page_title=APP_TITLE_ZH, page_icon=":material/menu_book:", layout="wide")
    lang = _sidebar_language()
    user = current_user(services)
    pages: dict[str, Any] = {}  # url_path -> st.Page, for UIContext.navigate

    def navigate(url_path: str) -> None:
        target = pages.get(url_path)
        if target is not None:
            st.switch_page(target)

    if user is None:
        ui = UIContext(services=services, user=None, lang=lang, navigate=navigate)
        login_spec = PageSpec(_login_page, "登录", "Log in", "login", ":material/login:")
        sections = {ui.t("账户", "Account"): [login_spec], ui.t("公开", "Public"): _public_pages()}
    else:
        roles = _user_roles(user)
        role = st.session_state.get(K_ROLE)
        if role not in roles:
            role = roles[0] if roles else None
        if len(roles) > 1:
            st.session_state[K_ROLE] = role
            role = st.sidebar.selectbox(
                "当前角色" if lang == "zh" else "Acting role", roles,
                format_func=lambda r: label(UIContext(services, None, lang), ROLE_NAMES, r), key=K_ROLE)
        view = _RoleView(user, role) if role and getattr(user, "role", None) != role else user
        ui = UIContext(services=services, user=view, lang=lang, navigate=navigate)
        role_specs = pages_for_role(role) if role else []
        sections = {label(ui, ROLE_NAMES, role) if role else ui.t("工作", "Work"): role_specs,
                    ui.t("账户", "Account"): _account_pages(),
                    ui.t("公开", "Public"): _public_pages()}
        _sidebar_account(ui)
        if not role_specs:
            st.sidebar.info(ui.t("当前角色暂无可用页面。", "No pages are available for this role yet."))
    built: dict[str, list[Any]] = {}
    first = True
    for section, specs_in in sections.items():
        if not specs_in:
            continue
        built[section] = []
        for spec in specs_in:
            page = _as_page(spec, ui, default=first)
            first = False
            pages[spec.url_path] = page
            built[section].append(page)
    nav = st.navigation(built)
    goto = st.session_state.pop(K_GOTO, None)
    if goto in pages and getattr(nav, "url_path", None) != goto:
        st.switch_page(pages[goto])
    nav.run()


def _sidebar_account(ui: UIContext) -> None:
    user = ui.user
    name = getattr(user, "display_name", None) or getattr(user, "username", "")
    with st.sidebar:
        st.markdown(f"**{name}** · {label(ui, ROLE_NAMES, ui.role)}")
        org = getattr(user, "organization_name", None) or getattr(user, "institution_name", None)
        if org:
            st.caption(org)
        if st.button(ui.t("退出登录", "Log out"), key="logout_button"):
            logout("您已退出登录。", "You have logged out.")
            st.rerun()
