"""Sites belong to an organisation; a comment becomes a channel-neutral message plus its widget part.

Existing rows are carried over with their ids: each comment becomes a message with the same
id (so edit tokens, links and the moderation log still point at it) and a widget part that
keeps its thread, parent, e-mail, address, HTML and staff badge.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import connection, migrations, models

# Reasons were sentences before they had codes; the opening words named the rule.
_OLD_REASON_CODES = [
    ("model:", "model"), ("threat:", "rule.threat"), ("insult aimed at a person", "rule.insult_aimed"),
    ("repeats a misconception", "rule.misconception"), ("insult noted", "insult_noted"), ("insult:", "insult"),
    ("obviously unlawful", "unlawful"), ("language not one of", "review.language"),
    ("low confidence", "review.low_confidence"), ("urgent:", "urgent"), ("route to", "route"),
    ("no fact in the facts file", "fact.missing"),
]


def _coded(triage):
    if not isinstance(triage, dict) or not triage.get("reasons"):
        return triage or {}
    reasons = []
    for reason in triage["reasons"]:
        if isinstance(reason, dict):
            reasons.append(reason)
            continue
        code = next((c for prefix, c in _OLD_REASON_CODES if str(reason).startswith(prefix)), "other")
        reasons.append({"code": code, "text": str(reason)})
    return {**triage, "reasons": reasons}


def organisations_for_sites(apps, schema_editor):
    Organisation = apps.get_model("core", "Organisation")
    Site = apps.get_model("comments", "Site")
    for site in Site.objects.order_by("pk"):
        name = (site.privacy_controller or site.operator or site.name).strip()[:160] or f"Site {site.pk}"
        organisation, _created = Organisation.objects.get_or_create(name=name, defaults={
            "sector": site.sector, "language": site.language, "data_controller": site.privacy_controller,
            "privacy_contact": site.privacy_contact, "privacy_url": site.privacy_url})
        site.organisation = organisation
        site.save(update_fields=["organisation"])


def comments_to_messages(apps, schema_editor):
    Old = apps.get_model("comments", "Comment")
    New = apps.get_model("comments", "WidgetComment")
    Message = apps.get_model("messaging", "Message")
    Event = apps.get_model("comments", "ModerationEvent")
    shared = ["author", "text", "status", "category", "action", "confidence", "toxicity", "needs_review",
              "possibly_unlawful"]
    for old in Old.objects.select_related("thread__site").order_by("pk").iterator(chunk_size=500):
        triage = _coded(old.triage)
        message = Message(id=old.pk, organisation_id=old.thread.site.organisation_id,
                          source="import" if old.imported_from else "widget",
                          direction="out" if old.staff_id else "in", triage=triage,
                          urgency=str(triage.get("urgency", "")) if isinstance(triage, dict) else "",
                          published_at=old.created, **{f: getattr(old, f) for f in shared})
        message.save(force_insert=True)
        # auto_now_add set "received" to now: keep the original time.
        Message.objects.filter(pk=old.pk).update(created=old.created)
        # raw: store only the widget part; the message row above is its parent.
        New(message_ptr_id=old.pk, thread_id=old.thread_id, parent_id=None, depth=old.depth,
            email=old.email, html=old.html, held_by_site=old.held_by_site, staff_id=old.staff_id,
            staff_name=old.staff_name, staff_role=old.staff_role,
            staff_organisation=old.staff_organisation, ip_address=old.ip_address,
            edited=old.edited, imported_from=old.imported_from).save_base(raw=True, force_insert=True)
    for old in Old.objects.exclude(parent_id=None).values("pk", "parent_id").iterator(chunk_size=2000):
        New.objects.filter(pk=old["pk"]).update(parent_id=old["parent_id"])
    for event in Event.objects.values("pk", "comment_id").iterator(chunk_size=2000):
        Event.objects.filter(pk=event["pk"]).update(widget_comment_id=event["comment_id"])
    if connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT setval(pg_get_serial_sequence('messaging_message', 'id'), "
                           "COALESCE((SELECT MAX(id) FROM messaging_message), 1), "
                           "(SELECT COUNT(*) > 0 FROM messaging_message))")


class Migration(migrations.Migration):

    dependencies = [
        ("comments", "0003_retention_and_depth"),
        ("core", "0001_initial"),
        ("messaging", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The organisation, taken from each site's data controller (or operator, or name).
        migrations.AddField(
            model_name="site", name="organisation",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="sites",
                                    to="core.organisation", verbose_name="organisation"),
        ),
        migrations.RunPython(organisations_for_sites, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="site", name="organisation",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="sites",
                                    to="core.organisation", verbose_name="organisation"),
        ),
        migrations.RemoveField(model_name="site", name="sector"),
        migrations.RemoveField(model_name="site", name="privacy_controller"),
        migrations.RemoveField(model_name="site", name="privacy_contact"),
        migrations.RemoveField(model_name="site", name="privacy_url"),
        # The widget part of a comment, on top of a message with the same id.
        migrations.CreateModel(
            name="WidgetComment",
            fields=[
                ("message_ptr", models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE,
                                                     parent_link=True, primary_key=True, serialize=False,
                                                     to="messaging.message")),
                ("depth", models.PositiveSmallIntegerField(default=0, editable=False, verbose_name="depth")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="e-mail")),
                ("html", models.TextField(editable=False, verbose_name="rendered text")),
                ("held_by_site", models.BooleanField(default=False, help_text="Pre-moderation applied when it was written.",
                                                     verbose_name="held by the site's rules")),
                ("staff_name", models.CharField(blank=True, max_length=120, verbose_name="staff name")),
                ("staff_role", models.CharField(blank=True, max_length=120, verbose_name="staff role")),
                ("staff_organisation", models.CharField(blank=True, max_length=160,
                                                        verbose_name="staff organisation")),
                ("ip_address", models.GenericIPAddressField(blank=True, null=True, verbose_name="IP address")),
                ("edited", models.DateTimeField(blank=True, null=True, verbose_name="edited")),
                ("imported_from", models.CharField(blank=True, max_length=200, verbose_name="imported from")),
                ("parent", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                             related_name="+", to="comments.widgetcomment",
                                             verbose_name="reply to")),
                ("staff", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                            related_name="+", to=settings.AUTH_USER_MODEL,
                                            verbose_name="staff member")),
                ("thread", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                             to="comments.thread", verbose_name="thread")),
            ],
            bases=("messaging.message",),
        ),
        migrations.AddField(
            model_name="moderationevent", name="widget_comment",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                    to="comments.widgetcomment"),
        ),
        migrations.RunPython(comments_to_messages, migrations.RunPython.noop),
        migrations.RemoveField(model_name="moderationevent", name="comment"),
        migrations.DeleteModel(name="Comment"),
        migrations.RenameModel(old_name="WidgetComment", new_name="Comment"),
        migrations.RenameField(model_name="moderationevent", old_name="widget_comment", new_name="comment"),
        migrations.AlterField(
            model_name="moderationevent", name="comment",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="events",
                                    to="comments.comment", verbose_name="comment"),
        ),
        migrations.AlterField(
            model_name="comment", name="parent",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="replies", to="comments.comment", verbose_name="reply to"),
        ),
        migrations.AlterField(
            model_name="comment", name="staff",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="staff_comments", to=settings.AUTH_USER_MODEL,
                                    verbose_name="staff member"),
        ),
        migrations.AlterField(
            model_name="comment", name="thread",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="comments",
                                    to="comments.thread", verbose_name="thread"),
        ),
        migrations.AlterModelOptions(
            name="comment",
            options={"ordering": ["created", "id"], "permissions": [("reply_as_staff", "Can reply as verified staff")],
                     "verbose_name": "comment", "verbose_name_plural": "comments"},
        ),
        migrations.AddIndex(
            model_name="comment", index=models.Index(fields=["thread", "depth"], name="comment_thread_depth"),
        ),
        migrations.DeleteModel(name="RateCounter"),
    ]
