"""Web pre-registration figures: page weight, server p95 under 50 concurrent clients, approval -> e-mail.

    .venv/bin/python benchmarks/bench_web.py [--clients 50] [--rounds 4] [--approvals 10]

Against the real thing on loopback: ``kioskctl serve`` and ``kioskctl notify-worker`` as their own processes
on a temporary SQLite database, e-mail to aiosmtpd in its own process (tests/browser/web_site.py).

* Page weight: ``/visit`` and ``/host`` (HTML plus every stylesheet and script they link; no photos), held
  to 100 KB; and whether anything is fetched from elsewhere (fonts, scripts: none allowed).
* Server time per request under ``--clients`` concurrent clients (asyncio + httpx, one kept-alive connection
  each, opened before timing;
  every client its own ``X-Forwarded-For`` address, which the server trusts from loopback, so each counts
  against its own rate limits as real visitors would): ``GET /visit``, ``GET /visit/hosts?q=``, ``POST
  /visit`` with the page's CSRF token (a real pre-registration, e-mailing the host). Baseline: ``GET
  /healthz`` under the same load.
* Approval -> e-mail: a host signs in by the e-mailed link and approves ``--approvals`` waiting requests
  one after another; each time runs from the approve POST's answer to the moment the SMTP server accepted
  the visitor's invitation e-mail (the dispatcher polls every 0.5 s, as in the kiosk).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser.web_site import HOSTS, Host, WebSite, links_in, wait_for_mail
from tests.notify.smtp_server import SmtpServer

WEIGHT_TARGET = 100 * 1024
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
ASSETS = re.compile(r'<(?:link[^>]+href|script[^>]+src)="([^"]+)"')
EXTERNAL = re.compile(r"""(?:https?:)?//(?!127\.0\.0\.1)[\w.-]+""")
BENCH_HOSTS = tuple(Host(f"Bench{n:03d} Host", f"bench{n:03d}@example.com", "Bench") for n in range(80))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def page_weight(site: WebSite) -> None:
    print("page weight (HTML + CSS + JS, no photos; target <= 100 KB, nothing from elsewhere):")
    with httpx.Client(base_url=site.base, follow_redirects=True) as client:
        for path in ("/visit", "/host"):
            page = client.get(path)
            assets = ASSETS.findall(page.text)
            sizes = {str(page.url.path): len(page.content)}
            for asset in assets:
                sizes[asset.split("?")[0]] = len(client.get(asset).content)
            external = sorted(set(EXTERNAL.findall(page.text)) | {
                found for asset in assets if asset.endswith(".css") for found in EXTERNAL.findall(
                    client.get(asset).text)})
            total = sum(sizes.values())
            parts = ", ".join(f"{name} {size / 1024:.1f}" for name, size in sizes.items())
            verdict = "ok" if total <= WEIGHT_TARGET and not external else "OVER" if external == [] else "EXTERNAL"
            print(f"  {path:7s} {total / 1024:6.1f} KB  ({parts})  external: {external or 'none'}  [{verdict}]")


async def timed(client: httpx.AsyncClient, method: str, url: str, times: list[float], **options: object) -> str:
    started = time.perf_counter()
    answer = await client.request(method, url, **options)  # type: ignore[arg-type]
    times.append(time.perf_counter() - started)
    if answer.status_code >= 400:
        raise RuntimeError(f"{method} {url}: {answer.status_code}")
    return answer.text


async def visitor(site: WebSite, number: int, rounds: int, refs: list[str], times: dict[str, list[float]]) -> None:
    headers = {"X-Forwarded-For": f"10.{number // 250}.{number % 250}.{(number * 7) % 250 + 1}"}
    async with httpx.AsyncClient(base_url=site.base, headers=headers, timeout=30) as client:
        await client.get("/healthz")  # the connection is opened before the clock runs
        for round_ in range(rounds):
            page = await timed(client, "GET", "/visit", times["GET /visit"])
            [token] = CSRF.findall(page)
            await timed(client, "GET", f"/visit/hosts?q=Bench{(number + round_) % len(refs):03d}",
                        times["GET /visit/hosts?q="])
            host_ref = refs[(number * rounds + round_) % len(refs)]
            day = (datetime.now(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=2)).isoformat()
            phone = f"1380013{number:02d}{round_:02d}"
            form = {"csrf_token": token, "name": f"Visitor {number}-{round_}", "phone": phone,
                    "email": f"visitor{number}.{round_}@example.org", "host_ref": host_ref, "visit_date": day,
                    "start": "10:00", "end": "11:00", "purpose": "meeting", "party_size": "1", "action": "send"}
            await timed(client, "POST", "/visit", times["POST /visit (CSRF ok)"], data=form)


async def baseline(site: WebSite, number: int, requests: int, times: list[float]) -> None:
    async with httpx.AsyncClient(base_url=site.base, timeout=30) as client:
        await client.get("/healthz")  # the connection is opened before the clock runs
        for _ in range(requests):
            await timed(client, "GET", "/healthz", times)


