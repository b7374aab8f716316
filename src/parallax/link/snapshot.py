"""The linker's whole state as bytes, so that a run over a large database need not replay it.

Without it, a run starts by replaying every stored article into a fresh
linker (``Linker.restore``): about 0.6 ms an article on the throughput corpus,
as much as linking it anew, so a run bringing a few hundred pages to a
database of a million would wait some ten minutes before linking the first.
A snapshot of the state the last run ended with loads in a fraction of that
(``benchmarks/restore.py`` measures both: at 100k articles, 0.5-1 s against 12-18 s).

Pickle, because the state is a graph of Python objects (stories, postings,
the copy index) and pickle is the one serialiser that keeps it whole and
shares the strings it repeats. Loading a pickle can call any function it
names, and a database file may come from anywhere: the loader here accepts
only the handful of classes a linker is made of (the "restricting globals"
recipe of the ``pickle`` documentation), and anything else is refused.
"""

from __future__ import annotations

import gc
import hashlib
import io
import pickle
import sys

from . import postings, repair, state, stories, syndication

# Bump when the linker's state changes shape or meaning without one of the
# options below changing (their values are part of the key already).
# 2: an article's names are kept in sorted order (in a set's order before, which
# varied by process): an older snapshot is replayed once rather than carried on.
# 3: a story keeps the game scores its articles give (``StoryState.scores``).
# 4: an article and a story keep the weekdays their ledes name (``StoryState.weekdays``).
# 5: a story's sums and the document frequencies are plain dicts, each article's summary
# a plain tuple (Counters and NamedTuples before), for the garbage collector's sake.
# 6: a story's members are an ordered dict of ids (a list before), for the same reason.
# 7: a story's cached norms and two-means mark are slots (a dict before).
# 8: the candidate index's class moved to ``postings.py`` (pickles name a class by its module).
# 9: a story's record moved to ``state.py``, the repair pass to ``repair.py``.
# 10: the copy index keeps each indexed article's day (``SyndicationIndex._days``) and the groups
# a later copy joined to another (``_joined``).
FORMAT = 10

# What a linker is made of: (module, name) of every class a snapshot may name.
_ALLOWED = {
    ("parallax.link", "Linker"),
    ("parallax.link.stories", "StoryLinker"),
    ("parallax.link.state", "StoryState"),
    ("parallax.link.postings", "Postings"),
    ("parallax.link.syndication", "SyndicationIndex"),
    ("parallax.link.syndication", "BandIndex"),
    ("collections", "deque"),
    ("datetime", "date"),
}


class SnapshotError(ValueError):
    """Bytes that are not a linker snapshot this code can load."""


def snapshot_key() -> str:
    """What a snapshot must have been made under to be loaded: this format and the linker's options.

    A state built under other thresholds or caps is a valid state, but not the
    one replaying the stored articles under the current ones would give.
    """
    options = {
        f"{module.__name__}.{name}": repr(value)
        for module in (postings, repair, state, stories, syndication)
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, (int, float, str))
    }
    digest = hashlib.sha1(repr(sorted(options.items())).encode()).hexdigest()[:16]
    return f"link-{FORMAT}-{digest}"


def dumps(linker) -> bytes:
    return pickle.dumps(linker, protocol=pickle.HIGHEST_PROTOCOL)


def loads(data: bytes):
    """The linker in ``data``; ``SnapshotError`` when it names anything a linker is not made of."""
    from . import Linker

    # The cyclic garbage collector paused while the objects are made: loading
    # creates millions of them, none garbage, and each collection it set off
    # would walk all made so far (a 100k-article snapshot loaded in 2.6 s with
    # it running, 1.0 s without).
    collecting = gc.isenabled()
    gc.disable()
    try:
        linker = _Unpickler(io.BytesIO(data)).load()
    except SnapshotError:
        raise
    except Exception as exc:  # a truncated or corrupt blob: pickle raises many kinds
        raise SnapshotError(f"unreadable linker snapshot: {exc}") from exc
    finally:
        if collecting:
            gc.enable()
    if not isinstance(linker, Linker):
        raise SnapshotError(f"a linker snapshot holds a {type(linker).__name__}")
    return linker


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) not in _ALLOWED:
            raise SnapshotError(f"a linker snapshot may not name {module}.{name}")
        __import__(module)
        return getattr(sys.modules[module], name)
