"""POST /api/review: the draft check for other tools, with a personal API token."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.security import HttpBearer

from omdome.web.thinktwice import services


class TokenAuth(HttpBearer):
    """Authorization: Bearer omd_… — a token the employee made on /think-twice/tokens/."""

    def authenticate(self, request: HttpRequest, token: str):  # type: ignore[no-untyped-def]
        user = services.user_for_token(token)
        if user is not None:
            request.user = user
        return user


router = Router(tags=["think twice"])


class DraftIn(Schema):
    text: str = Field(max_length=services.MAX_DRAFT, description="The draft, as it would be published")
    account: str = Field("personal", description='"personal" or "official" (the account of the organisation)')
    meaning: bool = Field(False, description="Read each sentence with the model of meaning too: more contempt, "
                                             "secrecy and advice found, about half a second a draft")


class FindingOut(Schema):
    rule: int = Field(description="The policy's rule (1–4) behind the finding")
    code: str = Field(description="Stable code, e.g. pii.personnummer")
    severity: str = Field(description="block, warn or info")
    start: int
    end: int
    excerpt: str = Field(description="The words the finding is about")
    message: str
    suggestion: str


class ReviewOut(Schema):
    verdict: str = Field(description="block (do not publish), warn (think twice) or ok")
    language: str
    policy_hash: str = Field(description="Content hash of the policy the draft was checked against")
    findings: list[FindingOut]


class Problem(Schema):
    code: str
    message: str
    field: str | None = None


@router.post("/review", auth=TokenAuth(), response={200: ReviewOut, 400: Problem, 401: Problem},
             summary="Check a draft against the organisation's policy (rules 1–4)")
def review(request: HttpRequest, data: DraftIn):
    from omdome.policy.loader import content_hash
    from omdome.web.core.organisation import organisation_for
    from omdome.web.policies.services import current_policy

    result = services.check_draft(user=request.user, text=data.text, account=data.account, meaning=data.meaning)
    return {"verdict": result.verdict, "language": result.language,
            "policy_hash": content_hash(current_policy(organisation_for(request.user))),
            "findings": [{**f.to_dict(), "excerpt": data.text[f.start:f.end]} for f in result.findings]}
