// Keyboard shortcuts for the corrections desk: the queue and a report's page.
// Keys are listed, translated, in the help dialog the page carries
// (#desk-keys); "?" opens it. No key fires while the editor types in a field,
// or with Ctrl, Alt or Meta held (those belong to the browser), except
// Ctrl+Enter in the reason field after "x", which sends the rejection.
(() => {
  const help = document.getElementById("desk-keys");
  if (!help) return;
  const status = document.getElementById("desk-keys-status");
  const say = (text) => {
    if (!status) return;
    status.textContent = "";
    window.setTimeout(() => { status.textContent = text; }, 50);
  };
  const typing = (target) =>
    target.closest("input, textarea, select, [contenteditable]") !== null;

  const decide = (value) => {
    const button = document.querySelector(`.report-decide button[value="${value}"]`);
    if (!button) return false;
    button.click();
    return true;
  };
  // A decision the reader is told the reason of: the reason first, then
  // Ctrl+Enter takes it.
  const decideWithReason = (value) => {
    const reason = document.getElementById("decision-reason");
    if (!reason) return false;
    reason.dataset.pending = value;
    reason.focus();
    say(help.dataset.rejectHint);
    return true;
  };

  // On a report's page: the navigation keys, and each decision's key as its
  // button says (data-desk-shortcut, from correction_desk/triage/decisions.py).
  const reportKeys = {
    j: () => follow("next"),
    k: () => follow("previous"),
    u: () => follow("queue"),
    d: () => focus(".report-duplicates input[type=checkbox], .report-duplicates a"),
    e: () => focus(".fix-form textarea"),
  };
  document.querySelectorAll(".report-decide button[data-desk-shortcut]").forEach((button) => {
    const value = button.value;
    reportKeys[button.dataset.deskShortcut] = "needsReason" in button.dataset
      ? () => decideWithReason(value)
      : () => decide(value);
  });

  const follow = (name) => {
    const link = document.querySelector(`[data-desk-key="${name}"]`);
    if (!link) return false;
    window.location.assign(link.href);
    return true;
  };
  const focus = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    element.focus();
    return true;
  };

  // On the queue: j and k move through the rows, the row's link has the focus,
  // so Enter opens it; a, r, s and x act on the ticked rows, else this one.
  const rows = () => Array.from(document.querySelectorAll("#result_list tbody tr"));
  let current = -1;
  const move = (step) => {
    const all = rows();
    if (!all.length) return false;
    all.forEach((row) => row.classList.remove("queue-current"));
    current = Math.min(Math.max(current + step, 0), all.length - 1);
    const row = all[current];
    row.classList.add("queue-current");
    const link = row.querySelector("th a, td a");
    if (link) link.focus();
    return true;
  };
  const act = (action) => {
    const form = document.getElementById("changelist-form");
    const select = form && form.querySelector('select[name="action"]');
    if (!select || !select.querySelector(`option[value="${action}"]`)) return false;
    const ticked = form.querySelectorAll("input.action-select:checked");
    if (!ticked.length) {
      const row = rows()[current];
      const box = row && row.querySelector("input.action-select");
      if (!box) {
        say(help.dataset.noRow);
        return true;
      }
      box.checked = true;
    }
    select.value = action;
    const go = form.querySelector('button[name="index"], .actions button[type="submit"]');
    form.requestSubmit(go || undefined);
    return true;
  };
  const queueKeys = {
    j: () => move(1),
    k: () => move(-1),
  };
  help.querySelectorAll("[data-shortcut][data-action]").forEach((row) => {
    queueKeys[row.dataset.shortcut] = () => act(row.dataset.action);
  });

  const keys = document.getElementById("result_list") ? queueKeys : reportKeys;

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (
      event.key === "Enter" && (event.ctrlKey || event.metaKey) &&
      target.dataset && target.dataset.pending
    ) {
      event.preventDefault();
      const value = target.dataset.pending;
      delete target.dataset.pending;
      decide(value);
      return;
    }
    if (event.ctrlKey || event.altKey || event.metaKey || typing(target)) return;
    if (event.key === "?") {
      event.preventDefault();
      help.showModal();
      return;
    }
    const handler = keys[event.key];
    if (handler && handler()) event.preventDefault();
  });

  document.querySelectorAll("[data-desk-keys-open]").forEach((button) =>
    button.addEventListener("click", () => help.showModal()));
  help.querySelector("[data-desk-keys-close]")
    .addEventListener("click", () => help.close());
})();
