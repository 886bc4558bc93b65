// The embed's frame, on our origin: it tells the host page how tall it is, and
// takes a passage the reader selected there. Messages go to, and are taken
// from, the host page's own origin only; a passage only fills the form, which
// the reader still reads and sends.
(function () {
  "use strict";

  var main = document.getElementById("main");
  if (!main || window.parent === window) {
    return;
  }
  var host = main.dataset.hostOrigin;
  var allowed = JSON.parse(main.dataset.allowedOrigins || "[]");
  var form = document.getElementById("report-form");

  function tell() {
    window.parent.postMessage(
      { type: "newsroom-embed-height", height: document.documentElement.scrollHeight },
      host
    );
  }

  function field(name) {
    return form ? form.elements.namedItem(name) : null;
  }

  window.addEventListener("message", function (event) {
    if (event.source !== window.parent || allowed.indexOf(event.origin) === -1) {
      return;
    }
    var data = event.data || {};
    if (data.type !== "newsroom-embed-passage" || !form) {
      return;
    }
    var passage = String(data.passage || "").slice(0, 1000);
    field("passage").value = passage;
    field("context_before").value = String(data.before || "").slice(-100);
    field("context_after").value = String(data.after || "").slice(0, 100);
    field("part").value = "body";
    var status = form.querySelector(".report-status");
    var section = document.getElementById("fehler-melden");
    if (status && section) {
      status.textContent = section.dataset.taken;
    }
    field("description").focus();
  });

  if ("ResizeObserver" in window) {
    new ResizeObserver(tell).observe(document.documentElement);
  }
  window.addEventListener("load", tell);
  tell();
})();
