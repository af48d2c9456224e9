"""Every colour the kiosk draws reads against what it is drawn on, in the normal look, in high contrast and
with a company's own accent: the pairs come from the rendered style sheet and the palette, so a colour
added later is checked too. Text 4.5:1 (large text 3:1), icons and rings 3:1; high contrast 7:1."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

import pytest
from PySide6.QtGui import QColor

from kiosk.ui.common.assets import assets_dir
from kiosk.ui.common.theme import (
    BASE_FONT_PX,
    DEFAULT_ACCENT,
    ICON,
    RING,
    TEXT,
    Look,
    Palette,
    contrast_ratio,
    palette_for,
    render_stylesheet,
)

# A sensible company colour, and the ones that would break a naive theme: too pale, too dark, pure.
ACCENTS = (DEFAULT_ACCENT, "#ffd700", "#ffffff", "#f5f7f8", "#000000", "#1a1a2e", "#ff0000", "#00ff00", "#7b8794")
LOOKS = (Look(), Look(high_contrast=True), Look(large_text=True, high_contrast=True))
NORMAL = {TEXT: 4.5, "large": 3.0, ICON: 3.0, RING: 3.0}
HIGH_CONTRAST = {TEXT: 7.0, "large": 7.0, ICON: 7.0, RING: 3.0}
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def _cases() -> list[tuple[str, Look]]:
    return [(accent, look) for accent in ACCENTS for look in LOOKS]


def _name(case: tuple[str, Look]) -> str:
    accent, look = case
    return f"{accent}-{'hc' if look.high_contrast else 'normal'}{'-large' if look.large_text else ''}"


CASES = pytest.mark.parametrize("accent, look", _cases(), ids=[_name(c) for c in _cases()])


def _minimums(look: Look) -> dict[str, float]:
    return HIGH_CONTRAST if look.high_contrast else NORMAL


# --- the palette: every foreground against every fill of the group it is meant for ------------------

def _fills(palette: Palette, group: str) -> dict[str, str]:
    return {f.name: getattr(palette, f.name) for f in fields(palette) if f.metadata.get("fill") == group}


def _foregrounds(palette: Palette) -> list[tuple[str, str, str, str]]:
    """(name, colour, group it is drawn on, kind) for every text, icon and ring colour of the palette."""
    return [(f.name, getattr(palette, f.name), f.metadata["on"], f.metadata["kind"])
            for f in fields(palette) if "on" in f.metadata]


def test_the_contrast_ratio_is_wcags() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#7b8794", "#f5f7f8") == pytest.approx(3.41, abs=0.01)  # the muted grey of issue 16
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest AA grey on white


def test_every_colour_of_the_palette_has_a_role() -> None:
    """A new colour must say what it is (a fill, text or an icon on some fills, or a line) to be checked."""
    for f in fields(Palette):
        assert ("fill" in f.metadata) + ("on" in f.metadata) + ("line" in f.metadata) == 1, f.name
        if "on" in f.metadata:
            assert _fills(Palette.from_accent(DEFAULT_ACCENT), f.metadata["on"]), f"{f.name}: no fill to read on"


@CASES
def test_every_palette_foreground_reads_on_every_fill_of_its_group(accent: str, look: Look) -> None:
    palette = palette_for(accent, look)
    failures = []
    for name, colour, group, kind in _foregrounds(palette):
        for fill_name, fill in _fills(palette, group).items():
            ratio = contrast_ratio(colour, fill)
            if ratio < _minimums(look)[kind]:
                failures.append(f"{name} {colour} on {fill_name} {fill}: {ratio:.2f} < {_minimums(look)[kind]}")
    assert not failures


# --- the rendered style sheet: each rule's colour against its own background, else its group's fills ----

@dataclass(frozen=True)
class Selector:
    order: int
    widget: str  # a class name, or "*"
    ident: str
    sub: str  # a sub-control: "item", "handle" ...
    attributes: frozenset[str]  # [role="..."], [invalid="true"] ...
    states: frozenset[str]  # :pressed, :disabled ...

    @property
    def specificity(self) -> tuple[int, int, int, int]:
        return (bool(self.ident), len(self.attributes) + len(self.states) + bool(self.sub), self.widget != "*",
                self.order)

    def applies_to(self, target: Selector) -> bool:
        return (self.widget in ("*", target.widget) and self.ident in ("", target.ident)
                and self.sub in ("", target.sub) and self.attributes <= target.attributes
                and self.states <= target.states)


_SELECTOR = re.compile(r"^(?P<widget>[A-Za-z*]+)(?:#(?P<ident>\w+))?(?P<attributes>(?:\[[^\]]+\])*)"
                       r"(?:::(?P<sub>[\w-]+))?(?P<states>(?::[\w-]+)*)$")


def _rules(sheet: str) -> list[tuple[Selector, dict[str, str]]]:
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.DOTALL)
    rules = []
    for order, (selectors, body) in enumerate(re.findall(r"([^{}]+)\{([^{}]*)\}", sheet)):
        declarations = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                key, value = declaration.split(":", 1)
                declarations[key.strip()] = value.strip()
        for text in selectors.split(","):
            match = _SELECTOR.match(text.strip())
            assert match, f"a selector this test cannot read: {text.strip()!r}"
            rules.append((Selector(
                order, match["widget"], match["ident"] or "", match["sub"] or "",
                frozenset(re.findall(r"\[[^\]]+\]", match["attributes"])),
                frozenset(s for s in match["states"].split(":") if s),
            ), declarations))
    return rules


def _cascade(rules: list[tuple[Selector, dict[str, str]]], target: Selector) -> dict[str, str]:
    merged: dict[str, str] = {}
    for _selector, declarations in sorted((r for r in rules if r[0].applies_to(target)),
                                         key=lambda r: r[0].specificity):
        merged |= declarations
        if "background-color" in declarations:
            merged["background"] = declarations["background-color"]
    return merged


def _colour(value: str | None) -> str | None:
    """The one opaque colour of a background or color value; None for transparent, rgba or none."""
    found = _HEX.findall(value or "")
    return found[0].lower() if len(found) == 1 and "rgba" not in (value or "") else None


def _size(declarations: dict[str, str], look: Look) -> tuple[int, int]:
    px = re.search(r"(\d+)px", declarations.get("font-size", ""))
    weight = re.search(r"\d+", declarations.get("font-weight", "400").replace("bold", "700"))
    return (int(px.group(1)) if px else round(BASE_FONT_PX["kiosk"] * look.font_scale),
            int(weight.group(0)) if weight else 400)


def _is_large(px: int, weight: int) -> bool:
    return px >= 24 or (px * 3 >= 56 and weight >= 700)  # WCAG: 18 pt, or 14 pt (18.66 px) bold


def _sheet(palette: Palette, look: Look) -> str:
    template = (assets_dir() / "themes" / "kiosk.qss").read_text(encoding="utf-8")
    return render_stylesheet(template, palette, "Sans", look.font_scale)


def _drawn_pairs(palette: Palette, look: Look) -> list[tuple[str, str, str, str, str]]:
    """(rule, what, foreground, background, kind) for every colour the rendered sheet draws on something."""
    rules = _rules(_sheet(palette, look))
    groups: dict[str, set[str]] = {}
    for _field, colour, group, _kind in _foregrounds(palette):
        groups.setdefault(colour.lower(), set()).add(group)
    pairs = []
    for selector, _declarations in rules:
        drawn = _cascade(rules, selector)
        if selector.sub:  # an item is drawn on its list when it has no background of its own
            under = _cascade(rules, Selector(0, selector.widget, selector.ident, "", selector.attributes,
                                             selector.states))
            drawn = {"background": under.get("background", "")} | drawn
        kind = "large" if _is_large(*_size(drawn, look)) else TEXT
        name = ", ".join(sorted(filter(None, (selector.widget + selector.ident, *selector.attributes,
                                              *selector.states, selector.sub))))
        background = _colour(drawn.get("background"))
        for what, key, on in (("text", "color", background),
                              ("placeholder", "placeholder-text-color", background),
                              ("selection", "selection-color", _colour(drawn.get("selection-background-color")))):
            foreground = _colour(drawn.get(key))
            if foreground is None:
                continue
            if on is not None:
                pairs.append((name, what, foreground, on, kind))
                continue
            # No background of its own: it is drawn on the fills its palette colour is meant for.
            assert foreground in groups, f"{name}: {what} {foreground} is not a palette colour and has no background"
            for group in sorted(groups[foreground]):
                pairs.extend((name, what, foreground, fill, kind) for fill in _fills(palette, group).values())
    return pairs


@CASES
def test_every_colour_the_style_sheet_draws_reads_on_its_background(accent: str, look: Look) -> None:
    palette = palette_for(accent, look)
    pairs = _drawn_pairs(palette, look)
    assert len(pairs) > 60  # the sheet was read: labels, buttons in each state, fields, lists
    failures = sorted({f"{rule} ({what}) {fg} on {bg}: {contrast_ratio(fg, bg):.2f} < {_minimums(look)[kind]}"
                       for rule, what, fg, bg, kind in pairs if contrast_ratio(fg, bg) < _minimums(look)[kind]})
    assert not failures


def test_the_pairs_include_the_states_a_screenshot_rarely_shows() -> None:
    palette = palette_for(DEFAULT_ACCENT, Look())
    drawn = {(rule, fg, bg) for rule, _what, fg, bg, _kind in _drawn_pairs(palette, Look())}
    assert ('QPushButton, [role="primary"], disabled', palette.ink_muted, palette.pressed) in drawn
    assert ('QPushButton, [role="quiet"], pressed', palette.accent_text_dark, palette.accent_soft) in drawn
    assert ('QPushButton, [role="tile-primary"], pressed', palette.on_accent, palette.accent_dark) in drawn
    assert ('QLabel, [role="tile-sub-inverse"]', palette.on_accent_soft, palette.accent) in drawn
    assert ('QLabel, [role="muted"]', palette.ink_muted, palette.surface) in drawn


def test_a_disabled_button_keeps_its_words_readable_and_shows_it_by_a_dashed_edge() -> None:
    for look in (Look(), Look(high_contrast=True)):
        palette = palette_for(DEFAULT_ACCENT, look)
        rules = _rules(_sheet(palette, look))
        for role in ("", '[role="primary"]', '[role="digit-primary"]'):
            target = Selector(0, "QPushButton", "", "", frozenset({role} - {""}), frozenset({"disabled"}))
            drawn = _cascade(rules, target)
            assert "dashed" in drawn.get("border", "") + drawn.get("border-style", ""), role
            background = _colour(drawn.get("background")) or palette.surface
            assert contrast_ratio(_colour(drawn["color"]) or "", background) >= _minimums(look)[TEXT], role


@pytest.mark.parametrize("look", [Look(), Look(large_text=True)], ids=["normal", "large"])
def test_error_text_is_at_least_24_px(look: Look) -> None:
    rules = _rules(_sheet(palette_for(DEFAULT_ACCENT, look), look))
    errors = [s for s, _d in rules if any("error" in a for a in s.attributes)]
    assert errors
    for selector in errors:
        assert _size(_cascade(rules, selector), look)[0] >= 24, selector


# --- a company's accent: kept when it reads, deepened (same hue) when it does not -------------------

def test_a_readable_accent_is_used_as_it_is() -> None:
    for accent in (DEFAULT_ACCENT, "#1a1a2e", "#b42318"):
        assert Palette.from_accent(accent).accent == accent


def test_a_pale_accent_is_deepened_keeping_its_hue() -> None:
    gold = Palette.from_accent("#ffd700")
    assert contrast_ratio("#ffffff", "#ffd700") < 1.5  # white on the company's gold: unreadable
    assert contrast_ratio(gold.on_accent, gold.accent) >= 4.5
    assert QColor(gold.accent).hslHue() == pytest.approx(QColor("#ffd700").hslHue(), abs=2)
    assert contrast_ratio(gold.accent_text, gold.surface) >= 4.5


def test_a_dark_accent_gets_a_white_edge_in_high_contrast() -> None:
    """Near-black on the black page would hide the primary buttons; their white edge shows where they are."""
    navy = palette_for("#1a1a2e", Look(high_contrast=True))
    assert contrast_ratio(navy.accent, navy.surface) < 3
    assert contrast_ratio(navy.accent_line, navy.surface) >= 3


@pytest.mark.expect_log("is not a colour")
def test_a_colour_that_is_no_colour_falls_back_to_the_teal() -> None:
    assert Palette.from_accent("not-a-colour").accent == DEFAULT_ACCENT
    assert Palette.from_accent("").accent == DEFAULT_ACCENT
