"""Positions and counts read from plain-text ranking tables (extract/ranking_tables.py)."""

from __future__ import annotations

import pytest

from extract import extract_text

ZH_TABLE = ("2023年度全省高新区综合评价结果出炉\n\n省科技厅印发2023年度全省高新区综合评价结果。前三名情况如下：\n\n"
            "排名　高新区　　　　较上年　高新技术企业（家）　营业收入增速（%）\n"
            "１　　成都高新区　　持平　　３５２６　　　　　　１１．２\n"
            "２　　绵阳高新区　　↑１　　　８１２　　　　　　　９．８\n"
            "３　　自贡高新区　　↓１　　　３５６　　　　　　　８．４\n")

EN_TABLE = ("Gansu zones evaluated\n\nRecently, the department published the 2022 annual whole province high-tech zone "
            "comprehensive evaluation result. The result is as the following:\n\n"
            "| Ranking | High-tech zone | Compared with last year | High-tech enterprises (unit) | Output value |\n"
            "|---|---|---|---|---|\n"
            "| 1 | Lanzhou high-tech zone | keep | 612 | 1,218 |\n"
            "| 2 | Tianshui high-tech zone | rise 2 | 88 | 236 |\n"
            "| 3 | Jinchang high-tech zone | decline 1 | 41 | 318 |\n"
            "| Total | | | 741 | 1,772 |\n")


@pytest.mark.parametrize("text, expected", [
    (ZH_TABLE, [("成都高新区", 1, 0), ("绵阳高新区", 2, 1), ("自贡高新区", 3, -1)]),
    (EN_TABLE, [("Lanzhou high-tech zone", 1, 0), ("Tianshui high-tech zone", 2, 2), ("Jinchang high-tech zone", 3, -1)]),
], ids=["zh-spaced", "en-barred"])
def test_a_ranking_tables_rows_are_positions_with_their_moves(text, expected):
    record = extract_text(text)
    assert [(r.subject, r.rank, r.change) for r in record.rankings] == expected
    assert {r.year for r in record.rankings} == {2023 if "成都" in text else 2022}


@pytest.mark.parametrize("text, expected", [
    (ZH_TABLE, [("成都高新区", 3526), ("绵阳高新区", 812), ("自贡高新区", 356)]),
    (EN_TABLE, [("Lanzhou high-tech zone", 612), ("Tianshui high-tech zone", 88), ("Jinchang high-tech zone", 41)]),
], ids=["zh-spaced", "en-barred"])
def test_a_count_column_after_the_rank_column_counts_each_rows_place(text, expected):
    record = extract_text(text)
    assert [(c.subject, c.count) for c in record.enterprise_counts] == expected


def test_a_numbered_list_of_clusters_is_no_ranking():
    text = ("Zhuhai key clusters\n\nThe list is as follows:\n\nNo. | Cluster name | City | Core park\n"
            "1 | Zhuhai integrated circuit industry cluster | Zhuhai | Zhuhai High-tech Zone\n"
            "2 | Zhuhai new energy industry cluster | Zhuhai | Zhuhai Economic and Technological Development Zone\n")
    assert extract_text(text).rankings == []


def test_a_count_column_of_firms_above_designated_size_counts():
    text = ("Liaoning county evaluation\n\nThe result is as follows:\n\n"
            "| Rank | County (city) | Compare with last year | Industrial enterprises above designated size (unit) |\n"
            "| 1 | Wafangdian city | unchanged | 412 |\n| 2 | Zhuanghe city | up 1 | 268 |\n")
    record = extract_text(text)
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("Wafangdian city", 412), ("Zhuanghe city", 268)]


ZH_NUMBERED = ("2024年度全省开发区综合考核评价结果公布\n\n"
               "在参评的92家开发区中，宜春经济技术开发区继续位居全省第一，赣州经济技术开发区、九江经济技术开发区分列第二、第三位。\n\n"
               "综合考核前五名（括号内为较上年位次变化）：\n"
               "1．宜春经济技术开发区（持平）\n2．赣州经济技术开发区（↑2）\n3．九江经济技术开发区（↓1）\n"
               "4．吉安经济技术开发区（↑3）\n5．上饶经济技术开发区（新进）\n")


def test_a_numbered_ranking_lists_lines_are_positions_one_entry_per_zone():
    record = extract_text(ZH_NUMBERED)
    assert [(r.subject, r.rank, r.change, r.total, r.year) for r in record.rankings] == [
        ("宜春经济技术开发区", 1, 0, 92, 2024), ("赣州经济技术开发区", 2, 2, 92, 2024),
        ("九江经济技术开发区", 3, -1, 92, 2024), ("吉安经济技术开发区", 4, 3, 92, 2024),
        ("上饶经济技术开发区", 5, None, 92, 2024)]


@pytest.mark.parametrize("text", [
    # no line announcing a ranking above the list
    "本次共有三家开发区入选：\n1．宜春经济技术开发区\n2．赣州经济技术开发区\n3．九江经济技术开发区\n",
    # lines that say more than a place are a list of something else
    "全省排名靠前的开发区情况如下：\n1．宜春经济技术开发区：集聚企业300余家\n2．赣州经济技术开发区：新签约项目52个\n",
    # numbers that do not run 1, 2, 3
    "全省排名情况如下：\n3．宜春经济技术开发区\n7．赣州经济技术开发区\n",
], ids=["no-ranking-header", "lines-say-more", "not-consecutive"])
def test_numbered_lines_that_are_no_ranked_list_give_no_positions(text):
    assert extract_text(text).rankings == []
