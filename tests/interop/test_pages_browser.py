"""The catalog's web pages in a real browser: Debian's Chromium, headless, driven by selenium through
Debian's chromedriver, against the release binary the rest of the suite uses. What boto3 creates is
what the pages show; searches and the reverse lookup find it; the diagram draws it; the template
link downloads the API's template byte for byte; hostile names run nothing; and the pages fit a
phone without sideways scrolling. Screenshots of the catalog and an API page at laptop and phone
widths are saved under the test artifacts folder (`REGISTRY_ARTIFACTS`, default
`.artifacts/screenshots`); `docs/` holds the current ones."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from pathlib import Path

import pytest
import requests
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DEFAULT_BINARY
from helpers import ALB_LISTENER_ARN
from registry_server import RegistryServer

# The driver and the browser are Debian's; selenium must never try to fetch one.
os.environ.setdefault("SE_OFFLINE", "true")

LAPTOP = (1366, 900)
PHONE = (390, 844)
ARTIFACTS = Path(os.environ.get("REGISTRY_ARTIFACTS") or Path(__file__).resolve().parents[2] / ".artifacts")


def chromium_binary() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise AssertionError("no Chromium: scripts/install-deps installs Debian's chromium and chromium-driver")


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_binary()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={LAPTOP[0]},{LAPTOP[1]}", "--force-device-scale-factor=1", "--lang=en-US"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def word() -> str:
    return "b" + uuid.uuid4().hex[:12]


def visit(browser, base_url: str, path: str, width_height=LAPTOP):
    browser.set_window_size(*width_height)
    browser.get(base_url + path)
    assert "Integration Registry" in browser.title, browser.page_source[:500]


def submit(box):
    """Submits the form `box` is in and waits for the next page to have loaded."""
    navigate_with(box, box.submit)


def follow(element):
    """Clicks `element` (a link or a form's button) and waits for the next page to have loaded."""
    navigate_with(element, element.click)


def navigate_with(element, action):
    """Runs `action` on `element` and waits until another page than the current one has loaded: a
    click or a submit returns before the navigation it starts has happened."""
    browser = element.parent
    old = browser.find_element(By.TAG_NAME, "html")
    action()
    WebDriverWait(browser, 15).until(
        lambda driver: old.id != driver.find_element(By.TAG_NAME, "html").id
        and driver.execute_script("return document.readyState") == "complete"
        and driver.find_elements(By.TAG_NAME, "main"))


def no_alert_and_no_console_errors(browser):
    try:
        alert = browser.switch_to.alert
        raise AssertionError(f"a script ran: alert {alert.text!r}")
    except NoAlertPresentException:
        pass
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors


def test_catalog_lists_and_searches_what_boto3_created(browser, base_url, client, new_api):
    team, path = word(), word()
    api = new_api(Name=f"shop-{team}", Description="A storefront", Tags={"team": team})
    function = f"arn:aws:lambda:us-east-1:123456789012:function:{word()}"
    integration = client.create_integration(ApiId=api["ApiId"], IntegrationType="AWS_PROXY",
                                            IntegrationUri=function, PayloadFormatVersion="2.0")
    client.create_route(ApiId=api["ApiId"], RouteKey=f"GET /{path}/{{id}}",
                        Target=f"integrations/{integration['IntegrationId']}")

    visit(browser, base_url, "/")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "table.catalog a")]
    assert f"{base_url}/apis/{api['ApiId']}" in links

    # Typed into the search box, by a route path, then by the backend's ARN.
    for text, kind in ((f"/{path}/{{id}}", "route"), (function, "integration")):
        box = browser.find_element(By.NAME, "q")
        box.clear()
        box.send_keys(text)
        submit(box)
        rows = browser.find_elements(By.CSS_SELECTOR, "table.catalog tbody tr")
        assert [row.get_attribute("id") for row in rows] == [f"api-{api['ApiId']}"]
        assert kind in rows[0].find_element(By.CSS_SELECTOR, "ul.matches").text
    # The tag links to the catalog filtered by it.
    follow(browser.find_element(By.LINK_TEXT, f"team: {team}"))
    assert [row.get_attribute("id") for row in browser.find_elements(By.CSS_SELECTOR, "table.catalog tbody tr")] == [
        f"api-{api['ApiId']}"]
    no_alert_and_no_console_errors(browser)


