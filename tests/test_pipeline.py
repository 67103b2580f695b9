"""Properties of the pipeline as a whole."""

from __future__ import annotations

import subprocess
import sys

import pytest

from extract import extract_file, extract_text
from tests.conftest import ROOT, SAMPLES, extracted, sample_articles


def test_skipping_sentences_without_triggers_changes_nothing():
    from extract.api import extract_bytes_with_text

    for article in sample_articles("seed", "zh", "en"):
        text, fast = extracted(article)
        full_text, full = extract_bytes_with_text(article.read_bytes(), source=str(article),
                                                  skip_untriggered=False)
        assert full_text == text and fast == full, article.name


def test_traditional_chinese_matches_on_simplified_copy_with_original_offsets():
    text = "平頂山高新區擁有高新技術企業５３家，在全國高新區排名中位列第７４位。"
    record = extract_text(text)
    count = record.enterprise_counts[0]
    assert (count.count, count.category) == (53, "高新技術企業")
    assert text[count.evidence.start:count.evidence.end] == count.evidence.text
    assert record.rankings[0].rank == 74 and record.rankings[0].subject == "平頂山高新區"


def test_emoji_bullets_read_as_bullets_with_original_offsets():
    # Pasted WeChat posts: emoji (some two characters with a joiner) open the lines of a box of
    # key figures, and a hand-typed ○ is the zero of a year.
    text = ("株洲高新区拥有：\n❤️ 高新技术企业　６８７家\n👨\u200d💻 科技型中小企业 935家\n"
            "二○二三年，株洲高新区位列第23位。")
    record = extract_text(text)
    assert [(c.category, c.count) for c in record.enterprise_counts] == [("高新技术企业", 687), ("科技型中小企业", 935)]
    assert [(r.rank, r.year) for r in record.rankings] == [(23, 2023)]
    for item in record.enterprise_counts + record.rankings:
        assert text[item.evidence.start:item.evidence.end] == item.evidence.text


def test_a_park_reference_never_stands_for_a_province():
    text = "以肇庆高新区为核心区的新能源汽车零部件产业集群入选广东省特色产业集群名单。目前，园区拥有高新技术企业298家。"
    assert [c.subject for c in extract_text(text).enterprise_counts] == ["肇庆高新区"]


@pytest.mark.parametrize("text, subject", [
    pytest.param("Ningbo Economic and Technological Development Zone (Beilun district) at present has 1,230 "
                 "industrial enterprises above designated size.", "Ningbo Economic and Technological Development Zone",
                 id="en"),
    pytest.param("截至2023年底，株洲高新区（天元区）拥有国家级专精特新“小巨人”企业37家。", "株洲高新区", id="zh"),
])
def test_a_district_in_brackets_after_a_zone_is_its_other_name_not_the_subject(text, subject):
    assert [c.subject for c in extract_text(text).enterprise_counts] == [subject]


def test_the_divisions_saying_where_a_zone_lies_are_not_what_a_reference_means():
    text = "武进国家高新区位于江苏省常州市武进区，规划面积约85平方公里。截至2022年底，园区拥有高新技术企业628家。"
    assert [c.subject for c in extract_text(text).enterprise_counts] == ["武进国家高新区"]


def test_chinese_run_never_imports_spacy():
    code = ("import sys; from extract import extract_file; "
            f"extract_file({str(sample_articles('seed')[1])!r}); print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "False", out.stderr


def test_english_run_never_imports_jieba():
    english = SAMPLES / "seed" / "pingdingshan.en.txt"
    code = ("import sys; from extract import extract_file; "
            f"extract_file({str(english)!r}); print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "False", out.stderr


def test_importing_extract_is_cheap():
    code = "import sys, extract; print(sorted(m for m in ('jieba', 'spacy', 'pydantic', 'opencc') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_same_input_same_output():
    article = sample_articles("zh")[0]
    assert extract_file(article) == extract_file(article)


def test_rule_cache_gives_the_rules_as_read(tmp_path, monkeypatch):
    from extract.rules import _read_rules, load_rules

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = _read_rules("zh", ()).to_data()
    load_rules.cache_clear()
    try:
        built = load_rules("zh").to_data()  # parses and writes the cache
        load_rules.cache_clear()
        read = load_rules("zh").to_data()  # from the cache
    finally:
        load_rules.cache_clear()
    assert fresh == built == read
    assert list((tmp_path / "news-extract").glob("rules-zh-*.marshal"))


@pytest.mark.parametrize("text", ["全国高新区排名中第0", "位列第0位", "ranked 0th in the national ranking"])
def test_a_zeroth_place_is_no_ranking(text):
    # Found by the property tests: rank 0 used to fail the record's own validation.
    assert extract_text(text).rankings == []


ZONE = "高阳经济开发区"


@pytest.mark.parametrize("table,core_zone", [
    pytest.param("序号　集群名称　核心区\n1　保定市高阳县纺织产业集群　高阳经济开发区", ZONE, id="header"),
    pytest.param("序号　集群名称　主导产业　核心区\n1　保定市高阳县纺织产业集群　纺织　高阳经济开发区", ZONE,
                 id="zone-column-later"),
    pytest.param("1　保定市高阳县纺织产业集群　高阳经济开发区", None, id="no-header"),
    pytest.param("序号　名称　园区\n1　保定市高阳县纺织产业集群　高阳经济开发区", None, id="header-without-core-zone"),
    pytest.param("序号　集群名称　核心区\n1　保定市高阳县纺织产业集群", None, id="short-row"),
    pytest.param("序号　集群名称　所在市州　集群核心区\n1　保定市高阳县纺织产业集群　保定市　高阳经济开发区", ZONE,
                 id="cluster-core-zone-header"),
    pytest.param("入选集群及其核心承载区如下：\n保定市高阳县纺织产业集群——高阳经济开发区", ZONE, id="dash-pairs"),
    pytest.param("入选集群及所在城市如下：\n保定市高阳县纺织产业集群——保定市", None, id="dash-pairs-of-cities"),
])
def test_a_table_gives_the_core_zone_only_under_a_core_zone_header(table, core_zone):
    record = extract_text("关于公布省级特色产业集群名单的通知\n" + table + "\n", language="zh")
    (cluster,) = record.clusters
    assert cluster.core_zone == core_zone


def test_a_saved_pages_related_headlines_are_not_the_article():
    text = ("洛阳市人民政府门户网站\n首页 > 新闻中心 > 部门动态\n\n洛阳高新区排名再进6位\n\n"
            "洛阳高新区拥有高新技术企业412家。\n\n责任编辑：王璐\n\n相关阅读\n焦作市高新技术企业突破500家\n")
    record = extract_text(text)
    assert record.title == "洛阳高新区排名再进6位"
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("洛阳高新区", 412)]


@pytest.mark.parametrize("heading", ["Related stories", "Related:", "See also"])
def test_related_stories_end_an_english_page(heading):
    text = ("Hubei Daily English\nHome > News > Local News\n\nXiangyang High-tech Zone climbs five places\n\n"
            f"Xiangyang High-tech Zone is home to 1,020 high-tech enterprises.\n\n{heading}\n"
            "Wuhan East Lake High-tech Zone hosts 1,200 high-tech firms\n")
    record = extract_text(text)
    assert record.title == "Xiangyang High-tech Zone climbs five places"
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("Xiangyang High-tech Zone", 1020)]


_ONE_RANKING_EN = ("Zones in the region make progress\n\nNanning High-tech Zone rose three places to 40th in the "
                   "2023 comprehensive evaluation of national high-tech zones. The zone has 900 high-tech "
                   "enterprises. Its output grew by 8 percent. Exports rose too. Officials were pleased.\n\n")
_ONE_RANKING_ZH = ("广西高新区发展综述\n\n南宁高新区在2023年国家高新区综合评价中位列第40位，较上年前移3位。"
                   "该区拥有高新技术企业900家。园区产值增长8%。出口也在增长。\n\n")


@pytest.mark.parametrize("text,subject,year", [
    (_ONE_RANKING_EN + "Guilin High-tech Zone held its position at 75th.", "Guilin High-tech Zone", 2023),
    (_ONE_RANKING_ZH + "桂林高新区继续保持第75位。", "桂林高新区", 2023),
    # Not a zone of the kind ranked.
    (_ONE_RANKING_EN + "Nanning Economic and Technological Development Zone held its position at 75th.",
     "Nanning Economic and Technological Development Zone", None),
    # A position with a size of its own is in a ranking of its own.
    (_ONE_RANKING_ZH + "柳州高新区在全国169家高新区中排名第60位。", "柳州高新区", None),
], ids=["en-same-kind", "zh-same-kind", "en-other-kind", "zh-own-size"])
def test_an_unnamed_position_far_on_is_in_the_articles_one_ranking(text, subject, year):
    ranking = next(r for r in extract_text(text).rankings if r.subject == subject)
    assert ranking.year == year
    assert (ranking.ranking is not None) == (year is not None)


