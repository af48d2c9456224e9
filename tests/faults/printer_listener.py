"""A network badge printer on loopback that can be unplugged, run out of paper or stall mid-job.

It speaks just enough ESC/POS: every ``DLE EOT n`` status query it reads is answered with a
status byte (ready, or offline with "paper end" while out of paper); everything else is the
badge, kept in ``printed`` once the connection closes. ``stall_after_queries`` makes it stop
reading after answering that many queries (a jammed printer whose buffer filled up).
"""

from __future__ import annotations

import socket
import threading

READY = 0x12  # the fixed bits of every status reply, no condition set
REPLIES_PAPER_OUT = {1: READY | 0x08, 2: READY | 0x20, 3: READY, 4: READY | 0x60}


class PrinterListener:
    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.paper_out = False
        self.stall_after_queries: int | None = None
        self.printed: list[bytes] = []
        self.connections = 0
        self._server: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    @property
    def plugged_in(self) -> bool:
        return self._server is not None

    def plug_in(self) -> PrinterListener:
        server = socket.create_server(("127.0.0.1", self.port))
        server.settimeout(0.05)
        self._server, self._stop = server, threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(server, self._stop), name="fake-printer",
                                        daemon=True)
        self._thread.start()
        return self

    def unplug(self) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        self._stop.set()
        if thread is not None:
            thread.join(5)
        if server is not None:
            server.close()

    def _serve(self, server: socket.socket, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            with connection:
                self._talk(connection, stop)

    def _talk(self, connection: socket.socket, stop: threading.Event) -> None:
        connection.settimeout(0.05)
        received = bytearray()
        answered = 0
        scanned = 0
        while not stop.is_set():
            if self.stall_after_queries is not None and answered >= self.stall_after_queries:
                # Stalled: nothing more is read, so the kiosk's writes fill the buffers and time out.
                stop.wait(0.05)
                continue
            try:
                chunk = connection.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                break
            if not chunk:
                break
            received += chunk
            while (at := received.find(b"\x10\x04", scanned)) != -1 and at + 2 < len(received):
                n = received[at + 2]
                scanned = at + 3
                reply = REPLIES_PAPER_OUT.get(n, READY) if self.paper_out else READY
                connection.sendall(bytes([reply]))
                answered += 1
            scanned = max(scanned, len(received) - 2)
        job = bytes(received).replace(b"\x10\x04\x01", b"").replace(b"\x10\x04\x02", b"").replace(
            b"\x10\x04\x04", b"")
        if b"\x1b@" in job and self.stall_after_queries is None:
            self.printed.append(job)
