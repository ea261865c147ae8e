"""The register's errors (German messages for the CLI and the review page)."""
from __future__ import annotations

from ..errors import ProtokollantError


class RegisterError(ProtokollantError):
    """The register cannot be opened, migrated or written (database problem)."""


class UnknownItemError(RegisterError):
    """No item (or more than one) has this id or id prefix."""


class InvalidValueError(RegisterError):
    """A status, date or other value given for a review is not valid."""
