// The Optline messenger widget. An embedding site loads this script with settings in
// window.optlineSettings = { app_url, user_id?, email?, user_hash?, locale? } or in data-* attributes of
// the script tag (data-app-url, data-user-id, data-email, data-user-hash, data-locale). It adds a launcher
// button that opens the messenger in an iframe served by Optline. It sends no cookies: it exchanges a
// visitor id (kept in this site's localStorage) or the signed user for a token. The token stays in this
// closure, never in the page's DOM or the frame's address: once the frame has loaded, it is posted to
// the frame with postMessage aimed at Optline's origin.
(function () {
  "use strict";

  if (window.__optlineMessenger) {
    return;
  }
  window.__optlineMessenger = true;

  var script = document.currentScript;
  var settings = readSettings();
  var appUrl = (settings.app_url || new URL(script.src).origin).replace(/\/+$/, "");
  var appOrigin = new URL(appUrl).origin;
  var VISITOR_KEY = "optline.visitor";
  // A token lives 12 hours on the server; asking for a new one after an hour keeps it far from expiry.
  var TOKEN_REFRESH_MS = 60 * 60 * 1000;

  var LABELS = {
    en: { open: "Open messenger", close: "Close messenger", frame: "Messenger", failed: "The messenger could not start. Try again later." },
    fr: { open: "Ouvrir la messagerie", close: "Fermer la messagerie", frame: "Messagerie", failed: "La messagerie n\u2019a pas pu d\u00e9marrer. R\u00e9essayez plus tard." },
    de: { open: "Messenger \u00f6ffnen", close: "Messenger schlie\u00dfen", frame: "Messenger", failed: "Der Messenger konnte nicht starten. Versuchen Sie es sp\u00e4ter erneut." },
    es: { open: "Abrir el mensajero", close: "Cerrar el mensajero", frame: "Mensajero", failed: "El mensajero no pudo iniciarse. Int\u00e9ntalo m\u00e1s tarde." }
  };

  var locale = language(settings.locale || document.documentElement.lang || navigator.language);
  var session = null;
  var sessionAt = 0;
  var frameToken = null;
  var launcher, panel, frame, status;

  function readSettings() {
    var given = window.optlineSettings || {};
    var data = script ? script.dataset : {};
    return {
      app_url: given.app_url || data.appUrl,
      user_id: given.user_id || data.userId,
      email: given.email || data.email,
      user_hash: given.user_hash || data.userHash,
      locale: given.locale || data.locale
    };
  }

  function language(tag) {
    var code = String(tag || "en").toLowerCase().split(/[-_]/)[0];
    return LABELS[code] ? code : "en";
  }

  function labels() {
    return LABELS[locale];
  }

  function visitorId() {
    try {
      var id = window.localStorage.getItem(VISITOR_KEY);
      if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
        id = randomId();
        window.localStorage.setItem(VISITOR_KEY, id);
      }
      return id;
    } catch (e) {
      // Storage is blocked: the visitor gets a new lead on every page load.
      return randomId();
    }
  }

  function randomId() {
    var bytes = new Uint8Array(18);
    window.crypto.getRandomValues(bytes);
    var text = "";
    for (var i = 0; i < bytes.length; i++) {
      text += ("0" + bytes[i].toString(16)).slice(-2);
    }
    return text;
  }

  function build() {
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = appUrl + "/widget/optline.css";
    document.head.appendChild(style);

    panel = document.createElement("div");
    panel.id = "optline-messenger";
    panel.className = "optline-panel";
    panel.hidden = true;

    launcher = document.createElement("button");
    launcher.type = "button";
    launcher.className = "optline-launcher";
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-controls", panel.id);
    launcher.setAttribute("aria-label", labels().open);
    launcher.innerHTML = '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">'
      + '<path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
    launcher.addEventListener("click", toggle);

    status = document.createElement("p");
    status.className = "optline-status";
    status.setAttribute("role", "status");

    document.body.appendChild(panel);
    document.body.appendChild(status);
    document.body.appendChild(launcher);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) {
        close();
      }
    });
    window.addEventListener("message", receive);
  }

  function toggle() {
    if (panel.hidden) {
      open();
    } else {
      close();
    }
  }

  function open() {
    status.textContent = "";
    startSession().then(function () {
      if (!frame || frameToken !== session.token) {
        showFrame();
      }
      panel.hidden = false;
      launcher.setAttribute("aria-expanded", "true");
      launcher.setAttribute("aria-label", labels().close);
      frame.focus();
    }).catch(function () {
      status.textContent = labels().failed;
    });
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-label", labels().open);
    launcher.focus();
  }

  function startSession() {
    if (session && Date.now() - sessionAt < TOKEN_REFRESH_MS) {
      return Promise.resolve(session);
    }
    var body = { locale: settings.locale || locale };
    if (settings.user_id || settings.email) {
      body.user_id = settings.user_id;
      body.email = settings.email;
      body.user_hash = settings.user_hash;
    } else {
      body.visitor_id = visitorId();
    }
    return fetch(appUrl + "/messenger/session", {
      method: "POST",
      credentials: "omit",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("Optline messenger session failed with HTTP " + response.status);
      }
      return response.json();
    }).then(function (json) {
      session = json;
      sessionAt = Date.now();
      locale = language(json.locale);
      return session;
    });
  }

  function showFrame() {
    if (frame) {
      frame.remove();
    }
    frame = document.createElement("iframe");
    frame.className = "optline-frame";
    frame.title = labels().frame;
    frameToken = session.token;
    var token = session.token;
    var shown = frame;
    // The frame's script listens before its load event fires, and accepts the first token only.
    frame.addEventListener("load", function () {
      shown.contentWindow.postMessage({ type: "optline:token", token: token }, appOrigin);
    });
    frame.src = appUrl + "/messenger/frame#locale=" + encodeURIComponent(locale);
    panel.appendChild(frame);
  }

  // Only the frame may send these, and only two kinds: close, and resize with a height in pixels.
  function receive(event) {
    if (event.origin !== appOrigin || !frame || event.source !== frame.contentWindow) {
      return;
    }
    var message = event.data || {};
    if (message.type === "optline:close") {
      close();
    } else if (message.type === "optline:resize" && typeof message.height === "number") {
      frame.style.height = Math.max(200, Math.min(message.height, window.innerHeight - 120)) + "px";
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", build);
  } else {
    build();
  }
})();
