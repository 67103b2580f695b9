"""Chinese cluster names: what makes one generic, when two spellings are one cluster, and which
places own a name written without its own place."""

from __future__ import annotations

import re
from typing import Optional

from extract.compiled_regex import cached_compile
from extract.document import HAN, Document
from extract.mentions import Place
from extract.places import gazetteer
from extract.ordering import longest_first

# Quotes, digits and counted numerals (“一集群一方案”, 五个千亿) say nothing of an industry.
# 贵安数据中心集群, 大规模算力集群: computers, not an industry's firms.
_COMPUTERS = cached_compile(r"(?:数据中心|算力|智算|超算|服务器)集群$")
_ONE_CHARACTER_INDUSTRY = cached_compile(r"[\u4e00-\u9fff](?<![级内外各等的类大型化新老该本其此全])")
_NOT_CONTENT = cached_compile(r"[\W\d_A-Za-z]|[零〇一二两三四五六七八九十百千万亿]+(?:个|大|项|类|级)")
# 3市动力电池集群: a count of places before the name, so the clusters of several places.
COUNTED_BEFORE = cached_compile(r"(?:\d|[一二两三四五六七八九十几多])[市县区省地]$")
# 新乡的 / 郑州、许昌两市的: a place in the possessive just before a name.
_POSSESSIVE = cached_compile(r"(?:[市县区])?(?:[两三四五六七八九十\d]{1,2}[市县区地])?的")
_SHARED = cached_compile(r"[两三四五六七八九十\d]{1,2}[市县区地]的")
_QUOTED = cached_compile(r"[“\"‘「『][^”\"’」』]{1,12}[”\"’」』]")
# 湖南两大集群 / 电子信息三地集群 / 新能源汽车类集群: clusters counted or classed, not named.
_COUNTED_CLUSTERS = cached_compile(r"(?:(?:\d+|[一二两三四五六七八九十几多])(?:个|大|地|家)|类|[两三四五六七八九十])(?:产业)?集群$")
_TYPES = ("创新型", "特色", "战略性新兴", "先进制造业")
_LEADING_ZONE = cached_compile(r"(?:国家级)?(?:高新区|经开区|开发区|高新技术产业开发区|经济技术开发区|经济开发区)")
# 第二个百亿级产业集群 / 首个国家级…集群: which one in a count, not a name; 全省二十个战略性产业
# 集群之一 / 25个特色产业集群: how many, not which.
_ORDINAL_LEAD = cached_compile(r"第[一二三四五六七八九十百\d]+个|首个|(?:\d+|[一二两三四五六七八九十百几多]+)(?:个|大|类)")
# 做大做强绿色食品产业集群 / 做优做精…集群: jieba cuts these verbs a character at a time;
# 我县羊绒产业集群: the speaker's own place is no part of the name (the cluster is named
# with the place elsewhere, or not at all).
GROWN = cached_compile(r"(?:做[大强优精实专])+|[我本][市县区省州旗镇](?=[\u4e00-\u9fff]{2})")
# 推动锂电产业集群发展 / 加快推进生物医药产业集群建设: an industry's clusters in general, the
# aim of a policy, where no place names one.
PROMOTED_BEFORE = cached_compile(r"(?:推动|促进|加快|推进|支持|助力|引导|带动|加速)$")
DEVELOPED_AFTER = cached_compile(r"(?:高质量|集聚|协同|融合|转型|集约化)?(?:发展|建设|升级)")
# 以打造世界级物联网产业集群为目标: a level no cluster holds yet, an aim (with no place in the name).
AIMED_LEVEL = ("世界级", "国际一流", "全球领先")
_JOINED_SUFFIX = cached_compile(r"[和与及、](?:产业)?集群$")
# 全国最大的低压电器产业集群 / 国内重要的…集群: a cluster described, not named.
DESCRIBED = cached_compile(r"(?:最大|最强|最全|最完整|最集中|最具\w{0,4}|重要|知名|著名|领先|主要)的$")
# 全国唯一跨省域的电子信息类国家级集群: with no place in it, a cluster singled out, not named
# (安徽省唯一入选的合肥市智能语音集群 names one).
SINGLED_OUT = cached_compile(r"唯一\w{0,4}的$")


