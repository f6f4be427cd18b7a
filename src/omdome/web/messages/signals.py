"""What a channel announces about its messages, for the apps that follow them up (cases, rules).

Both are sent inside the transaction that stores the message, so whatever a receiver stores
because of it (a case opened, linked or reopened) is stored with the message or not at all.
"""

from django.dispatch import Signal

# A new incoming message, stored. Arguments: ``message``; ``conversation``, where on its channel it
# was written (a page's thread, a post); ``writer``, who wrote it as the channel knows them. Sent for
# what arrives live, not for history brought in by an import.
message_received = Signal()

# A reply by staff, stored. Arguments: ``reply``; ``in_reply_to``, the message it answers, or None.
reply_sent = Signal()

# A person's decision about a message, stored: ``message``; ``decision``, a stable code
# ("relabelled", "handled", "reopened", "hidden", "shown"); ``by``, who decided. Sent inside the
# decision's transaction; a receiver that tells another system waits for the commit.
message_decided = Signal()
