"""The BM25 inverted index built in bulk: (term, document, count) packed into 64-bit keys and sorted by numpy."""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from bot.core.lexicon import STOPWORDS
from bot.core.search.vocabulary import TOKEN, canonical

K1, B = 1.2, 0.75
DOC_BLOCK = 4096  # documents whose counts are held together, packed into keys and freed as one
TF_CAP = 65535  # counts are kept in 16 bits
CHUNK = 1 << 20  # postings per numpy step after the sort: keeps every temporary at a few MB
# A term in a quarter of the documents or more ('ukraine', 'war') is a dense row of weights: a query adds
# it with one vector addition instead of scattering 25,000+ postings per 100,000 articles.
DENSE_SHARE = 4
# ASCII bytes that are not word characters become spaces; the bytes of non-ASCII letters stay in their word.
_SEPARATORS = bytes(b if b >= 128 or TOKEN.fullmatch(chr(b)) else 32 for b in range(256))
# a posting once sorted: its document row and BM25 weight, written over its 8-byte key in place
POSTING = np.dtype([("row", "<i4"), ("weight", "<f4")])
_canonical = canonical.__wrapped__  # each distinct token is resolved once: caching would only hold memory


@dataclass
class Postings:
    """Term t's postings are rows[pointers[t]:pointers[t + 1]] (ascending) with their BM25 weights.

    The commonest terms have no postings but a dense row of weights, one per document (0 where absent).
    """

    terms: list[str]  # canonical terms by id
    df: np.ndarray  # int32 documents per term
    idf: np.ndarray  # float32
    pointers: np.ndarray  # int64, len(terms) + 1
    rows: np.ndarray  # int32 document rows
    weights: np.ndarray  # float32
    dense: np.ndarray  # float32 (dense terms, documents)
    dense_terms: np.ndarray  # term id of each dense row


def split_tokens(text: str) -> list[bytes]:
    """Lower-cased word tokens as bytes: one C pass (translate) instead of a regex over the whole text."""
    return text.lower().encode("utf-8", "surrogatepass").translate(_SEPARATORS).split()


def build_postings(documents: Iterable[str], count: int) -> Postings:
    """Index `count` field-weighted texts (the caller repeats a headline four times so it counts four times)."""
    counter = TokenCounter()
    for text in documents:
        counter.add(text)
    return counter.postings(count)


class TokenCounter:
    """The first half of build_postings, one document at a time: each text's tokens and their counts,
    packed into arrays as they come (the start-up counts each article as soon as it is parsed).

    `release_memory` is called each time a block of counts has been packed and freed: the loader hands the
    freed memory back to the OS there, so the counts shrink as the keys grow."""

    def __init__(self, release_memory: Callable[[], None] | None = None) -> None:
        self.release_memory = release_memory
        self.surface: defaultdict[bytes, int] = defaultdict()
        self.surface.default_factory = self.surface.__len__  # a new token gets the next id, at C speed
        self.blocks: list[tuple[array, array, array] | None] = []  # per block: token ids, counts, tokens per doc
        self.lengths = array("i")

    def add(self, text: str) -> None:
        if len(self.lengths) % DOC_BLOCK == 0:
            self.blocks.append((array("i"), array("H"), array("i")))
        token_ids, frequencies, distinct = self.blocks[-1]
        words = split_tokens(text)
        counts = Counter(words)
        token_ids.fromlist(list(map(self.surface.__getitem__, counts)))
        try:
            frequencies.fromlist(list(counts.values()))
        except OverflowError:  # a word 65,536 times in one text: BM25 saturated long before
            frequencies.fromlist([min(n, TF_CAP) for n in counts.values()])
        distinct.append(len(counts))
        self.lengths.append(len(words))

    def postings(self, count: int) -> Postings:
        """The index of the `count` texts added (once: the counts are freed as they are packed)."""
        assert count == len(self.lengths), (count, len(self.lengths))
        blocks, lengths = self.blocks, self.lengths
        packer = _Packer(count, *_resolve(self.surface), blocks)
        self.surface.clear()
        document_length = np.frombuffer(lengths, dtype=np.int32).astype(np.int64)
        key = np.empty(packer.sparse_size, dtype=np.uint64)
        filled = 0
        for number, block in enumerate(blocks):
            blocks[number] = None  # its counts are freed once packed
            filled = packer.pack(block, number * DOC_BLOCK, key, filled, document_length)
            del block
            if self.release_memory is not None:
                self.release_memory()
        key.sort()
        return _weigh(_merge_duplicates(key, packer.tf_bits), packer, count, document_length)


