"""The warehouse's read-only role: ``newsetl db create-reader`` (a step apart from migrations).

Migrations never create roles, so a database owner without CREATEROLE can migrate. This step
needs CREATEROLE only to create the role or set its password; an administrator can create the
role (``CREATE ROLE name NOLOGIN``) and the owner then grants it with this same command.

* The password never travels as SQL text: psycopg2's ``encrypt_password`` computes the
  SCRAM verifier on the client, and only ``ALTER ROLE … PASSWORD '<verifier>'`` is sent.
* The role name is per warehouse (``NEWSETL_READER_ROLE`` / ``--role``); a role that already
  reads another database keeps its password unless ``shared`` is asked for explicitly.
* The role gets CONNECT on this database, USAGE on schema public and SELECT on every table and
  view but ``alembic_version``, plus default privileges so later migrations' views are readable.
  ``PUBLIC`` loses CONNECT and TEMPORARY on this database: the reader cannot create temporary
  tables or functions, and other roles get in only where they are granted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import psycopg2.extensions
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from etl.db.errors import is_permission_error, one_line
from etl.settings import ROLE_NAME

log = logging.getLogger(__name__)

_READABLE = """
    SELECT quote_ident(c.relname)
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'p')
       AND c.relname <> 'alembic_version' AND pg_has_role(c.relowner, 'USAGE')
     ORDER BY c.relname
"""
_OTHER_GRANTS = """
    SELECT d.datname FROM pg_database d CROSS JOIN LATERAL aclexplode(d.datacl) acl
     WHERE acl.grantee = (SELECT oid FROM pg_roles WHERE rolname = :r)
       AND d.datname <> current_database()
     GROUP BY d.datname ORDER BY d.datname
"""
_STILL_OPEN = """
    SELECT datname FROM pg_database
     WHERE datallowconn AND datname <> current_database()
       AND has_database_privilege(:r, oid, 'CONNECT')
     ORDER BY datname
"""


class ReaderRoleError(RuntimeError):
    """The reader role cannot be set up as asked; the message says what to do."""


@dataclass
class ReaderReport:
    role: str
    created: bool = False
    password_set: bool = False
    granted: list[str] = field(default_factory=list)
    still_open: list[str] = field(default_factory=list)  # other databases it can connect to
    warnings: list[str] = field(default_factory=list)


def _quoted(role: str) -> str:
    if not ROLE_NAME.match(role):
        raise ReaderRoleError(f"{role!r} is not a plain lower-case role name (a-z, 0-9, _)")
    return f'"{role}"'


def _attempt(conn: Connection, sql: str) -> Exception | None:
    """Run ``sql`` (as is: no bind parameters) in a savepoint; the error instead of raising it."""
    try:
        with conn.begin_nested():
            conn.exec_driver_sql(sql)
    except sa.exc.DBAPIError as exc:
        return exc
    return None


def _ensure_role(conn: Connection, role: str) -> bool:
    """Create the role NOLOGIN if missing; True when this call created it."""
    if conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar():
        return False
    error = _attempt(conn, f"CREATE ROLE {_quoted(role)} NOLOGIN")
    if error is None:
        return True
    if is_permission_error(error):
        raise ReaderRoleError(
            f"creating role {role} needs the CREATEROLE privilege: ask an administrator to run "
            f"`CREATE ROLE {role} NOLOGIN;`, then run `newsetl db create-reader` again"
        )
    if conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar():
        return False  # created by a concurrent call
    raise error


def _refuse_unfit(conn: Connection, role: str) -> None:
    row = conn.execute(
        sa.text("SELECT rolsuper, rolcreaterole, rolcreatedb, rolname = current_user AS me "
                "FROM pg_roles WHERE rolname = :r"), {"r": role}).one()
    if row.me or row.rolsuper or row.rolcreaterole or row.rolcreatedb:
        raise ReaderRoleError(
            f"role {role} is the migrating user or may create roles or databases: it cannot be the "
            "read-only role; choose another name (--role or NEWSETL_READER_ROLE)"
        )


def _set_password(conn: Connection, role: str, password: str, shared: bool) -> None:
    others = list(conn.execute(sa.text(_OTHER_GRANTS), {"r": role}).scalars())
    if others and not shared:
        raise ReaderRoleError(
            f"role {role} already reads database(s) {', '.join(others)}: a new password here would "
            "change it there too; give this warehouse its own role (--role or NEWSETL_READER_ROLE) "
            "or pass --shared"
        )
    raw = conn.connection.dbapi_connection
    verifier = psycopg2.extensions.encrypt_password(password, role, raw, None)
    if "'" in verifier or "\\" in verifier:  # a SCRAM/MD5 verifier never holds these
        raise ReaderRoleError("unexpected password verifier from libpq")
    error = _attempt(conn, f"ALTER ROLE {_quoted(role)} LOGIN PASSWORD '{verifier}'")
    if error is not None:
        if is_permission_error(error):
            raise ReaderRoleError(
                f"setting the password of {role} needs CREATEROLE (and ADMIN OPTION on the role): "
                "ask an administrator, or run create-reader without a password"
            )
        raise error


def _grant(conn: Connection, role: str, report: ReaderReport) -> None:
    q = _quoted(role)
    db = conn.execute(sa.text("SELECT quote_ident(current_database())")).scalar_one()
    for sql, what in (
        (f"REVOKE CONNECT, TEMPORARY ON DATABASE {db} FROM PUBLIC", "closing the database to PUBLIC"),
        ("REVOKE CREATE ON SCHEMA public FROM PUBLIC", "revoking CREATE on schema public from PUBLIC"),
    ):
        error = _attempt(conn, sql)
        if error is not None:
            report.warnings.append(f"{what} failed ({one_line(error)}): only the owner can do it")
    conn.execute(sa.text(f"GRANT CONNECT ON DATABASE {db} TO {q}"))
    conn.execute(sa.text(f"REVOKE TEMPORARY, CREATE ON DATABASE {db} FROM {q}"))
    conn.execute(sa.text(f"GRANT USAGE ON SCHEMA public TO {q}"))
    report.granted = list(conn.execute(sa.text(_READABLE)).scalars())
    if report.granted:
        conn.execute(sa.text(f"GRANT SELECT ON {', '.join(report.granted)} TO {q}"))
    conn.execute(sa.text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {q}"))


def create_reader(engine: Engine, role: str, password: str | None = None, *, shared: bool = False) -> ReaderReport:
    """Create (if needed) and grant the read-only ``role`` on the warehouse of ``engine``."""
    _quoted(role)
    report = ReaderReport(role)
    with engine.begin() as conn:
        report.created = _ensure_role(conn, role)
        _refuse_unfit(conn, role)
        if password:
            _set_password(conn, role, password, shared)
            report.password_set = True
        _grant(conn, role, report)
        report.still_open = list(conn.execute(sa.text(_STILL_OPEN), {"r": role}).scalars())
    if report.still_open:
        report.warnings.append(
            f"{role} can still connect to {', '.join(report.still_open)} (PUBLIC has CONNECT there): "
            "their owner can run `REVOKE CONNECT ON DATABASE <name> FROM PUBLIC`, or add a "
            f"`reject` line for {role} to pg_hba.conf"
        )
    return report
