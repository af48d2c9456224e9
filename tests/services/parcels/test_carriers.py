"""Carrier guessing on real tracking-number shapes: only a carrier whose pattern alone fits the whole number."""

from __future__ import annotations

import pytest

from kiosk.application.gateways.desk_parcels import CarrierView
from kiosk.services.errors import ValidationFailed
from tests.services.parcels.helpers import desk


@pytest.mark.parametrize(("number", "carrier"), [
    ("SF1234567890123", "SF"),
    ("sf 1234 5678 9012", "SF"),
    ("JDVA12345678901", "JD"),
    ("EA123456789CN", "EMS"),
    ("YT1234567890123", "YTO"),
    ("1Z999AA10123456784", "UPS"),
    ("1Z-999-AA1-0123456784", "UPS"),
    ("773012345678 9", "STO"),
    ("731234567890", ""),  # twelve digits: ZTO's shape and FedEx's, so nobody is guessed
    ("123456789012", "FEDEX"),
    ("ABC", ""),
    ("", ""),
])
def test_guess_on_real_shapes(database, number, carrier):
    assert desk(database).guess_carrier(number) == carrier


def test_the_list_is_editable_and_a_bad_pattern_refused(database):
    gateway = desk(database)
    assert {"SF", "JD", "EMS", "UPS"} <= {c.code for c in gateway.carriers()}
    gateway.save_carrier(CarrierView("JT", "极兔速递", "J&T Express", r"JT\d{13}", True))
    assert desk(database).guess_carrier("JT1234567890123") == "JT"
    gateway.save_carrier(CarrierView("JT", "极兔速递", "J&T Express", r"JT\d{13}", False))
    assert gateway.guess_carrier("JT1234567890123") == ""
    with pytest.raises(ValidationFailed) as refused:
        gateway.save_carrier(CarrierView("bad code!", "", "x", "(", True))
    assert set(refused.value.by_field) == {"code", "name_zh", "tracking_pattern"}
