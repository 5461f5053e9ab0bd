"""Postino's Qt interface. Calls the engine in ``desktop``; the engine never imports this."""
