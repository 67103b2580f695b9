"""One article being extracted: its normalized text, sentences, tokens and evidence spans."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from extract.compiled_regex import cached_compile
from extract.textmap import TextMap
from schemas.record import Evidence

_CJK = cached_compile(r"[\u3400-\u9fff]")
# A Chinese character in patterns compiled on every run: by category rather than as a code
# point range, which Python's regex compiler walks one code point at a time (~2 ms a use).
HAN = r"[^\W\d_A-Za-z]"
_LATIN = cached_compile(r"[A-Za-z]+")

# Sentence ends. Chinese: 。！？； and line breaks. English: . ! ? followed by a space, a
# capital letter or the end, except after abbreviations such as "No." that precede a number.
_ZH_SENTENCE_END = cached_compile(r"[。!?;！？；]+[”’\"」』)]*|\n+")
_EN_SENTENCE_END = cached_compile(
    # (the number of a numbered line, "1. Zhongguancun Science Park", ends no sentence)
    r"(?<!\bNo)(?<!\bno)(?<!\bMr)(?<!\bDr)(?<!\bCo)(?<!\bSt)(?<!\bvs)(?<!\n\d)(?<!\n\d\d)(?<!^\d)(?<!^\d\d)"
    r"[.!?]+[\"'”’)]*(?=\s|[A-Z]|$)|\n+")


def detect_language(text: str) -> str:
    """'zh' when Chinese characters make up a real share of the letters, else 'en'.

    >>> detect_language("平顶山高新区位列第74位")
    'zh'
    >>> detect_language("Pingdingshan High-tech Zone ranks 74th (平顶山)")
    'en'
    """
    sample = text[:20000]
    cjk = len(_CJK.findall(sample))
    latin_words = len(_LATIN.findall(sample))
    # One Chinese character carries about as much as one English word.
    return "zh" if cjk and cjk >= latin_words else "en"


# Work per sentence grows with its length, so a page with no sentence ends (a 1 MB line) would
# cost quadratic time; longer "sentences" are cut at a clause break. Real sentences, cluster
# lists included, stay well below this.
MAX_SENTENCE = 1000
_RELATED_HEADING = cached_compile(
    r"(?m)^[ \t\u3000]*[【\[]?(?:相关阅读|相关新闻|相关文章|相关链接|相关报道|相关稿件|延伸阅读|推荐阅读|热点推荐|猜你喜欢|"
    r"(?i:related(?:\s+(?:stories|news|articles|content|reading|links|coverage))?|more\s+(?:stories|news)|"
    r"you\s+may\s+also\s+like|read\s+more|see\s+also|also\s+read))[】\]]?[ \t\u3000]*[:：]?[ \t\u3000]*$")
_CLAUSE_BREAK = cached_compile(r"[，,、：:\s]")


def split_sentences(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank sentence, end exclusive, covering the text in order.

    >>> split_sentences("甲。乙！", "zh")
    [(0, 2), (2, 4)]
    >>> [e - s for s, e in split_sentences("很长，" * 600, "zh")]
    [999, 801]
    """
    pattern = _ZH_SENTENCE_END if language == "zh" else _EN_SENTENCE_END
    spans: list[tuple[int, int]] = []
    start = 0
    for match in pattern.finditer(text):
        _add_sentence(text, start, match.end(), spans)
        start = match.end()
    _add_sentence(text, start, len(text), spans)
    return spans