class _Packer:
    """Turns blocks of per-document token counts into keys (term | document | count) and dense counts."""

    def __init__(
        self,
        count: int,
        terms: list[str],
        first: np.ndarray,
        extra_words: np.ndarray,
        more_pointers: np.ndarray,
        more_terms: np.ndarray,
        blocks: list,
    ) -> None:
        self.terms, self.first, self.extra_words = terms, first, extra_words
        self.more_pointers, self.more_terms, self.further = more_pointers, more_terms, np.diff(more_pointers)
        self.doc_bits = max(1, (count - 1).bit_length())
        self.tf_bits = 64 - self.doc_bits - max(1, len(terms).bit_length())
        if self.tf_bits < 17:  # a count of Kiev plus one of Kyiv takes 17 bits
            raise ValueError(f"{count} documents with {len(terms)} terms do not fit 64-bit keys")
        self.term_shift = self.doc_bits + self.tf_bits
        per_term = np.zeros(len(terms), dtype=np.int64)  # postings per term: documents, give or take a merge
        for block in blocks:
            per_term += np.bincount(self._expand(np.frombuffer(block[0], dtype=np.int32))[0], minlength=len(terms))
        self.dense_terms = np.flatnonzero(per_term * DENSE_SHARE >= max(1, count))
        self.dense_row = np.full(len(terms), -1, dtype=np.int64)
        self.dense_row[self.dense_terms] = np.arange(len(self.dense_terms))
        self.dense = np.zeros((len(self.dense_terms), count), dtype=np.float32)  # counts until _weigh
        self.sparse_size = int(per_term.sum() - per_term[self.dense_terms].sum())

    def _expand(self, token_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The term of each posting a block's tokens make, and the index of the token it came from."""
        kept = np.flatnonzero(self.first[token_ids] >= 0)
        # the second and further content words of a token ('kyiv—kharkiv') are postings of their own
        further = self.further[token_ids]
        owners = np.repeat(np.arange(len(token_ids)), further)
        within = np.arange(len(owners)) - np.repeat(np.cumsum(further) - further, further)
        more = self.more_terms[self.more_pointers[token_ids[owners]] + within]
        return np.concatenate([self.first[token_ids[kept]], more]), np.concatenate([kept, owners])

    def pack(
        self, block: tuple[array, array, array], d0: int, key: np.ndarray, filled: int, lengths: np.ndarray
    ) -> int:
        token_ids, distinct = np.frombuffer(block[0], dtype=np.int32), np.frombuffer(block[2], dtype=np.int32)
        frequencies = np.frombuffer(block[1], dtype=np.uint16).astype(np.int32)
        token_docs = np.repeat(np.arange(d0, d0 + len(distinct), dtype=np.int64), distinct)
        # tokens holding several words ('ukraine’s', 'kyiv—kharkiv') or none ('»') change the word count
        odd = np.flatnonzero(self.extra_words[token_ids])
        np.add.at(lengths, token_docs[odd], self.extra_words[token_ids[odd]] * frequencies[odd])
        terms, owners = self._expand(token_ids)
        docs, tf = token_docs[owners], frequencies[owners]
        rows = self.dense_row[terms]
        dense = rows >= 0
        cells = rows[dense] * self.dense.shape[1] + docs[dense]
        # add.at, so Kiev and Kyiv in one article add up; flat and in float32 it is much faster than 2-D
        np.add.at(self.dense.reshape(-1), cells, tf[dense].astype(np.float32))
        sparse = ~dense
        part = terms[sparse].astype(np.uint64) << np.uint64(self.term_shift)
        part |= docs[sparse].astype(np.uint64) << np.uint64(self.tf_bits)
        part |= tf[sparse].astype(np.uint64)
        key[filled : filled + len(part)] = part
        return filled + len(part)


def _weigh(key: np.ndarray, packer: _Packer, count: int, document_length: np.ndarray) -> Postings:
    """BM25 weights: over the dense counts, and over the sorted keys in place."""
    terms, dense, dense_terms = packer.terms, packer.dense, packer.dense_terms
    pointers = np.searchsorted(key, np.arange(len(terms) + 1, dtype=np.uint64) << np.uint64(packer.term_shift))
    pointers = pointers.astype(np.int64)
    df = np.diff(pointers).astype(np.int32)
    df[dense_terms] = np.count_nonzero(dense, axis=1)
    idf = np.log(1 + (max(1, count) - df + 0.5) / (df + 0.5)).astype(np.float32)
    lengths = document_length.astype(np.float32)
    average = (float(lengths.mean()) if count else 1.0) or 1.0
    norm = K1 * (1 - B + B * lengths / average)
    for row, term in enumerate(dense_terms.tolist()):
        tf = dense[row]  # 0 where the term is absent, and so is its weight
        tf[:] = idf[term] * tf * (K1 + 1) / (tf + norm)
    postings = key.view(POSTING)
    tf_mask, doc_mask = np.uint64((1 << packer.tf_bits) - 1), np.uint64((1 << packer.doc_bits) - 1)
    for a in range(0, len(key), CHUNK):
        part = key[a : a + CHUNK]
        docs = ((part >> np.uint64(packer.tf_bits)) & doc_mask).astype(np.int32)
        tf = (part & tf_mask).astype(np.float32)
        term_idf = idf[(part >> np.uint64(packer.term_shift)).astype(np.int64)]
        written = postings[a : a + CHUNK]  # the same bytes as `part`, which is read in full by now
        written["weight"] = term_idf * tf * (K1 + 1) / (tf + norm[docs])
        written["row"] = docs
    return Postings(terms, df, idf, pointers, postings["row"], postings["weight"], dense, dense_terms)


def _resolve(surface: dict[bytes, int]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Canonical terms of the surface tokens: Kiev and Kyiv become one term, a stopword none.

    Returns the terms, each token's first term id (-1: none), its count of words beyond one, and its
    further term ids as compressed sparse rows (pointers, ids).
    """
    term_ids: dict[str, int] = {}
    first = np.full(len(surface), -1, dtype=np.int64)
    extra_words = np.zeros(len(surface), dtype=np.int32)
    further: list[int] = [0] * len(surface)
    more_terms: list[int] = []
    for token, token_id in surface.items():
        text = token.decode("utf-8", "surrogatepass")
        words = [text] if token.isascii() else TOKEN.findall(text)
        found = [term_ids.setdefault(t, len(term_ids)) for t in map(_canonical, words) if t not in STOPWORDS]
        if found:
            first[token_id] = found[0]
            further[token_id] = len(found) - 1
            more_terms += found[1:]
        extra_words[token_id] = len(words) - 1
    more_pointers = np.zeros(len(surface) + 1, dtype=np.int64)
    np.cumsum(further, out=more_pointers[1:])
    return list(term_ids), first, extra_words, more_pointers, np.asarray(more_terms, dtype=np.int64)


def _merge_duplicates(key: np.ndarray, tf_bits: int) -> np.ndarray:
    """One key per (term, document): counts add up when Kiev and Kyiv, or Ukraine and Ukraine’s, meet."""
    shift, cap = np.uint64(tf_bits), np.uint64((1 << tf_bits) - 1)
    new = np.ones(len(key), dtype=bool)
    for a in range(1, len(key), CHUNK):
        b = min(a + CHUNK, len(key))
        new[a:b] = (key[a:b] >> shift) != (key[a - 1 : b - 1] >> shift)
    repeated = np.flatnonzero(~new)
    if not len(repeated):
        return key
    # each repeat adds into the first key of its run; runs are contiguous, so carry the start forward
    run_start = np.maximum.accumulate(np.where(new[repeated - 1], repeated - 1, 0))
    starts, owner = np.unique(run_start, return_inverse=True)
    total = (key[starts] & cap) + np.bincount(owner, weights=key[repeated] & cap).astype(np.uint64)
    key[starts] = (key[starts] & ~cap) | np.minimum(total, cap)
    kept = 0  # the few repeats go; the keys after them move forward, in place
    for a in range(0, len(key), CHUNK):
        selected = key[a : a + CHUNK][new[a : a + CHUNK]]
        key[kept : kept + len(selected)] = selected
        kept += len(selected)
    return key[:kept]
