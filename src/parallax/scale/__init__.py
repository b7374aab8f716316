"""The Ray Data job: the pipeline's per-page stages spread over a Ray cluster.

``run_job`` and its options are imported on first use (PEP 562): a Ray task
that builds dossiers imports ``scale.dossiers``, and should not import the
whole pipeline (extraction, the database) with this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .job import ScaleOptions, run_job


def __getattr__(name: str):
    if name in ("ScaleOptions", "run_job"):
        from . import job

        return getattr(job, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["ScaleOptions", "run_job"]
