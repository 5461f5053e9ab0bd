"""Starting and stopping the engine: the workspace lock, one rule check, ``run-once``, and the
long-running service that APScheduler drives."""
