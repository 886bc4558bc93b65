// Django's autocomplete fields (Select2) draw their own box beside the hidden
// <select> and leave it without a name: screen readers announce an unnamed
// combobox, and axe fails the page (WCAG 4.1.2). Each box is named by the
// field's own label, once Select2 has drawn it.
(() => {
  const name = (select) => {
    const label = select.id && document.querySelector(`label[for="${select.id}"]`);
    if (!label) return;
    if (!label.id) label.id = `${select.id}-label`;
    const box = select.nextElementSibling;
    if (!box || !box.classList.contains("select2")) return;
    box.querySelectorAll(".select2-selection, .select2-selection__rendered[role]").forEach((selection) => {
      selection.setAttribute("aria-labelledby", label.id);
    });
    box.querySelectorAll(".select2-search__field").forEach((field) => {
      field.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    });
  };
  const nameAll = () => document.querySelectorAll("select.admin-autocomplete").forEach(name);
  // Select2 draws its boxes when jQuery is ready, and a multiple choice's
  // search field anew after each choice: name them whenever they appear.
  const observer = new MutationObserver((changes) => {
    if (changes.some((change) => change.addedNodes.length)) nameAll();
  });
  document.addEventListener("DOMContentLoaded", () => {
    nameAll();
    observer.observe(document.body, { childList: true, subtree: true });
  });
})();