_ANNOUNCED_EN = ("Hunan zones progress\n\nRecently, the Torch Center notified the 2023 annual national high and "
                 "new technology industry development zone evaluation results. Reporter learned the whole "
                 "province zones improve. ")


@pytest.mark.parametrize("text,year", [
    (_ANNOUNCED_EN + "Among the 177 national high-tech zones participating the evaluation, Changsha high-tech "
     "zone rank 11th, same as last year.", 2023),
    # A province's own evaluation is another ranking, whatever the national one's year.
    (_ANNOUNCED_EN + "In the province development zone comprehensive evaluation, Changsha high-tech zone rank "
     "2nd, same as last year.", None),
], ids=["same-ranking-in-other-words", "another-ranking"])
def test_a_ranking_named_again_takes_the_year_it_was_announced_with(text, year):
    assert extract_text(text).rankings[0].year == year


@pytest.mark.parametrize("text,subject,rank", [
    # The company inside an apposition describing the zone is not who is ranked.
    ("Songshan Lake High-tech Industrial Development Zone, a science park in Dongguan that houses Huawei "
     "Technologies' research campus, has climbed to 19th place in the league table, up six places.",
     "Songshan Lake High-tech Industrial Development Zone", 19),
    # A province in the possessive qualifies a noun.
    ("Xiamen Torch High-tech Industrial Development Zone has remained Fujian province's top performer in the "
     "national high-tech zone evaluation, placing 14th among the country's 178 national high-tech zones.",
     "Xiamen Torch High-tech Industrial Development Zone", 14),
], ids=["apposition", "possessive"])
def test_the_zone_a_sentence_opens_with_is_the_one_ranked(text, subject, rank):
    ranking = extract_text(text).rankings[0]
    assert (ranking.subject, ranking.rank) == (subject, rank)


def test_a_ranking_named_after_the_zones_of_a_province_ranks_the_zone_before_it():
    record = extract_text("慈溪高新区在全省高新区亩均效益综合评价中位列第11位，较上年跃升8位。"
                          "家电龙头企业中，公牛集团入围中国民营企业500强，排名较上年提升36位。")
    assert [(r.subject, r.rank, r.change) for r in record.rankings] == [("慈溪高新区", 11, 8)]


def test_of_them_reaches_over_sentences_that_count_nothing():
    text = ("Hefei had 8,014 high-tech enterprises at the end of 2023. Of the 2,912 companies certified or "
            "recertified as high-tech enterprises last year, more than 60 percent were in emerging industries. "
            "The enterprises remain concentrated in the development zones. Hefei High-tech Industry Development "
            "Zone was home to 2,340 of them, while Shushan district and Baohe district had 1,210 and 860 respectively.")
    counts = [(c.subject, c.category, c.count) for c in extract_text(text).enterprise_counts]
    assert counts == [("Hefei", "high-tech enterprises", 8014),
                      ("Hefei High-tech Industry Development Zone", "high-tech enterprises", 2340),
                      ("Shushan district", "high-tech enterprises", 1210),
                      ("Baohe district", "high-tech enterprises", 860)]


@pytest.mark.parametrize("text", [
    "nanning electronic information industry cluster and nanning biomedical industry cluster to Nanning "
    "high-tech zone as the core area organization declared successfully on the list.",
    "南宁电子信息产业集群和南宁生物医药产业集群以南宁高新区为核心区组织申报。",
], ids=["en", "zh"])
def test_two_clusters_joined_before_a_shared_core_zone_both_take_it(text):
    assert all(c.core_zone for c in extract_text(text).clusters) and len(extract_text(text).clusters) == 2



@pytest.mark.parametrize("text,subject", [
    ("慈溪市政府工作报告\n\n新增国家高新技术企业215家，国家高新技术企业总数达到1068家。", "慈溪市"),
    # The clusters' count, which no place holds.
    ("云南省创新型产业集群名单公布\n\n本批次认定的5个集群共集聚高新技术企业486家。", None),
], ids=["work-report", "clusters-count"])
def test_a_count_whose_sentence_names_no_place_is_the_headlines_place(text, subject):
    assert [c.subject for c in extract_text(text).enterprise_counts] == [subject]


def test_a_ranking_whose_sentence_names_no_place_is_the_headlines_place():
    record = extract_text("长垣市2023年国民经济和社会发展统计公报\n\n在全国综合实力百强县市中位列第87位，较上年前移6位。")
    assert [(r.subject, r.rank, r.change) for r in record.rankings] == [("长垣市", 87, 6)]


@pytest.mark.parametrize("text,kept", [
    ("In 2023, Linyi newly recognized 112 gazelle enterprises, 906 eaglet enterprises and 58 specialized "
     "SMEs. Linyi now has 1,520 high-tech enterprises.", [1520]),
    ("Last year Linyi new recognize gazelle enterprise 112 home, eaglet enterprise 906 home. At present "
     "Linyi have high-tech enterprise 1520 home.", [1520]),
    # Not joined to the increase: a count of its own clause.
    ("Linyi newly recognized 112 gazelle enterprises last year, bringing its high-tech enterprises to "
     "1,520.", [1520]),
    ("Ganzhou high-tech zone 2023 in numbers\n3. High and new technology enterprise: 236 homes\n"
     "5. Newly add national level little giant enterprise: 3 homes\n", [236]),
    ("Xi'an High-tech Zone in numbers\n• 3,946: high-tech enterprises\n• 1,178: technology-based SMEs newly "
     "registered during the year\n", [3946]),
], ids=["fluent", "machine-translated", "own-clause", "numbered-colon-lines", "number-colon-lines"])
def test_the_items_of_a_list_after_an_increase_verb_are_increases_too(text, kept):
    assert [c.count for c in extract_text(text).enterprise_counts] == kept


def test_one_number_each_is_of_the_places_of_its_own_clause():
    record = extract_text("寿光市、诸城市入库数量分别为612家、538家，青州市、高密市入库企业均超过400家。")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("青州市", 400), ("高密市", 400)]


def test_a_core_zone_the_body_names_in_full_wins_over_the_headlines_short_one():
    record = extract_text("Qujing green silicon photovoltaic cluster to economic development zone as core area on the list\n\n"
                          "Qujing green silicon photovoltaic cluster to Qujing economic and technological development zone "
                          "as core area, form the whole industry chain.")
    assert [c.core_zone for c in record.clusters] == ["Qujing economic and technological development zone"]


@pytest.mark.parametrize("text", [
    "五年前，贵阳高新区还排在第65位。五年时间，前进了24个位次。",
    "Five years ago, the Guiyang High-tech Zone ranked 65th. Over the past five years it has moved up 24 places.",
], ids=["zh", "en"])
def test_a_position_years_ago_and_a_move_over_years_are_no_ranking(text):
    assert extract_text(text).rankings == []


@pytest.mark.parametrize("text, name", [
    ("Yongkang hardware industry cluster be recognized as province first batch\n\nJinhua city Yongkang modern hardware "
     "industry cluster is selected.", "Jinhua city Yongkang modern hardware industry cluster"),
    ("Jinjiang's shoe cluster steps up with smart factories\n\nThe Jinjiang sports shoes and apparel industrial "
     "cluster was selected into the national list.", "Jinjiang sports shoes and apparel industrial cluster"),
], ids=["leaves-out-the-city", "singular"])
def test_a_headlines_short_form_is_the_bodys_cluster(text, name):
    assert [c.name for c in extract_text(text).clusters] == [name]


def test_a_list_of_key_figures_is_about_the_place_its_heading_names():
    record = extract_text("株洲高新区2023年成绩单\n\n【醴陵市关键数据】\n● 高新技术企业：1083家\n● 省级以上研发平台：二百一十六个")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("醴陵市", 1083), ("醴陵市", 216)]


def test_a_headlines_abridged_cluster_name_is_the_bodys_cluster():
    record = extract_text("东营农高区位列全国第三 盐碱地种业集群入选国家级名单\n\n东营盐碱地现代种业产业集群入选国家中小企业特色产业集群。")
    assert [c.name for c in record.clusters] == ["东营盐碱地现代种业产业集群"]


def test_a_headlines_name_leaving_words_out_after_the_place_is_the_bodys_cluster():
    record = extract_text("株洲轨道交通装备集群规模突破1600亿元\n\n株洲市先进轨道交通装备集群以株洲高新区为核心区，集群内现有企业400余家。")
    assert [(c.name, c.core_zone) for c in record.clusters] == [("株洲市先进轨道交通装备集群", "株洲高新区")]


@pytest.mark.parametrize("headline, kept", [
    ("大庆高新区高新技术企业突破400家", [412]),
    # A round figure the body's count does not pass is a count of its own.
    ("大庆高新区高新技术企业突破500家", [500, 412]),
], ids=["passed-by-the-body", "not-passed"])
def test_a_headlines_round_figure_the_body_states_exactly_is_one_count(headline, kept):
    record = extract_text(headline + "\n\n截至2023年底，大庆高新区高新技术企业由2020年的236家增至412家。")
    assert [c.count for c in record.enterprise_counts] == kept