def test_reverse_lookup_lists_every_route_reaching_a_function(browser, base_url, client, new_api):
    function = f"arn:aws:lambda:us-east-1:123456789012:function:{word()}"
    expected = set()
    for n in range(3):
        api = new_api(Name=f"user-{n}-{word()}")
        integration = client.create_integration(ApiId=api["ApiId"], IntegrationType="AWS_PROXY",
                                                IntegrationUri=function, PayloadFormatVersion="2.0")
        for key in (f"GET /r{n}", f"POST /r{n}"):
            route = client.create_route(ApiId=api["ApiId"], RouteKey=key,
                                        Target=f"integrations/{integration['IntegrationId']}")
            expected.add(f"{base_url}/apis/{api['ApiId']}#route-{route['RouteId']}")
    other = new_api(Name=f"other-{word()}")
    client.create_integration(ApiId=other["ApiId"], IntegrationType="AWS_PROXY", IntegrationUri=function + "-v2",
                              PayloadFormatVersion="2.0")

    visit(browser, base_url, "/backends")
    box = browser.find_element(By.NAME, "target")
    box.send_keys(function)
    submit(box)
    found = {a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "table.uses td a")
             if "#route-" in a.get_attribute("href")}
    assert found == expected
    assert "3 APIs, 6 routes on this page" in browser.page_source
    no_alert_and_no_console_errors(browser)


def test_api_page_diagram_and_downloads(browser, base_url, client, raw, new_api, new_vpc_link, downloads):
    api = new_api(Name=f"diagram-{word()}")
    link = new_vpc_link()
    lambdas = [client.create_integration(ApiId=api["ApiId"], IntegrationType="AWS_PROXY", PayloadFormatVersion="2.0",
                                         IntegrationUri=f"arn:aws:lambda:us-east-1:123456789012:function:fn{n}")
               for n in range(2)]
    private = client.create_integration(ApiId=api["ApiId"], IntegrationType="HTTP_PROXY", IntegrationMethod="ANY",
                                        IntegrationUri=ALB_LISTENER_ARN, ConnectionType="VPC_LINK",
                                        ConnectionId=link["VpcLinkId"], PayloadFormatVersion="1.0")
    for n, integration in enumerate(lambdas + [private] * 3):
        client.create_route(ApiId=api["ApiId"], RouteKey=f"GET /path{n}",
                            Target=f"integrations/{integration['IntegrationId']}")

    visit(browser, base_url, f"/apis/{api['ApiId']}")
    wide = browser.find_element(By.CSS_SELECTOR, "svg.wide")
    assert len(wide.find_elements(By.CSS_SELECTOR, "g.node.integration")) == 3
    assert len(wide.find_elements(By.CSS_SELECTOR, "g.node.backend")) == 3
    assert {node.get_attribute("data-integration")
            for node in wide.find_elements(By.CSS_SELECTOR, "g.node.integration")} == {
        i["IntegrationId"] for i in lambdas + [private]}
    assert wide.is_displayed() and not browser.find_element(By.CSS_SELECTOR, "svg.narrow").is_displayed()
    # Every entity links to the next: route → integration → backend → reverse lookup; VPC link page.
    browser.find_element(By.CSS_SELECTOR, f"a[href='/vpclinks/{link['VpcLinkId']}']")

    for previous in downloads.iterdir():
        previous.unlink()
    browser.find_element(By.PARTIAL_LINK_TEXT, "CloudFormation template (JSON)").click()
    deadline = time.monotonic() + 20
    files = []
    while time.monotonic() < deadline:
        files = [f for f in downloads.iterdir() if not f.name.endswith(".crdownload") and not f.name.startswith(".")]
        if files:
            break
        time.sleep(0.1)
    assert len(files) == 1, list(downloads.iterdir())
    served = raw.get(f"/v2/apis/{api['ApiId']}/template")
    assert served.status_code == 200
    assert files[0].read_bytes() == served.content
    no_alert_and_no_console_errors(browser)


