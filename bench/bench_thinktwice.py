"""The think-twice check through the whole app: POST /api/review and the page's htmx request.

Rerun with ``make bench`` or ``uv run python -m bench.bench_thinktwice``. Production settings on a
fresh SQLite file, in-process requests (Django's test client): the server's own time for each
request — token or session, the organisation's adopted policy, the employee's profile, the rule
1–4 review of a ~500-character draft, the per-day finding counts, the JSON or HTML answer.
Target ([4/10]): p95 ≤ 50 ms for the API and the page's first answer; the page's second answer
(``/think-twice/meaning/``, with the model of meaning) is timed on the first 100 drafts, without a target.
"""

from __future__ import annotations

import json
import tempfile

from bench.bench_comments import row, setup_app, timed
from bench.pii_corpus import build_corpus, long_drafts
from bench.results import write_section

READING_DRAFTS = 100
CORPUS_SIZE = 2000  # source drafts; joined into ~780 texts of 480-520 characters, as bench_review does


def main() -> None:
    texts = [text for _language, text in long_drafts(build_corpus(CORPUS_SIZE))]
    with tempfile.TemporaryDirectory() as folder:
        client = setup_app(folder)
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from omdome.web.core.models import Organisation
        from omdome.web.people.models import StaffProfile
        from omdome.web.policies import services as policies
        from omdome.web.thinktwice import services

        organisation = Organisation.objects.get(name="Bench")
        admin = get_user_model().objects.create_user("bench", first_name="Anna", last_name="Lind")
        admin.groups.add(Group.objects.get(name="admin"))
        StaffProfile.objects.create(user=admin, organisation=organisation, real_name="Anna Lind",
                                    role="Kommunikatör", employer="Bench", expertise="kommunikation")
        draft = policies.start_from_template(organisation=organisation, actor=admin, language="sv", sector="public")
        draft = policies.revise(version=draft, actor=admin, changes={"confidential": {"terms": ["Projekt Tranan"]}})
        policies.acknowledge(user=admin, version=policies.approve(version=draft, actor=admin))
        _token, secret = services.create_token(user=admin, name="bench")

        def api(text: str):  # type: ignore[no-untyped-def]
            response = client.post("/api/review", json.dumps({"text": text}), content_type="application/json",
                                   HTTP_AUTHORIZATION=f"Bearer {secret}")
            assert response.status_code == 200, response.content

        page_client = type(client)()
        page_client.force_login(admin)

        def page(text: str):  # type: ignore[no-untyped-def]
            response = page_client.post("/think-twice/", {"text": text, "account": "personal"},
                                        HTTP_HX_REQUEST="true")
            assert response.status_code == 200, response.content

        def reading(text: str):  # type: ignore[no-untyped-def]
            response = page_client.post("/think-twice/meaning/", {"text": text, "account": "personal"},
                                        HTTP_HX_REQUEST="true")
            assert response.status_code == 200, response.content

        api(texts[0])
        page(texts[0])  # first requests load the lexicons
        reading(texts[0])  # and the embedding
        api_times = timed([lambda t=t: api(t) for t in texts])
        page_times = timed([lambda t=t: page(t) for t in texts])
        reading_times = timed([lambda t=t: reading(t) for t in texts[:READING_DRAFTS]])
    lengths = sorted(len(t) for t in texts)
    rows = ["| request | per second | p50 ms | p95 ms | p99 ms |", "|---|--:|--:|--:|--:|",
            row(f"POST /api/review (personal token, JSON), {len(texts)} drafts", api_times),
            row(f"POST /think-twice/ (htmx, session, marked-up HTML), {len(texts)} drafts", page_times),
            row(f"POST /think-twice/meaning/ (the second answer, with the model of meaning), first "
                f"{READING_DRAFTS} drafts", reading_times)]
    text = "\n".join([
        "## Think twice through the app", "",
        f"{len(texts)} drafts of {lengths[0]}–{lengths[-1]} characters (Swedish and English, with planted "
        "personal data, joined from `bench/pii_corpus.py`), checked against an adopted policy with a "
        "confidential term, as an employee with a profile. One process, in-process requests (Django's test "
        "client), production settings, SQLite in WAL mode. Target: p95 ≤ 50 ms for the API and the page's "
        "first answer (the rules); the page's second answer, read with the model of meaning, comes after it "
        "and has no target.", "",
        *rows,
    ])
    print(text)
    write_section("thinktwice", text)


if __name__ == "__main__":
    main()
