"""Sending the outbox: e-mail (smtplib), chat and SMS (apprise), and the host-reply web endpoint.

Nothing here imports Qt. The kiosk hosts a ``Dispatcher`` in a worker thread
(``start_in_kiosk``); ``kioskctl notify-worker`` runs ``run_notify_worker``;
``kioskctl serve`` runs ``kiosk.web.host_replies.serve``. See docs/notifications.md.
"""
