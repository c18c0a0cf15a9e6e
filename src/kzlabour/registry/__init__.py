"""One identity per organisation and person across letters, languages, scripts and spellings.

`read_registry` reads the curated entities of `registry/`; `resolve_letters`
links every party and `about` entry of the letters to them (creating new
entities for names the registry lacks, reporting ambiguous ones); `Index`
holds the matching rule and the ranked search behind `Dataset.find`.
"""

from kzlabour.registry.match import Index, Match, same_word
from kzlabour.registry.resolve import Decision, Mention, Resolution, resolve_letters
from kzlabour.registry.store import Registry, RegistryError, read_registry

__all__ = [
    "Decision",
    "Index",
    "Match",
    "Mention",
    "Registry",
    "RegistryError",
    "Resolution",
    "read_registry",
    "resolve_letters",
    "same_word",
]
