/* Filters for lists: a form[data-filter-for="ID"] filters every [data-filter-item] inside the
   [data-filter-group]s of the element #ID (event list, club list, Mitmachen list). Progressive
   enhancement: without JavaScript the form stays hidden and the complete, grouped list is shown.

   An item matches when, for every field of the form that is set, its data-<name> attribute holds
   the field's value as one of its space-separated words; "from" and "to" compare with the
   item's data-last and data-day (ISO dates), or, for a regular series, with the days it meets
   (data-dates). A group with data-group-category shows its items
   only while no other category is chosen. Items with the same data-filter-key (a club listed
   under each of its areas) count once.

   The choice lives in the address (?district=arnsnesta&free=ja): reload and a shared link keep
   it (history.replaceState, no reload, no storage). A jump list nav[data-filter-jump-for="ID"]
   counts what is visible under each of its targets (a group, or a part: [data-filter-part]). After a change the result count comes into
   view below Material's sticky header when the first result is out of sight (a phone). */
(function () {
  "use strict";

  /* A regular series lists the days it takes place (data-dates): it matches a date range only
     if one of them falls inside. A single event spans data-day to data-last. */
  function inRange(item, from, to) {
    var dates = item.dataset.dates;
    if (dates !== undefined) {
      return dates.split(" ").some(function (d) { return d && (!from || d >= from) && (!to || d <= to); });
    }
    return (!from || (item.dataset.last || item.dataset.day || "") >= from) && (!to || (item.dataset.day || "") <= to);
  }

  function matches(item, filters) {
    var from = "", to = "";
    for (var i = 0; i < filters.length; i++) {
      var f = filters[i];
      if (f.name === "from") {
        from = f.value;
      } else if (f.name === "to") {
        to = f.value;
      } else {
        var values = (item.getAttribute("data-" + f.name) || "").split(" ");
        if (values.indexOf(f.value) === -1) return false;
      }
    }
    return (!from && !to) || inRange(item, from, to);
  }

  function named(form) {
    var result = [];
    for (var i = 0; i < form.elements.length; i++) {
      if (form.elements[i].name) result.push(form.elements[i]);
    }
    return result;
  }

  function activeFilters(form) {
    var result = [];
    named(form).forEach(function (field) {
      if (!field.value) return;
      if (field.type === "checkbox" && !field.checked) return;
      result.push({ name: field.name, value: field.value });
    });
    return result;
  }

  var ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

  /* Set the fields from the address; values the form does not offer are left out. */
  function readAddress(form) {
    var params = new URLSearchParams(window.location.search);
    named(form).forEach(function (field) {
      if (!params.has(field.name)) return;
      var value = params.get(field.name);
      if (field.type === "checkbox") {
        field.checked = value === field.value;
      } else if (field.tagName === "SELECT") {
        for (var i = 0; i < field.options.length; i++) {
          if (field.options[i].value === value) field.value = value;
        }
      } else if (field.type === "date" || field.name === "from" || field.name === "to") {
        if (ISO_DAY.test(value)) field.value = value;
      } else if (field.tagName === "INPUT") {
        field.value = value;
      }
    });
  }

  function writeAddress(form, filters) {
    var params = new URLSearchParams(window.location.search);
    named(form).forEach(function (field) { params.delete(field.name); });
    filters.forEach(function (f) { params.set(f.name, f.value); });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (address !== window.location.pathname + window.location.search + window.location.hash) {
      try {
        window.history.replaceState(window.history.state, "", address);
      } catch (e) { /* a file:// page may refuse; the filter still works */ }
    }
  }

  function apply(form, target) {
    var filters = activeFilters(form);
    var category = "";
    filters.forEach(function (f) { if (f.name === "category") category = f.value; });
    var seen = {};
    var shown = 0;
    var first = null;
    target.querySelectorAll("[data-filter-group]").forEach(function (group) {
      var groupCategory = group.getAttribute("data-group-category");
      var groupVisible = !(category && groupCategory && groupCategory !== category);
      var visibleItems = 0;
      group.querySelectorAll("[data-filter-item]").forEach(function (item) {
        var visible = groupVisible && matches(item, filters);
        item.hidden = !visible;
        if (!visible) return;
        visibleItems++;
        if (!first) first = item;
        var key = item.getAttribute("data-filter-key");
        if (key === null) {
          shown++;
        } else if (!seen[key]) {
          seen[key] = true;
          shown++;
        }
      });
      group.hidden = visibleItems === 0;
      group.setAttribute("data-filter-visible", String(visibleItems));
    });
    /* A part of the list (the event list's one-off dates, its regular meetings) hides with its
       last visible group, heading and all. */
    target.querySelectorAll("[data-filter-part]").forEach(function (part) {
      var visibleItems = part.querySelectorAll("[data-filter-item]:not([hidden])").length;
      part.hidden = visibleItems === 0;
      part.setAttribute("data-filter-visible", String(visibleItems));
    });
    updateJumpLists(target);
    var count = form.querySelector(".eg-filter__count");
    if (count) {
      count.textContent = filters.length
        ? shown + (shown === 1 ? " Eintrag passt" : " Einträge passen") + " zu Ihrer Auswahl."
        : "";
    }
    writeAddress(form, filters);
    return { count: count, first: first, filtered: filters.length > 0 };
  }

  /* Each link of a jump list shows how many items its target group shows now, or hides. */
  function updateJumpLists(target) {
    document.querySelectorAll('[data-filter-jump-for="' + target.id + '"] a[href^="#"]').forEach(function (link) {
      var anchor = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      var group = anchor && (anchor.closest("[data-filter-group]") || anchor.closest("[data-filter-part]"));
      if (!group) return;
      var visible = group.hidden ? 0 : Number(group.getAttribute("data-filter-visible") || 0);
      var number = link.querySelector("[data-jump-count]");
      if (number) number.textContent = "(" + visible + ")";
      var entry = link.closest("li") || link;
      entry.hidden = visible === 0;
    });
  }

  function headerBottom() {
    var header = document.querySelector(".md-header");
    if (!header) return 0;
    var style = window.getComputedStyle(header);
    if (style.position !== "sticky" && style.position !== "fixed") return 0;
    /* Where the header's bottom is once the page has scrolled: a sticky header below a banner
       (town.yml demo: ja) is not stuck yet at the top of the page. */
    if (style.position === "sticky") return (parseFloat(style.top) || 0) + header.getBoundingClientRect().height;
    return Math.max(0, header.getBoundingClientRect().bottom);
  }

  /* After a change: if the first result is out of sight, scroll the count to just below the header. */
  function bringIntoView(result) {
    var anchor = result.count && result.count.textContent ? result.count : result.first;
    if (!anchor) return;
    var top = headerBottom();
    var firstBox = result.first ? result.first.getBoundingClientRect() : null;
    var visible = firstBox && firstBox.top >= top && firstBox.top < window.innerHeight - 40;
    if (visible) return;
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    var y = window.pageYOffset + anchor.getBoundingClientRect().top - top - 8;
    window.scrollTo({ top: Math.max(0, y), behavior: reduce ? "auto" : "smooth" });
  }

  document.querySelectorAll("form[data-filter-for]").forEach(function (form) {
    var target = document.getElementById(form.getAttribute("data-filter-for"));
    if (!target) return;
    form.hidden = false;
    readAddress(form);
    form.addEventListener("change", function () { bringIntoView(apply(form, target)); });
    form.addEventListener("input", function () { apply(form, target); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(form, target); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); bringIntoView(apply(form, target)); });
    apply(form, target);
  });
})();
