"""In the browser: a callback that fails says so in a plain sentence, and the page keeps working.

This module serves its own app, in which one view of the trade note ("Gap between reporters") raises,
as a fault in any callback would. The shared fixtures still fail the test on any console error.
"""

from __future__ import annotations

import threading

import pytest
from conftest import _free_port, screenshot, show_table

from callbacks import trade_note
from callbacks.errors import SENTENCE
from kzcn.ids import Id


@pytest.fixture(scope="module")
def server_url():
    from werkzeug.serving import make_server

    from app import create_app

    real = trade_note.note

    def failing(mode, search=None):
        if mode == "gap":
            raise RuntimeError("a fault planted by the test")
        return real(mode, search)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(trade_note, "note", failing)
        app = create_app(warm_static=False)  # register() picks up the planted function
    port = _free_port()
    httpd = make_server("127.0.0.1", port, app.server, threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}"
    httpd.shutdown()


def test_a_failing_callback_shows_a_sentence_and_the_page_still_works(make_page):
    watch = make_page("", timeout=120000)
    page = watch.page
    notice = page.locator(f"#{Id.NOTICE}")
    assert notice.is_hidden()

    page.get_by_text("Gap between reporters", exact=True).click()
    notice.wait_for(state="visible", timeout=20000)
    assert notice.inner_text().strip() == SENTENCE
    assert "fault planted" not in page.content() and "Traceback" not in page.content()
    notice.scroll_into_view_if_needed()
    screenshot(page, "hostile-failing-callback")

    # Not frozen: the other views of the same control still answer, and so do the filters.
    page.get_by_text("Product groups", exact=True).click()
    note = page.locator(f"#{Id.TRADE_NOTE}")
    note.wait_for(state="visible", timeout=20000)
    assert "Colour" in note.inner_text()
    page.locator(f"#{Id.YEAR_MEANING} input[value='started']").check()
    page.wait_for_url("**years=started**", timeout=30000)  # the state callback rewrote the link
    show_table(page)  # the table is built when it comes into view
    page.locator(f"#{Id.PROJECTS_TABLE} tbody tr:not([hidden])").first.click()
    page.wait_for_url("**select=**", timeout=30000)
    page.locator(f"#{Id.DETAILS_PANEL}").get_by_text("Sources").first.wait_for(timeout=30000)
    screenshot(page, "hostile-page-still-works")
