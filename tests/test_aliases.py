"""Names an article gives a zone (以下简称“泰达”, "(CDHT)", "known locally as GDD") are names of
that zone wherever they occur: counts and rankings stated with them take them as subject, linked
to the zone's place; words that name no zone and acronyms of other bodies give no name."""

from __future__ import annotations

import pytest

from extract import extract_text

GIVEN = [
    ("zh-bracket-two-names",
     "天津经济技术开发区（TEDA，以下简称“泰达”或“天津开发区”）位列全国第3位。目前，泰达拥有国家高新技术企业1560家。",
     "泰达", "120116"),
    ("zh-comma-short-name",
     "东莞松山湖高新技术产业开发区，简称“松山湖”，是国家高新区。目前，松山湖拥有新型研发机构32家。",
     "松山湖", "441900"),
    ("zh-english-name-then-short-name",
     "苏州工业园区（Suzhou Industrial Park，简称SIP）是中外合作项目。目前，SIP拥有国家高新技术企业2658家。",
     "SIP", "320500"),
    ("en-bracket-acronym",
     "Changzhou National Hi-Tech District (CND) ranked 20th. CND is home to 1,520 high-tech enterprises.",
     "CND", "320400"),
    ("en-hereinafter-or",
     'Chengdu Hi-tech Industrial Development Zone (hereinafter referred to as "Chengdu high-tech zone" or CDHT) '
     "was set up in 1991. CDHT has 55 listed companies.",
     "CDHT", "510100"),
    ("en-known-as-after-reference",
     "The Guangzhou Economic and Technological Development District was set up in 1984. The district, known "
     "locally as GDD, ranked fourth. GDD is home to 2,700 high-tech enterprises.",
     "GDD", "440100"),
    ("en-acronym-never-defined",
     "The Tianjin Economic-Technological Development Area ranked fourth among 230 zones. "
     "By the end of 2023, TEDA had 1,530 national high-tech enterprises.",
     "TEDA", "120116"),
    ("en-acronym-never-defined-before-the-name",
     "SIP tops national ranking again. Suzhou Industrial Park came first among 230 zones. "
     "SIP is now home to 2,615 national high-tech enterprises.",
     "SIP", "320500"),
    ("en-better-known-as-words",
     "Wuhan East Lake High-tech Development Zone, better known as Optics Valley, released its figures. "
     "Optics Valley had 6,126 high-tech enterprises at the end of 2023.",
     "Optics Valley", "420100"),
    ("en-hereinafter-words",
     'The reporter learned from the Wuhan East Lake High-tech Development Zone (hereinafter referred to as '
     '"Optics Valley") that projects were signed. At present, Optics Valley have high and new technology '
     "enterprise more than 5,600 home.",
     "Optics Valley", "420100"),
]


@pytest.mark.parametrize("text, alias, adcode", [pytest.param(*row[1:], id=row[0]) for row in GIVEN])
def test_a_given_name_is_the_subject_of_what_is_said_with_it(text, alias, adcode):
    count = extract_text(text).enterprise_counts[-1]
    assert count.subject == alias
    assert count.place is not None and count.place.adcode == adcode


def test_a_position_stated_beside_the_bracket_is_the_full_names():
    ranking = extract_text("天津经济技术开发区（TEDA，以下简称“泰达”）位列全国第3位。").rankings[0]
    assert ranking.subject == "天津经济技术开发区"


NOT_GIVEN = [
    ("en-ministry-acronym",
     "Wuxi High-tech Zone was named by the Ministry of Industry and Information Technology (MIIT). "
     "MIIT has 30 listed companies.", "MIIT"),
    ("en-hereinafter-the-zone",
     'Chengdu Hi-tech Industrial Development Zone (hereinafter "the zone") ranked 4th. '
     "The zone has 55 listed companies.", "the zone"),
    ("en-known-as-a-possessive",
     "Shenzhen High-tech Zone, best known as Huawei's home, grew fast. "
     "Huawei has 400 supplier companies.", "Huawei"),
    ("en-acronym-of-no-zone-named",
     "Wuxi High-tech Zone ranked 12th. GDP grew 5 percent, and CCID counted 300 listed companies.", "CCID"),
    ("en-acronym-two-zones-fit",
     "Suzhou Industrial Park and Shenyang Industrial Park both rose. SIP has 300 listed companies.", "SIP"),
    ("zh-generic-name",
     "平顶山高新技术产业开发区（以下简称“开发区”）位列第74位。全省开发区拥有高新技术企业530家。", "开发区"),
]


@pytest.mark.parametrize("text, word", [pytest.param(*row[1:], id=row[0]) for row in NOT_GIVEN])
def test_no_name_is_given(text, word):
    assert all(count.subject != word for count in extract_text(text).enterprise_counts)


def test_an_acronym_naming_what_belongs_to_the_zone_is_no_mention_of_it():
    # "the SIP administrative committee" is not the park, so "The park" stays the full name.
    record = extract_text("Suzhou Industrial Park came first. The head of the SIP administrative committee "
                          "spoke. The park now has more than 2,600 national high-tech enterprises.")
    assert [c.subject for c in record.enterprise_counts] == ["Suzhou Industrial Park"]


def test_a_name_given_in_an_aside_is_not_the_subject_where_it_is_given():
    record = extract_text("Taizhou Medical High-tech Zone, better known as China Medical City, has moved up four "
                          "places to 46th. China Medical City has 1,200 enterprises.")
    assert [(r.subject, r.rank) for r in record.rankings] == [("Taizhou Medical High-tech Zone", 46)]
    assert [c.subject for c in record.enterprise_counts] == ["China Medical City"]
