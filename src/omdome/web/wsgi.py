"""The WSGI application for gunicorn (``omdome serve`` outside development mode)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "omdome.web.settings")
application = get_wsgi_application()

from omdome.web.comments.fastread import ThreadReadCache  # noqa: E402 (needs the settings above)
from omdome.web.comments.fastwrite import CommentWriteLane  # noqa: E402

application = ThreadReadCache(CommentWriteLane(application))


def _warm_up() -> None:
    """Load the triage model and the language detectors as the worker starts, not on the first comment
    after a restart."""
    from omdome.text.language import preload
    from omdome.triage.model import load_model

    load_model(os.environ.get("OMDOME_TRIAGE_MODEL") or None)
    preload()


_warm_up()
# What is loaded by now (Django, the model's vocabulary) lives as long as the process: keep it out of
# the garbage collector's full passes, which otherwise walk it again and again under load.
gc.freeze()
