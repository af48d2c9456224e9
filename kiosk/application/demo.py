"""``kiosk --demo``: a throwaway lobby in a folder, a camera that "sees" an invitation, a file printer.

Everything goes through the real services (seeded by ``kiosk.services.demo``); only the
devices are simulated: the camera is a looped video in which a visitor holds up a
fresh invitation QR for a few seconds, and badges are written to a file.
"""

from __future__ import annotations

from dataclasses import replace
from importlib import resources
from pathlib import Path

import cv2
import numpy as np
import qrcode
from qrcode.image.pil import PilImage

from kiosk.config import DatabaseSettings, Settings, SiteSettings
from kiosk.db import Database
from kiosk.services import demo

VIDEO_NAME = "demo-camera.avi"
FPS = 5
LOOP_SECONDS = 30
CODE_VISIBLE = (2.0, 7.0)  # seconds into the loop while the QR is held up
SIZE = (960, 540)
DEMO_SITE_NAME = "星辰大厦 Star Tower"


def demo_logo() -> str:
    """The demo company's logo, shipped in the package (the welcome screen's brand slot)."""
    return str(resources.files("kiosk") / "assets" / "demo" / "logo.svg")


def demo_settings(base: Settings, folder: Path) -> Settings:
    folder = folder.resolve()
    return replace(
        base,
        database=DatabaseSettings(url=f"sqlite:///{folder / 'kiosk.sqlite3'}"),
        printer=replace(base.printer, kind="file", path=str(folder / "badges.escpos")),
        camera=replace(base.camera, source=str(folder / VIDEO_NAME), debounce_seconds=3.0),
        security=replace(base.security, data_key_file=str(folder / "data.key")),
        site=_demo_site(base.site),
    )


def _demo_site(site: SiteSettings) -> SiteSettings:
    """A site configured with its own name and logo keeps them; an unconfigured one shows the demo company's."""
    if site.logo or site.name != SiteSettings.name:
        return site
    return replace(site, name=DEMO_SITE_NAME, logo=demo_logo())


def seed(database: Database, site_code: str, folder: Path) -> demo.DemoSummary:
    """Fresh demo visitors (``reset``: only a hash of each token is stored, so new tokens need new visits)."""
    with database.unit_of_work("system:demo") as uow:
        summary = demo.seed_demo(uow, site_code=site_code, reset=True)
    for visit in summary.new_tokens:
        if visit.token and visit.status == demo.INVITED:
            qrcode.make(visit.token, image_factory=PilImage).save(str(folder / f"invitation-{visit.visit_id}.png"))
    return summary


def write_camera_video(path: Path, token: str | None) -> None:
    """A calm grey "lobby" and, for a few seconds of every loop, a phone showing the invitation QR."""
    width, height = SIZE
    background = np.full((height, width, 3), (214, 219, 222), np.uint8)
    cv2.rectangle(background, (0, int(height * 0.72)), (width, height), (188, 194, 198), -1)
    phone = _phone_with_qr(token) if token else None
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), FPS, (width, height))
    try:
        for index in range(FPS * LOOP_SECONDS):
            frame = background.copy()
            seconds = index / FPS
            if phone is not None and CODE_VISIBLE[0] <= seconds <= CODE_VISIBLE[1]:
                ph, pw = phone.shape[:2]
                top, left = (height - ph) // 2, (width - pw) // 2
                frame[top:top + ph, left:left + pw] = phone
            writer.write(frame)
    finally:
        writer.release()


def _phone_with_qr(token: str) -> np.ndarray:
    image = qrcode.make(token, image_factory=PilImage, box_size=8, border=3).get_image().convert("RGB")
    code = cv2.cvtColor(np.array(image), cv2.COLOR_RGB2BGR)
    side = 300
    code = cv2.resize(code, (side, side), interpolation=cv2.INTER_NEAREST)
    phone = np.full((side + 120, side + 40, 3), (40, 42, 46), np.uint8)
    phone[60:60 + side, 20:20 + side] = code
    return phone


def first_invitation_token(summary: demo.DemoSummary) -> str | None:
    return next((v.token for v in summary.new_tokens if v.status == demo.INVITED and v.token), None)
