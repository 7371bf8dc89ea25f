// Pauses the polls of the conversation page (#parts-poller) and of the inbox list (#inbox-rows) while the
// browser tab is hidden, and polls once as soon as the tab shows again, so that a forgotten tab costs the
// server nothing. The list also skips its refresh while keyboard focus is inside it, because the refresh
// replaces the links and would move focus back to the top of the page.
(function () {
    'use strict';
    document.addEventListener('htmx:beforeRequest', function (event) {
        var id = event.detail.elt.id;
        if (id !== 'parts-poller' && id !== 'inbox-rows') {
            return;
        }
        if (document.hidden || (id === 'inbox-rows' && event.detail.elt.contains(document.activeElement))) {
            event.preventDefault();
        }
    });
    document.addEventListener('visibilitychange', function () {
        if (document.hidden) {
            return;
        }
        if (document.getElementById('parts-poller')) {
            htmx.trigger(document.body, 'conversationPartsChanged');
        }
        var rows = document.getElementById('inbox-rows');
        if (rows) {
            htmx.trigger(rows, 'inboxVisible');
        }
    });
}());
