"""The composition root: the only place that wires the program together.

:func:`~dor_desktop.bootstrap.app.open_app` reads the settings, chooses practice or the legal
register, migrates it (after a backup) and returns an
:class:`~dor_desktop.services.context.AppContext`; :mod:`~dor_desktop.bootstrap.sync` builds the sync
service for it, against the real DOR or the bundled sandbox. The command line and the window both
start here; nothing else imports this package, and nothing else imports :mod:`dor_desktop.sandbox`.
"""
