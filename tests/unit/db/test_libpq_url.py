"""`newsetl db url --libpq`: the URL libpq reads back into the keywords psycopg2 is given."""

from __future__ import annotations

import psycopg2.extensions
import pytest
import sqlalchemy as sa

from etl.db.engine import libpq_password, libpq_url

URLS = [
    # the embedded server: a socket folder (with a space here), the empty password of pgserver
    "postgresql+psycopg2://postgres:@/newsetl?host=/srv/news data/.pgdata",
    # user, password and database with the characters URLs reserve; query options
    "postgresql+psycopg2://us%40er:p%40ss%2Fw%3Ard%25+x%20y@db.example.org:5433/my%20db"
    "?sslmode=require&application_name=a+b",
    "postgresql+psycopg2://u@[::1]:5432/db",
    "postgresql+psycopg2://u:pw@127.0.0.1/db?connect_timeout=3",
    # SQLAlchemy's multi-host form
    "postgresql+psycopg2://u:pw@/db?host=h1:5432&host=h2:5433",
]


def _keywords(url: str) -> dict[str, str]:
    parsed = sa.engine.make_url(url)
    params = parsed.get_dialect()().create_connect_args(parsed)[1]
    return {key: str(value) for key, value in params.items() if value not in (None, "")}


@pytest.mark.parametrize("url", URLS)
def test_libpq_reads_the_url_as_psycopg2_would_connect(url):
    rendered = libpq_url(url)
    assert rendered.startswith("postgresql://")
    assert psycopg2.extensions.parse_dsn(rendered) == _keywords(url)  # libpq's own parser


@pytest.mark.parametrize("url", URLS)
def test_without_password_the_rest_is_the_same(url):
    keywords = _keywords(url)
    password = keywords.pop("password", None)
    assert psycopg2.extensions.parse_dsn(libpq_url(url, password=False)) == keywords
    assert libpq_password(url) == password


def test_readable_for_the_usual_cases():
    assert libpq_url("postgresql+psycopg2://postgres:@/newsetl?host=/srv/pg") == \
        "postgresql://postgres@/newsetl?host=%2Fsrv%2Fpg"
    assert libpq_url("postgresql+psycopg2://news:secret@db.example.org:5433/news") == \
        "postgresql://news:secret@db.example.org:5433/news"
