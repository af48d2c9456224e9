"""Every table belongs to an area the desk can follow, so a new table cannot be forgotten."""

from __future__ import annotations

import pytest

from kiosk.db.changes import TABLE_AREAS, areas_of_tables
from kiosk.domain.changes import ALL_AREAS, Area, format_areas, parse_areas
from kiosk.models import Base


def test_every_table_has_an_area():
    missing = sorted(set(Base.metadata.tables) - set(TABLE_AREAS))
    assert missing == [], f"add these tables to TABLE_AREAS in kiosk/db/changes.py: {missing}"


def test_the_mapping_names_no_table_that_is_gone():
    assert sorted(set(TABLE_AREAS) - set(Base.metadata.tables)) == []


def test_every_area_has_a_table_to_follow():
    assert {area for area in TABLE_AREAS.values() if area is not None} == set(Area)


@pytest.mark.parametrize(("tables", "areas"), [
    (["visits", "access_tokens", "audit_events"], {Area.VISITS, Area.AUDIT}),
    (["hosts"], {Area.DIRECTORY}),
    (["data_changes"], set()),
    ([], set()),
])
def test_tables_become_areas(tables, areas):
    assert areas_of_tables(tables) == areas


@pytest.mark.expect_log("no area")
def test_a_table_without_an_area_counts_as_every_area():
    assert areas_of_tables(["visits", "parcels_from_the_future"]) == ALL_AREAS


def test_area_lists_round_trip_and_skip_names_from_newer_versions():
    assert format_areas({Area.VISITS, Area.AUDIT}) == "audit,visits"
    assert parse_areas("audit, visits,lockers") == {Area.AUDIT, Area.VISITS}  # "lockers": a newer version's area
    assert parse_areas("") == frozenset()
