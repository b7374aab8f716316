"""Copies of one wire story: MinHash LSH over word shingles of the body.

Two outlets running the same agency copy differ in a headline, a trimmed last
paragraph, a byline; their bodies still share most 5-word shingles.
"""

from __future__ import annotations

import base64
import re
import zlib
from collections import deque

import numpy as np

from ..scripts import HAN_KANA, has_unspaced

# --- options ----------------------------------------------------------------
SHINGLE_WORDS = 5
NUM_PERM = 128
# Estimated Jaccard similarity of shingle sets above which two bodies are copies.
COPY_THRESHOLD = 0.5
# Outlets run an agency story within days of it; the index forgets articles dated
# this long before the newest one. Its buckets are a large part of the link stage's
# memory (about 3 KB an article), which would otherwise grow with the stream for ever.
WINDOW_DAYS = 14
# ... and holds at most this many, whatever their dates (a day of the world's news is 100k-200k).
MAX_INDEXED = 200_000
# The last this many arrivals stay whatever their dates: an archive read out of date order (one
# event's pages, then another's years earlier) would otherwise drop each page as soon as a newer
# one had come, before its copies arrived (four of ECB+ dev's eight pairs of copies were lost so).
# About 3 MB of buckets; kept small because every lookup reads buckets as full as the index is.
KEEP_RECENT = 1_000
# A signature reads a body's first this many words: a wire copy is told by its opening
# thousands, and hashing every shingle of a hostile page (a million words) held a
# million-by-NUM_PERM array, 1 GB, for one signature. News articles run well under it.
MAX_SHINGLE_WORDS = 20_000
_WORD = re.compile(r"\w+")
# Chinese and Japanese print no spaces: there each character is a "word" (the shingles are runs of
# five characters), not a clause that one changed character makes another word.
_WORD_OR_CHARACTER = re.compile(f"[{HAN_KANA}]|[^\\W{HAN_KANA}]+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> list[bytes]:
    """The runs of ``size`` words of the body's first MAX_SHINGLE_WORDS, lower case, as the bytes the hash reads.

    A list, repeats and all: a signature is the minimum of each permutation over
    the hashes, which a repeat does not change, and a set cost a tenth of the
    signature's time to build.
    """
    words = (_WORD_OR_CHARACTER if has_unspaced(text) else _WORD).findall(text.lower())[:MAX_SHINGLE_WORDS]
    if len(words) < size:
        return [" ".join(words).encode()] if words else []
    return [" ".join(run).encode() for run in zip(*[words[i:] for i in range(size)])]


# Shingles are hashed by CRC-32, not datasketch's default SHA-1: it was half the
# cost of a signature, and MinHash's random permutations of the hash values do
# the mixing (two shingles of one body colliding in 32 bits is a one-in-millions event).
# Signatures made with another hash, or other permutations, are not comparable:
# SIGNATURE_KEY names these. The permutation scheme is named, not left to datasketch's
# default, which changed in its 2.0 (from "legacy", mod a Mersenne prime, to "affine32"):
# a store written under one default and read under the other would find no copy again.
# (Since 30 November 2026 the name says "chars": a Chinese or Japanese body's shingles are runs
# of characters. Under the old name they were runs of clauses; stored signatures of the old
# name are computed again from their bodies.)
SIGNATURE_KEY = "minhash_crc32_affine32_chars"

# The signature is datasketch's ``MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32,
# scheme="affine32")`` computed here, value for value (a test holds the two equal).
# Why by hand: importing anything of datasketch imports its LSH module, which imports
# scipy.integrate, 0.4-0.6 s of CPU at the start of every run, in the main process, while
# the workers start on the same two cores; what a signature needs of it is the few array
# operations below. datasketch still picks the index's bands (``BandIndex``), imported
# only when an index is made anew rather than restored from the last run's snapshot.


def _affine32_permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's "affine32" permutations h -> a*h + b mod 2**32, a odd (a bijection), from its default seed."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_A, _B = _affine32_permutations(NUM_PERM)
_EMPTY = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)


