/* Keyboard and clipboard touches on Material's frame (issue 17). Every page works without them. */
(function () {
  "use strict";

  // Material's menu button is a <label> for a hidden checkbox: it opens the menu by mouse and
  // touch without JavaScript, but no keyboard reaches a label (nor may it be given a button's role).
  // A real button takes its place; it works the checkbox as Material's own script does (click).
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
  if (drawer && label) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " eg-menu-button";
    button.title = label.title;
    button.innerHTML = label.innerHTML;
    button.setAttribute("aria-label", label.title || "Menü");
    button.setAttribute("aria-expanded", String(drawer.checked));
    label.replaceWith(button);
    button.addEventListener("click", function () {
      drawer.click();
      var first = drawer.checked && document.querySelector(".md-sidebar--primary .md-nav__list a[href]");
      if (first) first.focus({ preventScroll: true });
    });
    drawer.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(drawer.checked));
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.click();
        button.focus();
      }
    });
  }

  // Long words carry soft hyphens from the build (generator/outputs/hyphenation.py); copied text
  // gets none, so a pasted title reads and searches as it looks.
  document.addEventListener("copy", function (event) {
    var selection = document.getSelection();
    var text = selection ? selection.toString() : "";
    if (text.indexOf("\u00ad") < 0 || !event.clipboardData) return;
    var copy = document.createElement("div");
    for (var index = 0; index < selection.rangeCount; index++) {
      copy.appendChild(selection.getRangeAt(index).cloneContents());
    }
    event.clipboardData.setData("text/plain", text.replace(/\u00ad/g, ""));
    event.clipboardData.setData("text/html", copy.innerHTML.replace(/\u00ad|&shy;/g, ""));
    event.preventDefault();
  });
})();
