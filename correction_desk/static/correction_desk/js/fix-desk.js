// The fix desk: "Use the reader's suggestion" puts it in place at once. Without
// this script the same button asks the server, which answers the same page.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".fix-accept");
  if (!button) return;
  event.preventDefault();
  const field = document.getElementById(button.getAttribute("aria-controls"));
  field.value = button.dataset.proposed;
  field.focus();
  const status = document.getElementById("fix-status");
  if (status) status.textContent = button.dataset.done || "";
});
