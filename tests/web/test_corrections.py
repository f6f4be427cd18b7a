"""The inbox's corrections of triage become training data that ``omdome train`` reads."""

from __future__ import annotations

import json
import shutil

import pytest

from omdome.triage.dataset import read_examples
from omdome.triage.model import shipped_model_dir
from omdome.web.core.models import AuditEntry
from omdome.web.inbox import services
from omdome.web.messages.models import Message
from web.factories import make_comment, make_organisation, make_staff, make_thread, make_user

pytestmark = pytest.mark.django_db

TEXTS = ("Tack för att ni lagade gatlyktan så snabbt!", "Hur ansöker jag om plats i förskolan?",
         "Soporna har inte hämtats på tre veckor.")


@pytest.fixture
def corrected():  # type: ignore[no-untyped-def]
    karin = make_staff()
    thread = make_thread()
    praise, question, complaint = (make_comment(thread, text).comment for text in TEXTS)
    services.relabel(user=karin, message=question, category="complaint")
    services.relabel(user=karin, message=question, category="neutral")  # the last word counts
    services.relabel(user=karin, message=complaint, category="question")
    return karin, praise, question, complaint


def test_the_cli_writes_each_corrected_message_once_with_its_last_category(tmp_path, corrected, capsys):
    from omdome.cli import main

    make_user("admin", "admin")
    out = tmp_path / "corrections.jsonl"
    assert main(["export-corrections", "--by", "admin", "-o", str(out)]) == 0
    examples = read_examples(out)  # the format omdome train reads
    assert sorted((e.text, e.category) for e in examples) == [(TEXTS[1], "neutral"), (TEXTS[2], "question")]
    assert AuditEntry.objects.filter(action="corrections.exported").count() == 1
    assert main(["export-corrections", "--by", "karin", "-o", str(out)]) == 2  # a communicator is no admin
    assert main(["export-corrections", "--by", "nobody", "-o", str(out)]) == 2
    assert main(["export-corrections", "--by", "admin", "--since", "igår", "-o", str(out)]) == 2
    assert "igår" in capsys.readouterr().err


def test_an_admin_downloads_them_and_the_inbox_counts_what_the_model_has_not_learnt(client, corrected, settings,
                                                                                   tmp_path):
    karin, _praise, question, _complaint = corrected
    Message.objects.filter(pk=question.pk).update(status="deleted")  # removed by its writer: left out
    client.force_login(make_user("admin", "admin"))
    response = client.get("/inbox/corrections.jsonl")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in response.content.decode().splitlines()]
    assert rows == [{"text": TEXTS[2], "category": "question", "language": "sv"}]
    assert services.corrections_count(make_organisation()) == 3  # the shipped model learnt none of them
    retrained = tmp_path / "model"
    shutil.copytree(shipped_model_dir(), retrained)
    meta = json.loads((retrained / "model.json").read_text(encoding="utf-8"))
    meta["trained"] = "2999-01-01T00:00:00Z"  # trained after every correction so far
    (retrained / "model.json").write_text(json.dumps(meta), encoding="utf-8")
    settings.OMDOME_TRIAGE_MODEL = str(retrained)
    assert services.corrections_count(make_organisation()) == 0
    client.force_login(karin)
    assert client.get("/inbox/corrections.jsonl").status_code == 403
