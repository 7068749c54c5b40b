"""Transition shim (layering refactor): use :mod:`helpers.language` instead."""

from helpers.language.catalogs import (  # noqa: F401
    LANGUAGES,
    LOCALE_DIR,
    N_,
    translate,
    translate_plural,
    translations,
)


def translator(language: str):
    return lambda message: translate(language, message)


def plural_translator(language: str):
    return lambda singular, plural, count: translate_plural(language, singular, plural, count)
