"""The seed article, in both renderings, gives exactly the values of shared/seed/README.md."""

from __future__ import annotations

import pytest

from extract import extract_file
from tests.conftest import SAMPLES


@pytest.fixture(scope="module", params=["zh", "en"])
def seed(request):
    return request.param, extract_file(SAMPLES / "seed" / f"pingdingshan.{request.param}.txt")


def test_two_clusters_with_city_and_core_zone(seed):
    language, record = seed
    names = {c.name.lower(): c for c in record.clusters}
    assert len(record.clusters) == 2
    first, second = record.clusters
    if language == "zh":
        assert (first.name, first.city, first.core_zone) == ("平顶山智能制造装备产业集群", "平顶山", "平顶山高新区")
        assert (second.name, second.city, second.core_zone) == ("新型功能材料产业集群", "平顶山", None)
    else:
        assert "pingdingshan intelligent manufacturing equipment industrial cluster" in names
        assert (first.city.lower(), first.core_zone.lower()) == ("pingdingshan", "pingdingshan high-tech zone")
        assert second.name == "new functional material industry cluster"
        assert (second.city.lower(), second.core_zone) == ("pingdingshan", None)
    assert first.level == "provincial" and second.level == "national"


def test_exactly_three_enterprise_counts(seed):
    language, record = seed
    assert [c.count for c in record.enterprise_counts] == [53, 105, 64]
    assert all(c.qualifier == "exact" for c in record.enterprise_counts)
    assert all(c.subject.lower() == ("平顶山高新区" if language == "zh" else "pingdingshan high-tech zone")
               for c in record.enterprise_counts)
    assert 15 not in [c.count for c in record.enterprise_counts]


def test_one_ranking_74th_up_14_five_rises(seed):
    _, record = seed
    assert len(record.rankings) == 1
    ranking = record.rankings[0]
    assert (ranking.rank, ranking.change, ranking.year, ranking.streak) == (74, 14, 2021, 5)
    assert ranking.subject.lower() in ("平顶山高新区", "pingdingshan high-tech zone")


def test_title_and_date(seed):
    _, record = seed
    assert record.published == "2022-06-11"
    assert record.title
