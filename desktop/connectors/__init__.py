"""Connectors pull data into the workspace (a shop's PC has no public address for webhooks).

Each connector is a ``Poller`` (``base.py``) run by the engine's one scheduler; its network
work happens outside the database lock and its writes go through the events and contacts
writers in one transaction together with its cursor.
"""
