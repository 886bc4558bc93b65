// The newsroom's corrections on another site's page: one script tag, loaded
// async, puts a frame from our origin where the form belongs. This script only
// finds the passage a reader selects and sizes the frame; the form, the
// reader's words and their private link live in the frame, out of the host
// page's reach. Nothing is sent to us until the frame comes near the screen.
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector("script[data-newsroom-site]");
  if (!script || !window.postMessage) {
    return;
  }
  var base = new URL(script.src).origin;
  var key = script.getAttribute("data-newsroom-site");
  var selector = script.getAttribute("data-newsroom-text");
  var text = (selector && document.querySelector(selector)) || document.body;
  var label = script.getAttribute("data-newsroom-label") || "Fehler melden";
  var CONTEXT = 100;

  // Styles go in through the CSSOM, which a host's strict CSP allows (a style
  // attribute it would refuse), and as !important, over the host's own rules.
  function styled(element, rules) {
    Object.keys(rules).forEach(function (name) {
      element.style.setProperty(name, rules[name], "important");
    });
    return element;
  }

  var frame = document.createElement("iframe");
  frame.src = base + "/embed/" + encodeURIComponent(key) + "/?url=" +
    encodeURIComponent(location.href.split("#")[0]);
  frame.title = script.getAttribute("data-newsroom-title") || label;
  frame.loading = "lazy";
  styled(frame, {
    display: "block", width: "100%", height: "32rem", border: "0",
    margin: "1.5rem 0", opacity: "1", visibility: "visible"
  });
  var place = document.querySelector("[data-newsroom-corrections]");
  if (place) {
    place.appendChild(frame);
  } else if (text !== document.body) {
    text.parentNode.insertBefore(frame, text.nextSibling);
  } else {
    script.parentNode.insertBefore(frame, script.nextSibling);
  }

  window.addEventListener("message", function (event) {
    var data = event.data || {};
    if (event.origin !== base || event.source !== frame.contentWindow) {
      return;
    }
    if (data.type === "newsroom-embed-height" && data.height > 0) {
      styled(frame, { height: Math.min(data.height, 4000) + "px" });
    }
  });

  function squash(value) {
    return value.replace(/\s+/g, " ");
  }

  function selected() {
    var current = window.getSelection();
    if (!current || current.isCollapsed || !current.rangeCount) {
      return null;
    }
    var range = current.getRangeAt(0);
    if (!range.toString().trim() || !text.contains(range.commonAncestorContainer)) {
      return null;
    }
    return range;
  }

  function send(range) {
    var before = document.createRange();
    before.selectNodeContents(text);
    before.setEnd(range.startContainer, range.startOffset);
    var after = document.createRange();
    after.selectNodeContents(text);
    after.setStart(range.endContainer, range.endOffset);
    frame.contentWindow.postMessage({
      type: "newsroom-embed-passage",
      passage: squash(range.toString()).trim().slice(0, 1000),
      before: squash(before.toString()).slice(-CONTEXT),
      after: squash(after.toString()).slice(0, CONTEXT)
    }, base);
    frame.scrollIntoView({ block: "start" });
    frame.focus();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      var range = selected();
      if (range) {
        event.preventDefault();
        send(range);
      }
    }
  });

  // On a touch screen there is no Ctrl+Enter: a button beside the selection,
  // in a shadow root, so that the host's styles leave it alone.
  var holder = document.createElement("div");
  var root = holder.attachShadow ? holder.attachShadow({ mode: "open" }) : holder;
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = label;
  styled(button, {
    position: "fixed", right: "1rem", bottom: "1rem", "z-index": "2147483647",
    font: "600 16px/1.2 system-ui, sans-serif", padding: ".75rem 1rem", border: "0",
    "border-radius": "6px", background: "#1a1a1a", color: "#fff", display: "none"
  });
  root.appendChild(button);
  document.body.appendChild(holder);
  var pending = null;
  button.addEventListener("click", function () {
    if (pending) {
      send(pending);
    }
    styled(button, { display: "none" });
  });
  document.addEventListener("selectionchange", function () {
    pending = selected();
    var touch = window.matchMedia("(pointer: coarse)").matches;
    styled(button, { display: pending && touch ? "block" : "none" });
  });
})();
