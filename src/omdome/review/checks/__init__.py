"""The checks behind rules 1–4, one module per concern; ``CHECKERS`` lists them in order."""

from omdome.review.checks import (
    expertise,
    identity,
    opinion,
    position,
    privacy,
    public,
    respect,
    tone,
)

CHECKERS = (
    identity.run,
    expertise.run,
    opinion.run,
    position.run,
    tone.run,
    privacy.run,
    respect.run,
    public.run,
)
