"""The lobby poster: one A4 page whose QR code is exactly the pre-registration page's address, saved by
``kioskctl poster`` (a 0600 file, one clear line without ``[notify] public_url``) and by the desk's
Invitations view ("Lobby poster…")."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

from kiosk.cli import main
from kiosk.devices.printer.painter import poster_image, visit_page_url, write_poster_pdf

URL = "https://visit.example.com/visit"


def _gray(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    array = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return array[:, : image.width()].copy()


def _pdf_pages(path: Path) -> tuple[list[tuple[float, float]], QImage, str]:
    """Each page's size in points, the first page drawn at 100 dpi, and the PDF's text (spaces dropped)."""
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    sizes = [(document.pagePointSize(page).width(), document.pagePointSize(page).height())
             for page in range(document.pageCount())]
    width, height = sizes[0]
    image = document.render(0, QSize(round(width * 100 / 72), round(height * 100 / 72)))
    text = "".join(document.getAllText(page).text() for page in range(document.pageCount()))
    document.close()
    return sizes, image, "".join(text.split())


def _assert_a4_poster_of(path: Path, url: str, site_name: str) -> None:
    sizes, image, text = _pdf_pages(path)
    assert len(sizes) == 1
    width, height = sizes[0]
    assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1  # A4 in points, portrait
    assert [code.text for code in zxingcpp.read_barcodes(_gray(image))] == [url]
    for words in (site_name, "扫码预约来访", "Scan to register your visit", url):
        assert "".join(words.split()) in text


@pytest.mark.parametrize("public_url, page", [
    ("https://visit.example.com", URL), ("https://visit.example.com/", URL),
    ("  https://example.com/lobby/ ", "https://example.com/lobby/visit"), ("", ""), ("   ", ""),
])
def test_the_page_address_is_public_url_slash_visit(public_url, page):
    assert visit_page_url(public_url) == page


def test_the_pdf_is_one_a4_page_whose_qr_is_the_visit_page(qapp, tmp_path):
    target = tmp_path / "poster.pdf"
    write_poster_pdf(target, site_name="华东研发中心 East China R&D", url=URL)
    _assert_a4_poster_of(target, URL, "华东研发中心 East China R&D")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_poppler_draws_the_same_qr(qapp, tmp_path):
    """A second reader (the printer driver's kind) sees the same code: the QR is vector squares, no seams."""
    target = tmp_path / "poster.pdf"
    write_poster_pdf(target, site_name="Lobby", url=URL)
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-singlefile", str(target), str(tmp_path / "page")], check=True)
    assert [code.text for code in zxingcpp.read_barcodes(_gray(QImage(str(tmp_path / "page.png"))))] == [URL]


def test_a_long_site_name_and_address_still_fit_and_decode(qapp):
    long_url = "https://visitors.a-very-long-company-domain-name.example.com/lobby/east-wing/visit"
    image = poster_image(site_name="上海市浦东新区张江高科技园区某某某某研发中心东区 A 座" * 2, url=long_url)
    assert image.width() == 1240 and image.height() == 1754
    assert [code.text for code in zxingcpp.read_barcodes(_gray(image))] == [long_url]


def test_a_folder_that_does_not_exist_is_an_os_error(qapp, tmp_path):
    with pytest.raises(OSError, match="does not exist"):
        write_poster_pdf(tmp_path / "missing" / "poster.pdf", site_name="Lobby", url=URL)


# -- kioskctl poster -----------------------------------------------------------------------------------------------

def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, public_url: str) -> Path:
    for var in ("KIOSK_CONFIG", "KIOSK_DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KIOSK_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f"[database]\nurl = {json.dumps('sqlite:///' + str(tmp_path / 'k.sqlite3'))}\n"
        f"[site]\nname = \"上海总部\"\n[notify]\npublic_url = {json.dumps(public_url)}\n",
        encoding="utf-8",
    )
    return path


def test_kioskctl_poster_writes_a_private_a4_pdf(qapp, tmp_path, monkeypatch, capsys):
    config = _config(tmp_path, monkeypatch, "https://visit.example.com/")
    target = tmp_path / "door.pdf"
    assert main(["--config", str(config), "poster", "--pdf", str(target), "--json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said == {"pdf": str(target), "url": URL, "site": "上海总部"}
    assert target.stat().st_mode & 0o777 == 0o600
    _assert_a4_poster_of(target, URL, "上海总部")
    assert not (tmp_path / "k.sqlite3").exists()  # a poster needs no database


def test_kioskctl_poster_without_public_url_is_one_clear_line(tmp_path, monkeypatch, capsys):
    config = _config(tmp_path, monkeypatch, "")
    assert main(["--config", str(config), "poster", "--pdf", str(tmp_path / "door.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "[notify] public_url" in err
    assert not (tmp_path / "door.pdf").exists()


def test_kioskctl_poster_into_a_missing_folder_is_one_line(tmp_path, monkeypatch, capsys):
    config = _config(tmp_path, monkeypatch, "https://visit.example.com")
    assert main(["--config", str(config), "poster", "--pdf", str(tmp_path / "nope" / "door.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: cannot write") and err.count("\n") == 1