def is_generic(name: str, generic: frozenset[str], actions: frozenset[str] = frozenset()) -> bool:
    """A list or category name (国家级中小企业特色产业集群, 湖南省省级…集群, “雁阵形”产业集群),
    clusters counted (湖南两大集群, 全市第二个百亿级产业集群), a phrase (完善集群) or what is done
    for such clusters (全力服务国家先进制造业集群, with `actions`): no industry of its own."""
    if _COUNTED_CLUSTERS.search(name) or _ORDINAL_LEAD.match(name) or _COMPUTERS.search(name):
        return True
    if _JOINED_SUFFIX.search(name):
        return True  # (开放合作和集群治理能力: the word joined to the cluster word is not its industry)
    hit = gazetteer().prefix_zh(name, 0)
    rest = name[hit[0]:].lstrip("市省县区") if hit else name
    # A quoted slogan before the category (“雁阵形”产业集群) names a programme's list.
    rest = _QUOTED.sub("", rest)
    for word in sorted(generic, key=longest_first):
        rest = rest.replace(word, "")
    content = _NOT_CONTENT.sub("", rest)
    if not hit and content and _made_of(content, actions):
        return True
    # 上杭县铜产业集群, 安溪县茶产业集群: after a place, one character names an industry; alone
    # (铜产业集群) or as a grade (湖南省级集群) it does not.
    return len(content) < 2 and not (hit and _ONE_CHARACTER_INDUSTRY.fullmatch(content))


def _made_of(text: str, words: frozenset[str]) -> bool:
    """`text` is a run of `words` (全力服务 of 全力, 服务)."""
    if not text:
        return True
    return any(text.startswith(word) and _made_of(text[len(word):], words) for word in words)


def canonical(key: str) -> str:
    """长沙工程机械集群 = 长沙市工程机械集群; 昆山小核酸及生物医药集群 = …创新型产业集群."""
    from extract.textmap import simplifier

    key = simplifier().convert(key)
    places, i = "", 0
    while (hit := gazetteer().prefix_zh(key, i)) is not None:  # 新乡市长垣市…: every leading place
        length, division = hit
        places += division.short_zh or key[i:i + length]
        i += length
        i += 1 if key[i:i + 1] in ("市", "省", "县", "区") and key[i + 1:i + 2] else 0
    if places:  # 芜湖经开区新能源汽车产业集群 = 芜湖新能源汽车产业集群: the place's zone says no more
        zone = _LEADING_ZONE.match(key, i)
        i = zone.end() if zone else i
    key = (places + key[i:]).removesuffix("集群").removesuffix("产业")
    for kind in _TYPES:
        key = key.removesuffix(kind)
    return key.removesuffix("产业")


def nickname_of(headline_key: str, body_key: str) -> bool:
    """光谷光电子信息 for 武汉光电子信息 (canonical keys): the same industry, at least four
    characters, after a short lead that is no division (光谷, 中国声谷)."""
    shared = 0
    while (shared < min(len(headline_key), len(body_key))
           and headline_key[-1 - shared] == body_key[-1 - shared]):
        shared += 1
    lead = headline_key[:len(headline_key) - shared]
    return (shared >= 4 and 0 < len(lead) <= 4 and not re.search(r"[\W\d_]", lead)
            and gazetteer().prefix_zh(headline_key, 0) is None)


def names_zone(name: str) -> bool:
    """芜湖经开区新能源汽车产业集群: a zone right after the leading place."""
    hit = gazetteer().prefix_zh(name, 0)
    if hit is None:
        return False
    i = hit[0] + (1 if name[hit[0]:hit[0] + 1] in ("市", "县", "区") else 0)
    return _LEADING_ZONE.match(name, i) is not None


def shortened(headline_key: str, body_key: str) -> bool:
    """龙南稀土新材料 for 龙南稀土新材料及应用 (canonical keys): a headline's name cut short after
    the same place."""
    hit = gazetteer().prefix_zh(headline_key, 0)
    if hit is None or not body_key.startswith(headline_key[:hit[0]]):
        return False
    return len(headline_key) - hit[0] >= 2 and body_key.startswith(headline_key) and body_key != headline_key


def cut_short(headline_key: str, body_key: str) -> bool:
    """大豆 for 佳木斯大豆精深加工, 航空维修 for 海口航空维修及制造 (canonical keys): a headline's
    name without its place, cut short after the first words of the body's industry."""
    hit = gazetteer().prefix_zh(body_key, 0)
    if hit is None or len(headline_key) < 2 or gazetteer().prefix_zh(headline_key, 0) is not None:
        return False
    rest = body_key[hit[0]:]
    return rest.startswith(headline_key) and rest != headline_key


def abridged(headline_key: str, body_key: str) -> bool:
    """盐碱地种业 for 东营盐碱地现代种业 (canonical keys): a headline's name without its place that
    leaves words out of the body's industry, keeping its opening and its order.

    >>> abridged("盐碱地种业", "东营盐碱地现代种业"), abridged("种业", "东营盐碱地现代种业")
    (True, False)
    """
    hit = gazetteer().prefix_zh(body_key, 0)
    rest = body_key[hit[0]:] if hit else body_key
    if len(headline_key) < 4 or gazetteer().prefix_zh(headline_key, 0) is not None:
        return False
    if not rest.startswith(headline_key[:2]) or rest == headline_key:
        return False
    remaining = iter(rest)
    return all(char in remaining for char in headline_key)


