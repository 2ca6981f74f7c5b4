"""Where the warehouse is: NEWSETL_DATABASE_URL, or the embedded PostgreSQL."""

from __future__ import annotations

import functools
import re
import urllib.parse

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from etl.settings import SettingError, get_settings

URL_FORM = "postgresql://user:password@host:5432/database"


def normalise_url(url: str) -> str:
    """SQLAlchemy 2.1 maps ``postgresql://`` to psycopg 3; we ship psycopg2."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg2://" + url[len(prefix):]
    return url


def check_url(url: str, name: str = "NEWSETL_DATABASE_URL") -> str:
    """The normalised URL; SettingError (password hidden) when it is not a PostgreSQL URL."""
    normal = normalise_url(url.strip())
    try:
        parsed = sa.engine.make_url(normal)
    except sa.exc.ArgumentError:
        raise SettingError(name, f"is not a database URL (expected {URL_FORM})") from None
    if parsed.drivername != "postgresql+psycopg2":
        shown = parsed.render_as_string(hide_password=True)
        raise SettingError(name, f"must be a PostgreSQL URL ({URL_FORM}), got {shown}")
    if not parsed.database:
        raise SettingError(name, f"names no database (expected {URL_FORM})")
    return normal


def shown(url: str) -> str:
    """The URL with its password hidden, for messages."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "(unparseable URL)"


_NETLOC_HOST = re.compile(r"^[A-Za-z0-9.-]+$|^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$")  # a name, an IPv4 or IPv6 address


def libpq_url(url: str, password: bool = True) -> str:
    """``url`` as libpq (psql, pg_dump) takes it: ``postgresql://user:password@host:port/db?...``.

    Built from the keywords SQLAlchemy's psycopg2 dialect hands to libpq (so ``?host=h1:p1&
    host=h2:p2`` becomes ``host=h1,h2&port=p1,p2``), every part percent-encoded (a socket
    folder with spaces, a password with ``@/:%``); a socket folder or several hosts go in the
    query, as libpq wants them. ``password=False`` leaves the password out (give it in PGPASSWORD).
    """
    parsed = sa.engine.make_url(url)
    params = dict(parsed.get_dialect()().create_connect_args(parsed)[1])

    def q(value) -> str:
        return urllib.parse.quote(str(value), safe="")

    user, secret, dbname = params.pop("user", None), params.pop("password", None), params.pop("dbname", None)
    netloc = ""
    if user:
        netloc = q(user) + (f":{q(secret)}" if secret and password else "") + "@"
    host = params.get("host")
    if host and _NETLOC_HOST.match(str(host)) and "," not in str(params.get("port", "")):
        params.pop("host")
        netloc += f"[{host}]" if ":" in host else host
        if params.get("port"):
            netloc += f":{params.pop('port')}"
    query = "&".join(f"{q(key)}={q(value)}" for key, value in params.items())
    return f"postgresql://{netloc}/{q(dbname or '')}" + (f"?{query}" if query else "")


def libpq_password(url: str) -> str | None:
    """The password of ``url``, for PGPASSWORD when the URL given to libpq leaves it out."""
    return sa.engine.make_url(url).password or None


def database_url() -> str:
    settings = get_settings()
    if settings.database_url:
        return check_url(settings.database_url)
    from etl.db.embedded import ensure_database

    return ensure_database(settings.pgdata, settings.database_name)


@functools.lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    connect_args = {}
    if "connect_timeout" not in sa.engine.make_url(url).query:
        connect_args["connect_timeout"] = get_settings().connect_timeout
    return sa.create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def get_engine(url: str | None = None) -> Engine:
    """A pooled engine for ``url`` (default: the configured warehouse); one per URL per process."""
    return _engine(check_url(url, "the database URL") if url else database_url())