@pytest.mark.parametrize("text", [
    "宁津县健身器材产业集群入选省级名单。下一步，我县将做大做强健身器材产业集群，力争健身器材产业集群营收突破百亿元。",
    "长汀县纺织产业集群入选省级名单。去年，我县纺织产业集群实现营收800亿元，力争集群营收突破千亿元。",
    "赣州市南康区家具产业集群入选国家名单。其中，家具产业集群内高新技术企业达128家。",
], ids=["verbs-before-the-name", "our-county", "placeless-short-form"])
def test_a_named_cluster_talked_of_again_in_other_words_is_one_cluster(text):
    assert len(extract_text(text).clusters) == 1


def test_a_stop_word_that_opens_a_place_name_stays_in_the_name():
    # jieba cuts 双城区 as 双 | 城区; 双 (双集群) is otherwise a stop word.
    record = extract_text("哈尔滨市双城区乳制品产业集群入选省级县域特色产业集群。")
    assert [(c.name, c.city) for c in record.clusters] == [("哈尔滨市双城区乳制品产业集群", "哈尔滨")]


def test_a_streak_said_again_later_is_no_second_ranking():
    record = extract_text("在全省23家省级高新区中，广汉高新区位列第4位，较上年提升3个位次，实现三连升。\n\n"
                          "“三连升的背后，是园区坚持创新驱动的结果。”广汉市有关负责人表示。")
    assert [(r.subject, r.rank, r.streak) for r in record.rankings] == [("广汉高新区", 4, 3)]


def test_an_english_cluster_name_opening_with_its_province_takes_the_city_after_it():
    record = extract_text("The clusters are Shaanxi province Yulin city coal chemical industry cluster and "
                          "Shaanxi province Baoji city high-end bearing industry cluster.")
    assert [c.city for c in record.clusters] == ["Yulin", "Baoji"]


def test_the_same_number_of_a_places_things_named_short_is_one_count():
    record = extract_text("Zone newsletter\n\nYichun ETDZ now has two national-level technology business "
                          "incubators. Together the two incubators offer 60,000 square meters of space.")
    assert [(c.category, c.count) for c in record.enterprise_counts] == [
        ("national-level technology business incubators", 2)]


@pytest.mark.parametrize("text", [
    "截至2022年底，海南省高新技术企业达到2032家，其中海口1358家、三亚402家；科技型中小企业入库3120家。",
    "By the end of 2022, Hainan high and new technology enterprises total reach 2,032, among them Haikou 1,358, "
    "Sanya 402; the technology-based small and medium-sized enterprises enter the warehouse 3,120.",
], ids=["zh", "en"])
def test_a_count_after_a_semicolon_is_the_wholes_place_not_the_last_parts(text):
    assert extract_text(text).enterprise_counts[-1].subject in ("海南省", "Hainan")


def test_counts_after_a_lists_parts_stay_the_wholes_until_a_place_is_named_again():
    record = extract_text("株洲科技工作总结\n\n截至年底，株洲市高新技术企业总数达1420家，株洲高新区、醴陵市、攸县分别达到586家、213家、"
                          "97家；科技型中小企业入库2605家；省级以上研发平台412个。")
    assert [c.subject for c in record.enterprise_counts] == ["株洲市", "株洲高新区", "醴陵市", "攸县", "株洲市", "株洲市"]


def test_a_park_listed_beside_a_zone_is_a_place():
    record = extract_text("全县高新技术企业总数达到682家，其中肥西经济开发区、桃花工业园分别达到326家、189家。")
    assert [(c.subject, c.count) for c in record.enterprise_counts][-2:] == [("肥西经济开发区", 326), ("桃花工业园", 189)]


def test_the_whole_zone_is_not_the_park_inside_it_just_named():
    record = extract_text("滨海高新区概况\n\n该集群以滨海高新区渤龙湖科技园为核心区。\n\n截至11月底，全区有效国家高新技术企业达到4120家。")
    assert [c.subject for c in record.enterprise_counts] == ["滨海高新区"]


def test_a_municipality_is_the_city_of_a_later_whole_city():
    record = extract_text("西部城市盘点\n\n四川省高新技术企业总数达1.67万家，其中成都1.15万家、德阳900余家。\n\n"
                          "重庆方面，全市高新技术企业达到7565家。")
    assert record.enterprise_counts[-1].subject == "重庆"


def test_the_new_area_is_the_place_just_named_whose_name_ends_so():
    record = extract_text("Changchun newsletter\n\nThe Changchun Automobile Economic and Technological Development Zone "
                          "grew. Changchun New Area was named the core area. The new area gather optoelectronic "
                          "information enterprises 500 home more.")
    assert [c.subject for c in record.enterprise_counts] == ["Changchun New Area"]


def test_a_category_may_end_at_the_autonomous_region_level():
    record = extract_text("The zone build rare earth research and development platforms above the autonomous "
                          "region level 48.")
    assert [c.category for c in record.enterprise_counts] == [
        "rare earth research and development platforms above the autonomous region level"]


def test_a_ranking_table_after_the_announcement_takes_its_name_and_year():
    record = extract_text("评价结果公布\n\n省科技厅组织开展了2023年度全省省级高新区综合评价工作。\n\n"
                          "排名前3位的省级高新区如下：\n排名　高新区　　　　较上年位次变化\n1　　界首高新区　　　上升2位\n"
                          "2　　宣城高新区　　　持平\n3　　庐江高新区　　　上升5位\n")
    assert [(r.subject, r.rank, r.change, r.year) for r in record.rankings] == [
        ("界首高新区", 1, 2, 2023), ("宣城高新区", 2, 0, 2023), ("庐江高新区", 3, 5, 2023)]


def test_a_lists_line_restating_a_position_under_a_plain_name_is_one_entry():
    record = extract_text("经开区考核结果揭晓\n\n商务部公布2023年国家级经济技术开发区综合发展水平考核评价结果。"
                          "其中，南昌经开区综合排名第38位，较上年提升9位。\n\n附：我省国家级经开区2023年综合排名情况\n"
                          "南昌经开区：第38位，较上年上升9位\n九江经开区：第64位，与上年持平\n")
    assert [(r.subject, r.rank, r.change) for r in record.rankings] == [("南昌经开区", 38, 9), ("九江经开区", 64, 0)]


def test_a_zones_move_given_far_later_in_a_short_name_completes_its_one_entry():
    record = extract_text("全省开发区考核结果发布\n\n省商务厅对全省纳入考核的92家开发区进行了年度考核。"
                          "综合排名前三的开发区依次为：南昌经济技术开发区、赣州经济技术开发区、九江经济技术开发区。\n\n"
                          "记者：今年有哪些变化？\n\n答：总体保持稳定。全省开发区发展势头良好，产业集聚水平持续提升。"
                          "各地招商引资力度加大。一批重大项目落地投产。赣州经开区较上年上升2位，实现三连升。\n")
    assert [(r.subject, r.rank, r.change, r.streak) for r in record.rankings] == [
        ("南昌经济技术开发区", 1, None, None), ("赣州经济技术开发区", 2, 2, 3), ("九江经济技术开发区", 3, None, None)]


def test_two_moves_of_one_zone_said_apart_complete_no_entry():
    record = extract_text("Jiangxi zones ranked\n\nIn the 2023 national assessment, the Ganzhou Economic and Technological "
                          "Development Zone ranked 45th.\n\nOfficials were pleased. Investment rose. New projects started. "
                          "Exports grew.\n\nThe Ganzhou ETDZ climbed 11 places. Over three years the Ganzhou ETDZ has climbed 20 places.\n")
    assert [(r.rank, r.change) for r in record.rankings if r.rank is not None] == [(45, None)]


def test_a_district_of_a_city_is_the_one_ranked():
    record = extract_text("Shenzhen's Nanshan district ranked first among districts, while Yuhang district of "
                          "Hangzhou moved up two places to fourth.")
    assert [(r.subject, r.rank, r.change) for r in record.rankings] == [
        ("Nanshan district", 1, None), ("Yuhang district", 4, 2)]


def test_an_indicator_ranked_first_is_no_places_ranking():
    record = extract_text("The zone foreign trade import and export amount growth rate rank the first of whole "
                          "region national-level development zones.")
    assert record.rankings == []


def test_a_placeless_name_leaving_words_out_is_the_bodys_cluster():
    record = extract_text("贵阳电子信息制造产业集群以贵阳国家高新区为核心区。负责人表示，电子信息集群将学习借鉴"
                          "广东深圳市新一代信息通信集群的经验。")
    assert [c.name for c in record.clusters] == ["贵阳电子信息制造产业集群", "广东深圳市新一代信息通信集群"]


def test_the_whole_of_a_share_is_not_whose_later_counts_are():
    record = extract_text("兰州高新区年度报告\n\n兰州高新区高新技术企业增至812家，约占甘肃省高新技术企业总数的四分之一；"
                          "科技型中小企业1160家。园区现有规上工业企业94家。")
    assert [c.subject for c in record.enterprise_counts] == ["兰州高新区"] * 3


