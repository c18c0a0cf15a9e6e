"""Provenance of a source text: the sidecar `sources/NAME.yaml` beside each `sources/NAME.txt`."""

from __future__ import annotations

from pydantic import Field

from kzlabour.models.base import KzModel, LanguageCode, PartialDate

__all__ = ["Provenance"]


class Provenance(KzModel):
    """Where a source text was found and under which terms it is kept."""

    title: str = Field(min_length=1, description="a short title of the text")
    url: str | None = Field(None, description="where the text was found, if known")
    retrieved: PartialDate = Field(description="when the text was collected (YYYY-MM-DD)")
    language: LanguageCode = Field(description="main language of the text")
    rights: str = Field(min_length=1, description="the text's own rights and terms of reuse")
    encoding: str | None = Field(
        None, description="original encoding when the text was converted to UTF-8 on import"
    )
