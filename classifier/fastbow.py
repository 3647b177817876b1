"""Fast inference for the trained bag-of-words textcat, with the same numbers as spaCy's.

spaCy's TextCatBOW keeps its hashed weights class-major (weights[class * length + row]), so each n-gram
touches one cache line per label (30 labels -> 30 random reads from a 31 MB table) and a 1,000-character
document spends ~2 ms waiting on memory; building a Doc per text costs ~1 ms more. Here the weights are
transposed once at load (row-major: one hashed row is 120 contiguous bytes), the char keys come from a
code-point table instead of Doc objects, and the sums are done by a CSR x dense product in the same
float32 order as thinc's C loop, so the scores are bit-for-bit those of `nlp.pipe`
(tests/unit/classifier/test_fastbow.py).

`FastBOW.from_nlp` returns None for any pipeline it does not recognise; the caller then uses spaCy.
"""
from __future__ import annotations

import numpy as np

_UNICODE_SIZE = 0x110000


def _rotl(x: np.ndarray, r: int) -> np.ndarray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))


def _murmur3_rows(keys: np.ndarray, length: int) -> np.ndarray:
    """(n, 2) int32: MurmurHash3_x86_32 of each uint64 key with seeds 0 and 1, modulo `length`, as thinc's
    sparselinear.pyx indexes its weights (vectorised; uint32 arithmetic wraps like C's)."""
    c1, c2 = np.uint32(0xCC9E2D51), np.uint32(0x1B873593)
    blocks = []
    for part in ((keys & np.uint64(0xFFFFFFFF)).astype(np.uint32), (keys >> np.uint64(32)).astype(np.uint32)):
        k = part * c1  # the key blocks do not depend on the seed: mix them once for both
        k = _rotl(k, 15)
        k *= c2
        blocks.append(k)
    out = np.empty((len(keys), 2), dtype=np.int32)
    for seed in (0, 1):
        h = blocks[0] ^ np.uint32(seed)
        for i, k in enumerate(blocks):
            if i:
                h ^= k
            h = _rotl(h, 13)
            h *= np.uint32(5)
            h += np.uint32(0xE6546B64)
        h ^= np.uint32(8)
        h ^= h >> np.uint32(16)
        h *= np.uint32(0x85EBCA6B)
        h ^= h >> np.uint32(13)
        h *= np.uint32(0xC2B2AE35)
        h ^= h >> np.uint32(16)
        out[:, seed] = h % np.uint32(length)
    return out


