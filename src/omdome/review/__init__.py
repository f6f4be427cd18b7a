"""Think twice: a draft, its author and the policy in; findings and a verdict out."""

from omdome.review.draft import DraftError, validate_draft
from omdome.review.findings import Finding, Review
from omdome.review.profile import AuthorProfile, load_profile
from omdome.review.reviewer import review_draft

__all__ = ["AuthorProfile", "DraftError", "Finding", "Review", "load_profile", "review_draft",
           "validate_draft"]
