"""Normalisation keeps offsets honest; the term matcher is longest-first, boundary-aware, negation-aware."""
from classifier.isbn import find_isbns
from classifier.lexicon import TermMatcher
from classifier.textnorm import normalize


def test_traditional_to_simplified_keeps_offsets():
    src = "課程：一元二次方程與函數"
    n = normalize(src)
    assert n.text == "课程:一元二次方程与函数"  # NFKC folds the full-width colon
    i = n.text.index("一元二次方程")
    assert n.original_text(i, i + 6) == "一元二次方程"
    j = n.text.index("函数")
    assert n.original_text(j, j + 2) == "函數"


def test_nfkc_fullwidth_and_ligature_map_back_to_original():
    src = "ＡＰ微积分 ﬁnal"
    n = normalize(src)
    assert n.text.startswith("ap微积分")
    assert n.span(0, 2) == (0, 2)
    k = n.text.index("fi")
    assert n.span(k, k + 2) == (6, 7)  # both letters come from the one ligature
    assert n.original_text(k, k + 5) == "ﬁnal"


def _m(terms):
    return TermMatcher([{"term": t, "kind": "x"} for t in terms])


def test_longest_first_and_no_overlap():
    hits = _m(["方程", "一元二次方程", "二次方程"]).find("解一元二次方程和方程")
    assert [(h.term, h.start) for h in hits] == [("一元二次方程", 1), ("方程", 8)]


def test_ascii_terms_need_word_boundaries():
    m = _m(["sat", "ap"])
    assert [h.term for h in m.find("sat math, saturday, apple, ap calculus")] == ["sat", "ap"]


def test_negated_cue_is_marked():
    hits = _m(["讲题", "排名"]).find("老师不讲题，每周排名")
    assert [(h.term, h.negated) for h in hits] == [("讲题", True), ("排名", False)]


def test_regex_entries():
    m = TermMatcher([{"term": r"re:提高\d{1,3}分", "kind": "score_promise"}])
    assert [h.term for h in m.find("保证提高30分")] == ["提高30分"]
    assert m.find("提高成绩") == []


def _isbn13(body12: str) -> str:
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body12))
    return body12 + str((10 - s % 10) % 10)


def test_isbn_checksum_and_group():
    cn = _isbn13("978710734567")
    uk = _isbn13("978019273448")
    text = f"isbn {cn[:3]}-{cn[3]}-{cn[4:7]}-{cn[7:12]}-{cn[12]}；isbn: {uk}；isbn 0-306-40615-2"
    hits = find_isbns(text)
    assert [(h.isbn, h.group, h.foreign) for h in hits] == [
        (cn, "7", False), (uk, "0", True), ("0306406152", "0", True)]


def test_isbn_bad_checksum_and_phone_numbers_ignored():
    cn = _isbn13("978710734567")
    bad = cn[:-1] + str((int(cn[-1]) + 1) % 10)
    assert find_isbns(f"isbn {bad} 电话 13812345678") == []


def test_negation_stays_in_clause_and_skips_non_negating_compounds():
    m = _m(["提分", "题型", "刷题"])
    hits = {h.term: h.negated for h in m.find("不承诺提分。不同题型，刷题")}
    assert hits == {"提分": True, "题型": False, "刷题": False}


from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("學習數學ABCａｂ１①ﬁ㎏ 课\n，,。İ")), max_size=40))
def test_offsets_always_map_into_the_original(src):
    n = normalize(src)
    for i in range(len(n.text)):
        s, e = n.span(i, i + 1)
        assert 0 <= s < e <= len(src)
    if n.starts is not None:
        assert len(n.starts) == len(n.text)
