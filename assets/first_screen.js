// The page's HTML copy (layouts/first_screen.py) goes once Dash has drawn the page: the style sheet
// hides it in that frame already; removing it keeps one of each element in the document for the
// page's scripts, screen readers and find-in-page.
(function () {
    const copy = document.getElementById('first-screen');
    const entry = document.getElementById('react-entry-point');
    if (!copy || !entry) { return; }
    const done = () => {
        if (!document.getElementById('app-root')) { return false; }
        copy.remove();
        return true;
    };
    if (done()) { return; }
    const watch = new MutationObserver(() => { if (done()) { watch.disconnect(); } });
    watch.observe(entry, {childList: true, subtree: true});
}());
