// "Corrected since you read it": which articles this reader read, and which of
// their notes they saw then, kept in this browser's localStorage only. Nothing is
// sent: on the front and section pages the public corrections record is fetched
// without cookies, the same for every reader, and compared here.
(function () {
  "use strict";

  var KEY = "newsroom.read";
  var KEEP = 200; // articles remembered; the oldest go first
  var EDITORIAL = ["correction", "clarification", "update"]; // the newsroom's notes
  var box = document.getElementById("corrected-since");
  if (!box || !window.localStorage || !window.fetch) return;

  function load() {
    try {
      var stored = JSON.parse(localStorage.getItem(KEY) || "{}");
      return stored && stored.articles ? stored : { articles: {} };
    } catch (error) {
      return { articles: {} };
    }
  }

  function save(stored) {
    var ids = Object.keys(stored.articles);
    ids.slice(0, Math.max(0, ids.length - KEEP)).forEach(function (id) {
      delete stored.articles[id];
    });
    try {
      localStorage.setItem(KEY, JSON.stringify(stored));
    } catch (error) {
      // Storage full or refused (private mode): the notice is a courtesy only.
    }
  }

  function lastNumber(tag) {
    return Number(String(tag).split(/[:-]/).pop());
  }

  function button(label, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "btn btn-sm btn-outline-dark me-2";
    element.textContent = label;
    element.addEventListener("click", action);
    return element;
  }

  // corrections: [{article, note, title, url, label}]
  function show(corrections, stored, headingName) {
    if (!corrections.length) return;
    box.textContent = "";
    var heading = document.createElement("p");
    heading.className = "fw-bold mb-1";
    heading.textContent = box.getAttribute(headingName);
    var list = document.createElement("ul");
    list.className = "mb-2";
    corrections.forEach(function (correction) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = correction.url;
      link.textContent = correction.title;
      item.appendChild(link);
      if (correction.label) {
        item.appendChild(document.createTextNode(" – " + correction.label));
      }
      list.appendChild(item);
    });
    var privacy = document.createElement("p");
    privacy.className = "small mb-2";
    privacy.textContent = box.getAttribute("data-privacy") + " ";
    var more = document.createElement("a");
    more.href = box.getAttribute("data-privacy-url");
    more.textContent = box.getAttribute("data-privacy-link");
    privacy.appendChild(more);
    box.appendChild(heading);
    box.appendChild(list);
    box.appendChild(privacy);
    box.appendChild(
      button(box.getAttribute("data-dismiss"), function () {
        corrections.forEach(function (correction) {
          var read = stored.articles[correction.article];
          if (read && read.notes.indexOf(correction.note) < 0) {
            read.notes.push(correction.note);
          }
        });
        save(stored);
        box.hidden = true;
      })
    );
    box.appendChild(
      button(box.getAttribute("data-forget"), function () {
        localStorage.removeItem(KEY);
        box.hidden = true;
      })
    );
    box.hidden = false;
  }

  var stored = load();
  var article = document.querySelector("[data-article-id]");
  if (article) {
    var id = article.getAttribute("data-article-id");
    var notes = [];
    var fresh = [];
    var before = stored.articles[id];
    document
      .querySelectorAll(
        ".correction-note[id^='korrektur-']:not(.is-withdrawn):not(.is-not-ours)"
      )
      .forEach(function (note) {
        var number = lastNumber(note.id);
        notes.push(number);
        if (before && before.notes.indexOf(number) < 0) {
          var link = note.querySelector("a[href^='#korrektur-']");
          fresh.push({
            article: id,
            note: number,
            title: note.querySelector("h3").textContent,
            url: link ? link.getAttribute("href") : "#" + note.id,
            label: "",
          });
        }
      });
    delete stored.articles[id]; // re-added last: the most recently read
    stored.articles[id] = { notes: notes };
    save(stored);
    show(fresh, stored, "data-heading-article");
    return;
  }
  if (!Object.keys(stored.articles).length) return; // nothing read: nothing asked
  fetch(box.getAttribute("data-record"), { credentials: "omit" })
    .then(function (response) {
      return response.ok ? response.json() : { corrections: [] };
    })
    .then(function (record) {
      var found = [];
      record.corrections.forEach(function (entry) {
        var articleId = String(lastNumber(entry.article.id));
        var read = stored.articles[articleId];
        var note = lastNumber(entry.id);
        // Only the newsroom's own notes say it corrected something: a
        // counter-statement, a reply to one or a reprimand does not.
        var ours = EDITORIAL.indexOf(entry.type) >= 0;
        if (ours && read && !entry.withdrawn_at && read.notes.indexOf(note) < 0) {
          found.push({
            article: articleId,
            note: note,
            title: entry.article.title,
            url: entry.passage_url || entry.url,
            label: entry.type_label,
          });
        }
      });
      show(found, stored, "data-heading");
    })
    .catch(function () {
      // Offline or refused: the notice is a courtesy only.
    });
})();

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
