"""What a channel announces about its messages, for the apps that follow them up (cases, rules).

Each is sent inside a transaction that stores what it announces, so whatever a receiver stores
because of it (a case opened, linked or reopened) is stored with it or not at all.
"""

from django.dispatch import Signal

# A new incoming message, stored. Arguments: ``message``; ``conversation``, where on its channel it
# was written (a page's thread, a post); ``writer``, who wrote it as the channel knows them. Sent for
# what arrives live, not for history brought in by an import. ``follow_up_later``: True when the
# channel sends message_followed_up for the same message a moment later (receivers whose work need
# not be done while the writer waits do it then).
message_received = Signal()

# A stored message flagged as possibly unlawful (a threat, incitement) only after it was received: the
# background re-score found what the first triage missed. Arguments: ``message``. Receivers act as on
# a new message with the flag (a communicator is told at once).
message_flagged = Signal()

# A new message's follow-up, done in the background: the comment widget stores a reader's comment
# at once and the worker sends this soon after, in batches, in the transaction that clears the
# comment's follow-up outbox. Arguments as message_received.
message_followed_up = Signal()

# A reply by staff, stored. Arguments: ``reply``; ``in_reply_to``, the message it answers, or None.
reply_sent = Signal()

# A person's decision about a message, stored: ``message``; ``decision``, a stable code
# ("relabelled", "handled", "reopened", "hidden", "shown"); ``by``, who decided. Sent inside the
# decision's transaction; a receiver that tells another system waits for the commit.
message_decided = Signal()
