// Runs inside the messenger iframe on Optline's own origin. It takes the messenger token from the URL
// fragment, removes the fragment from the address, and sends the token in a header with every htmx
// request. It sends the embedding page a close message through postMessage, aimed at the
// origin that the server read from the token.
(function () {
  "use strict";

  var HEADER = "X-Optline-Messenger-Token";
  var fragment = new URLSearchParams(window.location.hash.slice(1));
  var token = fragment.get("token") || "";
  var locale = fragment.get("locale") || "en";
  history.replaceState(null, "", window.location.pathname);

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

  function load() {
    window.htmx.ajax("GET", "/messenger/conversation?locale=" + encodeURIComponent(locale),
      { target: "#messenger", swap: "innerHTML" });
  }

  if (window.htmx) {
    load();
  } else {
    window.addEventListener("load", load);
  }
})();
