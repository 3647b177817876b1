"""ISBNs (checksums, registration group), CIP block, publishers and the origin guess."""
from __future__ import annotations

import pytest

from ingest import extract_document
from ingest.facts import check_isbn, find_isbns, find_publishers, registration_group


def _isbn10(body9: str) -> str:
    total = sum((10 - i) * int(c) for i, c in enumerate(body9))
    check = (11 - total % 11) % 11
    return body9 + ("X" if check == 10 else str(check))


def test_chinese_isbn13_is_valid_and_domestic(make):
    isbn = make.isbn13("978710712345")
    fact = check_isbn(f"{isbn[:3]}-{isbn[3]}-{isbn[4:7]}-{isbn[7:12]}-{isbn[12]}")
    assert fact.isbn == isbn and fact.valid and fact.group == "7" and not fact.foreign


def test_wrong_check_digit_is_invalid(make):
    isbn = make.isbn13("978710712345")
    wrong = isbn[:12] + str((int(isbn[12]) + 1) % 10)
    fact = check_isbn(wrong)
    assert not fact.valid and not fact.foreign and fact.group is None


def test_isbn10_with_x_check_digit():
    body = next(b for b in (f"7{n:08d}" for n in range(500)) if _isbn10(b).endswith("X"))
    fact = check_isbn(_isbn10(body))
    assert fact.valid and fact.group == "7" and fact.isbn.endswith("X")


@pytest.mark.parametrize(
    ("body12", "group"),
    [("978030640615", "0"), ("978019852663", "0"), ("978354078394", "3"), ("978957133333", "957"),
     ("978986123456", "986"), ("978953123456", "953"), ("978999371234", "99937"), ("979101234567", "10"),
     ("978852123456", "85"), ("978655123456", "65"), ("978612123456", "612")],
)
def test_foreign_groups(make, body12, group):
    fact = check_isbn(make.isbn13(body12))
    assert fact.valid and fact.group == group and fact.foreign


def test_registration_group_table():
    assert registration_group("7107123456") == "7"
    assert registration_group("9900123456") == "9900"
    assert registration_group("8012345678") == "80"


def test_isbns_found_in_text_bare_and_prefixed(make):
    cn, foreign = make.isbn13("978710712345"), make.isbn13("978030640615")
    text = (f"书号：ISBN {cn[:3]}-{cn[3]}-{cn[4:7]}-{cn[7:12]}-{cn[12]}\n"
            f"原版 {foreign}\nISBN 978-7-000-00000-2\n订单号 12345678901234")
    facts = {f.isbn: f for f in find_isbns(text)}
    assert facts[cn].valid and not facts[cn].foreign
    assert facts[foreign].valid and facts[foreign].foreign
    assert not facts["9787000000002"].valid  # prefixed, bad checksum: reported as invalid
    assert len(facts) == 3  # the order number is not an ISBN


def test_fullwidth_digits_are_read_after_normalisation(make):
    cn = make.isbn13("978710712345")
    full = "ISBN " + cn.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    doc = extract_document(full.encode(), "a.txt")
    assert [f.isbn for f in doc.facts.isbns] == [cn]


def test_publishers():
    text = "本书由人民教育出版社出版。参见外语教学与研究出版社、中华书局与商务印书馆。Published by Oxford University Press and Pearson."
    names = find_publishers(text)
    for name in ("人民教育出版社", "外语教学与研究出版社", "中华书局", "商务印书馆", "Oxford University Press", "Pearson"):
        assert name in names
    assert "出版社" not in names


def test_published_document_with_cip(make):
    cn = make.isbn13("978710712345")
    pages = [["三年级数学同步练习"], ["图书在版编目（CIP）数据", f"ISBN {cn}", "人民教育出版社"]]
    doc = extract_document(make.pdf(pages), "book.pdf")
    assert doc.facts.has_cip
    assert doc.facts.origin_guess == "published"
    assert [(f.isbn, f.valid, f.foreign) for f in doc.facts.isbns] == [(cn, True, False)]
    assert doc.facts.publishers == ["人民教育出版社"]


def test_valid_isbn_alone_means_published(make):
    doc = extract_document(f"Cambridge IGCSE Mathematics ISBN {make.isbn13('978110761234')}".encode(), "a.txt")
    assert not doc.facts.has_cip and doc.facts.origin_guess == "published"
    assert doc.facts.isbns[0].foreign


def test_self_compiled_without_isbn_or_cip(text_pdf):
    doc = extract_document(text_pdf, "a.pdf")
    assert doc.facts.origin_guess == "self_compiled"
    assert doc.facts.isbns == [] and not doc.facts.has_cip


def test_prefixed_isbn10_followed_by_other_digits():
    facts = find_isbns("ISBN 0-306-40615-2 19 页")
    assert [(f.isbn, f.valid) for f in facts] == [("0306406152", True)]