@pytest.mark.parametrize("text, subject", [
    ("入选集群如下：\n（二）玉环汽车零部件产业集群。核心区为玉环经济开发区，拥有汽摩配企业1300多家。",
     "玉环汽车零部件产业集群"),
    ("The clusters are:\n• Hefei new display cluster - core area: Xinzhan High-tech Zone; about 140 enterprises "
     "along the panel supply chain", "Hefei new display cluster"),
], ids=["zh", "en"])
def test_a_list_item_headed_by_a_cluster_counts_the_clusters_members(text, subject):
    assert [c.subject for c in extract_text(text).enterprise_counts] == [subject]


def test_a_tables_rows_take_the_size_the_body_gives_their_ranking():
    record = extract_text("2023年度全省高新区综合评价结果出炉\n\n全省参评的21家国家级和省级高新区中，成都高新区继续位居首位。"
                          "前三名情况如下：\n\n2023年度全省高新区综合评价前三名\n\n排名　高新区　　　　较上年\n"
                          "１　　成都高新区　　持平\n２　　绵阳高新区　　上升1位\n３　　自贡高新区　　下降1位\n")
    assert [(r.subject, r.rank, r.total, r.change) for r in record.rankings] == [
        ("成都高新区", 1, 21, 0), ("绵阳高新区", 2, 21, 1), ("自贡高新区", 3, 21, -1)]


def test_a_lists_plain_overall_ranking_is_the_one_the_body_names():
    record = extract_text("商务部公布2023年国家级经济技术开发区综合发展水平考核评价结果，对全国230家国家级经开区进行考核。"
                          "南昌经开区综合排名第38位，较上年提升9位。\n附：我省国家级经开区2023年综合排名情况\n"
                          "南昌经开区：第38位，较上年上升9位\n赣州经开区：第45位，较上年上升12位\n")
    assert [(r.subject, r.ranking, r.rank, r.total) for r in record.rankings] == [
        ("南昌经开区", "国家级经济技术开发区综合发展水平考核评价", 38, 230),
        ("赣州经开区", "国家级经济技术开发区综合发展水平考核评价", 45, 230)]



def test_a_towns_cluster_is_in_the_city_the_article_names_and_its_park_is_a_place():
    record = extract_text("东莞市工业和信息化局认定6个集群为第二批东莞市特色产业集群。名单如下：\n"
                          "（五）石龙镇电子信息产业集群。以石龙西湖工业园为核心区，集群内有电子信息企业280家。\n"
                          "（六）茶山镇食品饮料产业集群。以茶山食品产业园为核心区，园区集聚食品饮料企业300多家。")
    assert [(c.name, c.city, c.core_zone) for c in record.clusters] == [
        ("石龙镇电子信息产业集群", "东莞", "石龙西湖工业园"), ("茶山镇食品饮料产业集群", "东莞", "茶山食品产业园")]
    assert [c.subject for c in record.enterprise_counts] == ["石龙镇电子信息产业集群", "茶山食品产业园"]


@pytest.mark.parametrize("text, zone", [
    ("附件：名单\n\n序号　集群名称　所在地区　依托园区（核心区）\n1　余杭区智能视觉产业集群　杭州市余杭区　余杭经济技术开发区\n",
     "余杭经济技术开发区"),
    ("Attachment: list\n\nSerial number  Cluster name  Location  Rely on park (core area)\n"
     "1  Xingtai city Qinghe county cashmere industrial cluster  Xingtai city Qinghe county  "
     "Qinghe economic development zone\n", "Qinghe economic development zone"),
], ids=["zh", "en"])
def test_a_tables_bracketed_core_zone_header_gives_the_core_zone(text, zone):
    assert [c.core_zone for c in extract_text(text).clusters] == [zone]


@pytest.mark.parametrize("text, counts", [
    ("The Danyang eyewear industrial cluster in East China's Jiangsu province, one of the largest of its kind, "
     "now includes more than 1,600 eyewear manufacturers.", ["Danyang eyewear industrial cluster"]),
    ("In Zhejiang, the Ningbo magnetic materials cluster has about 1,200 enterprises, including 68 national-level "
     "specialized and sophisticated SMEs.", ["Ningbo magnetic materials cluster"] * 2),
    ("The Suzhou nano new materials cluster, centered on Suzhou Industrial Park, gathers more than 1,000 "
     "nanotechnology enterprises, and Suzhou Industrial Park alone hosts 612 nanotech companies.",
     ["Suzhou nano new materials cluster", "Suzhou Industrial Park"]),
    ("The Changsha construction machinery cluster, with Changsha Economic and Technological Development Zone as "
     "its core area, is one of 45 national clusters and has more than 400 enterprises above designated size.",
     ["Changsha construction machinery cluster"]),
    ("The Wuhan optoelectronic information industry cluster, with Wuhan East Lake High-tech Development Zone as "
     "its core area, is a national cluster. It is home to more than 1,400 enterprises.",
     ["Wuhan optoelectronic information industry cluster"]),
    ("Xi'an High-tech Zone key figures\n• 3,946: high-tech enterprises\n• 270+: enterprises in the Xi'an "
     "semiconductor and integrated circuit industry cluster\n", ["Xi'an High-tech Zone",
                                                                "Xi'an semiconductor and integrated circuit industry cluster"]),
    ("Changzhou new carbon material industry cluster take West Taihu Lake science and technology industrial park "
     "as core area, cluster inside gather graphene related enterprise over 500 homes.",
     ["Changzhou new carbon material industry cluster"]),
    ("1. Changzhou photovoltaic and smart grid innovative industrial cluster - City: Changzhou\n"
     "2. Xuzhou construction machinery innovative industrial cluster - City: Xuzhou\n\n"
     "The Changzhou cluster has more than 600 enterprises. The Xuzhou cluster is home to over 1,200 supporting "
     "enterprises.", ["Changzhou photovoltaic and smart grid innovative industrial cluster",
                      "Xuzhou construction machinery innovative industrial cluster"]),
], ids=["locating-phrases", "including", "place-opens-a-later-clause", "and-has", "it-opens-the-next-sentence",
        "in-the-named-cluster", "cluster-inside", "city-and-cluster-for-the-named-one"])
def test_a_clause_opening_with_what_a_cluster_holds_counts_its_members(text, counts):
    assert [c.subject for c in extract_text(text).enterprise_counts] == counts


def test_a_tables_bracketed_moves_are_read():
    record = extract_text("The 2022 ranking of China's top 100 counties (change in brackets):\n\n"
                          "Rank  County/city      Province   Change\n1     Kunshan          Jiangsu    (=)\n"
                          "6     Cixi             Zhejiang   (+1)\n7     Yixing           Jiangsu    (-1)\n")
    assert [(r.subject, r.rank, r.change) for r in record.rankings] == [
        ("Kunshan", 1, 0), ("Cixi", 6, 1), ("Yixing", 7, -1)]


@pytest.mark.parametrize("text", [
    "成德高端能源装备集群入选国家先进制造业集群名单，德阳市将继续做大做强该集群。",
    "The Guangzhou-Shenzhen-Foshan-Dongguan intelligent equipment cluster is on the national list.",
], ids=["zh", "en"])
def test_a_cluster_led_by_several_cities_is_no_one_citys(text):
    assert [c.city for c in extract_text(text).clusters] == [None]


def test_a_placed_name_leaving_words_out_is_the_full_names_cluster():
    record = extract_text("沈阳市机器人及智能制造集群入选国家先进制造业集群。沈阳机器人集群现有相关企业800余家。")
    assert [c.name for c in record.clusters] == ["沈阳市机器人及智能制造集群"]
    assert [c.subject for c in record.enterprise_counts] == ["沈阳市机器人及智能制造集群"]


def test_an_unclosed_quotation_mark_or_a_slogans_verb_opens_no_cluster_name():
    record = extract_text("全省共组织“产业链供需对接”“专精特新进集群”等活动120余场。成德高端能源装备集群入选名单。"
                          "“能源装备集群跻身‘国家队’，是对两地的肯定。”负责人表示。")
    assert [c.name for c in record.clusters] == ["成德高端能源装备集群"]


def test_an_earlier_year_after_the_announced_rankings_year_states_history():
    # The year that makes 2020 history is in the announcement, a sentence with no position.
    record = extract_text("日前，省商务厅公布2022年度全省开发区综合考核评价结果。在全省参评的117个开发区（园区）中，"
                          "平湖经济技术开发区位列第7位，较上年前移6位。回顾近年来的考评成绩，2020年平湖经开区在同一"
                          "考评中仅排在第21位，三年间实现了大幅跨越。")
    assert [(r.subject, r.rank, r.year) for r in record.rankings] == [("平湖经济技术开发区", 7, 2022)]


