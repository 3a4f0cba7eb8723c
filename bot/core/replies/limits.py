"""Discord's platform limits, named once (see shared/DISCORD_LIMITS.md)."""

MESSAGE_CONTENT = 2000
EMBEDS_PER_MESSAGE = 10
EMBED_TOTAL = 6000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER_TEXT = 2048
URL = 2048
AUTOCOMPLETE_CHOICES = 25
CHOICE_NAME = 100
CHOICE_VALUE = 100
ACTION_ROWS = 5
BUTTONS_PER_ROW = 5
CUSTOM_ID = 100
BUTTON_LABEL = 80
EPHEMERAL_FLAG = 64
# the largest file a member may upload to a server without boosts; an interaction states its own limit
# (attachment_size_limit: more in a boosted server, or from a Nitro member)
ATTACHMENT_BYTES = 10 * 1024 * 1024
