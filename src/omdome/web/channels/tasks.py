"""Background work for the channels, run by ``omdome worker``."""

from __future__ import annotations

from django_tasks import task


@task()
def sync_channel(channel_id: int) -> dict[str, object]:
    from omdome.web.channels import services

    result = services.sync(channel_id)
    return {"stored": result.stored, "seen": result.seen, "error": result.error}


@task()
def sync_due_channels() -> int:
    """Every minute: a sync for each channel whose next attempt has come (later after errors)."""
    from omdome.web.channels import services

    due = services.due()
    for channel_id in due:
        sync_channel.enqueue(channel_id)
    return len(due)