@pytest.mark.parametrize("name", ["<script>alert('pwned')</script>", "<img src=x onerror=alert(1)>",
                                  "\"><svg onload=alert(1)>"])
def test_hostile_names_run_nothing(browser, base_url, client, new_api, name):
    marker = word()
    api = new_api(Name=name, Description=f"{marker} <script>alert(2)</script>")
    client.create_route(ApiId=api["ApiId"], RouteKey=f"GET /{marker}")
    for path in (f"/?q={marker}", f"/apis/{api['ApiId']}"):
        visit(browser, base_url, path)
        no_alert_and_no_console_errors(browser)
        assert browser.execute_script("return document.querySelectorAll('main script, main img').length") == 0
        assert name in browser.find_element(By.TAG_NAME, "main").text


def test_pages_fit_a_phone_and_screenshots(browser, base_url, client, new_api, new_vpc_link):
    marker = word()
    # A few neighbours, so the catalog shows what a team's looks like.
    new_api(Name=f"chat-{marker}", ProtocolType="WEBSOCKET", Description="Live order updates for the storefront",
            Tags={"team": "checkout"})
    inventory = new_api(Name=f"inventory-{marker}", Description="Stock levels behind the private load balancer",
                        Tags={"team": "warehouse", "env": "prod"})
    link = new_vpc_link()
    private = client.create_integration(ApiId=inventory["ApiId"], IntegrationType="HTTP_PROXY", IntegrationMethod="ANY",
                                        IntegrationUri=ALB_LISTENER_ARN, ConnectionType="VPC_LINK",
                                        ConnectionId=link["VpcLinkId"], PayloadFormatVersion="1.0")
    for key in ("GET /stock/{sku}", "PUT /stock/{sku}", "GET /warehouses"):
        client.create_route(ApiId=inventory["ApiId"], RouteKey=key, Target=f"integrations/{private['IntegrationId']}")
    new_api(Name=f"payments-{marker}", Description="Card and wallet payments", Tags={"team": "payments"})
    api = new_api(Name=f"orders-{marker}", Description="Orders, carts and checkout for the web shop",
                  Tags={"team": "checkout", "env": "prod"})
    integrations = [client.create_integration(
        ApiId=api["ApiId"], IntegrationType="AWS_PROXY", PayloadFormatVersion="2.0",
        IntegrationUri=f"arn:aws:lambda:us-east-1:123456789012:function:orders-{name}") for name in ("read", "write")]
    for n, key in enumerate(["GET /orders", "GET /orders/{orderId}", "POST /orders", "PUT /orders/{orderId}",
                             "DELETE /orders/{orderId}", "GET /orders/{orderId}/items/{itemId}/very/long/path/segment"]):
        client.create_route(ApiId=api["ApiId"], RouteKey=key,
                            Target=f"integrations/{integrations[0 if key.startswith('GET') else 1]['IntegrationId']}")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for label, size in (("laptop", LAPTOP), ("phone", PHONE)):
        for page, path in (("catalog", "/"), ("api", f"/apis/{api['ApiId']}")):
            visit(browser, base_url, path, size)
            overflow = browser.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{page} scrolls sideways by {overflow}px at {label} width"
            if page == "api":
                drawing = "svg.narrow" if label == "phone" else "svg.wide"
                assert browser.find_element(By.CSS_SELECTOR, drawing).is_displayed()
            browser.save_screenshot(str(ARTIFACTS / f"{page}-{label}.png"))
            assert (ARTIFACTS / f"{page}-{label}.png").stat().st_size > 10_000
    no_alert_and_no_console_errors(browser)