def test_a_clause_opening_with_an_earlier_year_states_history_not_a_position():
    record = extract_text("在2023年国家创新型城市创新能力排名中，洛阳市位列第31位。这也是洛阳连续第三年实现排名提升，"
                          "2021年洛阳仅排在第42位。排名前三的城市依次为深圳、南京、杭州。")
    assert [(r.subject, r.rank, r.year) for r in record.rankings] == [
        ("洛阳市", 31, 2023), ("深圳", 1, 2023), ("南京", 2, 2023), ("杭州", 3, 2023)]


@pytest.mark.parametrize("text", [
    "Xi'an High-tech Zone kept its fifth place among 178 zones in the 2023 national high-tech zone comprehensive "
    "evaluation. When the evaluation results were first made public in 2013, the zone ranked seventh. "
    "Baoji High-tech Zone climbed seven places to 52nd.",
    "Xi'an High-tech Zone kept its fifth place among 178 zones in the 2023 national high-tech zone comprehensive "
    "evaluation. It came seventh in 2013. Baoji High-tech Zone climbed seven places to 52nd.",
], ids=["when-first-made-public-in", "came-nth-in"])
def test_a_position_in_an_earlier_year_after_the_current_one_is_history(text):
    # The look-back's year does not carry to the next entry either.
    record = extract_text(text)
    assert [(r.subject, r.rank, r.year) for r in record.rankings] == [
        ("Xi'an High-tech Zone", 5, 2023), ("Baoji High-tech Zone", 52, 2023)]


def test_an_interviews_restated_position_is_one_entry_and_its_words_no_names():
    record = extract_text("近日，2023年度国家高新区综合评价结果公布，潍坊高新区位列全国第21位，较上年前移6位。\n\n"
                          "张立新：这次我们排在第21位，算下来已经是连续第四年前移了。潍坊动力装备产业集群以潍坊高新区为核心区，"
                          "现在集群里规上企业有320多家，"
                          "我们现在高新技术企业是763家，全区评价入库的科技型中小企业1460家。")
    assert [(r.subject, r.rank, r.change, r.streak) for r in record.rankings] == [("潍坊高新区", 21, 6, 4)]
    assert [c.category for c in record.enterprise_counts] == ["规上企业", "高新技术企业", "科技型中小企业"]
    assert [c.name for c in record.clusters] == ["潍坊动力装备产业集群"]
    assert record.enterprise_counts[0].subject == "潍坊动力装备产业集群"


@pytest.mark.parametrize("text, subject", [
    ("阳江市阳东区东城镇是“中国刀剪中心”的核心区域。目前，全镇拥有五金刀剪生产企业1300多家。", "东城镇"),
    ("仙桃市非织造布产业集群以彭场镇非织造布产业园为核心区。作为产业集群的主阵地，彭场镇现有非织造布企业360余家。", "彭场镇"),
], ids=["town-whose-stem-is-a-district", "town-opening-a-clause"])
def test_a_town_the_article_names_is_the_subject_of_its_counts(text, subject):
    assert [c.subject for c in extract_text(text).enterprise_counts] == [subject]


def test_a_respectively_list_reads_a_ranking_name_before_the_first_position():
    record = extract_text("长沙县、浏阳市、宁乡市分别位列2024赛迪百强县第4位、第8位、第13位，三县全部跻身前15。"
                          "其中，长沙县排名与上年持平；浏阳市较上年上升1位；宁乡市较上年上升2位。")
    assert [(r.subject, r.rank) for r in record.rankings if r.rank] == [("长沙县", 4), ("浏阳市", 8), ("宁乡市", 13)]
    # (宁乡市较上年: jieba glues 市较; the city is found all the same.)
    assert ("宁乡市", 2) in [(r.subject, r.change) for r in record.rankings]


@pytest.mark.parametrize("text", [
    "Xiamen Torch High-tech Zone ranked 19th in the 2022 national high-tech zone evaluation. Yealink Network "
    "Technology ranked first globally in SIP phone shipments for the sixth year in a row.",
    "Xiamen Torch High-tech Zone ranked 19th in the 2022 national high-tech zone evaluation. A local maker "
    "ranked second in China by lithium battery separator sales.",
], ids=["in-product-shipments", "by-product-sales"])
def test_a_position_in_a_products_sales_is_a_companys_not_the_zones(text):
    record = extract_text(text)
    assert [(r.subject, r.rank) for r in record.rankings] == [("Xiamen Torch High-tech Zone", 19)]


@pytest.mark.parametrize("text", [
    "Guiyang economic and technological development zone ranked first, same as last year. In the single item "
    "index, Guiyang economic and technological development zone investment attraction index ranked the 3rd.",
    "Guiyang economic and technological development zone ranked first, same as last year. Its \"opening up\" "
    "indicator rank the whole country 12th.",
], ids=["index-ranked", "quoted-indicator"])
def test_an_indicators_position_is_no_entry(text):
    record = extract_text(text)
    assert [(r.subject, r.rank) for r in record.rankings] == [
        ("Guiyang economic and technological development zone", 1)]


@pytest.mark.parametrize("text, subject", [
    ("The machines come from the Changsha construction machinery cluster. With the Changsha Economic and "
     "Technological Development Zone as its core area, the cluster brings together more than 400 manufacturers. "
     "Among them are 215 industrial enterprises above designated size and 23 \"little giant\" companies.",
     "Changsha construction machinery cluster"),
    ("长沙工程机械产业集群以长沙经开区为核心区，集群集聚工程机械企业400余家。其中，规上工业企业215家，"
     "专精特新“小巨人”企业23家。", "长沙工程机械产业集群"),
], ids=["en-among-them", "zh-qizhong"])
def test_parts_of_a_whole_counted_just_before_are_the_wholes_place(text, subject):
    record = extract_text(text)
    assert [c.subject for c in record.enterprise_counts] == [subject] * 3


def test_a_zones_kind_alone_refers_back_to_the_zone_not_a_city_named_since():
    record = extract_text("近年来，井冈山经开区把电子信息产业作为首位产业。以井冈山经开区为核心区的吉安电子信息产业集群"
                          "入选全省首批重点产业集群。\n\n孵化体系建设方面，经开区现有国家级科技企业孵化器2家、众创空间7家。")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("井冈山经开区", 2), ("井冈山经开区", 7)]


def test_a_headline_tag_parted_by_the_ideograph_bar_is_not_part_of_a_name():
    text = "快讯丨武汉市光电子信息产业集群入选国家先进制造业集群\n\n以东湖高新区为核心区的武汉市光电子信息产业集群榜上有名。"
    record = extract_text(text)
    assert [(c.name, c.core_zone) for c in record.clusters] == [("武汉市光电子信息产业集群", "东湖高新区")]
    assert all(text[c.evidence.start:c.evidence.end] == c.evidence.text for c in record.clusters)


def test_a_list_under_a_heading_naming_a_zone_and_its_bracketed_district_is_the_zones():
    record = extract_text("2023年，无锡高新区（新吴区）交出亮眼答卷。一起来看👇\n\n📌 国家高新技术企业达2635家；\n"
                          "📌 省级以上企业技术中心105个；\n")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("无锡高新区", 2635), ("无锡高新区", 105)]


@pytest.mark.parametrize("text", [
    "2023年，无锡高新区（新吴区）交出亮眼答卷。\n\n📌 在2023年国家高新区综合评价中位列第6位，较上年前进1位；\n",
    "无锡高新区（新吴区）交出亮眼答卷。在全国高新区综合评价中位列第6位。",
], ids=["bullet", "sentence"])
def test_a_zones_kind_inside_a_phrase_is_no_reference(text):
    record = extract_text(text)
    assert [(r.subject, r.rank) for r in record.rankings] == [("无锡高新区", 6)]


@pytest.mark.parametrize("text", [
    "在2023年全球创新指数“科技集群”排名中，合肥位列第55位。",
    "In WIPO's 2023 Global Innovation Index, the Chengdu science and technology cluster ranked 24th.",
], ids=["zh", "en"])
def test_wipos_science_and_technology_clusters_are_no_industrial_cluster(text):
    assert extract_text(text).clusters == []


def test_the_zones_taking_part_are_no_zones_name():
    record = extract_text("在2023年度全省高新区综合评价中，中山火炬开发区在全省37家参评高新区中位列第4位，与上年持平。")
    assert [(r.subject, r.rank, r.total, r.change) for r in record.rankings] == [("中山火炬开发区", 4, 37, 0)]


def test_a_visits_verbs_open_no_zones_name():
    record = extract_text("3月28日，哈尔滨市委书记一行到哈尔滨新区调研，听取新区工作汇报。据介绍，新区现有高新技术企业870家。")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("哈尔滨新区", 870)]


def test_a_place_in_an_appositive_is_neither_the_subject_nor_what_the_park_means():
    record = extract_text("Zhangjiang Hi-tech Park reported steady growth. The park, the heart of Zhangjiang "
                          "Science City in the Pudong New Area, is now home to more than 2,100 high-tech "
                          "enterprises. A total of 47 listed companies are based in the park.")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [
        ("Zhangjiang Hi-tech Park", 2100), ("Zhangjiang Hi-tech Park", 47)]


