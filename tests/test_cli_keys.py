"""``kioskctl keys init``: the installer makes every key before the first start, private to the account that
runs it; an existing key is never replaced unless named, confirmed, and kept beside the new one."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.application.secrets import load_data_key, load_link_secret
from kiosk.config import load_settings
from tests.cli_harness import CLEARED, Ran, kioskctl_runner

Runner = Callable[..., Ran]


def _install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
             security: str = "", notify: str = "") -> tuple[Runner, Path]:
    """Settings as docs/deploy.md writes them: a keys folder of its own, not made yet."""
    for var in CLEARED:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    keys = tmp_path / "etc" / "keys"
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "kiosk.sqlite3"}"\n\n'
                      f"[security]\nkeys_dir = {json.dumps(str(keys))}\n{security}\n\n[notify]\n{notify}\n",
                      encoding="utf-8")
    return kioskctl_runner(config, capsys), keys


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_init_makes_both_keys_private_to_this_account_and_the_programs_read_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run, keys = _install(tmp_path, monkeypatch, capsys)

    ran = run("keys", "init")

    assert ran.code == 0, ran.err
    data_key, link_key = keys / "data.key", keys / "link.key"
    assert [line.split()[:3] for line in ran.out.splitlines()[1:3]] == [
        ["data", str(data_key), "created"], ["link", str(link_key), "created"]]
    assert f"back up {keys} apart from the database" in ran.out
    assert _mode(keys) == _mode(keys.parent) == 0o700
    assert _mode(data_key) == _mode(link_key) == 0o600
    assert data_key.stat().st_uid == link_key.stat().st_uid == os.geteuid()
    assert sorted(p.name for p in keys.iterdir()) == ["data.key", "link.key"]  # no temporary file left
    settings = load_settings(tmp_path / "kiosk.toml")
    assert load_data_key(settings) == data_key.read_bytes() and len(data_key.read_bytes()) == 32
    assert load_link_secret(settings) == link_key.read_bytes().strip()
    assert not (tmp_path / "kiosk.sqlite3").exists()  # keys need no database


def test_init_again_keeps_both_keys_byte_for_byte_and_says_how_to_replace_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run, keys = _install(tmp_path, monkeypatch, capsys)
    run("keys", "init")
    before = {p.name: p.read_bytes() for p in keys.iterdir()}

    text = run("keys", "init")
    as_json = run("keys", "init", "--json")

    assert text.code == as_json.code == 0
    assert "kept: it is already there (--replace link makes a new one)" in text.out
    assert [(k["key"], k["action"], k["replaced_key_kept_as"]) for k in as_json.json()["keys"]] == [
        ("data", "kept", None), ("link", "kept", None)]
    assert {p.name: p.read_bytes() for p in keys.iterdir()} == before


def test_replacing_the_link_key_keeps_the_old_one_beside_it_and_says_what_stops_working(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run, keys = _install(tmp_path, monkeypatch, capsys)
    run("keys", "init")
    old_link, data = (keys / "link.key").read_bytes(), (keys / "data.key").read_bytes()

    ran = run("keys", "init", "--replace", "link", "--yes")

    assert ran.code == 0, ran.err
    assert "every approve/decline and rating link already sent in a message stops working" in ran.out
    kept = [p for p in keys.iterdir() if p.name.startswith("link.key.replaced-")]
    assert len(kept) == 1 and kept[0].read_bytes() == old_link and _mode(kept[0]) == 0o600
    assert (keys / "link.key").read_bytes() != old_link and _mode(keys / "link.key") == 0o600
    assert (keys / "data.key").read_bytes() == data


def test_replacing_a_key_without_a_terminal_or_yes_is_refused_and_changes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run, keys = _install(tmp_path, monkeypatch, capsys)
    run("keys", "init")
    before = {p.name: p.read_bytes() for p in keys.iterdir()}
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)

    ran = run("keys", "init", "--replace", "data")

    assert ran.code == 1
    assert ran.err == "error: replacing a key needs confirmation; run in a terminal or pass --yes\n"
    assert {p.name: p.read_bytes() for p in keys.iterdir()} == before


def test_the_confirmation_names_what_the_data_key_protects_and_no_keeps_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run, keys = _install(tmp_path, monkeypatch, capsys)
    run("keys", "init")
    data = (keys / "data.key").read_bytes()
    asked: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda question: asked.append(question) or "n")

    ran = run("keys", "init", "--replace", "data")

    assert ran.code == 1 and ran.err == "error: no key was replaced\n"
    assert "the ID numbers already saved" in asked[0] and asked[0].endswith("Replace it? [y/N] ")
    assert (keys / "data.key").read_bytes() == data


def test_a_cut_short_key_is_refused_in_one_line_and_nothing_else_is_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run, keys = _install(tmp_path, monkeypatch, capsys)
    keys.mkdir(mode=0o700, parents=True)
    (keys / "data.key").write_bytes(b"x" * 20)

    ran = run("keys", "init")

    assert ran.code == 1 and ran.out == ""
    assert ran.err == f"error: the ID-number key {keys / 'data.key'} is 20 bytes, not 32; nothing was changed\n"
    assert [p.name for p in keys.iterdir()] == ["data.key"]


def test_a_damaged_key_is_replaced_only_when_named_and_a_folder_in_its_place_never(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run, keys = _install(tmp_path, monkeypatch, capsys)
    keys.mkdir(mode=0o700, parents=True)
    (keys / "link.key").write_bytes(b"short\n")
    (keys / "data.key").mkdir()

    folder = run("keys", "init", "--replace", "data", "--replace", "link", "--yes")
    (keys / "data.key").rmdir()
    replaced = run("keys", "init", "--replace", "link", "--yes", "--json")

    assert folder.code == 1
    assert folder.err == f"error: the ID-number key {keys / 'data.key'} is a folder, not a file; nothing was changed\n"
    assert replaced.code == 0, replaced.err
    actions = {k["key"]: (k["action"], k["replaced_key_kept_as"]) for k in replaced.json()["keys"]}
    assert actions["data"] == ("created", None) and actions["link"][0] == "replaced"
    assert Path(actions["link"][1]).read_bytes() == b"short\n"
    assert len((keys / "link.key").read_bytes().strip()) == 64


def test_a_keys_folder_other_accounts_may_enter_is_refused_with_the_chmod_that_fixes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run, keys = _install(tmp_path, monkeypatch, capsys)
    keys.mkdir(parents=True)
    keys.chmod(0o755)

    ran = run("keys", "init")

    assert ran.code == 1
    assert ran.err == (f"error: the keys folder {keys} is 0755 (other accounts may enter it); "
                       f"chmod 700 {keys} first\n")
    assert list(keys.iterdir()) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can make keys in another account's folder")
def test_root_is_told_to_run_it_as_the_account_that_owns_the_keys_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run, keys = _install(tmp_path, monkeypatch, capsys)
    keys.mkdir(mode=0o700, parents=True)
    os.chown(keys, 65534, 65534)  # nobody: the kiosk's account in this test

    ran = run("keys", "init")

    assert ran.code == 1
    assert f"the keys folder {keys} belongs to nobody, not root; run this as nobody" in ran.err
    assert list(keys.iterdir()) == []


def test_the_key_files_the_settings_name_are_used_and_one_file_for_both_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    own = tmp_path / "own"
    run, keys = _install(tmp_path, monkeypatch, capsys,
                         security=f"data_key_file = {json.dumps(str(own / 'id.key'))}",
                         notify=f"link_secret_file = {json.dumps(str(own / 'links.secret'))}")
    (tmp_path / "same").mkdir()
    same, _ = _install(tmp_path / "same", monkeypatch, capsys,
                       security=f"data_key_file = {json.dumps(str(own / 'one.key'))}",
                       notify=f"link_secret_file = {json.dumps(str(own / 'one.key'))}")

    made = run("keys", "init", "--json")
    refused = same("keys", "init")

    assert [k["file"] for k in made.json()["keys"]] == [str(own / "id.key"), str(own / "links.secret")]
    assert not keys.exists()
    assert refused.code == 1 and "are the same file" in refused.err and refused.err.count("\n") == 1
    assert not (own / "one.key").exists()
