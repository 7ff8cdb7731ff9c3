"""The use cases, once, for the command line and the window alike (no Qt, no argparse).

Each module is one area of the shop's work: the purchase session, register reads, sales, alerts,
settings changes, retention. They take an :class:`~dor_desktop.services.context.AppContext` built
by :mod:`dor_desktop.bootstrap` and never know which front end called them.
"""