def test_firms_operating_in_a_place_are_its():
    record = extract_text("Gui'an New Area now hosts 13 major data centers. More than 1,000 big data companies "
                          "operate in Guiyang.")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("Guiyang", 1000)]


def test_a_level_or_ordinal_before_a_zones_kind_names_no_zone():
    record = extract_text("泰州医药高新区（中国医药城）是全国首个国家级医药高新区。经过十余年发展，园区已集聚医药企业1300多家。")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("泰州医药高新区", 1300)]


@pytest.mark.parametrize("text", [
    "协会建议，各地要加强错位发展，推动半导体产业集群发展由规模扩张向质量提升转变。",
    "下一步，将加快推进生物医药产业集群建设。",
    "广东省半导体及集成电路产业集群是全省二十个战略性产业集群之一。",
], ids=["promoted-development", "promoted-construction", "counted"])
def test_an_industrys_clusters_in_general_or_counted_are_no_named_cluster(text):
    names = [c.name for c in extract_text(text).clusters]
    assert not any(name in ("半导体产业集群", "生物医药产业集群") or "二十个" in name for name in names)


def test_a_placed_cluster_whose_development_is_promoted_is_still_named():
    assert [c.name for c in extract_text("推动常州锂电产业集群发展。").clusters] == ["常州锂电产业集群"]


def test_machine_translations_present_cluster_gathers_its_members():
    record = extract_text("Baotou rare earth new material industry cluster take Baotou rare earth high and new technology "
                          "industry development zone as the core area. At present cluster gather rare earth enterprise "
                          "180 home.")
    assert [(c.name, c.core_zone) for c in record.clusters] == [
        ("Baotou rare earth new material industry cluster", "Baotou rare earth high and new technology industry development zone")]
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [
        ("Baotou rare earth new material industry cluster", 180)]


def test_xinqu_is_the_new_area_named_before_and_opens_no_category():
    record = extract_text("滨海新区信创产业集群入选国家先进制造业集群。天津港保税区航空航天产业集群入选第三批天津市战略性"
                          "新兴产业集群。\n\n截至2023年底，新区国家高新技术企业达到4715家；国家科技型中小企业5814家。")
    assert [(c.subject, c.category, c.count) for c in record.enterprise_counts] == [
        ("滨海新区", "国家高新技术企业", 4715), ("滨海新区", "国家科技型中小企业", 5814)]


def test_a_rising_star_is_no_city_of_xinjiang():
    record = extract_text("重庆市着力打造18个“新星”产业集群。会议通报，全市规上工业企业达到7900余家。")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("重庆市", 7900)]


@pytest.mark.parametrize("text, subject", [
    ("天水电工电器产业集群以天水经开区为核心区，入选全省首批重点培育产业集群，集聚企业130余家，其中国家级专精特新“小巨人”"
     "企业5家。", "天水电工电器产业集群"),
    ("Tianshui electrical and electronic industry cluster take Tianshui economic and technological development zone "
     "as core area, be selected the province first batch key cultivation industry cluster, gather enterprise 130 "
     "more home, among them national level specialized special new small giant enterprise 5 home.",
     "Tianshui electrical and electronic industry cluster"),
    ("Xuzhou construction machinery industry cluster with Xuzhou economic and technological development zone as "
     "core area, in 2021 selected the national advanced manufacturing cluster. Cluster gathered construction "
     "machinery complete machine and parts enterprise more than 600 home, of which above designated size "
     "enterprise 412 home.", "Xuzhou construction machinery industry cluster"),
], ids=["zh-list-joined", "en-mt-gather", "en-mt-cluster-gathered"])
def test_a_clusters_members_past_its_core_zone_and_the_list_it_joined_are_the_clusters(text, subject):
    record = extract_text(text)
    assert [c.subject for c in record.enterprise_counts] == [subject, subject]


def test_a_new_and_hi_tech_zone_written_with_an_ampersand_is_a_zone_and_its_acronym_too():
    record = extract_text("Suzhou National New & Hi-tech Industrial Development Zone (SND) posted steady growth in "
                          "2023.\n\nBy the end of 2023, SND had 1,568 high-tech enterprises.")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("SND", 1568)]


@pytest.mark.parametrize("text, subjects", [
    ("重庆两江新区去年实现地区生产总值4800亿元。截至去年底，两江拥有国家高新技术企业1400余家，科技型企业超过5000家。",
     ["两江", "两江"]),
    ("贵州贵安新区（以下简称“贵安新区”）数字经济加速发展。目前，贵安集聚大数据企业500多家。", ["贵安"]),
    # (A zone named after its industry: 稀土 is what the firms make, not the zone.)
    ("包头稀土高新区是全国唯一以稀土命名的国家高新区。目前，园区聚集稀土企业160家，稀土产业链日趋完善。",
     ["包头稀土高新区"]),
], ids=["stem-alone", "stem-of-given-name", "industry-not-stem"])
def test_a_zone_called_by_its_name_without_city_and_suffix_is_the_zone(text, subjects):
    record = extract_text(text)
    assert [c.subject for c in record.enterprise_counts] == subjects


@pytest.mark.parametrize("text, expected", [
    ("Nanjing High-tech Zone, which straddles the city's Pukou district, is home to more than 1,900 high-tech "
     "enterprises.", [("Nanjing High-tech Zone", "high-tech enterprises", 1900)]),
    ("The Zibo new materials industry cluster is located in Zibo High-tech Zone, which is home to more than 300 new "
     "materials enterprises.", [("Zibo High-tech Zone", "new materials enterprises", 300)]),
    ("Luoyang city science and technology innovation achieve new progress. At present, the city high and new "
     "technology enterprise reach 1,500 home.", [("Luoyang city", "high and new technology enterprise", 1500)]),
    ("Some 820 companies in the inland city in Central China's Henan province were newly recognized as high-tech "
     "enterprises during the year.", []),
    ("Changsha hosted the forum. About 20 kilometers to the west, Meixi Lake High-tech Park, in the city known for "
     "its engineering machinery, has nearly 400 high-tech enterprises.",
     [("Meixi Lake High-tech Park", "high-tech enterprises", 400)]),
    ("Xiangyang High-tech Zone serves as a core area of the Xiangyang new energy vehicle industry cluster, which "
     "counts at least 600 parts makers across the city.",
     [("Xiangyang new energy vehicle industry cluster", "parts makers", 600)]),
], ids=["aside-naming-two-places", "which-after-the-clusters-zone", "the-city-opening-category", "newly-recognized-far",
        "aside-after-an-opening-phrase", "which-after-the-cluster"])
def test_english_clauses_around_a_count_say_whose_it_is(text, expected):
    record = extract_text(text)
    assert [(c.subject, c.category, c.count) for c in record.enterprise_counts] == expected


@pytest.mark.parametrize("text, expected", [
    ("Source: Anshun High-tech Zone 2023-10-12\n\nBy 2025 year, strive the cluster output value reach 50 billion "
     "yuan, high and new technology enterprise reach 150 home.", []),
    ("Source: Anshun High-tech Zone 2023-10-12\n\nIn 2024 year, the zone will strive industry output value growth "
     "10% above, high and new technology enterprise reach 75 home.", []),
    ("Source: Anshun High-tech Zone 2024-02-12\n\nBy 2023 year-end, Anshun High-tech Zone had high and new "
     "technology enterprise 86 home.", [("Anshun High-tech Zone", 86)]),
    ("Source: Baotou Daily 2023-06-02\n\nThe responsible comrade say, to 2025 year, rare earth industry output value "
     "reach 200 billion yuan, the rare earth enterprise reach 200 home above.", []),
    ("Northern Rare Earth group enter 2023 China enterprise 500 strong, rank 287th.", []),
], ids=["by-a-year-to-come", "will-strive-without-to", "by-a-year-end-past", "to-a-year-to-come", "year-of-a-list"])
def test_an_english_goal_without_to_is_no_count(text, expected):
    record = extract_text(text)
    assert [(c.subject, c.count) for c in record.enterprise_counts] == expected


@pytest.mark.parametrize("text, subject", [
    ("Shenyang High-tech Zone slipped two places to 40th, while the Anshan laser industry cluster, one of the "
     "province's key clusters, counts 150 enterprises.", "Anshan laser industry cluster"),
    ("The region leans on the Liuzhou automotive industry cluster, built around SAIC-GM-Wuling. The cluster, which "
     "uses the Liuzhou Economic and Technological Development Zone as its core area, has more than 900 parts makers.",
     "Liuzhou automotive industry cluster"),
], ids=["while-the-cluster", "the-cluster-with-an-aside"])
def test_an_english_cluster_holds_the_count_past_an_aside(text, subject):
    record = extract_text(text)
    assert [c.subject for c in record.enterprise_counts] == [subject]


