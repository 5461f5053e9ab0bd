"""Simulation: the real engine on a copy of the workspace, with a virtual clock and a
recording channel — who would get what, when, and why others would not."""

from desktop.simulate.now import NowResult, simulate_now
from desktop.simulate.result import NotSent, PlannedSend, SimulationResult
from desktop.simulate.timeline import simulate

__all__ = ["NotSent", "NowResult", "PlannedSend", "SimulationResult", "simulate", "simulate_now"]
