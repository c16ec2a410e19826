/* Results page "Suche": starts Pagefind's UI (pagefind/pagefind-ui.js, loaded before this file)
   and runs the query from ?q= (the search box in the header sends it). ?typ=Verein preselects the
   filter. Everything comes from this site; paths are relative, so any base path works. */
(function () {
  "use strict";
  var element = document.getElementById("eg-suche");
  if (!element || typeof window.PagefindUI !== "function") {
    return;
  }
  var here = window.location.href;
  var ui = new window.PagefindUI({
    element: "#eg-suche",
    bundlePath: new URL(element.getAttribute("data-bundle"), here).pathname,
    baseUrl: new URL(element.getAttribute("data-root"), here).pathname,
    showImages: false,
    showSubResults: false,
    openFilters: ["Typ"],
    showEmptyFilters: false,
    excerptLength: 24,
    translations: {
      placeholder: "Suchbegriff eingeben",
      search_label: "Suchbegriff",
      filters_label: "Ergebnisse eingrenzen"
    },
    processResult: function (result) {
      // Each result says what it is: "Typ: Verein", "Typ: Veranstaltung", …
      var types = result.filters && result.filters.Typ;
      if (types && types.length) {
        result.meta = Object.assign({}, result.meta, { Typ: types.join(", ") });
      }
      return result;
    }
  });

  var params = new URLSearchParams(window.location.search);
  var query = (params.get("q") || "").trim();
  var type = (params.get("typ") || "").trim();
  if (type) {
    ui.triggerFilters({ Typ: [type] });
  }
  if (query) {
    ui.triggerSearch(query);
  }

  // Keep the address in step with the search field, so "Zurück" and bookmarks show the same results.
  element.addEventListener("input", function (event) {
    if (!event.target || !event.target.classList.contains("pagefind-ui__search-input")) {
      return;
    }
    var next = new URLSearchParams(window.location.search);
    var value = event.target.value.trim();
    if (value) {
      next.set("q", value);
    } else {
      next.delete("q");
    }
    var search = next.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
  });
})();
