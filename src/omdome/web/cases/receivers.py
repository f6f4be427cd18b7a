"""Cases follow what the channels announce: a writer's new message, a reply by staff."""

from __future__ import annotations

from omdome.web.cases import services


def follow_writer(sender, *, message, conversation: str, writer: str,  # type: ignore[no-untyped-def]
                  follow_up_later: bool = False, **kwargs) -> None:
    """Connected to message_received and message_followed_up: the writer's case is found or
    opened once, by whichever of the two the channel says does the follow-up."""
    if not follow_up_later:
        services.message_received(message=message, conversation=conversation, writer=writer)


def count_reply(sender, *, reply, in_reply_to, **kwargs) -> None:  # type: ignore[no-untyped-def]
    services.reply_sent(reply=reply, in_reply_to=in_reply_to)
