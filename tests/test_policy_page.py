"""The page under its content policy, in headless Chromium.

conftest's make_page fails every browser test on a console error or a content-policy violation, so the
map, filter, export, presenter and pack tests elsewhere all run under this policy. These tests check that
the policy the browser received is the strict one, that the violation check really sees a blocked eval,
and that the one permission the page keeps (the clipboard) still works.
"""

from __future__ import annotations

from conftest import bring_into_view, screenshot

PROBE = "/assets/policy-probe.js"
# What a library would do if it needed 'unsafe-eval': try to evaluate a string and carry on without it.
EVALUATES = """document.addEventListener('securitypolicyviolation', () => { window.__reported = true; });
try { window.__probe = eval('1 + 1'); } catch (err) { window.__probe = err.name; }"""


def test_the_browser_gets_the_strict_policy_and_the_page_runs_under_it(make_page):
    watch = make_page()
    page = watch.page
    policy = page.evaluate("async () => (await fetch('/')).headers.get('content-security-policy')")
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src")).split()[1:]
    assert script_src[0] == "'self'" and all(t.startswith("'sha256-") for t in script_src[1:])
    # Drawn, with every view, under that policy (conftest checks the console and the violations).
    page.wait_for_selector("#border-map .scattergeo .js-line", timeout=15000)
    assert page.locator("#border-map .scattergeo .point").count() > 80
    bring_into_view(page)  # the views below the first screen are drawn as they come into view
    for graph in ("#trade-chart", "#energy-chart", "#timeline-chart"):
        assert page.locator(f"{graph} .main-svg").count() >= 1
    screenshot(page, "policy-page-1920")
    # Chromium warns about a Permissions-Policy feature it does not know; the list names only real ones.
    assert [w for w in watch.warnings if "Permissions-Policy" in w or "Content Security Policy" in w] == []


def test_a_blocked_eval_that_the_script_catches_still_fails_the_test(make_page, server_url):
    """A blocked eval caught by the script leaves nothing in the console; conftest's watch must still
    record it, or "no violation" in the other tests would mean nothing."""
    watch = make_page()
    page = watch.page
    page.route(server_url + PROBE, lambda route: route.fulfill(
        status=200, content_type="text/javascript", body=EVALUATES))
    page.add_script_tag(url=server_url + PROBE)
    page.wait_for_function("() => window.__reported", timeout=5000)
    assert page.evaluate("window.__probe") == "EvalError"  # the policy refused it
    recorded = [e for e in watch.errors if e.startswith("content policy: script-src blocked eval")]
    assert recorded and PROBE in recorded[0]
    watch.errors[:] = [e for e in watch.errors if e not in recorded]


def test_copy_buttons_use_the_clipboard_the_policy_allows(browser, make_page):
    watch = make_page()
    page = watch.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click(".cite-summary")
    page.click(".copy-button[data-copy=cite-bibtex]")
    page.wait_for_function("() => document.querySelector('.copy-status').innerText.length > 0", timeout=5000)
    assert page.inner_text(".copy-status") == "Copied."
    # Reading stays off even where the browser would grant it: the page's policy denies it.
    denied = page.evaluate("() => navigator.clipboard.readText().then(() => 'read', err => err.name)")
    assert denied == "NotAllowedError"
    blocked = [e for e in watch.errors if e.startswith("Permissions policy violation: The Clipboard API")]
    assert len(blocked) == 1  # what the browser says, expected here; any other error still fails the test
    watch.errors.remove(blocked[0])