def host_refs(site: WebSite) -> list[str]:
    refs = []
    for n, host in enumerate(BENCH_HOSTS):
        with httpx.Client(base_url=site.base, headers={"X-Forwarded-For": f"10.200.{n // 250}.{n % 250 + 1}"}) as c:
            [match] = [h for h in c.get("/visit/hosts", params={"q": host.name.split()[0]}).json()["hosts"]
                       if h["name"] == host.name]
            refs.append(match["ref"])
    return refs


def load(site: WebSite, args: argparse.Namespace) -> None:
    refs = host_refs(site)
    kinds = ("GET /visit", "GET /visit/hosts?q=", "POST /visit (CSRF ok)")
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    health: list[float] = []

    async def run() -> float:
        started = time.perf_counter()
        await asyncio.gather(*(baseline(site, n, args.rounds * 3, health) for n in range(args.clients)))
        middle = time.perf_counter()
        await asyncio.gather(*(visitor(site, n, args.rounds, refs, times) for n in range(args.clients)))
        return time.perf_counter() - middle + 0 * started

    elapsed = asyncio.run(run())
    total = sum(len(v) for v in times.values())
    print(f"server time per request, {args.clients} concurrent clients, {total} requests in {elapsed:.1f} s "
          f"({total / elapsed:.0f}/s):")
    print(f"  {'GET /healthz (baseline)':28s} p50 {statistics.median(health) * 1000:7.1f} ms   "
          f"p95 {percentile(health, 0.95) * 1000:7.1f} ms   ({len(health)} requests)")
    for kind in kinds:
        values = times[kind]
        print(f"  {kind:28s} p50 {statistics.median(values) * 1000:7.1f} ms   "
              f"p95 {percentile(values, 0.95) * 1000:7.1f} ms   ({len(values)} requests)")


def approvals(site: WebSite, args: argparse.Namespace) -> None:
    host = HOSTS[0]
    day = (datetime.now(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=3)).isoformat()
    with httpx.Client(base_url=site.base, timeout=30, follow_redirects=True) as visitor_:
        [choice] = [h for h in visitor_.get("/visit/hosts", params={"q": host.name}).json()["hosts"]
                    if h["name"] == host.name]
        for n in range(args.approvals):
            token = CSRF.findall(visitor_.get("/visit").text)[0]
            answer = visitor_.post("/visit", headers={"X-Forwarded-For": f"10.250.0.{n + 1}"}, data={
                "csrf_token": token, "name": f"Approved {n}", "phone": f"139001390{n:02d}",
                "email": f"approved{n}@example.org", "host_ref": choice["ref"], "visit_date": day, "start": "14:00",
                "end": "15:00", "purpose": "meeting", "party_size": "1", "action": "send"})
            answer.raise_for_status()
    with httpx.Client(base_url=site.base, timeout=30, follow_redirects=True) as browser:
        mails = len(site.smtp.files())
        token = CSRF.findall(browser.get("/host").text)[0]  # not signed in: the sign-in form
        browser.post("/host/sign-in", data={"csrf_token": token, "email": host.email}).raise_for_status()
        message, _ = wait_for_mail(site.smtp, host.email, after=mails, containing="/host/sign-in/")
        [link] = [url for url in links_in(message, site.base) if "/host/sign-in/" in url]
        token = CSRF.findall(browser.get(link).text)[0]
        browser.post(link, data={"csrf_token": token}).raise_for_status()
        visits = sorted(set(re.findall(r'href="/host/visits/(\d+)"', browser.get("/host").text)))
        latencies = []
        for visit_id in visits[: args.approvals]:
            detail = browser.get(f"/host/visits/{visit_id}").text
            [visitor_name] = re.findall(r'class="who big">([^<]+)<', detail)
            email = f"approved{visitor_name.split()[-1]}@example.org"
            mails = len(site.smtp.files())
            answer = browser.post(f"/host/visits/{visit_id}/approve", data={"csrf_token": CSRF.findall(detail)[0]})
            answer.raise_for_status()
            approved = time.time()
            _message, accepted = wait_for_mail(site.smtp, email, after=mails)
            latencies.append(accepted - approved)
    print(f"host approves -> visitor's invitation accepted by SMTP, {len(latencies)} approvals "
          "(notify-worker polling every 0.5 s):")
    print(f"  p50 {statistics.median(latencies) * 1000:7.1f} ms   p95 {percentile(latencies, 0.95) * 1000:7.1f} ms   "
          f"max {max(latencies) * 1000:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=4, help="form fills per client (each: page, search, post)")
    parser.add_argument("--approvals", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-web-") as folder:
        smtp = SmtpServer(Path(folder) / "mail").start()
        site = WebSite(Path(folder) / "site", smtp, hosts=HOSTS + BENCH_HOSTS)
        try:
            site.start()
            page_weight(site)
            load(site, args)
            approvals(site, args)
        finally:
            site.stop()
            smtp.stop()


if __name__ == "__main__":
    main()
