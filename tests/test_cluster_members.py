"""Counts of a cluster's members take the cluster as subject, by the name its record gives it
(extract/cluster_members.py); a count whose clause speaks of a place stays the place's."""

from __future__ import annotations

import pytest

from extract import extract_text

HELD = [
    ("reference-with-holding-words",
     "成德高端能源装备集群以德阳经开区为核心承载区。目前，该集群内有规上企业1100余家。",
     "成德高端能源装备集群", "规上企业", 1100),
    ("bare-cluster-in",
     "赣州稀土新材料及应用产业集群以赣州高新区为核心区。目前，集群内有规上企业143家。",
     "赣州稀土新材料及应用产业集群", "规上企业", 143),
    ("clause-opens-with-the-name",
     "据统计，宝鸡高新区钛及钛合金创新型产业集群现有企业526家。",
     "宝鸡高新区钛及钛合金创新型产业集群", "企业", 526),
    ("name-ending-in-the-reference-words",
     "醴陵市日用陶瓷产业集群以醴陵经济开发区为核心区，集群内现有陶瓷生产企业650余家。邵东市打火机产业集群拥有打火机生产企业近200家。",
     "邵东市打火机产业集群", "打火机生产企业", 200),
    ("subjectless-clause-after-the-carrier",
     "枝江市白酒产业集群以枝江经济开发区为承载区，拥有酿酒及配套企业90多家。",
     "枝江市白酒产业集群", "酿酒及配套企业", 90),
    ("en-reference",
     "The Yichun lithium battery new energy industry cluster was listed. The cluster now gathers more than 130 "
     "lithium battery enterprises above designated size.",
     "Yichun lithium battery new energy industry cluster", "lithium battery enterprises above designated size", 130),
    ("en-relative-clause",
     "The Jinjiang sports shoes and apparel industrial cluster, which gathers over 3,000 shoe makers, was selected.",
     "Jinjiang sports shoes and apparel industrial cluster", "shoe makers", 3000),
    ("en-clause-opens-with-the-name",
     "The Xi'an semiconductor and integrated circuit industrial cluster has more than 300 chip design companies.",
     "Xi'an semiconductor and integrated circuit industrial cluster", "chip design companies", 300),
    # A short form stands for the cluster the record names.
    ("en-short-form",
     "The Baotou rare earth new material cluster was listed. The rare earth cluster has 178 rare earth enterprises.",
     "Baotou rare earth new material cluster", "rare earth enterprises", 178),
]


@pytest.mark.parametrize("text, subject, category, count", [pytest.param(*row[1:], id=row[0]) for row in HELD])
def test_a_count_of_a_clusters_members_is_the_clusters(text, subject, category, count):
    found = [(c.subject, c.category, c.count) for c in extract_text(text).enterprise_counts]
    assert (subject, category, count) in found


PLACES = [
    ("zone-opens-the-clause",
     "作为铜基新材料产业集群的核心区，鹰潭高新区现有铜加工及配套企业126家，拥有高新技术企业87家。",
     "鹰潭高新区", 87),
    ("park-reference-opens-the-clause",
     "宜兴市环保装备制造产业集群依托宜兴环保科技工业园建设，园区集聚环保企业1700多家。",
     "宜兴环保科技工业园", 1700),
    ("place-named-after-the-cluster",
     "宜昌精细化工产业集群入选省级重点成长型产业集群，该集群发展迅速，目前宜昌市拥有高新技术企业1030家。",
     "宜昌市", 1030),
    ("en-zone-opens-the-clause",
     "The Luoyang bearing cluster was listed. Luoyang High-tech Zone has 160 high-tech enterprises.",
     "Luoyang High-tech Zone", 160),
]


@pytest.mark.parametrize("text, subject, count", [pytest.param(*row[1:], id=row[0]) for row in PLACES])
def test_a_count_whose_clause_speaks_of_a_place_is_the_places(text, subject, count):
    found = {c.count: c.subject for c in extract_text(text).enterprise_counts}
    assert found.get(count) == subject


def test_a_count_of_many_clusters_members_is_no_ones():
    text = "长沙工程机械产业集群入选。据统计，45个国家级集群内布局建设了18家国家制造业创新中心。"
    assert [c.subject for c in extract_text(text, language="zh").enterprise_counts if c.count == 18] == [None]
