"""One error family for the whole library, so the CLI has one place that turns them into
``Error: … / Hint: …`` and exit 1 (house rule 5)."""

from __future__ import annotations


class PartnergraphError(Exception):
    """Base error: `message` says what happened, `hint` what to do next."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class ConfigError(PartnergraphError):
    """A setting or option has a value the library cannot use."""


class MovedId(PartnergraphError):
    """An entity or event id that resolution retired (two organizations merged, an event's
    reports regrouped) and the id that took its place (`Store.moved_id`)."""

    def __init__(self, kind: str, old: int, new: int) -> None:
        what = "organization" if kind == "entity" else "event"
        super().__init__(f"{what} {old} is now {what} {new}",
                         hint=f"ids follow what an {what} holds: a later article joined it to "
                              "another or regrouped its reports")
        self.old, self.new = old, new


class SourceError(PartnergraphError):
    """An input could not be read or decoded into a document."""


class BackendUnavailable(PartnergraphError):
    """An extraction backend is unknown or its optional dependencies are missing."""


class StoreError(PartnergraphError):
    """The knowledge-base database cannot be opened, migrated or written."""


class ModelError(PartnergraphError):
    """A model folder is missing, corrupt, or was written for another version."""
