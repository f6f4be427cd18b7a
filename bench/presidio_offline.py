"""A Presidio ``AnalyzerEngine`` that runs offline, with pattern recognizers only.

* NLP engine: presidio's ``SpacyNlpEngine`` with blank pipelines (``spacy.blank("sv")``,
  ``spacy.blank("en")``) instead of downloaded models. Blank pipelines only tokenize; the
  lower-cased token stands in for the lemma so Presidio's context words still work.
* Recognizers: the predefined ones for "sv" and "en" minus the NER-based
  ``SpacyRecognizer`` (a blank pipeline finds no entities), plus the Swedish
  ``SePersonnummerRecognizer`` and ``SeOrganisationsnummerRecognizer`` (off by default),
  the credit-card recognizer for Swedish too, and the phone recognizer for the Swedish,
  British, US, Norwegian and Danish numbering plans.
* Network: ``EmailRecognizer`` validates domains with ``tldextract``, whose default
  extractor downloads the public-suffix list. It is replaced by a subclass using
  ``TLDExtract(suffix_list_urls=(), cache_dir=None)``, i.e. the snapshot bundled with
  tldextract. ``UrlRecognizer`` stays (it does not use tldextract).
"""

from __future__ import annotations

LANGUAGES = ("sv", "en")
PHONE_REGIONS = ("SE", "GB", "US", "NO", "DK")

DESCRIPTION = (
    "Presidio `AnalyzerEngine`, pattern recognizers only: presidio's `SpacyNlpEngine` with "
    "blank spaCy pipelines (`spacy.blank`, no model download; lower-cased tokens as lemmas), "
    "predefined recognizers for sv and en without `SpacyRecognizer`, plus "
    "`SePersonnummerRecognizer`, `SeOrganisationsnummerRecognizer`, `CreditCardRecognizer` "
    "for sv, `PhoneRecognizer` for SE/GB/US/NO/DK. `EmailRecognizer` replaced by a subclass "
    "whose tldextract has `suffix_list_urls=()` (bundled suffix snapshot, never the network); "
    "`UrlRecognizer` kept (it does not use tldextract)."
)


def build_analyzer():
    """Return a loaded, offline ``AnalyzerEngine`` for Swedish and English."""
    import spacy
    import tldextract
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import SpacyNlpEngine
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        PhoneRecognizer,
        SeOrganisationsnummerRecognizer,
        SePersonnummerRecognizer,
    )

    offline_tld = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    class OfflineEmailRecognizer(EmailRecognizer):
        def validate_result(self, pattern_text: str) -> bool:
            return offline_tld(pattern_text).fqdn != ""

    class BlankSpacyNlpEngine(SpacyNlpEngine):
        def __init__(self) -> None:
            super().__init__(models=[{"lang_code": lang, "model_name": f"blank:{lang}"}
                                     for lang in LANGUAGES])

        def load(self) -> None:
            self.nlp = {lang: spacy.blank(lang) for lang in LANGUAGES}

        def _doc_to_nlp_artifact(self, doc, language):
            artifacts = super()._doc_to_nlp_artifact(doc, language)
            artifacts.lemmas = [token.lower_ for token in doc]
            return artifacts

    nlp_engine = BlankSpacyNlpEngine()
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=list(LANGUAGES))
    registry.load_predefined_recognizers(languages=list(LANGUAGES), nlp_engine=nlp_engine)
    for name in ("SpacyRecognizer", "EmailRecognizer", "PhoneRecognizer"):
        registry.remove_recognizer(name)
    for lang in LANGUAGES:
        registry.add_recognizer(OfflineEmailRecognizer(supported_language=lang))
        registry.add_recognizer(PhoneRecognizer(supported_language=lang,
                                                supported_regions=PHONE_REGIONS))
    registry.add_recognizer(CreditCardRecognizer(supported_language="sv"))
    registry.add_recognizer(SePersonnummerRecognizer())
    registry.add_recognizer(SeOrganisationsnummerRecognizer())
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine,
                          supported_languages=list(LANGUAGES))


def recognizer_names(engine) -> list[str]:
    """``Name (lang)`` for every recognizer in the engine, for the report."""
    return sorted(f"{r.name} ({r.supported_language})" for r in engine.registry.recognizers)


if __name__ == "__main__":
    analyzer = build_analyzer()
    print("\n".join(recognizer_names(analyzer)))
    sample = "Ring 070-123 45 67 eller mejla anna@exempel.se, pnr 811218-9876."
    for result in analyzer.analyze(sample, language="sv"):
        print(result.entity_type, sample[result.start:result.end], round(result.score, 2))
