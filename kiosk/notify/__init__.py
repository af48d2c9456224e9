"""Senders: e-mail (smtplib, with QR and calendar entry) and chat/SMS (apprise), plus the texts they send.

Plain messages in, delivery results out: nothing here opens a database or knows a service.
The dispatch loop (``kiosk.application.notification_loop``) claims outbox rows and hands them
here; the host-reply pages are a front end of their own (``kiosk.web``). See docs/notifications.md.
"""
