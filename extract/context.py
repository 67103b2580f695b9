"""What every builder needs about one article: its document, rules, places and helpers."""

from __future__ import annotations

import re
from functools import cached_property

from extract.compiled_regex import cached_compile
from extract.document import MAX_SENTENCE, Document
from extract.mentions import Place, Places
from extract.references import in_appositive_en, locates_previous, zone_called_by_place, zones_other_name
from extract.rules import RuleSet

_CLAUSE_END_ZH = cached_compile(r"[,;:。!?、]")
_CLAUSE_END_NOT_LIST_ZH = cached_compile(r"[,;:。!?]")
_SHARE_BEFORE = cached_compile(r"(?:其中[,，]?|[家个][,，、]|\bof\s+which\s+|\bamong\s+them,?\s+)$", re.I)
# A list of key figures: how long one of its lines is at most, and how many sentences back
# the zone it is about may be named.
_LIST_LINE_CHARS = {"zh": 40, "en": 120}
_LIST_REACH = 30
_LIST_BULLET = cached_compile(r"[-•·*]|\d{1,2}[.、)）]|[（(]\d{1,2}[)）]|[①-⑳]")
_YEAR_END = cached_compile(r"(?:\d{1,2}月)?[底末]")
_DOCUMENT_TITLE_ZH = cached_compile(r"《[^》]*》")
_SHARE_AFTER = cached_compile(r"\s*(?:超过|近|约|逾|more\s+than\s+|over\s+|nearly\s+|about\s+)?\d", re.I)
_TOTAL_AFTER_INCREASE = {
    "zh": cached_compile(r"[、,;](?:总数|总量|累计|总计|共计|总共)"),
    # ("…newly add … 47 home, total reach 256 home": 新增…，总数达到…)
    "en": cached_compile(r"\b(?:bringing|brought|taking|took|raising|raised|lifting|lifted|pushing|pushed)\b"
                         r"|[,;]\s*(?:and\s+)?(?:the\s+)?(?:total(?:\s+number)?|in\s+total|altogether|cumulative(?:ly)?)\s", re.I),
}
_INCREASE_REACH = 200
_PART_OF_EN = cached_compile(r"\s*(?:including|of\s+which|of\s+them|among\s+them|among\s+which)\b", re.I)
_CLAUSE_END_EN = cached_compile(r"[,;:.!?]\s")
_DIVISION_SUFFIX_EN = cached_compile(r"(?:province|city|district|county|municipality)$", re.I)
# "Taiwan capital enterprise", "Macao-funded enterprises" (台资企业): where the firms' money
# comes from, part of what is counted, not the place that counts them.
ORIGIN_AFTER_EN = cached_compile(r"(?:-|\s+)(?:funded|invested|owned|capital|financed)\b", re.I)
_DIVISION_AFTER_EN = cached_compile(r"\s+(?:province|city|district|county|municipality)\b|['’]s\b", re.I)