class FastBOW:
    """Scores of a spaCy `textcat_multilabel` whose model is TextCatBOW over one-character tokens
    (ORTH or LOWER n-grams, SparseLinear_v2, logistic output), as classifier/model.py builds them."""

    def __init__(self, nlp, attr: int, ngram_size: int, W: np.ndarray, b: np.ndarray,
                 length: int, labels: tuple[str, ...], ops):
        self._vocab = nlp.vocab
        self._attr = attr
        self._ngram_size = ngram_size
        self._length = length
        self._labels = labels
        self._ops = ops
        n_out = len(labels)
        # (length + 1, n_out): one contiguous row per hashed index, and the bias as the last row
        self._Wb = np.empty((length + 1, n_out), dtype=np.float32)
        self._Wb[:length] = W.reshape(n_out, length).T
        self._Wb[length] = b
        # code point -> attribute hash of the one-character token (filled lazily), and whether it is space
        self._known = np.zeros(_UNICODE_SIZE, dtype=bool)
        self._key = np.zeros(_UNICODE_SIZE, dtype=np.uint64)
        self._space = np.zeros(_UNICODE_SIZE, dtype=bool)
        self._empty_key = np.array([self._token_key(" ")], dtype=np.uint64)  # make_doc's token for blank text

    @classmethod
    def from_nlp(cls, nlp, pipe_name: str = "textcat") -> "FastBOW | None":
        """Recognise the exact architecture this module reproduces; anything else -> None."""
        try:
            from spacy.attrs import LOWER, ORTH
            from thinc.backends import NumpyOps

            if nlp.pipe_names != [pipe_name]:
                return None
            pipe = nlp.get_pipe(pipe_name)
            if type(pipe).__name__ != "MultiLabel_TextCategorizer":
                return None
            model = pipe.model
            names = [n.name for n in model.walk()]
            expected = ["with_cpu(extract_ngrams>>resizable(sparse_linear))>>with_cpu(logistic)",
                        "with_cpu(extract_ngrams>>resizable(sparse_linear))", "with_cpu(logistic)",
                        "extract_ngrams>>resizable(sparse_linear)", "logistic", "extract_ngrams",
                        "resizable(sparse_linear)", "sparse_linear"]
            if names != expected:
                return None
            nodes = {n.name: n for n in model.walk()}
            ext, lin = nodes["extract_ngrams"], nodes["sparse_linear"]
            if ext.attrs.get("attr") not in (ORTH, LOWER):
                return None
            if lin.attrs.get("v1_indexing", True) or not isinstance(lin.ops, NumpyOps):
                return None
            labels = tuple(pipe.labels)
            length = int(lin.get_dim("length"))
            W, b = lin.get_param("W"), lin.get_param("b")
            if W.dtype != np.float32 or W.shape != (len(labels) * length,) or b.shape != (len(labels),):
                return None
            return cls(nlp, int(ext.attrs["attr"]), int(ext.attrs["ngram_size"]), W, b, length,
                       labels, nodes["logistic"].ops)
        except Exception:  # an unfamiliar spaCy/thinc layout: let the caller use spaCy itself
            return None

    def _token_key(self, ch: str) -> int:
        from spacy.attrs import LOWER

        lex = self._vocab[ch]  # the one-character token's lexeme, as Doc(words=...) would use
        return int(lex.lower if self._attr == LOWER else lex.orth)

    def _learn(self, cps: np.ndarray) -> None:
        for cp in np.unique(cps[~self._known[cps]]).tolist():
            ch = chr(cp)
            self._space[cp] = ch.isspace()
            self._key[cp] = self._token_key(ch)
            self._known[cp] = True

    def _doc_keys(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Sorted unique n-gram keys of one text and their counts (spaCy's extract_ngrams)."""
        cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        if not self._known[cps].all():
            self._learn(cps)
        cps = cps[~self._space[cps]]
        unigrams = self._key[cps] if len(cps) else self._empty_key
        parts = [unigrams] + [self._ops.ngrams(n, unigrams) for n in range(2, self._ngram_size + 1)]
        keys, counts = np.unique(np.concatenate(parts), return_counts=True)
        return keys, counts.astype(np.float32)

    def predict(self, texts: list[str]) -> list[dict[str, float]]:
        if not texts:
            return []
        per_doc = [self._doc_keys(t) for t in texts]
        keys = np.concatenate([k for k, _ in per_doc])
        n_docs = len(texts)
        # One sparse row per document in thinc's order: the bias (an extra weight row with value 1) first,
        # then for each key its two hashed rows. scipy's CSR x dense product adds value * row term by term
        # in storage order, in float32: the same operations in the same order as thinc's set_scoresC.
        indptr = np.zeros(n_docs + 1, dtype=np.int64)
        np.cumsum([2 * len(k) + 1 for k, _ in per_doc], out=indptr[1:])
        bias_at = indptr[:-1]
        is_key = np.ones(indptr[-1], dtype=bool)
        is_key[bias_at] = False
        rows = _murmur3_rows(keys, self._length)
        indices = np.empty(indptr[-1], dtype=np.int32)
        data = np.empty(indptr[-1], dtype=np.float32)
        indices[is_key] = rows.ravel()
        data[is_key] = np.repeat(np.concatenate([v for _, v in per_doc]), 2)
        indices[bias_at] = self._length
        data[bias_at] = 1.0
        X = _csr((data, indices, indptr), shape=(n_docs, self._length + 1))
        scores = np.asarray(X @ self._Wb, dtype=np.float32)
        probs = self._ops.sigmoid(scores, inplace=False)
        labels = self._labels
        return [dict(zip(labels, row)) for row in probs.tolist()]


def _csr(arg, shape):
    from scipy.sparse import csr_matrix

    return csr_matrix(arg, shape=shape)