@pytest.mark.parametrize("text", [
    "下一步，合肥将以打造世界级新型显示产业集群为目标，加快引进配套企业。",
    "会上，各集群促进机构代表分享集群培育经验，共商集群协同发展。",
    "力争把集群打造成千亿级产业集群。南通、徐州各有3个集群入选，其余集群分布在盐城、扬州。",
    "一季度集群实现营业收入34.6亿元。吉林、黑龙江两省产业集群建设成效受到关注。",
], ids=["world-class-aim", "meeting-verbs", "verb-and-the-rest", "quarter-and-two-provinces"])
def test_chinese_words_before_a_cluster_word_that_name_no_cluster(text):
    assert extract_text(text).clusters == []


def test_a_citys_gdp_position_is_no_ranking():
    record = extract_text("从设区市看，无锡市GDP继续位居全国城市第14位。")
    assert record.rankings == []


def test_an_english_world_class_cluster_with_no_place_is_an_aim():
    record = extract_text("The Hefei new display cluster take Hefei High-tech Zone as core area. According to the "
                          "planning, to 2025, strive to build the world-class new display industry cluster.")
    assert [c.name for c in record.clusters] == ["Hefei new display cluster"]


def test_an_ordinal_place_on_a_list_names_no_cluster_and_the_cluster_taking_a_lead_holds_its_firms():
    record = extract_text(
        "The Zhuzhou rail transit equipment industrial cluster with Zhuzhou high-tech zone as the core area was "
        "selected, becomes our province fifth national advanced manufacturing cluster.\n\nIt is understood, the "
        "cluster take complete locomotive, parts as the lead, has gathered related enterprise more than 400 home.")
    assert [c.name for c in record.clusters] == ["Zhuzhou rail transit equipment industrial cluster"]
    assert [c.subject for c in record.enterprise_counts] == ["Zhuzhou rail transit equipment industrial cluster"]


@pytest.mark.parametrize("text, expected", [
    ("Wujin district of Changzhou gained six places to reach 41st.", [("Wujin district", 41, 6)]),
    ("The zone plans to climb five places to reach 25th by 2025.", []),
], ids=["move-then-position-reached", "a-goal-still"])
def test_the_position_a_move_reached_is_no_goal(text, expected):
    assert [(r.subject, r.rank, r.change) for r in extract_text(text).rankings] == expected


def test_a_generic_word_the_article_calls_a_zone_by_refers_to_it():
    record = extract_text("在全国229家国家级经开区中，宁波经济技术开发区（以下简称“园区”）位列第8位；杭州经济技术开发区"
                          "位列第19位。截至2022年末，园区现有国家高新技术企业650家。")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("宁波经济技术开发区", 650)]


def test_a_box_of_figures_each_above_what_it_counts_is_the_zones():
    text = ("一组数据看宜昌高新区这一年\n\n▶ 312家\n规模以上工业企业。\n\n▶ 520家\n高新技术企业，全年新增92家。\n\n"
            "▶ 86个\n省级以上研发平台。\n\n▶ 21.6亿元\n实际使用外资。")
    record = extract_text(text)
    assert [(c.subject, c.category, c.count) for c in record.enterprise_counts] == [
        ("宜昌高新区", "规模以上工业企业", 312), ("宜昌高新区", "高新技术企业", 520), ("宜昌高新区", "省级以上研发平台", 86)]
    assert all(text[c.evidence.start:c.evidence.end] == c.evidence.text for c in record.enterprise_counts)


@pytest.mark.parametrize("text, subject", [
    ("Officials highlighted the Shenyang robot industry cluster, located in the Shenyang Hunnan High-tech Zone, which "
     "brings together nearly 300 enterprises.", "Shenyang robot industry cluster"),
    ("The Ningbo magnetic materials cluster, with the Ningbo High-tech Zone as its core area, had 210 enterprises above "
     "designated size.", "Ningbo magnetic materials cluster"),
], ids=["which-after-an-aside-on-the-name", "had-after-the-core-zone"])
def test_an_english_cluster_named_with_its_zone_aside_holds_the_count(text, subject):
    assert [c.subject for c in extract_text(text).enterprise_counts] == [subject]


def test_a_laboratory_named_after_a_province_is_no_place():
    record = extract_text("创新载体方面，襄阳高新区已集聚3家湖北实验室，拥有国家级孵化器12家。")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("襄阳高新区", 3), ("襄阳高新区", 12)]


def test_a_broader_cluster_named_before_a_narrower_one_is_a_cluster_of_its_own():
    # A short form follows the name it shortens; named first, in prose, it is another cluster.
    text = ("长春汽车经济技术开发区（简称“长春汽开区”）是中国一汽集团总部所在地。\n"
            "以长春汽开区为核心区的长春汽车产业集群是国家先进制造业集群之一，长春汽车产业集群集聚规上企业1100余家。"
            "2022年，长春新能源汽车产业集群加快起势。")
    record = extract_text(text)
    assert [(c.name, c.core_zone) for c in record.clusters] == [
        ("长春汽车产业集群", "长春汽开区"), ("长春新能源汽车产业集群", None)]
    assert [c.subject for c in record.enterprise_counts] == ["长春汽车产业集群"]


def test_a_zone_described_with_a_counted_word_is_no_zone_named():
    text = ("银川经开区始建于1992年。三十年来，我们走出了一条西部内陆开发区高质量发展的新路子。"
            "经开区现已集聚各类企业2800余家。")
    assert [c.subject for c in extract_text(text).enterprise_counts] == ["银川经开区"]


def test_a_cluster_spread_over_two_places_has_no_core_zone():
    record = extract_text("绵阳汽车及零部件产业集群主要分布在经开区和游仙区，龙头企业带动作用明显。")
    assert [(c.name, c.core_zone) for c in record.clusters] == [("绵阳汽车及零部件产业集群", None)]


def test_a_table_row_repeating_a_position_the_text_gives_is_that_entry():
    text = ("云南省重点开发区简介\n"
            "在全国国家高新区评价中，玉溪高新区排名第129位。\n"
            "在2022年国家级经开区综合发展水平考核评价中，曲靖经开区位列第105位。\n\n"
            "园区　　　　类别　　　　排名\n"
            "玉溪高新区　国家级高新区　第129位\n"
            "曲靖经开区　国家级经开区　第105位（2022）\n")
    rankings = extract_text(text).rankings
    assert [(r.subject, r.rank, r.ranking, r.year) for r in rankings] == [
        ("玉溪高新区", 129, "全国国家高新区评价", None),
        ("曲靖经开区", 105, "国家级经开区综合发展水平考核评价", 2022)]


def test_the_number_of_after_and_starts_a_new_count_not_a_coordinated_category():
    record = extract_text("Last year, Hefei added more than 1,600 high-tech enterprises, and the number of listed "
                          "companies reached 80. We aim to do more.")
    assert [(c.subject, c.category, c.count) for c in record.enterprise_counts] == [("Hefei", "listed companies", 80)]


def test_a_table_under_the_rankings_name_takes_it_for_its_plain_header():
    # The column header 全国排名 names no other ranking than the one the text names.
    text = ("近日，商务部公布2023年国家级经济技术开发区综合发展水平考核评价结果。合肥经开区位列全国第12位，较上年提升3位。\n\n"
            "附表：2023年我省国家级经开区综合发展水平考核评价排名情况\n\n"
            "序号  开发区名称      全国排名  较上年变化\n"
            "1     合肥经开区      12        ↑3\n"
            "2     芜湖经开区      19        ↑2\n")
    rankings = extract_text(text).rankings
    assert [(r.subject, r.rank, r.change, r.ranking, r.year) for r in rankings] == [
        ("合肥经开区", 12, 3, "国家级经济技术开发区综合发展水平考核评价", 2023),
        ("芜湖经开区", 19, 2, "国家级经济技术开发区综合发展水平考核评价", 2023)]


def test_a_list_named_with_a_number_stays_in_the_category():
    record = extract_text("合肥经开区现有规上工业企业近600家，已有世界500强企业43家在区内投资兴业。")
    assert [c.category for c in record.enterprise_counts] == ["规上工业企业", "世界500强企业"]


def test_an_english_table_headed_national_ranking_with_moves_in_words():
    text = ("Recently, the Ministry of Commerce announced the 2023 evaluation results.\n\n"
            "Serial number   Development zone name                                    National ranking   Compare last year\n"
            "1               Zhengzhou economic and technological development zone    18                 rise 4\n"
            "2               Hebi economic and technological development zone         119                flat\n"
            "3               Puyang economic and technological development zone       151                decline 2\n")
    assert [(r.subject.split()[0], r.rank, r.change) for r in extract_text(text).rankings] == [
        ("Zhengzhou", 18, 4), ("Hebi", 119, 0), ("Puyang", 151, -2)]