class Context:
    def __init__(self, doc: Document, ruleset: RuleSet):
        self.doc = doc
        self.ruleset = ruleset
        self.language = doc.language
        # What each reference ("the zone", 该区) of this document stands for, once resolved.
        self.referents: dict = {}
        # Where the article names its clusters and their core zones (normalized spans), as
        # build_clusters found them: counts of a cluster's members are the cluster's.
        self.cluster_mentions: list[tuple[int, int]] = []
        # Each mention's cluster, by the name the record gives it (a short form stands for it).
        self.cluster_names: dict[tuple[int, int], str] = {}
        self.cluster_zones: set[tuple[int, int]] = set()

    @cached_property
    def places(self) -> Places:
        return Places(self.doc, self.ruleset)

    def words(self, name: str) -> frozenset[str]:
        return self.ruleset.words.get(name, frozenset())

    @cached_property
    def _target_markers(self) -> re.Pattern | None:
        if "target_markers" not in self.ruleset.macros:
            return None
        return self.ruleset.compile("{target_markers}")

    def clause_start(self, pos: int) -> int:
        """Start of the clause holding `pos` (after the last comma, semicolon or full stop)."""
        sentence_start, _ = self.doc.sentence_span(self.doc.sentence_of(pos))
        pattern = _CLAUSE_END_ZH if self.language == "zh" else _CLAUSE_END_EN
        start = sentence_start
        for match in pattern.finditer(self.doc.text, sentence_start, pos):
            start = match.end()
        return start

    def clause_end(self, pos: int) -> int:
        """End of the clause holding `pos` (its comma, semicolon or full stop excluded)."""
        _, sentence_end = self.doc.sentence_span(self.doc.sentence_of(pos))
        pattern = _CLAUSE_END_ZH if self.language == "zh" else _CLAUSE_END_EN
        found = pattern.search(self.doc.text, pos, sentence_end)
        return found.start() if found else sentence_end

    @cached_property
    def _increase_markers(self) -> re.Pattern | None:
        if "increase_markers" not in self.ruleset.macros:
            return None
        pattern = r"\b{increase_markers}\b" if self.language == "en" else "{increase_markers}"
        return self.ruleset.compile(pattern)

    @cached_property
    def _increase_after(self) -> re.Pattern | None:
        if "increase_markers_after" not in self.ruleset.macros:
            return None
        if self.language == "zh":
            # 台州市23家企业首次入选 / 386家企业榜上有名: the firms of one list, what was added.
            return self.ruleset.compile("(?:首次|顺利|成功|同时|均|全部)?{increase_markers_after}")
        # ("1,540 companies in the coastal city in East China's Shandong province were newly
        # recognized": where they are stands between the count and the verb.)
        return self.ruleset.compile(r"\s+(?:(?:in|of|at|across)\s+(?:[\w'’-]+\s+){1,8}?)?{increase_markers_after}\b")

    def is_increase(self, start: int, count_start: int, end: int | None = None) -> bool:
        """True when the number counts what was added (全年新增高新技术企业68家、…35家, "new added
        high-tech enterprises 168", "35 new R&D institutions were introduced"), not what there
        is: an increase is no count."""
        if self._increase_markers is None:
            return False
        if end is not None and self._increase_after is not None and self._increase_after.match(self.doc.text, end):
            return True
        # The verb governs the whole 、-list after it: back to the last comma, not the last 、,
        # looking at most _INCREASE_REACH characters back (a list of 60,000 items stays linear).
        if self.language == "zh":
            begin = self.list_clause_start(start, _INCREASE_REACH)
        else:
            begin = self.clause_start(start)
            if begin >= 2 and self.doc.text[begin - 2] == "," and _PART_OF_EN.match(self.doc.text, begin):
                # "newly registered 13,800 market entities, including 5,230 technology
                # enterprises": a part of what was added was added too.
                begin = self.clause_start(begin - 2)
        text = self.doc.text
        # "value-added enterprises" add nothing.
        markers = [m for m in self._increase_markers.finditer(text, begin, count_start)
                   if m.start() == 0 or text[m.start() - 1] != "-"]
        # 新增上市公司3家、总数达到22家 / "added 14 incubators, which brought the number of
        # incubators to 62": the total after the increase is what there is.
        return bool(markers) and not _TOTAL_AFTER_INCREASE[self.language].search(text, markers[-1].end(), count_start)

    def opens_with_increase(self, pos: int) -> bool:
        """True when an increase marker stands at `pos`: 为12家新认定的市级工程技术研究中心授牌,
        the marker after the number, at the head of what is counted."""
        return self._increase_markers is not None and self._increase_markers.match(self.doc.text, pos) is not None

    def list_clause_start(self, pos: int, reach: int | None = None) -> int:
        """Where the Chinese clause holding `pos` begins, a 、-list kept whole: back to the last
        comma, semicolon or colon of its sentence (at most `reach` characters back)."""
        begin = self.doc.sentence_span(self.doc.sentence_of(pos))[0]
        if reach is not None:
            begin = max(begin, pos - reach)
        for match in _CLAUSE_END_NOT_LIST_ZH.finditer(self.doc.text, begin, pos):
            begin = match.end()
        return begin

    def is_target(self, start: int, end: int) -> bool:
        """True when the clause around [start, end) states a goal, not a fact; or when its
        sentence sets a requirement (申报集群须有…) or speaks of a year still to come
        (到2025年，…突破3500家)."""
        if self._target_markers is None:
            return False
        clause = self.doc.text[self.clause_start(start):end]
        if self._target_markers.search(clause) or self._in_plan_section(start):
            return True
        if self.language == "zh" and self.doc.text.startswith(("的目标", "目标", "的任务"), end):
            return True  # 提出培育100家“小巨人”企业的目标
        if self._plan_markers is not None:
            # "Next step, X will strive to …, B reach 300": a plan reaches to its sentence's end.
            sentence_start, _ = self.doc.sentence_span(self.doc.sentence_of(start))
            if self._plan_markers.search(self.doc.text, sentence_start, start):
                return True
        threshold, future, goal = self._sentence_markers
        s, e = self.doc.sentence_span(self.doc.sentence_of(start))
        if threshold is not None and threshold.search(self.doc.text, s, e):
            return True
        # 力争营收突破2000亿元，国家高新技术企业突破350家: a goal governs the clauses after it.
        if goal is not None and goal.search(self.doc.text, s, start):
            return True
        if self.language == "zh" and goal is not None and self._goal_before_colon.search(
                self.doc.text, self._full_stop_before(s), s):
            return True  # 主要预期目标是:…;高新技术企业达到1600家;…: the list a goal opens, to its full stop
        if future is None:
            return False
        from extract.numbers_zh import parse_number

        for m in future.finditer(self.doc.text, s, start):
            if self._published_year is not None:
                if (parse_number(m.group("future")) or 0) > self._published_year:
                    return True
            elif not _YEAR_END.match(self.doc.text, m.end()):
                return True  # undated: 到2025年 is a goal, 到2022年底 (6月底) a report
        return False

    @cached_property
    def _plan_markers(self) -> re.Pattern | None:
        if "target_markers_sentence" not in self.ruleset.macros:
            return None
        return self.ruleset.compile(r"\b{target_markers_sentence}\b")

    @cached_property
    def _sentence_markers(self) -> tuple[re.Pattern | None, ...]:
        macros = self.ruleset.macros
        return tuple(self.ruleset.compile("{%s}" % name) if name in macros else None
                     for name in ("threshold_markers", "future_year", "goal_markers"))

    @cached_property
    def _goal_before_colon(self) -> re.Pattern:
        return self.ruleset.compile("{goal_markers}[^。;\n]{0,10}:")

    def _full_stop_before(self, pos: int) -> int:
        """Where the text since the last full stop (not semicolon) before `pos` begins, at most
        a long sentence back (so that text without full stops costs linear time)."""
        floor = max(0, pos - MAX_SENTENCE)
        return max(floor - 1, *(self.doc.text.rfind(mark, floor, pos) for mark in "。!?\n")) + 1

    def _in_plan_section(self, pos: int) -> bool:
        """Under a numbered heading that announces plans (二、2023年工作安排 / 二、重点任务),
        numbers are what is to be done."""
        plan = False
        for at, is_plan in self._section_headings:
            if at > pos:
                break
            plan = is_plan
        return plan

    @cached_property
    def _section_headings(self) -> list[tuple[int, bool]]:
        macros = self.ruleset.macros
        if "section_heading" not in macros or "plan_headings" not in macros:
            return []
        plan = self.ruleset.compile("{plan_headings}")
        done = self.ruleset.compile("{done_headings}") if "done_headings" in macros else None
        # (一、问：出台《若干措施》的背景是什么？: a document's title names no plan of the section.)
        headings = [(m.start(), _DOCUMENT_TITLE_ZH.sub("", m.group("heading")))
                    for m in self.ruleset.compile("{section_heading}").finditer(self.doc.text)]
        return [(at, bool(plan.search(heading)) and not (done and done.search(heading)))
                for at, heading in headings]

    @cached_property
    def _published_year(self) -> int | None:
        from extract.meta import published_date

        date = published_date(self.doc.text)
        return int(date[:4]) if date else None

    def subject_before(self, pos: int, sentences_back: int = 1) -> Place | None:
        """The nearest named place before `pos`: in its sentence, else up to `sentences_back`
        sentences earlier; references (该区, "the zone") resolve to what they refer to."""
        if self.language == "zh":
            sentences_back = self._semicolon_clauses_back(pos, sentences_back)
        places = self.places.before(pos, sentences_back)
        for i in range(len(places) - 1, -1, -1):
            place = places[i]
            zone = zone_called_by_place(self.places, place)
            if zone is not place:
                return zone  # "The Yuxi zone now has 148 high-tech enterprises"
            if self.not_a_subject(place) or self.locates_previous(places, i) or self.modifies_en(place) \
                    or self._share_subject(place) or zones_other_name(self.doc.text, places, i) \
                    or in_appositive_en(self.doc, place, places[:i]):
                continue
            resolved = self.places.resolve(place)
            if resolved is not None:
                return resolved
        return None

    def list_subject(self, sentence: int, pos: int) -> Place | None:
        """A line of a list of key figures: a short line naming no place, bulleted or not ended
        like a sentence (高新技术企业达到528家 under 【创新主体】; "- 283 high-tech enterprises";
        "• 47th in the 2023 evaluation, up 5 places") is about the zone the page is about: the zone named last
        before it, not a province or city named in between ("selected into Hubei's first
        batch" says where the zone lies or who listed it). None for any other line."""
        text = self.doc.text
        line_start = text.rfind("\n", 0, pos) + 1
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end].strip()
        if (len(line) > _LIST_LINE_CHARS[self.language]
                or not (_LIST_BULLET.match(line) or not line.endswith(("。", ".", "！", "!", "？", "?", "；", ";")))
                or any(line_start <= p.start < line_end for p in self.places.in_sentence(sentence))):
            return None
        places = self.places.before(pos, _LIST_REACH)
        header = self._list_header(line_start, places)
        if header is not None:
            return header
        zone = next((p for p in reversed(places) if p.kind == "zone" and not self.not_a_subject(p)), None)
        return self.places.resolve(zone) if zone is not None else None

    def _list_header(self, line_start: int, places: list[Place]) -> Place | None:
        """The place a list's own heading names (【宜兴市2023年主要指标】, "Key figures of Zibo"
        above the lines): the list is about it, whatever was named before the heading."""
        text = self.doc.text
        end = line_start - 1
        while end > 0:
            start = text.rfind("\n", 0, end) + 1
            line = text[start:end].strip()
            if line and not (len(line) <= _LIST_LINE_CHARS[self.language] and _LIST_BULLET.match(line)):
                if len(line) > _LIST_LINE_CHARS[self.language] or line.endswith(("。", ".", "；", ";")):
                    return None  # a paragraph, not a heading
                # (无锡高新区（新吴区）…: the district in brackets is the zone's other name.)
                named = [p for i, p in enumerate(places) if start <= p.start < end and p.kind != "reference"
                         and not zones_other_name(text, places, i)]
                return self.places.resolve(named[-1]) if named else None
            end = start - 1
        return None

    def paragraph_zone(self, pos: int) -> Place | None:
        """Chinese: a paragraph that names no place (创新主体不断壮大。全年…总数达到423家) goes on
        about the zone named last before it, when that is a zone (a zone's year-end summary),
        not a city or a province. English gains nothing from this on the samples and loses
        precision, so it is Chinese only."""
        if self.language != "zh":
            return None
        text = self.doc.text
        paragraph = max(text.rfind("\n\n", 0, pos), 0)
        before = [p for p in self.places.before(pos, _LIST_REACH) if p.kind != "reference"]
        if any(p.start >= paragraph for p in before):
            return None
        last = next((p for p in reversed(before) if p.end <= paragraph), None)
        return last if last is not None and last.kind == "zone" else None

    def _share_subject(self, place: Place) -> bool:
        """全市高新技术企业1860家，其中威海高新区355家；科技型中小企业2100家: the place of a share
        (其中X N家, 其中，A N家，B M家, "of which X N home") owns that share only, not the counts
        after it."""
        text = self.doc.text
        return (_SHARE_BEFORE.search(text, max(0, place.start - 16), place.start) is not None
                and _SHARE_AFTER.match(text, place.end) is not None)

    def _semicolon_clauses_back(self, pos: int, back: int) -> int:
        """全市高新技术企业达到2360家；…；省级以上工程技术研究中心386家: clauses after a semicolon
        are split as sentences, but the subject of the first still holds. Widen the look back
        over up to five of them."""
        first = self.doc.sentence_of(pos) - back
        extra = 0
        while first - extra > 0 and extra < 5 and self.ends_at_semicolon(first - extra - 1):
            extra += 1
        return back + extra

    def ends_at_semicolon(self, sentence: int) -> bool:
        """Whether the sentence is a clause a semicolon ends: the next one goes on with it."""
        start, end = self.doc.sentence_span(sentence)
        return self.doc.text[start:end].rstrip().endswith((";", "；"))

    def locates_previous(self, places: list[Place], i: int) -> bool:
        """English: a division that only says where the place before it is: "Wujin Zone in
        Changzhou, Jiangsu Province", "Lianyungang, a port city in east China's Jiangsu"."""
        return self.language == "en" and locates_previous(self.doc.text, places, i)

    def modifies_en(self, place: Place) -> bool:
        """English: "the hubei important automobile base": a division after "the" and not
        followed by its own suffix describes a noun; it is not the subject, nor is one saying
        where firms' money comes from ("Taiwan capital enterprise"). Nor is a reference
        in the possessive ("Baiyin High-tech Zone, built on the city's nonferrous legacy, is
        home to …")."""
        if self.language != "en":
            return False
        text = self.doc.text
        if place.kind == "reference":
            return text[place.end:place.end + 2] in ("'s", "’s")
        if place.kind != "division":
            return False
        if ORIGIN_AFTER_EN.match(text, place.end):
            return True
        if not text[max(0, place.start - 4):place.start].lower().endswith("the "):
            return False
        if _DIVISION_SUFFIX_EN.search(text[place.start:place.end]):
            return False
        return not _DIVISION_AFTER_EN.match(text, place.end)

    def not_a_subject(self, place: Place) -> bool:
        """A place named as what another belongs to (昆山是苏州下辖的县级市) or as where another
        lies (宁国市地处安徽省宣城市东南部) is not a subject."""
        after = self.doc.text[place.end:place.end + 4]
        if any(after.startswith(w) for w in self.words("subordinate_markers")):
            return True
        before = self.doc.text[self.clause_start(place.start):place.start]
        if any(w in before for w in self.words("locative_markers")):
            return True
        if place.kind == "division" and before.endswith(tuple(self.words("share_markers"))):
            return True
        # 襄阳高新区是湖北“汉孝随襄十”汽车产业走廊的重要节点，目前拥有…: a place inside what the
        # subject is said to be (是…的) describes it.
        return (self.language == "zh" and "是" in before
                and "的" in self.doc.text[place.end:self.clause_end(place.end)])

    def value(self, place: Place | None) -> str | None:
        return None if place is None else self.doc.value(place.start, place.end)

    @cached_property
    def headline_place(self) -> str | None:
        """The place the article is about, as its headline names it first: what a figure whose
        sentences name no place belongs to (a work report's 总数达到1068家)."""
        doc = self.doc
        headline = [index for index in range(len(doc.sentences)) if doc.in_first_line(index)]
        if len(headline) == len(doc.sentences):
            return None  # a text of one line has no headline
        named = [p for index in headline for p in self.places.in_sentence(index) if p.kind != "reference"]
        return self.value(min(named, key=lambda p: p.start)) if named else None
