"""The simulation timeline page: controls, timeline widget and the table of sends."""
