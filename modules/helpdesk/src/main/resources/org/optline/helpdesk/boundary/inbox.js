// Pauses the conversation page's poll while the browser tab is hidden, and polls once as soon as the
// tab shows again, so that a forgotten tab costs the server nothing.
(function () {
    'use strict';
    document.addEventListener('htmx:beforeRequest', function (event) {
        if (document.hidden && event.detail.elt.id === 'parts-poller') {
            event.preventDefault();
        }
    });
    document.addEventListener('visibilitychange', function () {
        if (!document.hidden && document.getElementById('parts-poller')) {
            htmx.trigger(document.body, 'conversationPartsChanged');
        }
    });
}());
