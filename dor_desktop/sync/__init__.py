"""Synchronisation with the DOR: the outbox drainer, hits, the pre-purchase check.

The UI and the command line use :class:`dor_desktop.sync.service.SyncService` (built by
:func:`dor_desktop.bootstrap.sync.build_sync_service`) and the plain shapes in
:mod:`dor_desktop.sync.api`. Behind it: :mod:`~dor_desktop.sync.transport` (the adapter boundary)
with :mod:`~dor_desktop.sync.http_client` (the contract over HTTPS), :mod:`~dor_desktop.sync.drainer`,
:mod:`~dor_desktop.sync.notifications`, :mod:`~dor_desktop.sync.backoff`,
:mod:`~dor_desktop.sync.owner_lock` and :mod:`~dor_desktop.sync.credentials`.
"""
