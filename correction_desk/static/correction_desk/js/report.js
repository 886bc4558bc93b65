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
  button.className = "btn btn-dark report-float";
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

  // Without a mouse: "Choose a passage" walks the article's paragraphs with the
  // arrow keys (headline and lead included); Enter copies the paragraph into the
  // form, where the reader can shorten it to the wrong words. Tab and Escape leave
  // the article as usual, so nothing traps the keyboard. (Caret browsing, F7,
  // selects exact words; Ctrl+Enter takes them as above.)
  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, dt, dd, th, td, figcaption";
  var passageField = field("passage");
  var picker = document.createElement("button");
  picker.type = "button";
  picker.className = "btn btn-outline-dark btn-sm report-pick";
  picker.textContent = section.dataset.pickLabel;
  var pickHelp = document.createElement("p");
  pickHelp.id = "report-pick-help";
  pickHelp.className = "form-text report-pick-help";
  pickHelp.textContent = section.dataset.pickHelp;
  picker.setAttribute("aria-describedby", pickHelp.id);
  var passageBox = passageField && passageField.closest("div[id^=div_]");
  // Only where the text is on the page (not in the embed's frame, whose host
  // page has its own way to hand over a passage).
  var hasParts = document.querySelector("[data-report-part]") !== null;
  if (passageBox && hasParts && !coarsePointer.matches) {
    passageBox.appendChild(picker);
    passageBox.appendChild(pickHelp);
  }

  function blocks() {
    var found = [];
    document.querySelectorAll("[data-report-part]").forEach(function (part) {
      var inner = part.matches(BLOCKS) ? [part] : part.querySelectorAll(BLOCKS);
      inner.forEach(function (block) {
        // The innermost blocks with words: a quote's paragraphs, not the quote.
        // (A body picture's caption is a part inside a part: listed once.)
        var fresh = found.indexOf(block) < 0;
        if (fresh && block.textContent.trim() && !block.querySelector(BLOCKS)) {
          found.push(block);
        }
      });
    });
    return found;
  }

  var picking = [];

  function stopPicking() {
    picking.forEach(function (block) {
      block.classList.remove("report-pickable");
      block.removeAttribute("tabindex");
    });
    picking = [];
    hint.hidden = true;
  }

  function pickAt(index) {
    var block = picking[Math.max(0, Math.min(index, picking.length - 1))];
    block.focus();
    block.scrollIntoView({ block: "center" });
  }

  function take(block) {
    var part = block.closest("[data-report-part]");
    var range = document.createRange();
    range.selectNodeContents(block);
    var passage = squash(range.toString()).trim();
    var message = section.dataset.picked;
    if (passage.length > maxLength) {
      passage = passage.slice(0, maxLength).replace(/\s+\S*$/, "");
      message = section.dataset.pickedLong;
    }
    var around = context(range, part);
    stopPicking();
    passageField.value = passage;
    field("context_before").value = around.before;
    field("context_after").value = around.after;
    field("part").value = part.dataset.reportPart;
    passageBox.scrollIntoView({ block: "start" });
    passageField.focus({ preventScroll: true });
    passageField.setSelectionRange(0, 0);
    say(message);
  }

  picker.addEventListener("click", function () {
    stopPicking();
    picking = blocks();
    if (!picking.length) {
      return;
    }
    picking.forEach(function (block) {
      block.tabIndex = -1;
      block.classList.add("report-pickable");
    });
    pickAt(0);
    var range = document.createRange();
    range.selectNodeContents(picking[0]);
    hintAt(range, section.dataset.pickHelp);
  });

  document.addEventListener("keydown", function (event) {
    var index = picking.indexOf(document.activeElement);
    if (index < 0 || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var moves = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
    if (event.key in moves) {
      pickAt(index + moves[event.key]);
    } else if (event.key === "Home" || event.key === "End") {
      pickAt(event.key === "Home" ? 0 : picking.length - 1);
    } else if (event.key === "Enter" || event.key === " ") {
      take(picking[index]);
    } else if (event.key === "Escape") {
      stopPicking();
      picker.focus();
    } else {
      return;
    }
    hint.hidden = true;
    event.preventDefault();
  });

  // Leaving the article by Tab or a click ends the choice.
  document.addEventListener("focusin", function (event) {
    if (picking.length && picking.indexOf(event.target) < 0) {
      stopPicking();
    }
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
