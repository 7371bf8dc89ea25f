// Runs inside the messenger iframe on Optline's own origin. It accepts the messenger token once, from
// a postMessage of its parent window whose origin is the one the token names, and sends the token in a
// header with every htmx request. It sends the embedding page a close message through postMessage,
// aimed at the origin that the server read from the token.
(function () {
  "use strict";

  var HEADER = "X-Optline-Messenger-Token";
  var fragment = new URLSearchParams(window.location.hash.slice(1));
  var locale = fragment.get("locale") || "en";
  var token = null;
  var htmxReady = false;
  history.replaceState(null, "", window.location.pathname);

  // Returns the origin a token names: the second line of a v1 payload, the third of a v2 payload.
  function originOf(candidate) {
    try {
      var parts = candidate.split(".");
      var payload = atob(parts[1].replace(/-/g, "+").replace(/_/g, "/")).split("\n");
      return parts[0] === "v1" ? payload[1] : payload[2];
    } catch (e) {
      return null;
    }
  }

  window.addEventListener("message", function (event) {
    var message = event.data || {};
    if (token !== null || event.source !== window.parent || window.parent === window
      || message.type !== "optline:token" || typeof message.token !== "string"
      || originOf(message.token) !== event.origin) {
      return;
    }
    token = message.token;
    load();
  });

  document.body.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers[HEADER] = token;
  });

  function messenger() {
    return document.querySelector(".messenger");
  }

  function closeMessenger() {
    var root = messenger();
    if (root && window.parent !== window) {
      window.parent.postMessage({ type: "optline:close" }, root.dataset.parentOrigin);
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closeMessenger();
    }
    if (event.key === "Enter" && !event.shiftKey && event.target.id === "message-body") {
      event.preventDefault();
      event.target.form.requestSubmit();
    }
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("#messenger-close")) {
      closeMessenger();
    }
  });

  document.body.addEventListener("htmx:afterSwap", function (event) {
    var root = messenger();
    if (!root) {
      return;
    }
    document.documentElement.lang = root.dataset.lang;
    document.title = root.dataset.title;
    var parts = document.getElementById("parts");
    parts.scrollTop = parts.scrollHeight;
    if (event.target.id === "messenger") {
      document.getElementById("messenger").removeAttribute("aria-busy");
      document.getElementById("message-body").focus();
    }
  });

  document.body.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (form.classList && form.classList.contains("composer") && event.detail.successful) {
      form.reset();
      document.getElementById("composer-error").textContent = "";
      document.getElementById("message-body").focus();
    }
  });

  // Loads the conversation once both the token and htmx are there, whichever comes last.
  function load() {
    if (token === null || !htmxReady) {
      return;
    }
    window.htmx.ajax("GET", "/messenger/conversation?locale=" + encodeURIComponent(locale),
      { target: "#messenger", swap: "innerHTML" });
  }

  function htmxLoaded() {
    htmxReady = true;
    load();
  }

  if (window.htmx) {
    htmxLoaded();
  } else {
    window.addEventListener("load", htmxLoaded);
  }
})();
