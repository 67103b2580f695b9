"""Pydantic models: the extracted record and the rule files."""

from schemas.record import (
    Cluster,
    EnterpriseCount,
    Evidence,
    Place,
    Ranking,
    Record,
)

__all__ = ["Cluster", "EnterpriseCount", "Evidence", "Place", "Ranking", "Record"]
