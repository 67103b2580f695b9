"""Place mentions linked to GB/T 2260 codes: a table of 570+ real-world forms (both languages,
county-level cities, districts, zones, Traditional characters, lowercase pinyin), and the place
field on records."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extract import extract_file
from extract.linking import resolve_place
from tests.conftest import SAMPLES

TABLE = Path(__file__).parent / "data" / "place_mentions.tsv"
ROWS = list(csv.DictReader(TABLE.open(encoding="utf-8"), delimiter="\t"))


def _adcode(mention: str, language: str):
    place = resolve_place(mention, language)
    return place.adcode if place else None


def test_table_is_large_and_linked_at_98_percent():
    assert len(ROWS) >= 300
    right = sum(_adcode(r["mention"], r["language"]) == r["adcode"] for r in ROWS)
    assert right / len(ROWS) >= 0.98, f"{right}/{len(ROWS)}"


@pytest.mark.parametrize("row", [pytest.param(r, id=f"{r['note']}-{r['mention']}") for r in ROWS])
def test_place_mention(row):
    assert _adcode(row["mention"], row["language"]) == row["adcode"]


@pytest.mark.parametrize("mention, language, city_zh, province_zh, level", [
    ("常熟", "zh", "苏州市", "江苏省", "county"),
    ("Changshu", "en", "苏州市", "江苏省", "county"),
    ("惠山区", "zh", "无锡市", "江苏省", "district"),
    ("江苏", "zh", None, "江苏省", "province"),
    ("天津滨海高新区", "zh", "天津市", "天津市", "district"),
])
def test_place_fills_city_and_province(mention, language, city_zh, province_zh, level):
    place = resolve_place(mention, language)
    assert (place.city_zh, place.province_zh, place.level) == (city_zh, province_zh, level)


def test_inferred_marks_what_the_article_does_not_state():
    assert resolve_place("常熟", "zh", text="常熟纺织服装产业集群入选。").inferred == ["city", "province"]
    assert resolve_place("常熟", "zh", text="江苏省苏州市常熟市").inferred == []
    assert resolve_place("平顶山高新区", "zh", text="平顶山高新区").inferred == ["province"]


@pytest.mark.parametrize("mention, language", [
    ("全省国家高新区", "zh"), ("中国声谷", "zh"), ("Torch High-tech Zone", "en"), ("", "zh"),
    ("the zone", "en"),
])
def test_unknown_or_ambiguous_mentions_have_no_place(mention, language):
    assert resolve_place(mention, language) is None


@pytest.mark.parametrize("name", ["pingdingshan.zh.txt", "pingdingshan.en.txt"])
def test_seed_clusters_and_ranking_link_to_pingdingshan(name):
    record = extract_file(SAMPLES / "seed" / name)
    places = [c.place for c in record.clusters] + [r.place for r in record.rankings]
    assert places and all(p is not None and p.adcode == "410400" for p in places)


def test_a_place_opening_an_organizations_name_is_no_place():
    """"Xi'an Jiaotong University", "Baoji Titanium Group": the place names the organization."""
    from extract import extract_text

    record = extract_text("Xi'an Jiaotong University ranked 8th, and three local software companies made the "
                          "list.", language="en")
    assert [c.subject for c in record.enterprise_counts] == [None]
    record = extract_text("Xi'an High-tech Zone has 8,600 high-tech enterprises.", language="en")
    assert [c.subject for c in record.enterprise_counts] == ["Xi'an High-tech Zone"]


@pytest.mark.parametrize("text, subjects", [
    pytest.param("宁海、象山分别位列第52位、第71位。", [("宁海", "330226"), ("象山", "330225")], id="after-neighbour"),
    pytest.param("象山、宁海分别位列第71位、第52位。", [("象山", "330225"), ("宁海", "330226")], id="before-neighbour"),
    pytest.param("象山分别位列第71位。", [(None, None)], id="alone-is-no-place"),
    pytest.param("灵川、象山分别位列第5位、第9位。", [("灵川", "450323"), ("象山", "450304")], id="other-prefecture"),
])
def test_a_short_form_two_counties_share_is_read_beside_a_listed_neighbour(text, subjects):
    from extract.api import extract_text

    rankings = extract_text(text, language="zh").rankings
    assert [(r.subject, r.place.adcode if r.place else None) for r in rankings] == subjects


@pytest.mark.parametrize("text, subject, adcode", [
    pytest.param("据延边州科技局统计，全州高新技术企业已达302家。", "延边州", "222400", id="prefecture-short-form"),
    pytest.param("截至去年底，昌吉州全州有效高新技术企业达到358家。", "昌吉州", "652300", id="prefecture-speaks-of-itself"),
    pytest.param("全州县高新技术企业达到35家。", "全州县", "450324", id="quanzhou-county-with-suffix"),
    pytest.param("分别以准东经开区、昌吉国家农高区为核心区。准东经开区入驻企业300家。", "准东经开区", "652300",
                 id="zone-name-jieba-cuts"),
])
def test_autonomous_prefectures_and_their_zones(text, subject, adcode):
    from extract.api import extract_text

    counts = extract_text(text, language="zh").enterprise_counts
    assert [(c.subject, c.place.adcode if c.place else None) for c in counts] == [(subject, adcode)]


@pytest.mark.parametrize("text, subject", [
    pytest.param("与南昌航空大学等高校建立合作关系。全区拥有高新技术企业156家。", None, id="zh-university"),
    pytest.param("黑龙江日报记者：请问成效如何？\n全区高新技术企业356家。", None, id="zh-newspaper"),
    pytest.param("来源：江西日报\n全省高新技术企业1.2万家。", "江西", id="zh-source-line-keeps-its-place"),
    pytest.param("Reporter of Heilongjiang Daily: What is the achievement?\nWhole area high-tech enterprise 356 "
                 "families.", None, id="en-newspaper"),
    pytest.param("Source: Fujian Daily\nThe whole province high-tech enterprises reach 12,300.", "Fujian",
                 id="en-source-line-keeps-its-place"),
])
def test_a_university_or_newspaper_named_after_a_place_is_no_place(text, subject):
    from extract import extract_text

    assert [c.subject for c in extract_text(text).enterprise_counts] == [subject]


def test_the_news_agency_is_no_place():
    from extract import extract_text

    # "The county" once stood for Xinhua county.
    record = extract_text("Officials told Xinhua that the county has more than 2,200 Hanfu businesses.")
    assert [c.subject for c in record.enterprise_counts] == [None]


def test_a_whole_town_is_the_town_the_article_names():
    from extract import extract_text

    record = extract_text("春日的邳州市官湖镇，货车驶入产业园。目前，全镇共有板材及家具企业1260家，其中规上企业71家。")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("官湖镇", 1260), ("官湖镇", 71)]


@pytest.mark.parametrize("text, city", [
    ("邢台市清河县发布消息。清河羊绒制品产业集群入选国家级中小企业特色产业集群。", "邢台"),
    # (no prefecture named: 清河 could be Xingtai's county or Huai'an's district)
    ("清河羊绒制品产业集群入选国家级中小企业特色产业集群。", None),
])
def test_a_short_name_counties_share_is_the_one_in_the_prefecture_named(text, city):
    from extract import extract_text

    assert extract_text(text).clusters[0].city == city


@pytest.mark.parametrize("text, subject", [
    ("肇庆市发布消息。四会市是全国最大的翡翠玉器加工集散地之一，全市现有玉器加工企业3000余家。", "四会市"),
    ("Jinjiang, a county-level city under Quanzhou, is often called China's shoe capital. "
     "It is home to more than 4,000 footwear enterprises.", "Jinjiang"),
], ids=["zh-city-its-sentence-is-about", "en-apposition-locates"])
def test_a_county_level_city_the_text_is_about_keeps_its_counts(text, subject):
    from extract import extract_text

    assert extract_text(text).enterprise_counts[0].subject == subject


def test_a_place_compared_with_is_not_what_the_zone_refers_to():
    from extract import extract_text

    text = ("Daqing high-tech zone has 412 high-tech enterprises, second in the province, only behind Harbin "
            "high-tech zone. At the same time, the zone has 630 technology-based SMEs.")
    assert [c.subject for c in extract_text(text).enterprise_counts] == ["Daqing high-tech zone"] * 2


@pytest.mark.parametrize("text, subjects", [
    pytest.param("Pengchang town has 1,100 non-woven fabric production enterprises.", ["Pengchang town"],
                 id="town-of-its-own"),
    # A city elsewhere (Jinhua, Zhejiang) shares the town's name: the town it is.
    pytest.param("Guanshanhu district is growing. Jinhua town has 64 high-tech enterprises. The whole district "
                 "has 23 incubators.", ["Jinhua town", "Guanshanhu district"], id="district-is-no-town"),
])
def test_an_english_town_or_subdistrict_is_a_place(text, subjects):
    from extract import extract_text

    assert [c.subject for c in extract_text(text).enterprise_counts] == subjects


def test_a_direction_opens_a_zone_name_and_a_listed_town_is_a_place():
    from extract import extract_text

    counts = extract_text("武进国家高新区、西太湖科技产业园、湖塘镇分别拥有高新技术企业463家、218家、176家。").enterprise_counts
    assert [(c.subject, c.count) for c in counts] == [("武进国家高新区", 463), ("西太湖科技产业园", 218), ("湖塘镇", 176)]
