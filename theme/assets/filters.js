/* Filters for the event and club lists. Progressive enhancement: without JavaScript the
   form stays hidden and the complete, grouped list is shown. No dependencies, no storage. */
(function () {
  "use strict";

  /* A regular series lists the days it takes place (data-dates): it matches a date range only
     if one of them falls inside. A single event spans data-day to data-last. */
  function inRange(item, from, to) {
    var dates = item.dataset.dates;
    if (dates !== undefined) {
      return dates.split(" ").some(function (d) { return d && (!from || d >= from) && (!to || d <= to); });
    }
    return (!from || (item.dataset.last || "") >= from) && (!to || (item.dataset.day || "") <= to);
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
        var values = (item.dataset[f.name] || "").split(" ");
        if (values.indexOf(f.value) === -1) return false;
      }
    }
    return (!from && !to) || inRange(item, from, to);
  }

  function activeFilters(form) {
    var result = [];
    var fields = form.elements;
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      if (!field.name || !field.value) continue;
      if (field.type === "checkbox" && !field.checked) continue;
      result.push({ name: field.name, value: field.value });
    }
    return result;
  }

  function apply(form, target) {
    var filters = activeFilters(form);
    var category = "";
    filters.forEach(function (f) { if (f.name === "category") category = f.value; });
    var shown = 0;
    var groups = target.querySelectorAll("[data-filter-group]");
    groups.forEach(function (group) {
      var groupCategory = group.getAttribute("data-group-category");
      var groupVisible = !(category && groupCategory && groupCategory !== category);
      var visibleItems = 0;
      group.querySelectorAll("[data-filter-item]").forEach(function (item) {
        var visible = groupVisible && matches(item, filters);
        item.hidden = !visible;
        if (visible) visibleItems++;
      });
      group.hidden = visibleItems === 0;
      shown += visibleItems;
    });
    var count = form.querySelector(".eg-filter__count");
    if (count) {
      count.textContent = filters.length
        ? shown + (shown === 1 ? " Eintrag passt" : " Einträge passen") + " zu Ihrer Auswahl."
        : "";
    }
  }

  document.querySelectorAll("form[data-filter-for]").forEach(function (form) {
    var target = document.getElementById(form.getAttribute("data-filter-for"));
    if (!target) return;
    form.hidden = false;
    form.addEventListener("change", function () { apply(form, target); });
    form.addEventListener("input", function () { apply(form, target); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(form, target); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(form, target); });
    apply(form, target);
  });
})();
