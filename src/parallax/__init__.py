"""Parallax: many outlets, one story.

Raw news pages go in; clean articles, grouped into stories and cross-checked
across outlets, come out. See DESIGN.md for the data flow.
"""

__version__ = "0.1.0"
