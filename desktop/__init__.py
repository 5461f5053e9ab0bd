"""Postino's engine: storage, contacts, rules, scheduling, delivery, simulation and statistics.

Nothing in this package imports Qt, so the engine runs headless (service, CLI, tests,
simulation) exactly as it runs under the desktop app.
"""

__version__ = "0.1.0"
