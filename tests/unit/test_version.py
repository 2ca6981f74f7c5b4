"""`newsetl --version`: package, extractor (as stored with every article) and schema head."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from etl.settings import REPO_ROOT, get_settings
from etl.version import EXTRACTOR_VERSION, version_lines


@pytest.fixture(autouse=True)
def _fresh_settings():
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _head_of(versions: Path) -> str:
    """The one revision no other migration revises, read from the files themselves."""
    revisions, revised = set(), set()
    for path in versions.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revisions |= set(re.findall(r'^revision\b[^=\n]*=\s*"([^"]+)"', text, re.M))
        revised |= set(re.findall(r'^down_revision\b[^=\n]*=\s*"([^"]+)"', text, re.M))
    (head,) = revisions - revised
    return head


def test_version_lines_name_package_extractor_and_schema_head():
    from etl import nlp

    package, extractor, schema = version_lines()
    assert re.fullmatch(r"newsetl \d+\.\d+\.\d+\S*", package)
    # the extractor version as the pipeline stores it in articles.extractor_version
    assert extractor.split(" ")[:2] == ["extractor", f"{EXTRACTOR_VERSION}+{nlp.model_version()}"]
    assert schema.split(" ")[:2] == ["schema", _head_of(REPO_ROOT / "migrations" / "versions")]


def test_schema_head_is_read_from_the_migrations_directory(tmp_path, monkeypatch):
    migrations = tmp_path / "migrations"
    shutil.copytree(REPO_ROOT / "migrations", migrations, ignore=shutil.ignore_patterns("__pycache__"))
    head = _head_of(migrations / "versions")
    (migrations / "versions" / "9999_later.py").write_text(
        f'revision = "9999"\ndown_revision = "{head}"\nbranch_labels = None\ndepends_on = None\n\n\n'
        "def upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n"
    )
    monkeypatch.setenv("NEWSETL_MIGRATIONS_DIR", str(migrations))
    assert version_lines()[2].startswith("schema 9999 ")
