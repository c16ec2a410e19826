// "Adresse kopieren" on the page "Kalender abonnieren": copies a calendar's address. Without
// JavaScript the buttons stay hidden; the address is shown as a link to copy by hand.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        button.textContent = "Kopiert ✓";
        setTimeout(function () { button.textContent = label; }, 3000);
      }, function () {
        button.textContent = "Bitte von Hand kopieren";
      });
    });
  });
})();
