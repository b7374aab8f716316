"""The Ray Data job: the pipeline's per-page stages spread over a Ray cluster."""

from .job import ScaleOptions, run_job

__all__ = ["ScaleOptions", "run_job"]