def test_a_documents_title_in_a_question_heading_makes_no_plan_section():
    # 《若干措施》 names a document; the answer under the question reports what there is.
    text = ("市工业和信息化局负责人就《佛山市推动先进制造业集群高质量发展若干措施》答记者问\n\n"
            "一、问：出台《若干措施》的背景是什么？\n\n"
            "答：目前，我市规上工业企业有9800多家，高新技术企业超过8500家。")
    assert [(c.category, c.count) for c in extract_text(text).enterprise_counts] == [("规上工业企业", 9800), ("高新技术企业", 8500)]


def test_a_streak_said_later_in_an_answer_completes_the_zones_entry():
    text = ("合肥高新区在全国178家国家高新区中位列第6位，较上年前移1位。\n"
            "问：位次提升靠什么？\n"
            "李慧：谢谢您的提问。我先补充一点，这已经是合肥高新区连续第三年实现位次前移。")
    assert [(r.subject, r.rank, r.change, r.streak) for r in extract_text(text).rankings] == [("合肥高新区", 6, 1, 3)]


@pytest.mark.parametrize("text", [
    "国家从2022年开始组织先进制造业集群竞赛。",
    "再说中小企业特色产业集群，目前已有200个。",
    "我先介绍一下苏州产业集群的情况。",
    "下一步，我们将继续抓好产业集群培育工作。",
], ids=["begin-to-organize", "speaking-of", "introduce-a-bit", "keep-doing-well"])
def test_a_speakers_words_before_a_cluster_word_name_no_cluster(text):
    assert extract_text(text).clusters == []


@pytest.mark.parametrize("text, name", [
    ("据介绍，长垣市起重装备产业集群以长垣起重工业园区为核心区，由集群服务中心负责集群运营和公共服务。", "长垣市起重装备产业集群"),
    ("襄阳高新区新能源汽车创新型产业集群获批，由襄阳市新能源汽车产业创新联盟担任集群促进机构。", "襄阳高新区新能源汽车创新型产业集群"),
    ("与省内兄弟集群相比，而苏州市纳米新材料集群则以苏州工业园区为核心区。", "苏州市纳米新材料集群"),
], ids=["runs-the-cluster", "promotion-body", "fellow-clusters-and-a-conjunction"])
def test_who_runs_a_cluster_and_words_before_one_name_none(text, name):
    assert [c.name for c in extract_text(text).clusters] == [name]


def test_an_english_aside_naming_other_places_leaves_the_ranked_place_the_subject():
    text = ("CCID Consulting's 2024 ranking of China's top 100 counties was released last week. Kunshan, the "
            "Jiangsu county-level city wedged between Shanghai and Suzhou, came first for the twentieth consecutive year.")
    assert [(r.subject, r.rank) for r in extract_text(text).rankings] == [("Kunshan", 1)]


@pytest.mark.parametrize("text", [
    "Recently, the ministry published the fifth batch list, Anhui province total 231 home enterprise selected.",
    "The province announced the fourth batch recognition list, the whole city 163 home enterprise pass the recognition.",
], ids=["selected", "pass-the-recognition"])
def test_machine_translated_firms_a_list_took_in_are_no_count(text):
    assert extract_text(text).enterprise_counts == []


def test_clusters_named_beside_a_cluster_are_not_what_the_cluster_refers_to():
    text = ("潍坊市动力装备产业集群2018年入选山东省首批雁阵形产业集群，与济南市新一代信息技术产业集群、青岛市轨道交通装备产业集群同批入选。"
            "该集群依托潍坊高新技术产业开发区建设。")
    assert [(c.name, c.core_zone) for c in extract_text(text).clusters] == [
        ("潍坊市动力装备产业集群", "潍坊高新技术产业开发区"), ("济南市新一代信息技术产业集群", None), ("青岛市轨道交通装备产业集群", None)]


def test_an_english_aside_on_the_place_that_locates_the_subject_is_not_the_subject():
    text = ("Shunde district in Foshan, South China's Guangdong province, has retained first place on the 2023 "
            "China Top 100 Districts list released by CCID Consulting.")
    assert [(r.subject, r.rank) for r in extract_text(text).rankings] == [("Shunde district", 1)]


@pytest.mark.parametrize("text, expected", [
    ("在2023年中国工业百强县榜单中，慈溪市位列第4位；海宁市、桐乡市得分相同，并列第31位。",
     [("慈溪市", 4), ("海宁市", 31), ("桐乡市", 31)]),
    ("In the 2023 top 100 districts ranking, Yuhang district of Hangzhou placed fifth, and Yinzhou district "
     "of Ningbo tied with Xiaoshan district of Hangzhou for eighth place.",
     [("Yuhang district", 5), ("Yinzhou district", 8), ("Xiaoshan district", 8)]),
], ids=["zh", "en"])
def test_places_tied_for_a_position_each_hold_it(text, expected):
    assert [(r.subject, r.rank) for r in extract_text(text).rankings] == expected


def test_a_breakdown_by_area_shares_out_the_count_before_it():
    record = extract_text("全市有效高新技术企业达1.1万家。从区域分布看，合肥高新区2036家；经开区1187家、蜀山区1065家。")
    assert [(c.subject, c.category, c.count) for c in record.enterprise_counts] == [
        (None, "有效高新技术企业", 11000), ("合肥高新区", "有效高新技术企业", 2036),
        ("经开区", "有效高新技术企业", 1187), ("蜀山区", "有效高新技术企业", 1065)]


def test_what_a_register_holds_is_its_category_and_the_headlines_round_figure_is_the_same_count():
    record = extract_text("西安市科技型中小企业评价入库突破1.2万家\n\n截至10月底，2023年西安市累计评价入库科技型中小企业1.26万家。")
    assert [(c.subject, c.category, c.count) for c in record.enterprise_counts] == [("西安市", "科技型中小企业", 12600)]


def test_an_english_breakdown_goes_on_over_sentences_with_the_category_left_out():
    record = extract_text("Suzhou had 15,400 high-tech enterprises. Of the total, Suzhou Industrial Park accounted for 3,024, "
                          "Kunshan 2,731 and Taicang 912. Chancheng district had 1,012, Sanshui district 642.")
    assert [(c.subject, c.category, c.count) for c in record.enterprise_counts] == [
        ("Suzhou", "high-tech enterprises", 15400), ("Suzhou Industrial Park", "high-tech enterprises", 3024),
        ("Kunshan", "high-tech enterprises", 2731), ("Taicang", "high-tech enterprises", 912),
        ("Chancheng district", "high-tech enterprises", 1012), ("Sanshui district", "high-tech enterprises", 642)]


@pytest.mark.parametrize("name", ["Chengdu-Chongqing electronic information advanced manufacturing cluster",
                                  "Beijing-Tianjin-Hebei life and health cluster"])
def test_an_english_cluster_led_by_hyphened_places_is_no_one_citys(name):
    record = extract_text(f"The {name} was named to the national list.")
    assert [(c.name, c.city) for c in record.clusters] == [(name, None)]


@pytest.mark.parametrize("text, expected", [
    ("In the 2023 list of top 100 counties, Kunshan topped the ranking. Jiangyin and Zhangjiagang, both also in "
     "Jiangsu, came second and third respectively.", [("Kunshan", 1), ("Jiangyin", 2), ("Zhangjiagang", 3)]),
    ("In the 2023 comprehensive evaluation, Suzhou Industrial Park, Kunshan Economic and Technological Development "
     "Zone and Jiangning Economic and Technological Development Zone in Nanjing took the top three places, respectively.",
     [("Suzhou Industrial Park", 1), ("Kunshan Economic and Technological Development Zone", 2),
      ("Jiangning Economic and Technological Development Zone", 3)]),
], ids=["both-also-in", "in-a-city"])
def test_a_place_saying_where_a_listed_place_lies_is_not_ranked(text, expected):
    assert [(r.subject, r.rank) for r in extract_text(text).rankings] == expected


@pytest.mark.parametrize("text, totals", [
    ("江苏18家国家高新区中有7家进入全国前30名。苏州高新区、南京高新区分别位列全国第5位、第9位；常州高新区位列第16位。",
     [None, None, None]),
    # A position within the province takes the province's number.
    ("在全省11个国家级开发区中，邢台经济开发区位列第4位。", [11]),
], ids=["national-positions", "provincial-position"])
def test_how_many_one_province_has_is_not_the_size_of_a_national_ranking(text, totals):
    assert [r.total for r in extract_text(text).rankings] == totals


def test_a_goal_before_a_colon_governs_the_list_to_its_full_stop():
    record = extract_text("2024年主要预期目标是：地区生产总值增长7%左右；高新技术企业达到1600家，科技型中小企业突破2300家。"
                          "长春高新区现有高新技术企业1380家。")
    assert [(c.category, c.count) for c in record.enterprise_counts] == [("高新技术企业", 1380)]


def test_whole_city_without_its_article_is_the_city_not_the_province_named_last():
    record = extract_text("Gongyi city ranks 68th. Its refractory material industry is selected Henan province first "
                          "batch county characteristic industry. At present, whole city has scale above "
                          "industrial enterprise 361 home.")
    assert [(c.subject, c.count) for c in record.enterprise_counts] == [("Gongyi city", 361)]
