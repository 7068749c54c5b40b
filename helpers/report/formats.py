"""Transition shim (layering refactor): use :mod:`helpers.language` instead. Removed once
every caller passes a :class:`helpers.language.Language`."""

from helpers.language import ENGLISH as _ENGLISH  # noqa: F401
from helpers.language import Language
from helpers.language.formats import (  # noqa: F401
    LOCALES,
    MISSING,
    date,
    locale_for,
    money,
    number,
    percent,
)


class Formats(Language):
    """The old name of :class:`Language`; ``.language`` is its ``.code``."""

    @property
    def language(self) -> str:
        return self.code


ENGLISH = Formats()
