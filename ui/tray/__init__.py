"""The tray: Postino keeps sending with its window closed.

``controller.Tray`` owns the icon, its menu and the window's close behaviour; ``single``
makes one process per workspace; ``notices`` tells the user what they must act on and
notices a wake from sleep; ``signals`` turns SIGTERM into a clean Quit. Everything the tray
does goes through the running engine (the ``engine.paused`` setting plus ``wake``, a sweep,
or a "check this rule now" request), never a dispatch of its own.
"""