def _premix(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, which datasketch applies before the permutations."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def minhash_of(text: str) -> np.ndarray:
    """The MinHash signature of a body's shingles: for each permutation, the least permuted hash."""
    runs = shingles(text)
    if not runs:
        return _EMPTY.copy()
    hashes = np.fromiter(map(zlib.crc32, runs), dtype=np.uint32, count=len(runs))
    return (_premix(hashes)[:, None] * _A + _B).min(axis=0)


def encode_signature(signature: np.ndarray) -> str:
    """A signature as stored with the article: restoring it is a decode, not a re-hash of the body."""
    return base64.b64encode(signature.astype("<u4", copy=False).tobytes()).decode("ascii")


def decode_signature(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<u4")


class BandIndex:
    """Banded LSH: the ids whose signature equals a query's in at least one band of values.

    The banding is datasketch's (``MinHashLSH`` picks the bands and rows that
    minimise false positives and negatives at the threshold); the buckets are
    kept here. Why by hand: measured on the 10k synthetic stream, datasketch's
    index cost 117 µs an article of the link stage's ~660 µs, most of it in
    its storage layer's generality (pluggable back ends, a byte swap and a
    copy per band, computed again for the query and the insert). Here an
    article's band keys are cut from one byte string once, and a bucket
    holding one id (nearly all of them) is that id, not a set.
    """

    def __init__(self, threshold: float, num_perm: int) -> None:
        from datasketch import MinHashLSH  # here, not above: see minhash_of

        banding = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._width = banding.r * 4  # bytes per band: 32-bit values
        self._tables: list[dict[bytes, str | set[str]]] = [{} for _ in range(banding.b)]
        self._keys: dict[str, list[bytes]] = {}

    def band_keys(self, signature: np.ndarray) -> list[bytes]:
        raw = signature.astype("<u4", copy=False).tobytes()
        width = self._width
        return [raw[i * width:(i + 1) * width] for i in range(len(self._tables))]

    def query(self, keys: list[bytes]) -> set[str]:
        found: set[str] = set()
        for table, key in zip(self._tables, keys):
            bucket = table.get(key)
            if bucket is None:
                continue
            if isinstance(bucket, str):
                found.add(bucket)
            else:
                found |= bucket
        return found

    def insert(self, item: str, keys: list[bytes]) -> None:
        self._keys[item] = keys
        for table, key in zip(self._tables, keys):
            bucket = table.get(key)
            if bucket is None:
                table[key] = item
            elif isinstance(bucket, str):
                table[key] = {bucket, item}
            else:
                bucket.add(item)

    def remove(self, item: str) -> None:
        for table, key in zip(self._tables, self._keys.pop(item)):
            bucket = table[key]
            if isinstance(bucket, str):
                del table[key]
            else:
                bucket.discard(item)
                if len(bucket) == 1:
                    table[key] = bucket.pop()

    def __contains__(self, item: str) -> bool:
        return item in self._keys


class SyndicationIndex:
    """Finds earlier copies of a body among the articles of the last ``WINDOW_DAYS`` (and the last
    ``KEEP_RECENT`` arrivals, whatever their dates). A group is named after one of the articles it
    forms with ("syn-<id>"); groups a later copy bridges go by the first of their names."""

    def __init__(
        self, threshold: float = COPY_THRESHOLD, window_days: int = WINDOW_DAYS, keep_recent: int = KEEP_RECENT,
    ) -> None:
        self._lsh = BandIndex(threshold, NUM_PERM)
        self._group: dict[str, str] = {}
        self.updated: set[str] = set()  # ids whose group changed since the last ``take_updated``
        self._window = window_days
        self._keep_recent = keep_recent
        self._arrivals: deque[tuple[int, str]] = deque()  # (day number, id) in the order indexed
        self._days: dict[str, int | None] = {}  # each indexed article's own day number, None when undated
        self._newest = 0
        # Groups a later copy joined to another (name → the name it took): their members keep the
        # old name here, read through this, and the store renames them (``take_renamed``).
        self._joined: dict[str, str] = {}
        self._renamed: set[str] = set()  # groups joined to another since the last ``take_renamed``

    def add(self, article_id: str, signature: np.ndarray, day: int | None = None) -> str | None:
        """Index an article by its body's signature; return its syndication group, or None when it has no copy yet.

        ``day`` is the article's date as a day number (``date.toordinal``). A copy
        is dated within ``window_days`` of it, or undated: the same text weeks apart
        is a story told again, not a wire story run by several outlets. An undated
        article counts as of the newest day seen for how long it stays indexed.
        """
        group = None
        keys = self._lsh.band_keys(signature)
        days, window = self._days, self._window
        matches = [m for m in self._lsh.query(keys) if m != article_id and (
            day is None or (other := days[m]) is None or abs(day - other) <= window)]
        if matches:
            # One wire story's copies are one group: an article that copies members of two
            # groups joins them, under the first name (a copy edited twice may be like both
            # versions, which are not alike enough to each other).
            groups = sorted({g for m in matches if (g := self.group_of(m)) is not None})
            group = groups[0] if groups else f"syn-{min(matches)}"
            for other in groups[1:]:
                self._joined[other] = group
                self._renamed.add(other)
            for member in matches:
                if member not in self._group:
                    self._group[member] = group
                    self.updated.add(member)
        self._insert(article_id, keys, day)
        if group is not None:
            self._group[article_id] = group
        return group

    def restore(self, article_id: str, signature: np.ndarray, group: str | None, day: int | None = None) -> None:
        """Index a stored article with its stored group, without searching."""
        self._insert(article_id, self._lsh.band_keys(signature), day)
        if group is not None:
            self._group[article_id] = group

    def _insert(self, article_id: str, keys: list[bytes], day: int | None) -> None:
        if article_id not in self._lsh:
            self._lsh.insert(article_id, keys)
            self._days[article_id] = day
            self._newest = max(self._newest, day or 0)
            self._arrivals.append((day or self._newest, article_id))
        # Articles leave in the order they came, once the first in line is dated
        # out of the window and is not among the last arrivals: an archive ingested
        # after today's news stays while it is being read, and its copies are found.
        horizon = self._newest - self._window
        arrivals = self._arrivals
        while arrivals and (len(arrivals) > MAX_INDEXED
                            or (arrivals[0][0] < horizon and len(arrivals) > self._keep_recent)):
            gone = arrivals.popleft()[1]
            self._lsh.remove(gone)
            del self._days[gone]

    def take_updated(self) -> set[str]:
        """Earlier articles that joined a group because a later copy arrived."""
        updated, self.updated = self.updated, set()
        return updated

    def take_renamed(self) -> dict[str, str]:
        """Groups a later copy joined to another since the last call: old name → the name every member now has."""
        renamed, self._renamed = self._renamed, set()
        return {old: self._name_of(old) for old in renamed}

    def group_of(self, article_id: str) -> str | None:
        return self._name_of(self._group.get(article_id))

    def _name_of(self, group: str | None) -> str | None:
        """The name a group goes by now, after the joins since it was named."""
        while group in self._joined:
            group = self._joined[group]
        return group
