"""Delivery: channels (SMTP, Twilio, sandbox, recording), the outbox dispatcher, limits."""

from desktop.delivery.channel import Channel, ChannelUnavailable, OutgoingMessage, SendResult
from desktop.delivery.dispatcher import DispatchSummary, dispatch_due
from desktop.delivery.limits import CapWarning, Limits, cap_warnings
from desktop.delivery.sms import SegmentInfo, sms_segments

__all__ = ["CapWarning", "Channel", "ChannelUnavailable", "DispatchSummary", "Limits",
           "OutgoingMessage", "SegmentInfo", "SendResult", "cap_warnings", "dispatch_due",
           "sms_segments"]
