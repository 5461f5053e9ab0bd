"""Delivery: channels (SMTP, Twilio, sandbox, recording), the outbox dispatcher, limits.

The dispatcher is run by the engine's tick (``desktop/service/tick.py``) only."""

from desktop.delivery.channel import Channel, ChannelUnavailable, OutgoingMessage, SendResult
from desktop.delivery.dispatcher import DispatchSummary
from desktop.delivery.limits import CapWarning, Limits, cap_warnings
from desktop.delivery.sms import SegmentInfo, sms_segments

__all__ = ["CapWarning", "Channel", "ChannelUnavailable", "DispatchSummary", "Limits",
           "OutgoingMessage", "SegmentInfo", "SendResult", "cap_warnings",
           "sms_segments"]  # dispatching goes through desktop.service.tick, never straight here
