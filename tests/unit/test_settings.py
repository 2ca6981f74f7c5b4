"""Settings: values read from NEWSETL_*; a bad value names the variable, the value, the fix."""

from __future__ import annotations

import pytest

from etl.settings import SettingError, get_settings


@pytest.fixture(autouse=True)
def _fresh_settings():
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_defaults(monkeypatch):
    for name in ("NEWSETL_BATCH_SIZE", "NEWSETL_MAX_ARTICLE_WORDS", "NEWSETL_READER_ROLE"):
        monkeypatch.delenv(name, raising=False)
    s = get_settings()
    assert (s.batch_size, s.max_article_words, s.reader_role) == (16, 50_000, "news_reader")
    assert (s.heartbeat_seconds, s.run_stale_minutes, s.connect_timeout) == (30, 60, 10)


def test_values_are_read(monkeypatch):
    monkeypatch.setenv("NEWSETL_BATCH_SIZE", " 8 ")
    monkeypatch.setenv("NEWSETL_MAX_ARTICLE_WORDS", "20_000")
    monkeypatch.setenv("NEWSETL_READER_ROLE", "desk_reader")
    s = get_settings()
    assert (s.batch_size, s.max_article_words, s.reader_role) == (8, 20_000, "desk_reader")


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("NEWSETL_BATCH_SIZE", "abc", "NEWSETL_BATCH_SIZE must be a whole number ≥ 1, got 'abc'"),
        ("NEWSETL_BATCH_SIZE", "-3", "NEWSETL_BATCH_SIZE must be a whole number ≥ 1, got '-3'"),
        ("NEWSETL_RUN_STALE_MINUTES", "1.5", "NEWSETL_RUN_STALE_MINUTES must be a whole number ≥ 1, got '1.5'"),
        ("NEWSETL_READER_ROLE", "news reader", "NEWSETL_READER_ROLE must be a lower-case PostgreSQL role name"),
    ],
)
def test_bad_values_say_what_and_how_to_fix(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingError) as info:
        get_settings()
    assert str(info.value).startswith(message)
    assert info.value.hint.startswith(f"fix or unset {name}")
