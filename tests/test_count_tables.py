"""Counts read from plain-text tables of places (extract/count_tables.py): each row's place, each
counting column's category, the number in the cell; no additions, totals or rows without a place."""

from __future__ import annotations

import pytest

from extract import extract_text

CASES = [
    pytest.param(
        "佛山市科技企业分布\n区　　　　高新技术企业（家）　其中新增（家）　科技型中小企业（家）\n"
        "顺德区　　3105　　　　412　　　5230\n南海区　　2890　　　　386　　　4875\n合计　　5995　　798　　10105\n",
        "zh",
        [("顺德区", "高新技术企业", 3105), ("顺德区", "科技型中小企业", 5230),
         ("南海区", "高新技术企业", 2890), ("南海区", "科技型中小企业", 4875)],
        id="zh-full-width-spaces-additions-and-total-left-out"),
    pytest.param(
        "各设区市情况如下（单位：家）：\n设区市　有效高新技术企业　其中：当年新认定　科技型中小企业\n"
        "杭州　16127　3325　31520\n宁波　6836　1620　17860\n",
        "zh",
        [("杭州", "有效高新技术企业", 16127), ("杭州", "科技型中小企业", 31520),
         ("宁波", "有效高新技术企业", 6836), ("宁波", "科技型中小企业", 17860)],
        id="zh-single-full-width-spaces"),
    pytest.param(
        "Nantong work summary\n\nCounty (city, district) | high-tech enterprises (home)\nHaimen District | 486\n"
        "Rugao City | 412\n\nThe city also has 752 research centers.\n",
        "en",
        [("Haimen District", "high-tech enterprises", 486), ("Rugao City", "high-tech enterprises", 412)],
        id="en-bars-unit-in-header"),
    pytest.param(
        "Our region national high-tech zone main indicator (2023 year)\n"
        "High-tech zone | High and new technology enterprise (home) | Of which: newly recognized (home)\n"
        "Nanning high-tech zone | 612 | 105\nLiuzhou high-tech zone | 345 | 61\n",
        "en",
        [("Nanning high-tech zone", "High and new technology enterprise", 612),
         ("Liuzhou high-tech zone", "High and new technology enterprise", 345)],
        id="en-high-and-new-technology-is-no-addition"),
    pytest.param(
        "Suzhou note\n\nArea                      High-tech enterprises   Newly recognised in 2023\n"
        "Suzhou Industrial Park    2,610                   388\nKunshan                   2,470                   352\n"
        "Total                    13,650                  1,928\n",
        "en",
        [("Suzhou Industrial Park", "High-tech enterprises", 2610), ("Kunshan", "High-tech enterprises", 2470)],
        id="en-aligned-columns"),
]


@pytest.mark.parametrize("text, language, expected", CASES)
def test_table_rows_give_one_count_per_place_and_column(text, language, expected):
    record = extract_text(text, language=language)
    got = [(c.subject, c.category, c.count) for c in record.enterprise_counts]
    assert [g for g in got if g in expected] == expected
    assert not [g for g in got if g[1] in ("其中新增", "其中：当年新认定", "Newly recognised in 2023", "Of which: newly recognized") or g[0] in ("合计", "Total")]
    for item in record.enterprise_counts:
        assert text[item.evidence.start:item.evidence.end] == item.evidence.text


@pytest.mark.parametrize("text, language", [
    pytest.param("指标　　数值\n高新技术企业（家）　　628\n", "zh", id="zh-table-of-categories-is-no-table-of-places"),
    pytest.param("The zone grew fast.  High-tech enterprises rose.\nKunshan  is a city.\n", "en",
                 id="en-prose-with-double-spaces"),
])
def test_what_is_no_table_of_places_gives_no_row_counts(text, language):
    record = extract_text(text, language=language)
    assert not [c for c in record.enterprise_counts if c.subject == "Kunshan"]
    assert all(c.subject is None or c.subject != "高新技术企业" for c in record.enterprise_counts)


ANNOUNCED = [
    pytest.param(
        "各地市高新技术企业数量如下（截至2023年底）：\n\n深圳市　2.4万余家\n广州市　1.28万家\n东莞市　9500家左右\n"
        "中山市　约3100家\n合计　4.9万家\n\n此外，全省新增孵化器80家。\n",
        "zh",
        [("深圳市", "高新技术企业", 24000, "more_than"), ("广州市", "高新技术企业", 12800, "exact"),
         ("东莞市", "高新技术企业", 9500, "about"), ("中山市", "高新技术企业", 3100, "about")],
        id="zh-ru-xia-qualifiers-total-passed-over"),
    pytest.param(
        "Each city high and new technology enterprises situation as follow:\n\nShenyang city 4,790 home\n"
        "Dalian city 4,206 home\nOther 9 cities total 2,027 home\n\nThe province also has 14 national key laboratories.\n",
        "en",
        [("Shenyang city", "high and new technology enterprises", 4790, "exact"),
         ("Dalian city", "high and new technology enterprises", 4206, "exact")],
        id="en-as-follow-mt"),
]


@pytest.mark.parametrize("text, language, expected", ANNOUNCED)
def test_a_list_announced_by_its_category_gives_one_count_per_line(text, language, expected):
    record = extract_text(text, language=language)
    listed = [(c.subject, c.category, c.count, c.qualifier) for c in record.enterprise_counts
              if c.category == expected[0][1]]
    assert listed == expected
    for item in record.enterprise_counts:
        assert text[item.evidence.start:item.evidence.end] == item.evidence.text


def test_lines_after_an_announcement_that_are_no_list_give_nothing():
    text = "全市高新技术企业情况如下：\n全市高新技术企业达到2108家，较上年增长12%。\n宝鸡高新区表现突出。\n"
    assert [c.count for c in extract_text(text, language="zh").enterprise_counts] == [2108]
