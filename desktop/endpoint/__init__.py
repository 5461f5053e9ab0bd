"""The optional public endpoint: one-click unsubscribe, click and open tracking, shop webhooks.

Off by default. When ``endpoint.enabled`` is on, the engine runs an aiohttp server on its own
asyncio loop in its own thread (``runner``), with its own SQLite connection on one more
thread (``worker``), bound to ``endpoint.host:endpoint.port`` (127.0.0.1 unless the user
changes it). The shop's reverse proxy or tunnel maps ``endpoint.public_url`` onto it.

``config`` and ``health`` import no aiohttp: the dispatcher asks ``health.live`` whether to
put https links in a message, and that must stay cheap to import.
"""
