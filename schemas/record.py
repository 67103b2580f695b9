"""The record `extract` produces for one article.

Every extracted item carries `evidence`: offsets into the decoded source text (end exclusive)
and the exact text found there, so `source[start:end] == evidence.text` always holds.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_serializer

Language = Literal["zh", "en"]
Level = Literal["national", "provincial", "municipal"]
Qualifier = Literal["exact", "more_than", "at_least", "about", "nearly", "less_than"]
DivisionLevel = Literal["province", "city", "county", "district"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    start: int = Field(ge=0, description="Offset of the first character in the decoded source text.")
    end: int = Field(ge=0, description="Offset one past the last character (end exclusive).")
    text: str = Field(description="Exactly source[start:end].")


class Place(_Model):
    """The administrative division a mention refers to, as a join key across articles and languages."""

    adcode: str = Field(pattern=r"^\d{6}$", description="GB/T 2260 code of the division.")
    level: DivisionLevel
    name_zh: str
    name_en: str
    province_zh: Optional[str] = None
    province_en: Optional[str] = None
    city_zh: Optional[str] = Field(None, description="Prefecture-level city (the municipality for its districts).")
    city_en: Optional[str] = None
    mention: str = Field(description="The text the place was read from (a city, zone or name).")
    inferred: list[Literal["city", "province"]] = Field(
        [], description="Which of city/province the article does not state: filled in from the "
                        "division a zone, county or district belongs to.")


class Cluster(_Model):
    name: str = Field(description="The cluster's name as written, in its fullest form in the article.")
    city: Optional[str] = Field(None, description="City the cluster belongs to, as written.")
    province: Optional[str] = Field(None, description="Province, when the article names it.")
    core_zone: Optional[str] = Field(None, description="Zone named as the cluster's core area.")
    level: Optional[Level] = Field(None, description="Level of the list the cluster is on.")
    list_name: Optional[str] = Field(None, description="Name of the list, as written.")
    place: Optional[Place] = Field(None, description="Administrative division, null when unknown.")
    evidence: Evidence


class EnterpriseCount(_Model):
    subject: Optional[str] = Field(None, description="Place the count belongs to, as written.")
    category: str = Field(description="What is counted, as written (高新技术企业, R&D platforms).")
    count: int = Field(ge=0)
    qualifier: Qualifier = "exact"
    place: Optional[Place] = Field(None, description="Administrative division, null when unknown.")
    evidence: Evidence


class Ranking(_Model):
    subject: Optional[str] = Field(None, description="The place ranked, as written.")
    ranking: Optional[str] = Field(None, description="Which ranking, as written.")
    year: Optional[int] = None
    rank: Optional[int] = Field(None, ge=1)
    total: Optional[int] = Field(None, ge=1, description="How many were ranked.")
    change: Optional[int] = Field(None, description="Places moved: +up, -down, 0 unchanged.")
    streak: Optional[int] = Field(None, ge=1, description="Consecutive rises.")
    place: Optional[Place] = Field(None, description="Administrative division, null when unknown.")
    evidence: Evidence


class Record(_Model):
    source: str = Field(description='Path as given, or "-" for standard input.')
    language: Language
    encoding: Optional[str] = Field(None, description="Encoding the input was decoded with.")
    title: Optional[str] = None
    published: Optional[str] = Field(None, description="Publication date, YYYY-MM-DD.")
    clusters: list[Cluster] = []
    enterprise_counts: list[EnterpriseCount] = []
    rankings: list[Ranking] = []
    warnings: list[str] = []
    text: Optional[str] = Field(None, description="The decoded text (for HTML, the extracted text) "
                                                  "that evidence offsets index; only with --emit-text.")

    @model_serializer(mode="wrap")
    def _drop_absent_text(self, handler):
        # The text is large and asked for only with --emit-text: absent rather than null.
        data = handler(self)
        if data.get("text", "") is None:
            del data["text"]
        return data

    def items(self):
        """All extracted items as (kind, item) pairs, in record order."""
        for cluster in self.clusters:
            yield "cluster", cluster
        for count in self.enterprise_counts:
            yield "enterprise_count", count
        for ranking in self.rankings:
            yield "ranking", ranking
