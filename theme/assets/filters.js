/* Filters for the event and club lists. Progressive enhancement: without JavaScript the
   form stays hidden and the complete, grouped list is shown. No dependencies, no storage. */
(function () {
  "use strict";

  function matches(item, filters) {
    for (var i = 0; i < filters.length; i++) {
      var f = filters[i];
      if (f.name === "from") {
        if ((item.dataset.last || "") < f.value) return false;
      } else if (f.name === "to") {
        if ((item.dataset.day || "") > f.value) return false;
      } else {
        var values = (item.dataset[f.name] || "").split(" ");
        if (values.indexOf(f.value) === -1) return false;
      }
    }
    return true;
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
