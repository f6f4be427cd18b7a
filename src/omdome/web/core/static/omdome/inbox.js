// The inbox without a mouse and without reloading: keyboard shortcuts (listed on "?"), ticking every
// message on the page, and new messages put at the top of the list as they arrive.
(function () {
  "use strict";

  function messages() {
    return Array.prototype.slice.call(document.querySelectorAll("#messages article.message"));
  }

  function current() {
    var active = document.activeElement;
    return active && active.closest ? active.closest("article.message") : null;
  }

  function move(step) {
    var list = messages();
    if (!list.length) return;
    var index = list.indexOf(current());
    var next = list[Math.min(list.length - 1, Math.max(0, index === -1 ? 0 : index + step))];
    next.focus();
    next.scrollIntoView({block: "nearest"});
  }

  function act(key) {
    var message = current();
    if (!message) return false;
    var target = message.querySelector("[data-key='" + key + "']");
    if (key === "x") target = message.querySelector("input.pick");
    if (!target) return false;
    if (target.tagName === "FORM") target.requestSubmit();
    else if (target.tagName === "A") target.click();
    else if (target.type === "checkbox") target.click();
    else target.focus();
    return true;
  }

  function typing(event) {
    var t = event.target;
    return t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event)) return;
    var dialog = document.getElementById("shortcuts");
    if (event.key === "?") {
      if (dialog && !dialog.open) dialog.showModal();
      event.preventDefault();
    } else if (event.key === "j" || event.key === "k") {
      move(event.key === "j" ? 1 : -1);
      event.preventDefault();
    } else if ("xerahlc".indexOf(event.key) !== -1 && event.key.length === 1) {
      if (act(event.key)) event.preventDefault();
    }
  });

  document.addEventListener("click", function (event) {
    if (!event.target.matches("[data-pick-all]")) return;
    var boxes = document.querySelectorAll("#messages input.pick");
    var all = Array.prototype.every.call(boxes, function (box) { return box.checked; });
    Array.prototype.forEach.call(boxes, function (box) { box.checked = !all; });
  });

  function poll(list) {
    var url = list.getAttribute("data-arrived") + "&after=" + encodeURIComponent(list.getAttribute("data-after"));
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (!answer) return;
        list.setAttribute("data-after", answer.newest);
        if (!answer.count) return;
        var empty = list.querySelector(".empty");
        if (empty) empty.remove();
        list.insertAdjacentHTML("afterbegin", answer.html);
        document.getElementById("arrived").textContent = answer.announce;
      })
      .catch(function () { /* offline for a moment: the next round asks again */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var list = document.getElementById("messages");
    var seconds = list && parseInt(list.getAttribute("data-poll"), 10);
    if (seconds > 0) setInterval(function () { poll(list); }, seconds * 1000);
  });
})();
