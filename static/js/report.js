// Select to report: a reader selects a passage of the article and presses
// Ctrl+Enter (Cmd+Enter on a Mac) - or, on a touch screen, taps the button that
// appears next to the selection - and the passage lands in the report form.
// The form works without this script; it only saves typing.
(function () {
  "use strict";

  var CONTEXT_LENGTH = 100;
  var section = document.getElementById("fehler-melden");
  var body = document.getElementById("article-body");
  var form = document.getElementById("report-form");
  if (!section || !form) {
    return;
  }
  var maxLength = parseInt(section.dataset.maxPassage, 10) || 1000;
  var status = form.querySelector(".report-status");
  var submit = form.querySelector("[type=submit]");

  function field(name) {
    return form.elements.namedItem(name);
  }

  function say(message) {
    if (status) {
      status.textContent = message || "";
    }
  }

  function squash(text) {
    return text.replace(/\s+/g, " ");
  }

  // The selection, if it lies wholly inside the article body.
  function selectedRange() {
    var selection = window.getSelection();
    if (!body || !selection || selection.isCollapsed || !selection.rangeCount) {
      return null;
    }
    var range = selection.getRangeAt(0);
    return body.contains(range.commonAncestorContainer) ? range : null;
  }

  // Up to CONTEXT_LENGTH characters either side, so that editors can find the
  // passage again after the article has changed.
  function context(range) {
    var before = document.createRange();
    before.selectNodeContents(body);
    before.setEnd(range.startContainer, range.startOffset);
    var after = document.createRange();
    after.selectNodeContents(body);
    after.setStart(range.endContainer, range.endOffset);
    return {
      before: squash(before.toString()).slice(-CONTEXT_LENGTH),
      after: squash(after.toString()).slice(0, CONTEXT_LENGTH),
    };
  }

  function takeSelection() {
    var range = selectedRange();
    var passage = range ? squash(range.toString()).trim() : "";
    if (!passage) {
      return false;
    }
    if (passage.length > maxLength) {
      say(section.dataset.tooLong);
      return true;
    }
    var around = context(range);
    field("passage").value = passage;
    field("context_before").value = around.before;
    field("context_after").value = around.after;
    hideButton();
    section.scrollIntoView({ block: "start" });
    field("description").focus({ preventScroll: true });
    say(section.dataset.taken);
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && takeSelection()) {
      event.preventDefault();
    }
  });

  // Touch screens have no keyboard shortcut: offer a button beside the selection.
  var coarsePointer = window.matchMedia("(pointer: coarse)");
  var button = document.createElement("button");
  button.type = "button";
  button.className = "btn btn-dark btn-sm report-float";
  button.textContent = section.dataset.buttonLabel;
  button.hidden = true;
  document.body.appendChild(button);
  // Keep the selection alive while the button is pressed.
  button.addEventListener("pointerdown", function (event) {
    event.preventDefault();
  });
  button.addEventListener("click", takeSelection);

  function hideButton() {
    button.hidden = true;
  }

  document.addEventListener("selectionchange", function () {
    var range = coarsePointer.matches ? selectedRange() : null;
    if (!range || !range.toString().trim()) {
      hideButton();
      return;
    }
    var box = range.getBoundingClientRect();
    button.hidden = false;
    var widest = document.documentElement.clientWidth - button.offsetWidth - 8;
    button.style.top = window.scrollY + box.bottom + 8 + "px";
    button.style.left = Math.max(8, Math.min(window.scrollX + box.left, widest)) + "px";
  });

  // Send once: a double click or an impatient second press does not send twice.
  form.addEventListener("submit", function (event) {
    if (form.dataset.sending) {
      event.preventDefault();
      return;
    }
    form.dataset.sending = "true";
    // Disabled only after the browser has taken the button into the submission.
    window.setTimeout(function () {
      submit.disabled = true;
    }, 0);
  });
  window.addEventListener("pageshow", function () {
    delete form.dataset.sending;
    submit.disabled = false;
  });

  var notice = section.querySelector("[autofocus]");
  if (notice && document.activeElement !== notice) {
    notice.focus();
  }
})();
