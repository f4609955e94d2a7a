"""Enums whose members carry a Chinese label, translated when read and accepted when parsed."""

from __future__ import annotations

import enum

from hrdesk.core.kernel.i18n import tr


class LabeledEnum(str, enum.Enum):
    """A str enum stored by its code; ``label`` is the text users see.

    Subclasses define ``_labels()`` returning {member: source label}; the label goes through tr()
    on every read so that a translator installed later still applies.
    """

    @classmethod
    def _labels(cls) -> dict:  # pragma: no cover - overridden
        raise NotImplementedError

    @classmethod
    def _label_map(cls) -> dict:
        """``_labels()`` built once per class (payroll reads labels hundreds of thousands of times)."""
        cached = cls.__dict__.get("_cached_labels")
        if cached is None:
            cached = cls._labels()
            type.__setattr__(cls, "_cached_labels", cached)
        return cached

    @property
    def label(self) -> str:
        return tr(type(self)._label_map()[self])

    @classmethod
    def parse(cls, text: str):
        """Accept the stored code or the label (source or translated); ValueError otherwise."""
        text = (text or "").strip()
        for member in cls:
            if text in (member.value, member.label, cls._label_map()[member]):
                return member
        raise ValueError(text)

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]
