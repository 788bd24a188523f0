/* The projects table: a plain HTML table the page builds once from the rows it holds (the store
 * `project-rows`, every project in the page's language) and then only shows and hides.
 *
 * It replaced a data grid component (dash-ag-grid) whose rows were redrawn after every filter change:
 * 45-55 ms of each click with every view on screen, and 1.3 MB of script for a phone to load when the
 * table came near. About a hundred projects fit in one table; a filter change here sets `hidden` on
 * the rows that change (assets/lazy_views.js decides when, as for the charts).
 *
 * What the grid gave and the table keeps: a header that stays in sight as the rows scroll, sorting by
 * any column (an amount only against amounts in the same currency), a selected row that follows the
 * page's selection and stays in sight, and one Tab stop for the whole table: the arrows move between
 * the column titles and the rows, Enter selects a row, Tab leaves. On a phone, CSS leaves the name,
 * sector, status and years (a row opens the details sheet with everything else).
 *
 * window.kzcnTable: build(box, rows, settings), built(rows), show(rows), select(id), shown().
 */
(function () {
  "use strict";

  const ORDER = ["ascending", "descending", null];  // a title's clicks, as the grid cycled them
  const t = (message) => (window.kzcn && window.kzcn.t ? window.kzcn.t(message) : message);

  let from = null;       // the rows the table was built from
  let body = null;       // its <tbody>
  let scroller = null;   // the box that scrolls it
  let byId = new Map();  // project id → its <tr>
  let rowsById = new Map();
  let shownIds = null;   // the ids the filters let through, or null for all
  let sorted = {field: null, dir: null};
  let selectedId = null;
  let none = null;       // the line shown when the filters leave no project
  let settings = {columns: [], locale: "en"};

  // One formatter per table: the first use of a locale's number format loads its data, a cost taken
  // at build time rather than in a click.
  let amount = null;
  let collator = null;

  function cell(row, col) {
    const td = document.createElement("td");
    td.setAttribute("role", "cell");
    td.className = "col-" + col.field + (col.phone ? " keep" : "");
    const value = row[col.field];
    if (col.kind === "amount") {
      td.classList.add("num");
      td.textContent = value == null ? "" : amount.format(value);
    } else if (col.kind === "sources") {
      const pieces = window.kzcnSourceLinks.pieces(value);
      pieces.forEach(function (piece) {
        if (!piece.href) { td.append(piece.text); return; }
        const a = document.createElement("a");
        a.href = piece.href;
        a.rel = "noopener noreferrer nofollow";
        a.tabIndex = -1;  // the table is one Tab stop; the selected row's panel lists them as links
        a.textContent = piece.text;
        td.append(a);
      });
      // The hover: the sources' names without their addresses.
      td.title = pieces.map((piece) => piece.text).join("");
    } else {
      td.textContent = value == null ? "" : String(value);
    }
    return td;
  }

  function header(col) {
    const th = document.createElement("th");
    th.scope = "col";
    th.setAttribute("role", "columnheader");
    th.className = "col-" + col.field + (col.phone ? " keep" : "");
    if (col.sortable === false) {
      th.textContent = col.title;
      return th;
    }
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.dataset.field = col.field;
    button.tabIndex = -1;
    button.textContent = col.title;
    if (col.tip) button.title = col.tip;
    th.appendChild(button);
    return th;
  }

  // The columns' widths (layouts/table.py) suit English; a Russian "Возобновляемая" or a Kazakh
  // status is longer than its column. A column is widened to its longest word, title or cell, so no
  // word is broken inside (the sources, whose addresses may break anywhere, excepted).
  function fitted(columns, rows, box) {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const family = getComputedStyle(box).fontFamily;
    const pen = document.createElement("canvas").getContext("2d");
    const longest = function (texts, font) {
      pen.font = font;
      let most = 0;
      texts.forEach(function (text) {
        // Chinese text breaks between any two characters: only the Latin runs in it are words.
        String(text).split(/[\s\u2e80-\u9fff\uff00-\uffef]+/).forEach(function (word) {
          if (word) most = Math.max(most, pen.measureText(word).width);
        });
      });
      return most;
    };
    return columns.map(function (col) {
      if (col.kind === "sources") return col.width;
      const cells = rows.map(function (row) {
        const v = row[col.field];
        return v == null ? "" : col.kind === "amount" ? amount.format(v) : v;
      });
      // Paddings as style.css sets them: a cell .6rem each side; a title .6rem and 1.3rem for its arrow.
      const need = Math.max(longest([col.title], "600 15px " + family) + 1.9 * rem,
                            longest(cells, "15px " + family) + 1.2 * rem);
      return Math.max(col.width, Math.ceil(need) + 2);
    });
  }

  /** The table, built in `box` from every row the page holds (`rows`), with its columns (`settings`:
   * layouts/table.py `table_settings`). Any table built before is replaced; the caller selects. */
  function build(box, rows, given) {
    settings = given;
    from = rows;
    amount = new Intl.NumberFormat(settings.locale, {maximumFractionDigits: 1});
    collator = new Intl.Collator(settings.locale, {numeric: true, sensitivity: "base"});
    const old = box.querySelector(".ptable-scroll");
    if (old) old.remove();
    scroller = document.createElement("div");
    scroller.className = "ptable-scroll";
    const table = document.createElement("table");
    table.className = "ptable";
    const heading = document.getElementById("projects");
    if (heading) table.setAttribute("aria-labelledby", heading.id);
    // Each row is laid out on its own, as a CSS grid with the same columns (style.css), so a row out of
    // the table's sight is skipped (content-visibility). A table laid out as a table measured every
    // shown row's text whenever a filter changed which rows show: 20-40 ms for the whole table,
    // measured, where the grid it replaced drew only the rows in sight. The roles keep what a screen
    // reader knows of a table, which a table laid out as a grid loses.
    table.setAttribute("role", "table");
    const widths = fitted(settings.columns, rows, box);
    const track = settings.columns.map((col, i) => "minmax(" + widths[i] + "px, " + col.width + "fr)").join(" ");
    table.style.setProperty("--cols", track);
    table.style.setProperty("--width", widths.reduce((sum, w) => sum + w, 0) + "px");
    const head = table.createTHead().insertRow();
    head.parentNode.setAttribute("role", "rowgroup");
    head.setAttribute("role", "row");
    settings.columns.forEach((col) => head.appendChild(header(col)));
    body = table.createTBody();
    body.setAttribute("role", "rowgroup");
    byId = new Map();
    rowsById = new Map();
    rows.forEach(function (row) {
      const tr = document.createElement("tr");
      tr.dataset.id = row.project_id;
      tr.setAttribute("role", "row");
      tr.tabIndex = -1;
      settings.columns.forEach((col) => tr.appendChild(cell(row, col)));
      byId.set(row.project_id, tr);
      rowsById.set(row.project_id, row);
      body.appendChild(tr);
    });
    none = document.createElement("p");
    none.className = "ptable-none";
    none.hidden = true;
    none.textContent = t("Nothing to show.");
    scroller.append(table, none);
    box.appendChild(scroller);
    box.dataset.drawn = "";
    if (watcher) watcher.disconnect();
    watcher = new IntersectionObserver(function (seen) {
      inView = seen[seen.length - 1].isIntersecting;
      if (inView && owed) keepInSight(owed);
    });
    watcher.observe(scroller);
    // A reader who scrolls the table takes over from the aim.
    const yieldAim = function () { aim++; owed = null; };
    scroller.addEventListener("wheel", yieldAim, {passive: true});
    scroller.addEventListener("touchstart", yieldAim, {passive: true});
    shownIds = null;
    sorted = {field: null, dir: null};
    const first = table.querySelector("button.sort");
    if (first) first.tabIndex = 0;
    table.addEventListener("click", onClick);
    table.addEventListener("keydown", onKey);
    table.addEventListener("focusin", (event) => rove(event.target.closest("tr[data-id], button.sort")));
  }

  /** Whether the table is built from these rows. */
  function built(rows) {
    return !!body && body.isConnected && from === rows;
  }

  /** The rows the filters let through (an array of rows, or of ids): the others are hidden. */
  function show(rows) {
    if (!body) return;
    const ids = new Set(rows.map((row) => (typeof row === "string" ? row : row.project_id)));
    byId.forEach(function (tr, id) {
      const hide = !ids.has(id);
      if (tr.hidden !== hide) tr.hidden = hide;
    });
    shownIds = ids;
    none.hidden = ids.size > 0;
    // A focus stop the filters hid goes back to the column titles, so Tab still reaches the table.
    const stop = body.parentNode.querySelector('[tabindex="0"]');
    if (!stop || stop.hidden) rove(body.parentNode.querySelector("button.sort"));
    if (selectedId) keepInSight(selectedId);
    document.dispatchEvent(new CustomEvent("kzcn:table-shown"));
  }

  /** How many rows the table shows, or -1 before it is built. */
  function shown() {
    if (!body) return -1;
    return shownIds ? shownIds.size : byId.size;
  }

  // ---- Selection: the row of the page's selection is marked and scrolled to, inside the table only.
  // Rows out of sight are laid out at an estimated height (content-visibility) until they are first
  // drawn, so a scroll aimed at a far row lands where the estimates put it; the rows drawn there then
  // take their real heights and move it. The aim is checked again over the next frames until it holds.
  // Out of the page's sight every row has its estimate, so the aim is taken again when the table comes
  // into view (only then: a table the reader scrolled stays where they left it).
  let aim = 0;
  let watcher = null;
  let inView = false;
  let owed = null;
  function inSight(tr) {
    const box = scroller.getBoundingClientRect();
    const row = tr.getBoundingClientRect();
    const headHeight = body.parentNode.tHead.getBoundingClientRect().height;
    if (row.top >= box.top + headHeight - 1 && row.bottom <= box.bottom + 1) return 0;
    return row.top - box.top - headHeight - (box.height - headHeight - row.height) / 2;
  }
  function keepInSight(id) {
    const tr = byId.get(id);
    if (!tr || tr.hidden || !scroller) return;
    owed = inView ? null : id;
    const turn = ++aim;
    let frames = 12;
    let held = 0;
    (function again() {
      if (turn !== aim || tr.hidden || !tr.isConnected) return;
      const by = inSight(tr);
      if (by) scroller.scrollTop += by;
      held = by ? 0 : held + 1;
      if (held < 3 && --frames > 0) requestAnimationFrame(again);
    })();
  }

  /** Mark the row of `id` (or none) as the selected one and bring it into the table's sight. */
  function select(id) {
    selectedId = id || null;
    if (!body) return;
    const before = body.querySelector("tr.selected");
    const tr = id ? byId.get(id) : null;
    if (before && before !== tr) {
      before.classList.remove("selected");
      before.removeAttribute("aria-current");
    }
    if (!tr) return;
    tr.classList.add("selected");
    tr.setAttribute("aria-current", "true");
    keepInSight(id);
  }

  function choose(tr) {
    const id = tr.dataset.id;
    const phone = window.kzcnPhone;
    // On a phone the details sheet rises over the lower part of the screen: the row stays above it.
    if (phone && phone.keepInView) {
      const box = tr.getBoundingClientRect();
      phone.keepInView((box.top + box.bottom) / 2);
    }
    // A second tap on the selected row changes nothing in the page's state: the sheet opens here.
    if (id === new URLSearchParams(window.location.search).get("select")) {
      if (phone && phone.openSheet && phone.narrow && phone.narrow()) phone.openSheet();
      return;
    }
    window.kzcn.select(id);
  }

  // ---- Sorting: a title's click sorts ascending, then descending, then back to the data's order.
  function value(id, field) {
    const v = rowsById.get(id)[field];
    return v === "" ? null : v;
  }
  function compare(field, dir) {
    const sign = dir === "descending" ? -1 : 1;
    const col = settings.columns.find((c) => c.field === field) || {};
    return function (a, b) {
      const va = value(a, field);
      const vb = value(b, field);
      // Rows with nothing published go last either way.
      if ((va == null) !== (vb == null)) return va == null ? 1 : -1;
      if (va == null) return 0;
      // An amount ranks only against amounts in the same currency; currencies keep A→Z order.
      if (col.withinCurrency) {
        const ca = value(a, "currency") || "";
        const cb = value(b, "currency") || "";
        if (ca !== cb) return ca < cb ? -1 : 1;
      }
      if (typeof va === "number" && typeof vb === "number") return sign * (va - vb);
      return sign * collator.compare(String(va), String(vb));
    };
  }
  function sortBy(field) {
    const dir = sorted.field === field ? ORDER[(ORDER.indexOf(sorted.dir) + 1) % ORDER.length] : ORDER[0];
    sorted = {field: dir ? field : null, dir: dir};
    const ids = from.map((row) => row.project_id);
    if (dir) ids.sort(compare(field, dir));  // stable: ties keep the data's order
    const fragment = document.createDocumentFragment();
    ids.forEach((id) => fragment.appendChild(byId.get(id)));
    body.appendChild(fragment);
    body.parentNode.querySelectorAll("thead th").forEach(function (th) {
      const button = th.querySelector("button.sort");
      if (button && button.dataset.field === sorted.field) th.setAttribute("aria-sort", sorted.dir);
      else th.removeAttribute("aria-sort");
    });
    if (selectedId) keepInSight(selectedId);
  }

  function onClick(event) {
    const button = event.target.closest("button.sort");
    if (button) {
      sortBy(button.dataset.field);
      return;
    }
    const tr = event.target.closest("tbody tr[data-id]");
    if (!tr || event.target.closest("a") || event.button !== 0) return;
    choose(tr);
  }

  // ---- The keyboard: one stop (tabindex 0) moves with the focus, the arrows move it.
  function rove(el) {
    if (!el || !body) return;
    body.parentNode.querySelectorAll('[tabindex="0"]').forEach(function (other) {
      if (other !== el) other.tabIndex = -1;
    });
    el.tabIndex = 0;
  }
  function go(el) {
    if (!el) return;
    rove(el);
    el.focus();
  }
  function visibleRows() {
    return Array.from(body.rows).filter((tr) => !tr.hidden);
  }
  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const button = event.target.closest("button.sort");
    const tr = event.target.closest("tbody tr[data-id]");
    let next = null;
    if (button) {
      const titles = Array.from(body.parentNode.querySelectorAll("button.sort"));
      const at = titles.indexOf(button);
      if (event.key === "ArrowRight") next = titles[at + 1];
      else if (event.key === "ArrowLeft") next = titles[at - 1];
      else if (event.key === "Home") next = titles[0];
      else if (event.key === "End") next = titles[titles.length - 1];
      else if (event.key === "ArrowDown") next = visibleRows()[0];
      else return;
    } else if (tr && event.target === tr) {
      const rows = visibleRows();
      const at = rows.indexOf(tr);
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        choose(tr);
        return;
      }
      if (event.key === "ArrowDown") next = rows[at + 1];
      else if (event.key === "ArrowUp") next = at > 0 ? rows[at - 1] : body.parentNode.querySelector("button.sort");
      else if (event.key === "PageDown") next = rows[Math.min(rows.length - 1, at + 10)];
      else if (event.key === "PageUp") next = rows[Math.max(0, at - 10)];
      else if (event.key === "Home") next = rows[0];
      else if (event.key === "End") next = rows[rows.length - 1];
      else return;
    } else {
      return;
    }
    event.preventDefault();
    go(next);
  }

  window.kzcnTable = {build: build, built: built, show: show, select: select, shown: shown};
})();
