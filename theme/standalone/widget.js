/* Engagement-Portal: Termine eines Vereins oder einer Kategorie auf der eigenen Webseite.
 *
 *   <div data-engagiert-verein="KENNUNG"><a href="…">Termine im Portal</a></div>
 *   <script src="…/widget/widget.js" defer></script>
 *
 * Ersetzt den Inhalt jedes Elements mit data-engagiert-verein oder data-engagiert-kategorie
 * durch einen iframe mit der Widget-Seite aus diesem Portal. Optional: data-hoehe (Pixel,
 * Standard 420) und data-titel (Titel des iframes für Screenreader). Lädt nichts von anderen
 * Servern, setzt keine Cookies. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.URL) { return; }
  var root = new URL("../", script.src);
  var kinds = { "data-engagiert-verein": "widget/verein/", "data-engagiert-kategorie": "widget/kategorie/" };
  var boxes = document.querySelectorAll("[data-engagiert-verein], [data-engagiert-kategorie]");
  Array.prototype.forEach.call(boxes, function (box) {
    if (box.getAttribute("data-engagiert-fertig")) { return; }
    var attribute = box.hasAttribute("data-engagiert-verein") ? "data-engagiert-verein" : "data-engagiert-kategorie";
    var id = box.getAttribute(attribute) || "";
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) { return; }
    var frame = document.createElement("iframe");
    frame.src = new URL(kinds[attribute] + id + "/", root).href;
    frame.title = box.getAttribute("data-titel") || "Termine aus dem Engagement-Portal";
    frame.height = String(parseInt(box.getAttribute("data-hoehe"), 10) || 420);
    frame.setAttribute("loading", "lazy");
    frame.style.width = "100%";
    frame.style.border = "1px solid #d0d0d0";
    while (box.firstChild) { box.removeChild(box.firstChild); }
    box.appendChild(frame);
    box.setAttribute("data-engagiert-fertig", "ja");
  });
})();