@pytest.fixture(scope="module")
def signed_server(tmp_path_factory):
    """A server with an auth file: a reader and an editor with bearer tokens."""
    workdir = tmp_path_factory.mktemp("registry-pages-auth")
    tokens = {"viewer": "v-" + uuid.uuid4().hex, "deployer": "d-" + uuid.uuid4().hex}
    auth = workdir / "auth.json"
    auth.write_text(json.dumps({"principals": [
        {"name": "viewer", "role": "reader", "tokenSha256": [hashlib.sha256(tokens["viewer"].encode()).hexdigest()]},
        {"name": "deployer", "role": "editor",
         "tokenSha256": [hashlib.sha256(tokens["deployer"].encode()).hexdigest()]}]}))
    os.chmod(auth, 0o600)
    server = RegistryServer(Path(os.environ.get("REGISTRY_BIN") or DEFAULT_BINARY), workdir,
                            extra_args=["--auth-file", str(auth)])
    base = server.start()
    try:
        yield base, tokens
    finally:
        assert server.stop() == 0


def test_sign_in_cookie_and_roles(browser, signed_server):
    base, tokens = signed_server
    created = requests.post(f"{base}/v2/apis", json={"name": f"guarded-{word()}", "protocolType": "HTTP"},
                            headers={"Authorization": f"Bearer {tokens['deployer']}"}, timeout=30)
    assert created.status_code == 201, created.text
    api = created.json()["apiId"]
    browser.delete_all_cookies()

    # Without a session the catalog shows only the sign-in form, then returns where it was.
    browser.get(f"{base}/apis/{api}")
    assert "/signin?next=" in browser.current_url
    assert browser.find_elements(By.CSS_SELECTOR, "table") == []
    box = browser.find_element(By.NAME, "token")
    box.send_keys("not-a-token")
    submit(box)
    assert "That token is not valid here." in browser.find_element(By.TAG_NAME, "main").text
    box = browser.find_element(By.NAME, "token")
    box.send_keys(tokens["viewer"])
    submit(box)
    assert browser.current_url == f"{base}/apis/{api}"
    assert "Signed in as viewer (reader)" in browser.find_element(By.TAG_NAME, "header").text
    cookie = browser.get_cookie("registry_session")
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Strict" and cookie["secure"] is False
    assert "expiry" in cookie, "the session cookie expires"
    assert tokens["viewer"] not in cookie["value"]
    # The session reads what the page links to (the template download) and never writes, whatever
    # the role.
    jar = {"registry_session": cookie["value"]}
    assert requests.get(f"{base}/v2/apis/{api}/template", cookies=jar, timeout=30).status_code == 200
    refused = requests.post(f"{base}/v2/apis", json={"name": "x", "protocolType": "HTTP"}, cookies=jar, timeout=30)
    assert refused.status_code == 403 and refused.headers["x-amzn-ErrorType"].startswith("MissingAuthenticationToken")
    # And no script on the page could try: the policy lets the page fetch nothing.
    outcome = browser.execute_async_script(
        "const done = arguments[0]; fetch('/v2/apis', {method: 'POST', body: '{}'})"
        ".then(r => done('sent ' + r.status), () => done('blocked'));")
    assert outcome == "blocked"
    no_alert_and_no_console_errors_but(browser, ["Content Security Policy", "/signin - Failed to load resource: the server responded with a status of 401"])

    # An editor signs in the same way and sees its role; signing out ends the session.
    follow(browser.find_element(By.CSS_SELECTOR, "header form.who button"))
    assert "/signin" in browser.current_url
    browser.get(f"{base}/")
    assert "/signin?next=" in browser.current_url
    box = browser.find_element(By.NAME, "token")
    box.send_keys(tokens["deployer"])
    submit(box)
    assert "Signed in as deployer (editor)" in browser.find_element(By.TAG_NAME, "header").text
    assert api in browser.page_source
    browser.delete_all_cookies()


def no_alert_and_no_console_errors_but(browser, expected: list[str]):
    """As no_alert_and_no_console_errors, allowing the refusals the test provoked (`expected` texts)."""
    errors = [entry for entry in browser.get_log("browser")
              if entry["level"] == "SEVERE" and not any(text in entry["message"] for text in expected)]
    assert errors == [], errors
