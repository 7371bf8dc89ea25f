// Selection of contacts on the contacts list, for bulk actions.
//
// The "select all on this page" box (data-select-all="<form id>") ticks or clears every row box that
// belongs to that form, and a row box sets it to checked, clear or mixed. After each change the body
// fires "contactSelectionChanged", on which htmx elements can reload. It fires too once htmx has
// swapped in new results (id "contact-results"), because they come with a new selection form that
// carries the new filter and no ticked boxes. Rows added by "Load more" keep the selection, so they
// only update the "select all" box.
//
// The servlet container serves this file from the contacts module's jar at /webjars/optline-contacts/,
// because /webjars/ is the path under which the WAR serves static files. It cannot be an inline script,
// because the content security policy allows only scripts from files of the site itself.
(function () {
    "use strict";

    function rowBoxes(formId) {
        return Array.from(document.querySelectorAll('input[type="checkbox"][name="contact_id"]'))
            .filter(function (box) { return box.getAttribute("form") === formId; });
    }

    function updateSelectAll(formId) {
        var all = document.querySelector('input[type="checkbox"][data-select-all="' + formId + '"]');
        if (!all) {
            return;
        }
        var rows = rowBoxes(formId);
        var ticked = rows.filter(function (box) { return box.checked; }).length;
        all.checked = rows.length > 0 && ticked === rows.length;
        all.indeterminate = ticked > 0 && ticked < rows.length;
    }

    function selectionChanged() {
        document.body.dispatchEvent(new CustomEvent("contactSelectionChanged", { bubbles: true }));
    }

    document.addEventListener("htmx:afterSettle", function (event) {
        if (event.target instanceof Element && event.target.id === "contact-results") {
            selectionChanged();
            return;
        }
        document.querySelectorAll('input[type="checkbox"][data-select-all]').forEach(function (all) {
            updateSelectAll(all.getAttribute("data-select-all"));
        });
    });

    document.addEventListener("change", function (event) {
        var box = event.target;
        if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") {
            return;
        }
        var selectAllOf = box.getAttribute("data-select-all");
        if (selectAllOf) {
            rowBoxes(selectAllOf).forEach(function (row) { row.checked = box.checked; });
        } else if (box.name === "contact_id" && box.getAttribute("form")) {
            updateSelectAll(box.getAttribute("form"));
        } else {
            return;
        }
        selectionChanged();
    });
})();