def _add_sentence(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, cut - MAX_SENTENCE // 5, cut)]
        cut = breaks[-1] if breaks else cut
        if text[start:cut].strip():
            spans.append((start, cut))
        start = cut
    if text[start:end].strip():
        spans.append((start, end))


@dataclass(frozen=True)
class Span:
    """A span of the normalized text."""

    start: int
    end: int


class Document:
    def __init__(self, original: str, language: str):
        self.language = language
        self.map = TextMap.for_language(original, language)
        self.text = self.map.text
        # A saved web page ends with other articles' headlines under 相关阅读 / "Related
        # stories": they are not the article, and their numbers are other places'.
        related = _RELATED_HEADING.search(self.text)
        end = related.start() if related else len(self.text)
        self.sentences = [s for s in split_sentences(self.text, language) if s[0] < end]
        self._sentence_starts = [s for s, _ in self.sentences]
        self._tokens: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._piece_runs: dict[int, tuple[list[int], list[int]]] = {}

    # -- positions ---------------------------------------------------------------------------
    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding normalized offset `pos`."""
        return max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)

    def sentence_span(self, index: int) -> tuple[int, int]:
        return self.sentences[index]

    def in_first_line(self, index: int) -> bool:
        """Whether sentence `index` is in the text's first line ("Good news!Shaoxing high-tech
        zone national ranking rose 12 places" is two sentences of one headline). The one notion of
        a headline for every extractor (clusters, counts, rankings)."""
        if not 0 <= index < len(self.sentences):
            return False
        start, end = self._headline
        sentence_start, sentence_end = self.sentences[index]
        # (a sentence may begin with the line break before the headline)
        return sentence_start < end and sentence_end > start and not self.text[max(sentence_start, start):min(sentence_end, end)].isspace()

    @cached_property
    def _headline(self) -> tuple[int, int]:
        """The headline line: the first line, or a saved page's first line after its breadcrumb."""
        from extract.meta import headline_span

        return headline_span(self.text)

    # -- values and evidence ---------------------------------------------------------------
    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.map.span(start, end)

    def value(self, start: int, end: int) -> str:
        """The text as written in the original for a normalized span."""
        s, e = self.map.span(start, end)
        return self.map.original[s:e]

    def evidence(self, start: int, end: int) -> Evidence:
        s, e = self.map.span(start, end)
        return Evidence(start=s, end=e, text=self.map.original[s:e])

    # -- tokens ----------------------------------------------------------------------------
    # Both tokenizers cut pieces of text independently: jieba each run of the characters below
    # (its re_han_default; anything else is a token of its own), spaCy each run of non-space
    # characters. A span widened to whole pieces is tokenized exactly as inside its sentence,
    # so only the pieces around a name or category are tokenized, not whole sentences.
    _PIECE = {"zh": cached_compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+"), "en": cached_compile(r"\S+")}

    def token_window(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) widened to whole tokenizer pieces, within the sentence holding `start`."""
        sentence = self.sentence_of(start)
        first, last = self.sentences[sentence]
        starts, ends = self._pieces(sentence)
        s, e = max(start, first), min(max(end, start + 1), last)
        i = bisect.bisect_right(starts, s - 1) - 1  # the piece holding s - 1, if any
        if s > first and i >= 0 and ends[i] > s - 1:
            s = starts[i]
        j = bisect.bisect_right(starts, e) - 1  # the piece holding e, if any
        if e < last and j >= 0 and ends[j] > e:
            e = ends[j]
        return s, max(s, e)

    def _pieces(self, sentence: int) -> tuple[list[int], list[int]]:
        """Starts and ends of a sentence's pieces, found once: a name is looked up many times,
        and scanning a long piece character by character for each lookup is quadratic."""
        if sentence not in self._piece_runs:
            first, last = self.sentences[sentence]
            runs = [m.span() for m in self._PIECE["zh" if self.language == "zh" else "en"].finditer(
                self.text, first, last)]
            self._piece_runs[sentence] = ([a for a, _ in runs], [b for _, b in runs])
        return self._piece_runs[sentence]

    def tokens_near(self, start: int, end: int) -> list[tuple[int, int]]:
        """All tokens of the window around [start, end) (normalized offsets), computed once."""
        window = self.token_window(start, end)
        if window not in self._tokens:
            from extract.tokens import token_spans

            s, e = window
            self._tokens[window] = [(s + a, s + b) for a, b in token_spans(self.text[s:e], self.language)]
        return self._tokens[window]

    def tokens_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Tokens of the sentence holding `start` that lie within [start, end), snapped:
        a token cut by `start` is kept whole only if it starts inside the span."""
        return [(a, b) for a, b in self.tokens_near(start, end) if a >= start and b <= end]

    def sentence_tokens(self, sentence: int) -> list[tuple[int, int]]:
        """Every token of a sentence (what tokens_near must agree with; used by tests)."""
        from extract.tokens import token_spans

        s, e = self.sentences[sentence]
        return [(s + a, s + b) for a, b in token_spans(self.text[s:e], self.language)]
