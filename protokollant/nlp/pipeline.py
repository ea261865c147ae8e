"""Building the German spaCy pipeline: a statistical model when installed, else blank("de").

The pipeline is described in spaCy's config system (models/pipeline.cfg): its [nlp] and
[components] sections are the offline pipeline; [protokollant] says which statistical
models are tried and which of the components are added to one. A deployment changes
it without touching code.
"""
from __future__ import annotations

import importlib.util
import weakref
from functools import lru_cache

import spacy
from spacy.language import Language
from thinc.api import Config

from ..errors import ProtokollantError
from ..paths import models_dir
from . import components as _components  # noqa: F401  (registers the factories)
from . import numbers
from . import roles as _roles  # noqa: F401  (registers the sentence-role factory)

BLANK = "blank"


CONFIG_FILE = "pipeline.cfg"
SETTINGS = "protokollant"


def _config() -> Config:
    return Config().from_disk(models_dir() / CONFIG_FILE)


def installed_model(candidates: list[str]) -> str | None:
    """The first candidate spaCy package that is importable (no download is ever tried)."""
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def _register_institutions() -> None:
    # Registered on import; kept separate so a missing optional module fails loudly here.
    from . import institutions  # noqa: F401  (registers the factory)


def build_pipeline(model: str = "auto") -> Language:
    """A fresh pipeline. ``model``: "auto" (best installed statistical model, else
    blank), "blank", or a spaCy package name / path that must be installed."""
    _register_institutions()
    config = _config()
    settings = config[SETTINGS]
    if model == "auto":
        model = installed_model(settings["statistical_models"]) or BLANK
    if model == BLANK:
        spacy_config = Config({key: value for key, value in config.items() if key != SETTINGS})
        nlp = spacy.util.load_model_from_config(spacy_config, auto_fill=True, validate=True)
        nlp.meta["protokollant_pipeline"] = "blank:de"
    else:
        try:
            nlp = spacy.load(model)
        except OSError as e:
            raise ProtokollantError(
                f"spaCy-Modell {model!r} ist nicht installiert. Installieren mit "
                f"'python -m spacy download {model}' oder --model auto/blank verwenden."
            ) from e
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        nlp.meta["protokollant_pipeline"] = model
        for name in settings["project_components"]:
            component = dict(config["components"][name])
            nlp.add_pipe(component.pop("factory"), name=name, config=component)
    numbers.install(nlp.vocab)  # before the first text: lexemes keep the flags they are created with
    # initialize() would reset a statistical model's weights; initialise only our components.
    for name, proc in nlp.pipeline:
        if name == "lemmatizer" and model == BLANK:
            proc.initialize()
        elif name.startswith("protokollant_") and hasattr(proc, "initialize"):
            proc.initialize(nlp=nlp)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(model: str = "auto") -> Language:
    """Cached pipeline per model setting (loading lemma tables takes about a second)."""
    return build_pipeline(model)


def pipeline_info(nlp: Language) -> dict:
    """Name, versions and components of a pipeline (computed once per pipeline object)."""
    cached = _INFO.get(nlp)
    if cached is None or cached["components"] != list(nlp.pipe_names):
        cached = _INFO[nlp] = _pipeline_info(nlp)
    return dict(cached, components=list(cached["components"]))


_INFO: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _pipeline_info(nlp: Language) -> dict:
    from .. import __version__

    name = nlp.meta.get("protokollant_pipeline", "blank:de")
    return {
        "name": name,
        "version": None if name.startswith("blank") else nlp.meta.get("version"),
        "spacy_version": spacy.__version__,
        "protokollant_version": __version__,
        "components": list(nlp.pipe_names),
    }
