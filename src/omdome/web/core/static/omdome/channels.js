// The channel form shows only the chosen platform's fields; without script every fieldset shows.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("add-channel");
  if (!form) return;
  const choice = form.querySelector("select[name=platform]");
  const show = () => {
    for (const set of form.querySelectorAll("fieldset[data-platform]")) {
      set.hidden = set.dataset.platform !== choice.value;
    }
  };
  choice.addEventListener("change", show);
  show();
});
