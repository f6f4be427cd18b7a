"""Write a validated policy (or a facts file) back to TOML, for versions edited in a form.

The TOML keeps every key the loader reads, so ``parse_policy(policy_to_toml(p)) == p``;
comments of a hand-written file are not kept.
"""

from __future__ import annotations

from typing import Any

import tomli_w
from pydantic import BaseModel

from omdome.policy.schema import Policy


def _plain(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", by_alias=True)


def policy_to_toml(policy: Policy) -> str:
    """The policy as TOML text that the loader reads back to the same policy."""
    data = _plain(policy)
    # A readable order: what an administrator edits first, the long rule texts last.
    order = ["schema", "products", "organisation", "words", "document", "confidential", "contact", "topics",
             "positions", "settings", "rules"]
    return tomli_w.dumps({key: data[key] for key in order if key in data}, multiline_strings=True)


def model_to_toml(model: BaseModel) -> str:
    """Any of the core's TOML-backed models (a facts file, say) as TOML."""
    return tomli_w.dumps(_plain(model), multiline_strings=True)
