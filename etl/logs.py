"""Logging of the command line and its worker processes, and of a file's failure.

A file that fails (unreadable, unparseable, an extractor crash) is rejected with a one-line
reason in the ledger and the run summary; its log says the reason at INFO (``newsetl -v``)
and the traceback only at DEBUG on the ``etl`` loggers (``newsetl --debug`` or ``-vv``).
"""

from __future__ import annotations

import logging
import sys

FORMAT = "%(levelname)s %(name)s: %(message)s"


def configure(verbose: int = 0, debug: bool = False) -> None:
    """stderr logging: WARNING, ``-v`` INFO, ``-vv`` DEBUG; ``debug``: etl's own at DEBUG."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, stream=sys.stderr, format=FORMAT)
    if debug:
        logging.getLogger("etl").setLevel(logging.DEBUG)


def levels() -> tuple[int, int]:
    """(root, etl) levels of this process, for its worker processes."""
    return logging.getLogger().level, logging.getLogger("etl").level


def configure_worker(inherited: tuple[int, int] | None) -> None:
    """A spawned worker logs as its parent was configured to (spawning starts with no handlers)."""
    if inherited is None:
        return
    root, etl = inherited
    if not logging.getLogger().handlers:
        logging.basicConfig(level=root, stream=sys.stderr, format=FORMAT)
    logging.getLogger("etl").setLevel(etl)


def file_failed(log: logging.Logger, what: str, path: str, exc: BaseException) -> None:
    """``what`` failed for ``path``: the reason in one line at INFO, the traceback at DEBUG."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    log.info("%s %s failed: %s", what, path, f"{type(exc).__name__}: {first}" if first else type(exc).__name__)
    log.debug("traceback of %s %s", what, path, exc_info=exc)
