"""E-mail addresses, wherever they come in (invitations, the host directory, its CSV import): exactly one address.

``a,evil@x.example`` used to be accepted as a visitor's e-mail, and the mail server was then handed
``a`` (or worse) as the recipient. Lists, display names, quoted local parts and IP literals are refused;
what is kept is one normalised address.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.models import Host, Visitor
from kiosk.services.directory import hosts
from kiosk.services.errors import ValidationFailed
from kiosk.services.visits import invitations
from tests.factories import SITE, add_host

NOT_ONE_ADDRESS = [
    "a,evil@x.example",  # a comma: smtplib and servers split on it
    "a@x.example, b@y.example",  # two addresses
    "a@x.example;b@y.example",
    '"a"@x.example',  # quoted local part
    '"a,evil"@x.example',
    "Li Lei <a@x.example>",  # a display name
    "<a@x.example>",
    "a@[192.0.2.1]",  # an IP literal
    "a@localhost",  # no domain of its own
    "a@corp.local",  # a reserved name
    "a@@x.example",
    "a@x",  # no dot
    "@x.example",
    "a@x.example\r\nBcc: evil@y.example",  # header injection
    "a\u202e@x.example",  # a bidi override
    "not-an-email",
]
NORMALISED = {
    "Zhang.Wei@Example.COM": "zhang.wei@example.com",
    "  li.na@example.com  ": "li.na@example.com",
    "a@bücher.de": "a@bücher.de",  # an international domain, kept as people read it
    "a@xn--bcher-kva.de": "a@bücher.de",  # ... and the same address typed in its ASCII form
    "a@BÜCHER.de": "a@bücher.de",
    "用户@例子.广告": "用户@例子.广告",
    "first.last+kiosk@sub.example.org": "first.last+kiosk@sub.example.org",
}


def _invite(database, host_id: int, email: str):
    with database.unit_of_work("staff:amy") as uow:
        return invitations.create_invitation(uow, site_code=SITE, host_id=host_id, visitor_name="Jane Doe",
                                             phone="13800138000", email=email)


@pytest.mark.parametrize("email", NOT_ONE_ADDRESS)
def test_an_invitation_refuses_anything_but_one_address(database, email):
    host = add_host(database)
    with pytest.raises(ValidationFailed) as err:
        _invite(database, host.id, email)
    assert err.value.by_field["email"].code == "invalid_email"
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visitor.email)).all() == []


@pytest.mark.parametrize(("typed", "kept"), NORMALISED.items())
def test_an_invitation_keeps_the_normalised_address(database, typed, kept):
    host = add_host(database)
    _invite(database, host.id, typed)
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Visitor.email)).all() == [kept]


@pytest.mark.parametrize("email", NOT_ONE_ADDRESS)
def test_a_host_typed_in_refuses_anything_but_one_address(database, email):
    with pytest.raises(ValidationFailed) as err, database.unit_of_work("staff:amy") as uow:
        hosts.add_host(uow, name="张伟", email=email, department="Sales")
    assert err.value.by_field["email"].code == "invalid_email"
    with database.unit_of_work(write=False) as uow:
        assert uow.session.scalars(select(Host.email)).all() == []


def test_the_host_import_reports_such_lines_and_saves_the_good_ones(database):
    data = (
        "name,department,email,phone\n"
        "王芳,销售部,Wang.Fang@Example.com,\n"
        '赵六,销售部,"a,evil@x.example",\n'
        '钱七,销售部,"q@x.example, r@y.example",\n'
        '孙八,销售部,"""sun""@x.example",\n'
        "周九,销售部,zhou@xn--bcher-kva.de,\n"
    ).encode()
    with database.unit_of_work("cli") as uow:
        report = hosts.import_hosts_csv(uow, data)
    assert report.created == 2
    assert [p.line for p in report.problems] == [3, 4, 5]
    assert all("email" in p.message for p in report.problems)
    with database.unit_of_work(write=False) as uow:
        assert sorted(uow.session.scalars(select(Host.email))) == ["wang.fang@example.com", "zhou@bücher.de"]


def test_a_host_is_found_by_any_spelling_of_the_same_address(database):
    add_host(database, email="zhou@bücher.de")
    with database.unit_of_work(write=False) as uow:
        assert hosts.find_host_by_email(uow, "Zhou@XN--BCHER-KVA.DE").email == "zhou@bücher.de"
