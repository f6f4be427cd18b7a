"""The policy as data: rules, the checks that enforce them, messages, versions and templates."""

from omdome.policy.loader import PolicyError, builtin_policy, load_policy, parse_policy
from omdome.policy.schema import Check, Policy, Rule

__all__ = ["Check", "Policy", "PolicyError", "Rule", "builtin_policy", "load_policy", "parse_policy"]
