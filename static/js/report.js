// Select to report: a reader selects a passage of the article and presses
// Ctrl+Enter (Cmd+Enter on a Mac) - or, on a touch screen, taps the button that
// appears next to the selection - and the passage lands in the report form.
// The form works without this script; it only saves typing.
(function () {
  "use strict";

  var CONTEXT_LENGTH = 100;
  var section = document.getElementById("fehler-melden");
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

  // The reader's selection, if there is one with text in it.
  function selection() {
    var current = window.getSelection();
    if (!current || current.isCollapsed || !current.rangeCount) {
      return null;
    }
    var range = current.getRangeAt(0);
    return range.toString().trim() ? range : null;
  }

  // The part of the article (headline, lead, body) that holds the whole range.
  function partOf(range) {
    var node = range.commonAncestorContainer;
    var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return element ? element.closest("[data-report-part]") : null;
  }

  // Up to CONTEXT_LENGTH characters either side within the part, so that editors
  // can find the passage again after the article has changed.
  function context(range, part) {
    var before = document.createRange();
    before.selectNodeContents(part);
    before.setEnd(range.startContainer, range.startOffset);
    var after = document.createRange();
    after.selectNodeContents(part);
    after.setStart(range.endContainer, range.endOffset);
    return {
      before: squash(before.toString()).slice(-CONTEXT_LENGTH),
      after: squash(after.toString()).slice(0, CONTEXT_LENGTH),
    };
  }

  // Said where the reader is looking: beside the selection, and aloud.
  var hint = document.createElement("p");
  hint.className = "report-hint";
  hint.setAttribute("role", "status");
  hint.hidden = true;
  document.body.appendChild(hint);

  function hintAt(range, message) {
    var box = range.getBoundingClientRect();
    hint.textContent = message;
    hint.hidden = false;
    var widest = document.documentElement.clientWidth - hint.offsetWidth - 8;
    hint.style.top = window.scrollY + box.bottom + 8 + "px";
    hint.style.left = Math.max(8, Math.min(window.scrollX + box.left, widest)) + "px";
  }

  function takeSelection() {
    var range = selection();
    if (!range) {
      return false;
    }
    var part = partOf(range);
    var passage = squash(range.toString()).trim();
    if (!part) {
      hintAt(range, section.dataset.notReportable);
      return true;
    }
    if (passage.length > maxLength) {
      hintAt(range, section.dataset.tooLong);
      return true;
    }
    hint.hidden = true;
    var around = context(range, part);
    field("passage").value = passage;
    field("context_before").value = around.before;
    field("context_after").value = around.after;
    field("part").value = part.dataset.reportPart;
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

  // Touch screens have no keyboard shortcut: offer a button beside the selection,
  // and say so in the passage field's hint (keyboard wording only with a keyboard).
  var coarsePointer = window.matchMedia("(pointer: coarse)");
  var hintText = document.getElementById("id_passage_helptext");
  if (hintText) {
    hintText.textContent = coarsePointer.matches
      ? section.dataset.hintTouch
      : section.dataset.hintKeyboard;
  }
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
    var range = selection();
    if (!range) {
      hint.hidden = true;
    }
    if (!coarsePointer.matches || !range || !partOf(range)) {
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
