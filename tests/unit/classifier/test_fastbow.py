"""FastBOW must give exactly spaCy's textcat scores (same floats), so the speed-up changes no result."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from classifier.fastbow import FastBOW
from classifier.model import predict

FIXED = [
    "五年级数学培优：分数应用题精讲，课前预习，课后巩固练习20题，周测排名，冲刺期末考试提分。",
    "少儿街舞兴趣班：基础律动、节奏感游戏、队形编排，期末汇演展示，快乐体验舞蹈。",
    "IGCSE Mathematics Paper 2 revision: algebra and geometry past papers, Cambridge mark schemes.",
    "牛津阅读树 Oxford Reading Tree Level 3：原版绘本精读，培生 Pearson 配套练习。",
    "", " ", "\n\t \u3000", "a", "数", "ab", "İstanbul ÅÄÖ ǅ ß ﬁ", "數學培優：課後練習，月考排名", "😀 emoji 🇨🇳",
    "x" * 3000, "数学" * 800, "AP Calculus BC\n\n  College Board  ", "\u00a0\u2028\u2029混合空白\r\n",
]


@pytest.fixture(scope="module")
def nlp_and_fast(screener):
    fast = FastBOW.from_nlp(screener.nlp)
    assert fast is not None, "the trained pipeline should be recognised"
    return screener.nlp, fast


def test_same_scores_as_spacy_on_fixed_texts(nlp_and_fast):
    nlp, fast = nlp_and_fast
    expected = predict(nlp, FIXED)
    got = fast.predict(FIXED)
    assert got == expected  # exact float equality, every label, every text
    # batching must not matter either
    assert [fast.predict([t])[0] for t in FIXED] == expected


def test_screener_uses_the_fast_path(screener):
    assert screener._bow is not None


text_st = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(text_st, st.sampled_from(FIXED)), min_size=1, max_size=6))
def test_same_scores_as_spacy_on_any_text(nlp_and_fast, texts):
    nlp, fast = nlp_and_fast
    assert fast.predict(texts) == predict(nlp, texts)


def test_unknown_pipeline_is_refused():
    import spacy

    assert FastBOW.from_nlp(spacy.blank("zh")) is None
    nlp = spacy.blank("zh")
    nlp.add_pipe("textcat_multilabel")  # default architecture is the ensemble, not the BOW this reproduces
    nlp.get_pipe("textcat_multilabel").add_label("a")
    nlp.initialize()
    assert FastBOW.from_nlp(nlp, "textcat_multilabel") is None


def test_screener_without_fast_path_gives_the_same_results(screener):
    from classifier import ScreeningInput

    inputs = [ScreeningInput(text=t, grade=3, declared_category="non_subject") for t in FIXED]
    fast = [r.to_dict() for r in screener.screen_many(inputs)]
    saved = screener._bow
    screener._bow = None  # what a pipeline FastBOW does not recognise gets: spaCy itself
    try:
        assert [r.to_dict() for r in screener.screen_many(inputs)] == fast
    finally:
        screener._bow = saved