def placed_abridged(short_key: str, full_key: str) -> bool:
    """沈阳机器人 for 沈阳机器人及智能制造, 长沙计算系统 for 长沙新一代自主安全计算系统 (canonical keys): the
    same place, and an industry that leaves words out of the full one's, keeping its opening or
    its ending.

    >>> placed_abridged("沈阳机器人", "沈阳机器人及智能制造"), placed_abridged("沈阳航空", "沈阳机器人及智能制造")
    (True, False)
    """
    places = _places_length(short_key)
    short, full = short_key[places:], full_key[places:]
    if places == 0 or _places_length(full_key) != places or full_key[:places] != short_key[:places]:
        return False
    if len(short) < 2 or len(full) <= len(short) or not (full.startswith(short[:2]) or full.endswith(short[-2:])):
        return False
    if any(_places_length(full[k:]) for k in range(1, len(full))):
        return False  # (佛山泛家居和广州智能网联汽车: two clusters named together, not a longer name)
    remaining = iter(full)
    return all(char in remaining for char in short)


def short_form_of(headline_key: str, body_key: str) -> bool:
    """航空 for 西安航空 (canonical keys): a headline's name without its place, the body's name
    being the same industry after a division."""
    lead = len(body_key) - len(headline_key)
    if lead <= 0 or len(headline_key) < 2 or not body_key.endswith(headline_key):
        return False
    return _places_length(body_key) == lead and gazetteer().prefix_zh(headline_key, 0) is None


def _places_length(key: str) -> int:
    """Length of the places a canonical key opens with (赣州南康 in 赣州南康家具).

    >>> _places_length("赣州南康家具"), _places_length("家具")
    (4, 0)
    """
    i = 0
    while (hit := gazetteer().prefix_zh(key, i)) is not None:
        i += hit[0]
    return i


def possessor(doc: Document, sentence_places: list[Place], start: int) -> Optional[Place]:
    """新乡的生物医药产业集群 / 郑州、许昌两市的…集群: the place just before the name, in the
    possessive."""
    for place in reversed(sentence_places):
        if place.end > start:
            continue
        if place.division is not None and _POSSESSIVE.fullmatch(doc.text[place.end:start]):
            return place
        break
    return None


def sharers(doc: Document, sentence_places: list[Place], start: int) -> list[Place]:
    """郑州、许昌两市的新能源及网联汽车产业集群: each place listed before 两市的 has the cluster."""
    before = [p for p in sentence_places if p.end <= start and p.division is not None]
    if not before or not _SHARED.fullmatch(doc.text[before[-1].end:start]):
        return []
    shared = [before[-1]]
    for place in reversed(before[:-1]):
        if doc.text[place.end:shared[0].start] not in ("、", "和", "与", "及"):
            break
        shared.insert(0, place)
    return shared if len(shared) > 1 else []


def city_of_zone(text: str, start: int, end: int) -> Optional[tuple[int, int, object]]:
    """The first non-province division named in a zone (合肥高新区 → 合肥): (start, end, division)."""
    g = gazetteer()
    for i in range(start, end):
        hit = g.prefix_zh(text, i, end)
        if hit and hit[1].level != "province":
            return i, i + hit[0], hit[1]
    return None


# Who publishes a list says its level when its name does not (工业和信息化部公布2023年度中小企业
# 特色产业集群名单 is a national list).
_ISSUERS = [
    (cached_compile(r"工业和信息化部|工信部|科技部|国家发展改革委|国家发改委|商务部|国务院|国家级"), "national"),
    (cached_compile(rf"省{HAN}{{0,8}}?(?:厅|委|局|政府)|自治区{HAN}{{0,8}}?(?:厅|委|局|政府)"), "provincial"),
    (cached_compile(rf"市{HAN}{{0,8}}?(?:局|委|政府)"), "municipal"),
]


def issuer_level(doc: Document, list_start: int, list_end: int) -> Optional[str]:
    """The level of the body named before the list in a sentence naming it (the headline's
    list is often the one the body says who published)."""
    name = doc.text[list_start:list_end]
    at = doc.text.find(name)
    while at >= 0:
        start, _ = doc.sentence_span(doc.sentence_of(at))
        for pattern, level in _ISSUERS:
            if pattern.search(doc.text, start, at):
                return level
        at = doc.text.find(name, at + len(name))
    return None

