// A reader who follows a note's link (#korrektur-7:~:text=…) lands on the corrected
// words, marked. Browsers that know text fragments scroll there themselves; this
// marks the words in every browser, from the note's data-passage, and scrolls where
// the browser did not. Nothing is stored or sent.
(function () {
  "use strict";

  var NAME = "corrected-passage";

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // The words in one of the article's parts, as a Range over its text nodes.
  function findRange(root, passage) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    var text = "";
    while (walker.nextNode()) {
      nodes.push({ node: walker.currentNode, at: text.length });
      text += walker.currentNode.data;
    }
    var words = passage.trim().split(/\s+/).map(escapeRegExp);
    var found = new RegExp(words.join("\\s+")).exec(text);
    if (!found) return null;
    var start = found.index;
    var end = start + found[0].length;
    var range = document.createRange();
    var started = false;
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i].node;
      var at = nodes[i].at;
      if (!started && start < at + node.data.length) {
        range.setStart(node, start - at);
        started = true;
      }
      if (started && end <= at + node.data.length) {
        range.setEnd(node, end - at);
        return range;
      }
    }
    return null;
  }

  function mark(range) {
    if (window.CSS && CSS.highlights && window.Highlight) {
      CSS.highlights.set(NAME, new Highlight(range));
    } else if (range.startContainer === range.endContainer) {
      var element = document.createElement("mark");
      element.className = NAME;
      range.surroundContents(element);
    }
  }

  // After the browser's own scroll to the fragment, which comes with the load.
  function scrollTo(element) {
    function scroll() {
      element.scrollIntoView({ block: "center" });
    }
    if (document.readyState === "complete") {
      scroll();
    } else {
      window.addEventListener("load", function () {
        window.setTimeout(scroll, 0);
      });
    }
  }

  function showPassage() {
    var match = /^#(korrektur-\d+)/.exec(window.location.hash);
    var note = match && document.getElementById(match[1]);
    var passage = note && note.getAttribute("data-passage");
    if (!passage) return;
    var parts = document.querySelectorAll("[data-report-part]");
    for (var i = 0; i < parts.length; i++) {
      var range = findRange(parts[i], passage);
      if (range) {
        mark(range);
        scrollTo(range.startContainer.parentElement);
        return;
      }
    }
    // The words have changed again since: the note itself is the next best place.
    scrollTo(note);
  }

  showPassage();
  window.addEventListener("hashchange", showPassage);
})();
