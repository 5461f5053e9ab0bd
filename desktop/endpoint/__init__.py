"""The optional public HTTP endpoint: one-click unsubscribe, tracking and shop webhooks."""
