/* The forms "… melden": render the fields from the embedded JSON Schema and layout, check them
   with the schema's rules (plus the few the schema cannot express), and write the YAML file.
   No dependencies, nothing loaded from anywhere. The page data comes from generator/render/forms.
   Without JavaScript the page shows the e-mail route instead (the form stays hidden). */
(function () {
  "use strict";

  var specNode = document.getElementById("eg-form-spec");
  var page = document.querySelector("[data-form-page]");
  if (!specNode || !page) return;
  var spec = JSON.parse(specNode.textContent);
  var schema = spec.schema;
  var layout = spec.layout;
  var OTHER = "anderer-ort";
  var WEEKDAYS = [["mo", "Montag"], ["di", "Dienstag"], ["mi", "Mittwoch"], ["do", "Donnerstag"],
    ["fr", "Freitag"], ["sa", "Samstag"], ["so", "Sonntag"]];
  var ORDINALS = { 1: "ersten", 2: "zweiten", 3: "dritten", 4: "vierten", 5: "fünften" };

  // --- the JSON Schema (draft-07 subset the generator writes) ---------------------------------

  function resolve(node) {
    while (node && node.$ref) {
      node = node.$ref.slice(2).split("/").reduce(function (n, key) { return n[key]; }, schema);
    }
    return node || {};
  }

  function objectNode(node) {
    node = resolve(node);
    if (node.properties) return node;
    var branches = node.anyOf || [];
    for (var i = 0; i < branches.length; i++) {
      var branch = resolve(branches[i]);
      if (branch.properties) return branch;
    }
    return null;
  }

  function isIndex(key) { return /^\d+$/.test(key); }

  /* The schema of a dotted path ("location.name"), as written in its parent's properties; a number
     is an entry of a list ("contact.1.email": the e-mail of a club's second contact). */
  function nodeAt(path) {
    var keys = path.split(".");
    var node = schema;
    for (var i = 0; i < keys.length; i++) {
      if (isIndex(keys[i])) {
        node = itemsNode(node);
        if (!node) return null;
        continue;
      }
      var parent = objectNode(node);
      if (!parent || !parent.properties[keys[i]]) return null;
      node = parent.properties[keys[i]];
    }
    return node;
  }

  function parentNode(path) {
    var keys = path.split(".");
    return keys.length === 1 ? schema : objectNode(nodeAt(keys.slice(0, -1).join(".")));
  }

  function isRequired(path) {
    var parent = parentNode(path);
    var key = path.split(".").pop();
    return !!(parent && parent.required && parent.required.indexOf(key) !== -1);
  }

  function titleOf(path) {
    var node = nodeAt(path);
    if (!node) return path;
    if (node.title) return node.title;
    var object = objectNode(node);
    return (object && object.title) || path;
  }

  function exampleOf(node) {
    node = resolve(node);
    if (node.examples) return node.examples[0];
    var branches = node.anyOf || [];
    for (var i = 0; i < branches.length; i++) {
      var branch = resolve(branches[i]);
      if (branch.examples) return branch.examples[0];
    }
    return null;
  }

  var formats = {};
  Object.keys(spec.formats).forEach(function (name) {
    try {
      formats[name] = new RegExp(spec.formats[name][0], spec.formats[name][1]);
    } catch (e) { // very old browsers: no \p{…}; the maintainers' check still runs
      formats[name] = null;
    }
  });

  function hasType(value, type) {
    switch (type) {
      case "string": return typeof value === "string";
      case "integer": return typeof value === "number" && Math.floor(value) === value;
      case "number": return typeof value === "number";
      case "boolean": return typeof value === "boolean";
      case "null": return value === null;
      case "array": return Array.isArray(value);
      case "object": return value !== null && typeof value === "object" && !Array.isArray(value);
    }
    return false;
  }

  function typeOf(value) {
    if (value === null) return "null";
    if (Array.isArray(value)) return "array";
    if (typeof value === "number") return Math.floor(value) === value ? "integer" : "number";
    return typeof value;
  }

  /* Every violation of ``node`` by ``value``: [{path, keyword, node, value}]. */
  function check(value, node, path) {
    node = resolve(node);
    if (node.anyOf) {
      var best = null;
      for (var i = 0; i < node.anyOf.length; i++) {
        var branch = resolve(node.anyOf[i]);
        var found = check(value, branch, path);
        if (!found.length) return [];
        var types = [].concat(branch.type || []);
        var matchesType = types.indexOf(typeOf(value)) !== -1 || (typeOf(value) === "integer" && types.indexOf("number") !== -1);
        if (!best || (matchesType && !best.matchesType)) best = { errors: found, matchesType: matchesType };
      }
      return best.errors;
    }
    var error = function (keyword, extra) {
      var result = { path: path, keyword: keyword, node: node, value: value };
      for (var key in extra || {}) result[key] = extra[key];
      return [result];
    };
    if (node.enum && node.enum.indexOf(value) === -1) return error("enum");
    if (node.type && ![].concat(node.type).some(function (t) { return hasType(value, t); })) return error("type");
    if (typeof value === "string") {
      if (node.pattern && !new RegExp(node.pattern).test(value)) return error("pattern");
      if (node.format && formats[node.format] && !formats[node.format].test(value)) return error("format");
    }
    if (typeof value === "number") {
      if (node.minimum !== undefined && value < node.minimum) return error("range");
      if (node.maximum !== undefined && value > node.maximum) return error("range");
    }
    var errors = [];
    if (Array.isArray(value)) {
      if (node.minItems !== undefined && value.length < node.minItems) return error("minItems");
      if (node.items) {
        value.forEach(function (item, index) { errors = errors.concat(check(item, node.items, join(path, String(index)))); });
      }
    } else if (hasType(value, "object") && node.properties) {
      (node.required || []).forEach(function (key) {
        if (!(key in value)) errors.push({ path: join(path, key), keyword: "required", node: node.properties[key] });
      });
      Object.keys(value).forEach(function (key) {
        if (node.properties[key]) errors = errors.concat(check(value[key], node.properties[key], join(path, key)));
        else if (node.additionalProperties === false) errors.push({ path: join(path, key), keyword: "unknown" });
      });
    }
    return errors;
  }

  function join(path, key) { return path ? path + "." + key : key; }

  // --- dates and times (the rules the schema's patterns cannot express) -----------------------

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function iso(d) { return d.y + "-" + pad(d.m) + "-" + pad(d.d); }
  function german(d) { return pad(d.d) + "." + pad(d.m) + "." + d.y; }
  function daysIn(y, m) { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }
  function weekday(d) { return (new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay() + 6) % 7; } // 0 = Monday
  function dayNumber(d) { return Date.UTC(d.y, d.m - 1, d.d) / 864e5; }

  /* "19.06.2027", "19.6.27" or "2027-06-19" → {y, m, d}; throws a German message. */
  function parseDate(text) {
    var m = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2}|\d{4})$/.exec(text);
    var parts = m ? [m[3], m[2], m[1]] : null;
    if (!parts) {
      m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
      parts = m ? [m[1], m[2], m[3]] : null;
    }
    if (!parts) {
      throw "„" + text + "“ ist kein Datum. Schreiben Sie Tag.Monat.Jahr, z. B. 19.06.2027.";
    }
    var y = +parts[0] < 100 ? 2000 + +parts[0] : +parts[0];
    var date = { y: y, m: +parts[1], d: +parts[2] };
    if (date.m < 1 || date.m > 12 || date.d < 1 || date.d > daysIn(date.y, date.m)) {
      throw "Den Tag „" + text + "“ gibt es nicht. Prüfen Sie Tag und Monat.";
    }
    return date;
  }

  /* "14", "14:00", "14.00", "1400", "14 Uhr" → {h, min}; throws a German message. */
  function parseTime(text) {
    var m = /^(\d{1,2})(?:[:.]?(\d{2}))?(?:\s*Uhr)?$/i.exec(text);
    if (!m) throw "„" + text + "“ ist keine Uhrzeit. Schreiben Sie Stunden und Minuten, z. B. 14:00.";
    var time = { h: +m[1], min: +(m[2] || 0) };
    if (time.h > 23 || time.min > 59) {
      throw "Die Uhrzeit „" + text + "“ gibt es nicht. Erlaubt ist 00:00 bis 23:59.";
    }
    return time;
  }

  function hhmm(t) { return pad(t.h) + ":" + pad(t.min); }

  var wallClock = null;
  try {
    wallClock = new Intl.DateTimeFormat("en-US", {
      timeZone: spec.timezone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
      hour: "numeric", minute: "numeric",
    });
  } catch (e) { wallClock = null; }

  function wallTime(ms) {
    var p = {};
    wallClock.formatToParts(new Date(ms)).forEach(function (part) { p[part.type] = +part.value; });
    return Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute);
  }

  /* Whether the wall-clock time exists in the town's zone (not skipped by the change to summer time). */
  function localTimeExists(d, t) {
    if (!wallClock) return true;
    var wall = Date.UTC(d.y, d.m - 1, d.d, t.h, t.min);
    return [wall - 432e5, wall + 432e5].some(function (probe) {
      var offset = wallTime(probe) - probe;
      return wallTime(wall - offset) === wall;
    });
  }

  function today() {
    if (!wallClock) {
      var now = new Date();
      return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
    }
    var wall = new Date(wallTime(Date.now()));
    return { y: wall.getUTCFullYear(), m: wall.getUTCMonth() + 1, d: wall.getUTCDate() };
  }

  // --- building the form ----------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var key in attrs || {}) {
      if (attrs[key] === null || attrs[key] === undefined || attrs[key] === false) continue;
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key] === true ? "" : attrs[key]);
    }
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function idOf(path) { return "f-" + path.replace(/[._]/g, "-"); }

  var controls = {}; // path → {field, kind, get(), set(value), focusId, label}

  function labelText(field) { return field.label || titleOf(field.path); }

  /* Marked "(Pflicht)": required by the layout, or by the schema wherever the field is shown (at the top
     level, below a required record, or in a group shown on request). Fields that are required only once
     their optional group is begun (an address) are explained by the group's hint instead. */
  function markedRequired(field) {
    if (field.required) return true;
    var keys = field.path.split(".");
    for (var i = keys.length; i > 0; i--) {
      if (!isRequired(keys.slice(0, i).join("."))) return !!field.inShownGroup && i < keys.length;
    }
    return true;
  }

  function requiredMark(required) {
    return required ? el("span", { class: "eg-required", text: " (Pflicht)" }) : null;
  }

  /* A field with label, hint, error message and control; ``make(id, describedBy)`` returns the control. */
  function fieldBlock(id, label, hint, required, make) {
    var hintId = hint ? id + "-hinweis" : null;
    var box = el("div", { class: "eg-field", id: id + "-feld" });
    box.appendChild(el("label", { for: id, class: "eg-label" }, [document.createTextNode(label), requiredMark(required)]));
    if (hint) box.appendChild(el("p", { class: "eg-hint", id: hintId, text: hint }));
    box.appendChild(el("p", { class: "eg-error-message", id: id + "-fehler", hidden: true }));
    var control = make(id, hintId);
    if (hintId) control.setAttribute("aria-describedby", hintId);
    if (required) control.setAttribute("aria-required", "true");
    box.appendChild(control);
    return box;
  }

  /* Radios or checkboxes in a fieldset; the fieldset names them and carries hint and error. */
  function choiceBlock(id, type, name, label, hint, required, options) {
    var hintId = hint ? id + "-hinweis" : null;
    var box = el("fieldset", { class: "eg-field eg-choices", id: id + "-feld", "aria-describedby": hintId });
    box.appendChild(el("legend", { class: "eg-label" }, [document.createTextNode(label), requiredMark(required)]));
    if (hint) box.appendChild(el("p", { class: "eg-hint", id: hintId, text: hint }));
    box.appendChild(el("p", { class: "eg-error-message", id: id + "-fehler", hidden: true }));
    var list = el("div", { class: "eg-choice-list" + (options.length > 4 ? " eg-choice-list--columns" : "") });
    options.forEach(function (option, index) {
      var optionId = index === 0 ? id : id + "-" + (option[0] || "keine");
      list.appendChild(el("div", { class: "eg-choice" }, [
        el("input", { type: type, id: optionId, name: name, value: option[0] }),
        el("label", { for: optionId, text: option[1] }),
      ]));
    });
    box.appendChild(list);
    return box;
  }

  function checked(name) {
    return Array.prototype.filter.call(form.querySelectorAll('input[name="' + name + '"]'), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
  }

  function setChecked(name, values) {
    form.querySelectorAll('input[name="' + name + '"]').forEach(function (input) {
      input.checked = values.indexOf(input.value) !== -1;
    });
  }

  /* The non-null branches of a field's schema. */
  function leafNodes(path) {
    var node = resolve(nodeAt(path));
    return [node].concat((node.anyOf || []).map(resolve)).filter(function (n) {
      return !n.anyOf && [].concat(n.type || []).indexOf("null") === -1;
    });
  }

  function formatOf(path) {
    return leafNodes(path).map(function (n) { return n.format; }).filter(Boolean)[0] || null;
  }

  /* A number field (e.g. the founding year): the schema takes an integer and no text. */
  function isInteger(path) {
    var nodes = leafNodes(path);
    return nodes.length > 0 && nodes.every(function (n) {
      var types = [].concat(n.type || []);
      return types.indexOf("integer") !== -1 && types.indexOf("string") === -1;
    });
  }

  function textInput(field, id) {
    var format = formatOf(field.path);
    var integer = isInteger(field.path);
    var attrs = { id: id, name: field.path, class: "eg-input", autocomplete: field.autocomplete || null, spellcheck: null };
    if (field.widget === "tel") { attrs.type = "tel"; attrs.class += " eg-input--medium"; }
    else if (format === "email") { attrs.type = "email"; attrs.spellcheck = "false"; }
    else if (format === "uri") { attrs.type = "url"; attrs.spellcheck = "false"; }
    else if (integer) { attrs.type = "text"; attrs.inputmode = "numeric"; attrs.class += " eg-input--short"; }
    else attrs.type = "text";
    if (field.path.split(".").pop() === "postcode") { attrs.inputmode = "numeric"; attrs.class += " eg-input--short"; }
    return el("input", attrs);
  }

  function addText(field, container) {
    var id = idOf(field.path);
    var required = markedRequired(field);
    var multi = field.widget === "textarea" || field.widget === "lines";
    container.appendChild(fieldBlock(id, labelText(field), field.hint, required, function (cid) {
      return multi ? el("textarea", { id: cid, name: field.path, class: "eg-input", rows: field.widget === "lines" ? 3 : 7 })
        : textInput(field, cid);
    }));
    var input = form.querySelector("#" + id);
    var integer = isInteger(field.path);
    register(field, id, function () {
      var text = clean(input.value, multi);
      if (!text) return undefined;
      if (field.widget === "lines") return text.split("\n").map(function (l) { return l.trim(); }).filter(Boolean);
      if (integer && /^\d+$/.test(text)) return +text;
      return text;
    }, function (value) {
      input.value = value === undefined ? "" : Array.isArray(value) ? value.join("\n") : String(value);
    });
  }

  function addDate(field, container) {
    var id = idOf(field.path);
    var required = markedRequired(field);
    container.appendChild(fieldBlock(id, labelText(field), field.hint || "Tag.Monat.Jahr, z. B. 19.06.2027", required, function (cid) {
      return el("input", { type: "text", id: cid, name: field.path, class: "eg-input eg-input--date", autocomplete: "off" });
    }));
    var input = form.querySelector("#" + id);
    tidyDateOnChange(input);
    register(field, id, function () {
      var text = clean(input.value);
      if (!text) return undefined;
      var day = parseDateAt(text, id);
      var now = today();
      if (field.not_past && dayNumber(day) < dayNumber(now)) {
        throw fieldError(id, "Der " + german(day) + " liegt in der Vergangenheit (heute ist der " + german(now)
          + "). Bitte tragen Sie einen Tag ab heute ein.");
      }
      return iso(day);
    }, function (value) { input.value = value ? german(parseDate(value)) : ""; });
  }

  function tidyDateOnChange(input) {
    input.addEventListener("change", function () {
      try { input.value = german(parseDate(clean(input.value))); } catch (e) { /* reported on submit */ }
    });
  }

  function addSelect(field, container) {
    var id = idOf(field.path);
    var required = markedRequired(field);
    var options = [["", field.empty || "Bitte wählen"]].concat(spec.choices[field.choices] || []);
    if (field.other) options.push([OTHER, field.other]);
    container.appendChild(fieldBlock(id, labelText(field), field.hint, required, function (cid) {
      return el("select", { id: cid, name: field.path, class: "eg-input eg-select" }, options.map(function (o) {
        return el("option", { value: o[0], text: o[1] });
      }));
    }));
    var select = form.querySelector("#" + id);
    register(field, id, function () {
      return select.value && select.value !== OTHER ? select.value : undefined;
    }, function (value) { select.value = Array.isArray(value) ? value[0] || "" : value || ""; }, function () { return select.value; });
  }

  function addChoices(field, container) {
    var id = idOf(field.path);
    var required = markedRequired(field);
    var many = field.widget === "checkboxes";
    var options = field.widget === "yesno" ? [["ja", "Ja"], ["nein", "Nein"]]
      : field.options.length ? field.options.slice() : spec.choices[field.choices];
    if (!many && (field.empty || field.widget === "yesno")) options = options.concat([["", field.empty || "Keine Angabe"]]);
    container.appendChild(choiceBlock(id, many ? "checkbox" : "radio", field.path, labelText(field), field.hint, required, options));
    if (!many) setChecked(field.path, [""]);
    var loaded = []; // a changed record keeps its order (the first category is its main one)
    var rank = function (value) {
      var index = loaded.indexOf(value);
      return index === -1 ? loaded.length : index;
    };
    register(field, id, function () {
      var values = checked(field.path);
      if (many) {
        values = values.map(function (v, i) { return [rank(v), i, v]; })
          .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }).map(function (e) { return e[2]; });
        return values.length ? values : undefined;
      }
      return values[0] || undefined;
    }, function (value) {
      loaded = value === undefined ? [] : [].concat(value);
      setChecked(field.path, value === undefined ? (many ? [] : [""]) : loaded);
    }, function () { return checked(field.path).join(" "); });
  }

  function addCheck(field, container) {
    var id = idOf(field.path);
    var box = el("div", { class: "eg-field eg-field--check", id: id + "-feld" }, [
      el("p", { class: "eg-error-message", id: id + "-fehler", hidden: true }),
      el("div", { class: "eg-choice" }, [
        el("input", { type: "checkbox", id: id, name: field.path, value: "ja" }),
        el("label", { for: id, text: labelText(field) }),
      ]),
    ]);
    container.appendChild(box);
    var input = form.querySelector("#" + id);
    register(field, id, function () { return input.checked ? "ja" : undefined; },
      function (value) { input.checked = value === "ja"; }, function () { return input.checked ? "ja" : ""; });
  }

  function addToday(field, container) {
    var id = idOf(field.path);
    var day = today();
    container.appendChild(el("div", { class: "eg-field", id: id + "-feld" }, [
      el("p", { class: "eg-today", id: id, text: labelText(field) + " Eingetragen wird das heutige Datum, der " + german(day) + "." }),
    ]));
    register(field, id, function () { return iso(day); }, function () {});
  }

  function register(field, focusId, get, set, raw) {
    controls[field.path] = { field: field, focusId: focusId, get: get, set: set, raw: raw || function () { return ""; } };
  }

  /* Text as the YAML file can hold it: no control characters, no tabs, one kind of line break. */
  function clean(text, multiline) {
    text = String(text).replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n").replace(/\t/g, "    ")
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/g, "");
    text = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/g, "$1");
    if (!multiline) text = text.replace(/\s+/g, " ");
    else text = text.split("\n").map(function (line) { return /^\s*$/.test(line) ? "" : line.replace(/\s+$/, ""); }).join("\n");
    return text.trim();
  }

  // --- the event's date and time, and its repetition -----------------------------------------

  function subField(container, id, label, hint, required, className) {
    container.appendChild(fieldBlock(id, label, hint, required, function (cid) {
      return el("input", { type: "text", id: cid, class: "eg-input " + (className || ""), autocomplete: "off" });
    }));
    return form.querySelector("#" + id);
  }

  var when = null;

  function addWhen(field, container) {
    var box = el("div", { class: "eg-when" });
    container.appendChild(box);
    when = {};
    when.date = subField(box, "f-start-datum", "Datum", "Tag.Monat.Jahr, z. B. 19.06.2027", true, "eg-input--date");
    tidyDateOnChange(when.date);
    box.appendChild(el("div", { class: "eg-field eg-field--check", id: "f-start-ganztags-feld" }, [
      el("div", { class: "eg-choice" }, [
        el("input", { type: "checkbox", id: "f-start-ganztags", value: "ja" }),
        el("label", { for: "f-start-ganztags", text: "Ganztägig – ohne Uhrzeit" }),
      ]),
    ]));
    when.allDay = form.querySelector("#f-start-ganztags");
    var times = el("div", { class: "eg-row", "data-show-when": "start.allday=" });
    box.appendChild(times);
    when.start = subField(times, "f-start-zeit", "Beginn (Uhrzeit)", "z. B. 14:00", true, "eg-input--time");
    when.end = subField(times, "f-end-zeit", "Ende (Uhrzeit)", "Freiwillig, z. B. 18:00", false, "eg-input--time");
    when.endDate = subField(box, "f-end-datum", "Letzter Tag", "Nur wenn der Termin an einem anderen Tag endet, "
      + "z. B. bei einem Fest über mehrere Tage.", false, "eg-input--date");
    tidyDateOnChange(when.endDate);
    [when.start, when.end].forEach(function (input) {
      input.addEventListener("change", function () {
        try { input.value = hhmm(parseTime(clean(input.value))); } catch (e) { /* reported on submit */ }
      });
    });
    controls["start.allday"] = { raw: function () { return when.allDay.checked ? "ja" : ""; } };
    register(field, "f-start-datum", function () { return readWhen(); }, function () {});
  }

  /* {start, end} from the date and time fields; throws the German errors at the fields. */
  function readWhen() {
    var problems = [];
    var attempt = function (id, text, parse, missingMessage) {
      if (!text) {
        if (missingMessage) problems.push(fieldError(id, missingMessage));
        return null;
      }
      try { return parse(text); } catch (message) { problems.push(fieldError(id, message)); return null; }
    };
    var allDay = when.allDay.checked;
    var day = attempt("f-start-datum", clean(when.date.value), parseDate, "Bitte tragen Sie das Datum ein.");
    var endDay = attempt("f-end-datum", clean(when.endDate.value), parseDate);
    var start = allDay ? null : attempt("f-start-zeit", clean(when.start.value), parseTime,
      "Bitte tragen Sie die Uhrzeit des Beginns ein, oder kreuzen Sie „Ganztägig“ an.");
    var end = allDay ? null : attempt("f-end-zeit", clean(when.end.value), parseTime);
    var now = today();
    if (day && dayNumber(day) < dayNumber(now)) {
      problems.unshift(fieldError("f-start-datum", "Der " + german(day) + " liegt in der Vergangenheit (heute ist der "
        + german(now) + "). Das Portal zeigt nur kommende Termine: Bitte prüfen Sie das Datum."
        + (checked("repeat.freq")[0] ? " Bei einem regelmäßigen Termin tragen Sie den nächsten Termin ab heute ein." : "")));
    }
    if (problems.length) throw problems;
    if (endDay && dayNumber(endDay) < dayNumber(day)) {
      throw fieldError("f-end-datum", "Der letzte Tag liegt vor dem Datum des Beginns. Prüfen Sie beide Daten.");
    }
    var result = { start: iso(day) };
    if (allDay) {
      if (endDay && dayNumber(endDay) > dayNumber(day)) result.end = iso(endDay);
      return result;
    }
    result.start += " " + hhmm(start);
    checkTimeExists(day, start, "f-start-zeit");
    var sameDay = !endDay || dayNumber(endDay) === dayNumber(day);
    if (!end) {
      if (!sameDay) throw fieldError("f-end-zeit", "Bitte tragen Sie auch die Uhrzeit des Endes am letzten Tag ein.");
      return result;
    }
    if (sameDay) {
      var minutes = function (t) { return t.h * 60 + t.min; };
      if (minutes(end) < minutes(start)) {
        throw fieldError("f-end-zeit", "Das Ende " + hhmm(end) + " liegt vor dem Beginn. Endet der Termin nach "
          + "Mitternacht, tragen Sie auch den letzten Tag ein.");
      }
      if (minutes(end) === minutes(start)) {
        throw fieldError("f-end-zeit", "Das Ende ist gleich dem Beginn. Lassen Sie das Ende leer, wenn es offen ist.");
      }
      checkTimeExists(day, end, "f-end-zeit");
      result.end = hhmm(end);
    } else {
      checkTimeExists(endDay, end, "f-end-zeit");
      result.end = iso(endDay) + " " + hhmm(end);
    }
    return result;
  }

  function checkTimeExists(day, time, id) {
    if (!localTimeExists(day, time)) {
      throw fieldError(id, "Die Uhrzeit " + hhmm(time) + " am " + german(day) + " gibt es nicht: In dieser Nacht "
        + "wird die Uhr von 2 auf 3 Uhr vorgestellt (Sommerzeit). Wählen Sie eine Uhrzeit ab 03:00.");
    }
  }

  var repeat = null;

  function addRepeat(field, container) {
    var id = "f-repeat-freq";
    container.appendChild(choiceBlock(id, "radio", "repeat.freq", labelText(field), null, false, [
      ["", "Nein, nur einmal"], ["weekly", "Ja, jede Woche"], ["monthly", "Ja, jeden Monat"],
    ]));
    setChecked("repeat.freq", [""]);
    controls["repeat.freq"] = { raw: function () { return checked("repeat.freq")[0] || ""; } };
    var weekly = el("div", { class: "eg-subgroup", "data-show-when": "repeat.freq=weekly" });
    container.appendChild(weekly);
    weekly.appendChild(fieldBlock("f-repeat-interval", "Wie oft?", null, false, function (cid) {
      return el("select", { id: cid, class: "eg-input eg-select" }, [
        ["1", "jede Woche"], ["2", "jede zweite Woche"], ["3", "jede dritte Woche"], ["4", "jede vierte Woche"],
      ].map(function (o) { return el("option", { value: o[0], text: o[1] }); }));
    }));
    weekly.appendChild(choiceBlock("f-repeat-days", "checkbox", "repeat.days", "An welchen Tagen?",
      "Der Tag des ersten Termins (oben unter „Datum“) muss dabei sein.", false, WEEKDAYS));
    var monthly = el("div", { class: "eg-subgroup", "data-show-when": "repeat.freq=monthly" });
    container.appendChild(monthly);
    monthly.appendChild(fieldBlock("f-repeat-monthday", "An welchem Tag im Monat?",
      "Die Auswahl richtet sich nach dem Datum des ersten Termins.", false, function (cid) {
        return el("select", { id: cid, class: "eg-input eg-select" });
      }));
    var until = el("div", { class: "eg-subgroup", "data-show-when": "repeat.freq!=" });
    container.appendChild(until);
    until.appendChild(fieldBlock("f-repeat-until", "Bis wann?", "Freiwillig: der letzte mögliche Tag der Reihe, "
      + "z. B. 31.12.2027. Ohne Angabe läuft die Reihe weiter.", false, function (cid) {
      return el("input", { type: "text", id: cid, class: "eg-input eg-input--date", autocomplete: "off" });
    }));
    repeat = {
      interval: form.querySelector("#f-repeat-interval"),
      monthday: form.querySelector("#f-repeat-monthday"),
      until: form.querySelector("#f-repeat-until"),
    };
    tidyDateOnChange(repeat.until);
    register(field, id, function () { return readRepeat(); }, function () {});
    when.date.addEventListener("change", monthDayOptions);
    monthDayOptions();
  }

  /* Only rules the first date fits: "am 6. jedes Monats", "am 1. Mittwoch", "am letzten Mittwoch". */
  function monthDayOptions() {
    var select = repeat.monthday;
    var previous = select.value;
    var day = null;
    try { day = parseDate(clean(when.date.value)); } catch (e) { day = null; }
    select.textContent = "";
    if (!day) {
      select.appendChild(el("option", { value: "", text: "Bitte tragen Sie zuerst oben das Datum ein" }));
      return;
    }
    var name = WEEKDAYS[weekday(day)];
    var nth = Math.floor((day.d - 1) / 7) + 1;
    var options = [["tag", "am " + day.d + ". jedes Monats"], [nth + name[0], "am " + ORDINALS[nth] + " " + name[1] + " im Monat"]];
    if (day.d + 7 > daysIn(day.y, day.m)) options.push(["-1" + name[0], "am letzten " + name[1] + " im Monat"]);
    options.forEach(function (o) { select.appendChild(el("option", { value: o[0], text: o[1] })); });
    if (options.some(function (o) { return o[0] === previous; })) select.value = previous;
  }

  function readRepeat() {
    var freq = checked("repeat.freq")[0];
    if (!freq) return undefined;
    var result = { freq: freq };
    var first = null;
    try { first = parseDate(clean(when.date.value)); } catch (e) { first = null; } // reported at the date
    if (freq === "weekly") {
      if (repeat.interval.value !== "1") result.interval = +repeat.interval.value;
      var days = checked("repeat.days");
      if (days.length) {
        if (first && days.indexOf(WEEKDAYS[weekday(first)][0]) === -1) {
          throw fieldError("f-repeat-days", "Der erste Termin am " + german(first) + " ist ein " + WEEKDAYS[weekday(first)][1]
            + ". Kreuzen Sie diesen Tag an, oder ändern Sie oben das Datum.");
        }
        result.days = days;
      }
    } else if (repeat.monthday.value && repeat.monthday.value !== "tag") {
      result.days = [repeat.monthday.value];
    }
    var untilText = clean(repeat.until.value);
    if (untilText) {
      var until = parseDateAt(untilText, "f-repeat-until");
      if (first && dayNumber(until) < dayNumber(first)) {
        throw fieldError("f-repeat-until", "Dieser Tag liegt vor dem ersten Termin. Prüfen Sie das Datum.");
      }
      result.until = iso(until);
    }
    return result;
  }

  function fieldError(id, message) { return { fieldId: id, message: message }; }

  function parseDateAt(text, id) {
    try { return parseDate(text); } catch (message) { throw fieldError(id, message); }
  }

  // --- reading the form -----------------------------------------------------------------------

  function visible(node) {
    for (; node && node !== form; node = node.parentNode) if (node.hidden) return false;
    return true;
  }

  function setPath(object, path, value) {
    var keys = path.split(".");
    for (var i = 0; i < keys.length - 1; i++) {
      var kind = isIndex(keys[i + 1]) ? "array" : "object";
      if (!hasType(object[keys[i]], kind)) object[keys[i]] = kind === "array" ? [] : {};
      object = object[keys[i]];
    }
    object[keys[keys.length - 1]] = value;
  }

  function getPath(object, path) {
    return path.split(".").reduce(function (o, key) {
      return hasType(o, "object") || (hasType(o, "array") && isIndex(key)) ? o[key] : undefined;
    }, object);
  }

  function deletePath(object, path) {
    var keys = path.split(".");
    var parent = getPath(object, keys.slice(0, -1).join(".")) || (keys.length === 1 ? object : null);
    if (parent) delete parent[keys[keys.length - 1]];
  }

  function prune(object) {
    Object.keys(object).forEach(function (key) {
      if (hasType(object[key], "object")) {
        prune(object[key]);
        if (!Object.keys(object[key]).length) delete object[key];
      }
    });
    return object;
  }

  /* {data, errors}: the record as the YAML file will hold it, and every problem found. */
  function read() {
    var errors = [];
    var failed = {};
    var base = editing ? JSON.parse(JSON.stringify(spec.records[editing])) : {};
    var data = {};
    layout.groups.forEach(function (group) {
      group.fields.forEach(function (field) {
        deletePath(base, field.path);
        if (field.widget === "when") deletePath(base, "end");
        var control = controls[field.path];
        if (!visible(form.querySelector("#" + control.focusId))) return;
        try {
          var value = control.get();
          if (field.widget === "when") {
            setPath(data, "start", value.start);
            if (value.end) setPath(data, "end", value.end);
          } else if (value !== undefined) {
            setPath(data, field.path, value);
          }
        } catch (problems) {
          [].concat(problems).forEach(function (problem) {
            if (!problem.fieldId) throw problem;
            errors.push(problem);
          });
          failed[field.path] = true;
        }
      });
    });
    data = merge(prune(base), data);
    errors = errors.concat(missing(data, failed));
    errors = errors.concat(schemaErrors(data, errors));
    return { data: compact(data), errors: errors };
  }

  /* The form's answers over the record being changed; a list of records (a club's contacts) entry by
     entry, so an entry the form does not show (a third contact) stays. */
  function merge(base, data) {
    Object.keys(data).forEach(function (key) {
      if (isRecordList(data[key])) {
        if (!hasType(base[key], "array")) base[key] = [];
        data[key].forEach(function (item, index) {
          base[key][index] = hasType(base[key][index], "object") ? merge(base[key][index], item) : item;
        });
        for (var i = 0; i < base[key].length; i++) if (base[key][i] === undefined) base[key][i] = {};
      } else {
        base[key] = hasType(data[key], "object") && hasType(base[key], "object") ? merge(base[key], data[key]) : data[key];
      }
    });
    return base;
  }

  /* A list made from numbered fields ("contact.0.name"): records, with a hole where an entry is left empty. */
  function isRecordList(value) {
    if (!hasType(value, "array")) return false;
    for (var i = 0; i < value.length; i++) if (!(i in value) || hasType(value[i], "object")) return true;
    return false;
  }

  /* Lists of records without the entries left empty (a contact removed, or only the second filled in). */
  function compact(data) {
    Object.keys(data).forEach(function (key) {
      var value = data[key];
      if (!isRecordList(value)) return;
      var kept = value.filter(function (v) { return hasType(v, "object") && Object.keys(v).length; });
      if (kept.length) data[key] = kept;
      else delete data[key];
    });
    return data;
  }

  /* A list of records with one entry is written as that record, where the schema allows it: the file
     looks as it did before a club could have several contacts. */
  function singleEntries(data) {
    var result = {};
    Object.keys(data).forEach(function (key) {
      var value = data[key];
      var single = hasType(value, "array") && value.length === 1 && hasType(value[0], "object") && objectNode(nodeAt(key));
      result[key] = single ? value[0] : value;
    });
    return result;
  }

  function fieldsInOrder() {
    return layout.groups.reduce(function (all, group) { return all.concat(group.fields); }, []);
  }

  /* Required fields (by the schema, or by the layout for rules only the model knows) left empty. */
  function missing(data, failed) {
    var errors = [];
    fieldsInOrder().forEach(function (field) {
      var control = controls[field.path];
      var path = field.widget === "when" ? "start" : field.path;
      var parent = path.split(".").slice(0, -1).join(".");
      var node = form.querySelector("#" + control.focusId);
      if (failed[field.path] || getPath(data, path) !== undefined || !visible(node)) return;
      if (field.other && control.raw() === OTHER) return; // the fields shown for "other" say the rest
      // a group shown on request (the other place) counts as filled in, so its required fields are
      var chosen = !!node.closest("[data-show-when]");
      if (field.required || (isRequired(path) && (!parent || chosen || getPath(data, parent) !== undefined))) {
        errors.push(fieldError(control.focusId, requiredMessage(field)));
      }
    });
    // a required group (an opportunity's contact) with every field empty
    (schema.required || []).forEach(function (key) {
      if (key in data || !objectNode(nodeAt(key))) return;
      var first = fieldsInOrder().filter(function (f) { return f.path.indexOf(key + ".") === 0; })[0];
      if (first) {
        errors.push(fieldError(controls[first.path].focusId, "Bitte füllen Sie mindestens eines der Felder unter „"
          + titleOf(key) + "“ aus, z. B. E-Mail oder Telefon."));
      }
    });
    return errors;
  }

  function requiredMessage(field) {
    if (field.widget === "select" || field.widget === "radios") return "Bitte wählen Sie eine Antwort aus.";
    if (field.widget === "checkboxes") return "Bitte kreuzen Sie mindestens eine Antwort an.";
    return "Bitte füllen Sie dieses Feld aus.";
  }

  /* The schema's verdict on the whole record; each problem goes to the field of its path. */
  function schemaErrors(data, already) {
    var taken = {};
    already.forEach(function (e) { taken[e.fieldId] = true; });
    var errors = [];
    check(data, schema, "").forEach(function (e) {
      if (e.keyword === "required") return; // reported by missing(), at the field
      var field = fieldForPath(e.path);
      var id = field ? controls[field.path].focusId : null;
      if (id && taken[id]) return;
      taken[id] = true;
      errors.push(fieldError(id, schemaMessage(e)));
    });
    return errors;
  }

  function fieldForPath(path) {
    var all = fieldsInOrder();
    for (var p = path; p; p = p.split(".").slice(0, -1).join(".")) {
      if (p === "end") p = "start";
      for (var i = 0; i < all.length; i++) {
        var fieldPath = all[i].widget === "when" ? "start" : all[i].path;
        if (fieldPath === p) return all[i];
      }
    }
    return null;
  }

  var LEAF_MESSAGES = {
    postcode: function (v) { return "„" + v + "“ ist keine gültige Postleitzahl. Sie hat genau fünf Ziffern, z. B. 04916."; },
    phone: function (v) {
      return "„" + v + "“ ist keine gültige Telefonnummer. Schreiben Sie nur Ziffern, Leerzeichen und + / - ( ), "
        + "z. B. 03535 12345 oder +49 3535 12345.";
    },
  };

  function schemaMessage(e) {
    var value = e.value;
    var leaf = e.path.split(".").pop();
    var example = exampleOf(nodeAt(e.path) || e.node || {});
    var hint = example !== null ? " Beispiel: " + example + "." : "";
    switch (e.keyword) {
      case "format":
        if (e.node.format === "email") return "„" + value + "“ ist keine gültige E-Mail-Adresse, z. B. info@example.org.";
        if (e.node.format === "uri") return linkMessage(value);
        break;
      case "pattern":
        if (e.node.format === "uri") return linkMessage(value);
        if (LEAF_MESSAGES[leaf]) return LEAF_MESSAGES[leaf](value);
        return "„" + value + "“ hat nicht die erwartete Form." + hint;
      case "type":
        if ([].concat(e.node.type).indexOf("integer") !== -1) return "„" + value + "“ ist keine Zahl. Schreiben Sie nur Ziffern." + hint;
        break;
      case "range":
        return "Erlaubt ist eine Zahl von " + e.node.minimum + " bis " + e.node.maximum + "." + hint;
      case "enum":
        return "Bitte wählen Sie eine der angebotenen Antworten.";
      case "minItems":
        return "Bitte kreuzen Sie mindestens eine Antwort an.";
    }
    return "Diese Angabe passt nicht (" + e.path + ").";
  }

  function linkMessage(value) {
    if (!/^https?:\/\//i.test(value)) {
      return "„" + value + "“ ist kein erlaubter Link. Nur Adressen, die mit https:// oder http:// beginnen, sind erlaubt, "
        + "z. B. https://www.example.org/.";
    }
    return "„" + value + "“ ist kein gültiger Link. Prüfen Sie die Adresse auf Leerzeichen und Tippfehler, "
      + "z. B. https://www.example.org/termine.";
  }

  // --- showing problems -----------------------------------------------------------------------
  /* "Eingaben prüfen" puts every problem at its field and lists them in the summary above the form.
     Before and after that, a field is checked when it is left, once something was typed or chosen in
     it (nothing is said while it is being filled in for the first time), and its message goes as soon
     as the input is right. The summary, once shown, follows the messages at the fields. */

  var summary = page.querySelector("[data-error-summary]");
  var liveStatus = page.querySelector("[data-form-status]");
  var shown = {}; // field box id → the problem shown in it ({fieldId, message})
  var loose = []; // problems with no field of their own: listed in the summary only
  var touched = {}; // field box id → true once something was typed or chosen in it

  function labelFor(id) {
    var control = form.querySelector("#" + id);
    var box = control && control.closest(".eg-field");
    var label = box && box.querySelector(".eg-label, label");
    return label ? label.firstChild.textContent.trim() : "";
  }

  function boxOf(node) { return node && node.closest ? node.closest(".eg-field") : null; }

  /* A question with several choices is described as a whole (its fieldset), any other field by its control. */
  function describedTarget(box, control) { return box.tagName === "FIELDSET" ? box : control; }

  function setDescribed(target, id, on) {
    var described = (target.getAttribute("aria-describedby") || "").split(" ").filter(function (d) {
      return d && d !== id;
    });
    if (on) described.push(id);
    if (described.length) target.setAttribute("aria-describedby", described.join(" "));
    else target.removeAttribute("aria-describedby");
  }

  function showAt(box, error) {
    if (shown[box.id] && shown[box.id].fieldId !== error.fieldId) hideAt(box);
    var control = form.querySelector("#" + error.fieldId);
    var message = box.querySelector(".eg-error-message");
    message.textContent = "";
    message.appendChild(el("span", { class: "eg-visually-hidden", text: "Fehler: " }));
    message.appendChild(document.createTextNode(error.message));
    message.hidden = false;
    box.classList.add("eg-field--error");
    var target = describedTarget(box, control);
    if (target === control) control.setAttribute("aria-invalid", "true");
    setDescribed(target, message.id, true);
    shown[box.id] = error;
  }

  function hideAt(box) {
    var error = shown[box.id];
    delete shown[box.id];
    box.classList.remove("eg-field--error");
    var message = box.querySelector(".eg-error-message");
    message.hidden = true;
    message.textContent = "";
    var control = error && form.querySelector("#" + error.fieldId);
    if (!control) return;
    control.removeAttribute("aria-invalid");
    setDescribed(describedTarget(box, control), message.id, false);
  }

  function clearErrors() {
    Object.keys(shown).forEach(function (boxId) { hideAt(document.getElementById(boxId)); });
    loose = [];
  }

  /* Problems in the order of their fields on the page; those without a field last. */
  function inPageOrder(errors) {
    var position = function (error) {
      var control = error.fieldId ? form.querySelector("#" + error.fieldId) : null;
      return control ? Array.prototype.indexOf.call(all, control) : all.length;
    };
    var all = form.querySelectorAll("input, select, textarea, p.eg-today");
    return errors.map(function (error, index) { return [position(error), index, error]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
      .map(function (entry) { return entry[2]; });
  }

  /* The first problem of each field box ({box id: problem}); those without a field go to ``rest``. */
  function byBox(errors, rest) {
    var first = {};
    inPageOrder(errors).forEach(function (error) {
      var box = error.fieldId ? boxOf(form.querySelector("#" + error.fieldId)) : null;
      if (box) {
        if (!first[box.id]) first[box.id] = error;
      } else {
        rest.push(error);
      }
    });
    return first;
  }

  /* The summary lists what the fields show (and the problems without a field); the number of entries. */
  function renderSummary() {
    var list = summary.querySelector("ul");
    list.textContent = "";
    var errors = inPageOrder(Object.keys(shown).map(function (boxId) { return shown[boxId]; })).concat(loose);
    errors.forEach(function (error) {
      var item = el("li");
      if (error.fieldId && form.querySelector("#" + error.fieldId)) {
        var label = labelFor(error.fieldId);
        item.appendChild(el("a", { href: "#" + error.fieldId, text: (label ? label + ": " : "") + error.message }));
      } else {
        item.textContent = error.message;
      }
      list.appendChild(item);
    });
    return errors.length;
  }

  /* Scroll ``node`` to the top of the window: forms.css gives it the scroll-margin-top that keeps it
     below Material's sticky header. Then ``focusNode`` (default: the node itself) gets the focus. */
  function bringIntoView(node, focusNode) {
    node.scrollIntoView({ block: "start" });
    (focusNode || node).focus({ preventScroll: true });
  }

  /* After "Eingaben prüfen": every problem at its field, and the summary, which gets the focus. */
  function showErrors(errors) {
    clearErrors();
    var rest = [];
    var first = byBox(errors, rest);
    Object.keys(first).forEach(function (boxId) { showAt(document.getElementById(boxId), first[boxId]); });
    loose = rest;
    summary.setAttribute("role", "alert"); // read out at once (it is filled after the role is set)
    renderSummary();
    summary.hidden = false;
    bringIntoView(summary);
  }

  /* Check the whole form again after the field box ``box`` was left (``left``) or typed in. Messages go
     wherever the input is now right; a left box that was touched shows its problem; while typing, a
     message stays as it is until the input is right or the box is left. */
  function recheck(box, left) {
    var rest = [];
    var current = byBox(read().errors, rest);
    Object.keys(shown).forEach(function (boxId) {
      if (!current[boxId]) hideAt(document.getElementById(boxId));
      else if (left && current[boxId].message !== shown[boxId].message) showAt(document.getElementById(boxId), current[boxId]);
    });
    if (left && touched[box.id] && current[box.id] && !shown[box.id]) {
      showAt(box, current[box.id]);
      announce(current[box.id]);
    }
    if (!summary.hidden) {
      loose = rest;
      summary.removeAttribute("role"); // changes while filling in are not read out as alerts
      if (!renderSummary()) summary.hidden = true;
    }
  }

  /* The message at a field just left is linked to it, but the focus is already at the next one. */
  function announce(error) {
    var label = labelFor(error.fieldId);
    liveStatus.textContent = "";
    setTimeout(function () {
      liveStatus.textContent = "Fehler bei „" + label + "“: " + error.message;
    }, 50);
  }

  var pointerDown = false;
  var pending = [];

  function leave(box) {
    if (box.isConnected && (touched[box.id] || shown[box.id])) recheck(box, true);
  }

  function onFocusOut(event) {
    var box = boxOf(event.target);
    var next = event.relatedTarget;
    if (!box || (next && box.contains(next))) return; // still in the same question (its radio buttons)
    if (next && next.type === "submit" && form.contains(next)) return; // the button checks everything
    // A message appearing above a field moves what is below it: the button being pressed must not
    // slip away from under the pointer or finger, so the check waits until the click is over.
    if (pointerDown) {
      if (pending.indexOf(box) === -1) pending.push(box);
    } else {
      setTimeout(function () { leave(box); }, 0);
    }
  }

  function onPointerUp() {
    pointerDown = false;
    setTimeout(function () { pending.splice(0).forEach(leave); }, 0);
  }

  function onFieldInput(event) {
    var box = boxOf(event.target);
    if (!box) return;
    touched[box.id] = true;
    if (Object.keys(shown).length || !summary.hidden) recheck(box, false);
  }

  /* A choice (list, radio button, tick box) is made at once: checked like a field that is left. */
  function onFieldChange(event) {
    var box = boxOf(event.target);
    if (!box) return;
    touched[box.id] = true;
    var choice = event.target.tagName === "SELECT" || event.target.type === "radio" || event.target.type === "checkbox";
    if (choice || Object.keys(shown).length) recheck(box, choice);
  }

  function onSummaryClick(event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) return;
    var control = form.querySelector(link.getAttribute("href"));
    if (!control) return;
    event.preventDefault();
    bringIntoView(boxOf(control) || control, control);
  }

  // --- the YAML file --------------------------------------------------------------------------

  var YAML_NULL = /^(~|null|Null|NULL)$/;
  var YAML_BOOL = /^(true|True|TRUE|false|False|FALSE)$/;
  var YAML_INT = /^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
  var YAML_FLOAT = /^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$/;

  /* How a YAML 1.2 reader (an editor checking the schema) types the plain scalar ``text``. */
  function plainType(text) {
    if (YAML_NULL.test(text)) return "null";
    if (YAML_BOOL.test(text)) return "boolean";
    if (YAML_INT.test(text)) return "integer";
    if (YAML_FLOAT.test(text)) return "number";
    return "string";
  }

  function acceptsType(node, type) {
    node = resolve(node);
    if (!node) return false;
    if (node.anyOf) return node.anyOf.some(function (b) { return acceptsType(b, type); });
    if (node.enum) return false;
    var types = [].concat(node.type || []);
    return types.indexOf(type) !== -1 || (type === "integer" && types.indexOf("number") !== -1);
  }

  /* Whether ``text`` can stand unquoted: no YAML syntax in it, and read back as this string. */
  function plainOk(text, node, flow) {
    if (!text || text !== text.trim()) return false;
    if (/^([?:,\[\]{}#&*!|>'"%@`]|-(\s|-|$))/.test(text)) return false;
    if (/: |:$| #|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text)) return false;
    if (flow && /[,\[\]{}]/.test(text)) return false;
    var type = plainType(text);  // "null" would be read as "not given": never plain for a text
    return type === "string" || (type !== "null" && node && acceptsType(node, type));
  }

  function quoted(text) {
    return '"' + text.replace(/[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, function (c) {
      var named = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r" }[c];
      return named || "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4);
    }) + '"';
  }

  function scalar(value, node, flow) {
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    var text = String(value);
    return plainOk(text, node, flow) ? text : quoted(text);
  }

  function itemsNode(node) {
    node = resolve(node);
    if (node.items) return node.items;
    var branches = node.anyOf || [];
    for (var i = 0; i < branches.length; i++) if (resolve(branches[i]).items) return resolve(branches[i]).items;
    return null;
  }

  function block(text, indent) {
    var pad = new Array(indent + 3).join(" ");
    var indicator = /^ /.test(text) ? "2" : "";
    return "|" + indicator + "\n" + text.split("\n").map(function (line) { return line ? pad + line : ""; }).join("\n");
  }

  function orderedKeys(value, node) {
    var object = node ? objectNode(node) : null;
    var known = object ? Object.keys(object.properties) : [];
    return known.filter(function (k) { return k in value; })
      .concat(Object.keys(value).filter(function (k) { return known.indexOf(k) === -1; }));
  }

  function mapping(value, node, indent) {
    var pad = new Array(indent + 1).join(" ");
    var object = node ? objectNode(node) : null;
    return orderedKeys(value, node).map(function (key) {
      var child = object && object.properties[key] ? object.properties[key] : null;
      return pad + key + ":" + valueText(value[key], child, indent);
    }).join("\n");
  }

  /* The text after "key:" (with its leading space or line break). */
  function valueText(value, node, indent) {
    if (Array.isArray(value)) {
      var items = itemsNode(node);
      if (value.every(function (v) { return !hasType(v, "object") && plainOk(String(v), items, true); })) {
        return " [" + value.map(function (v) { return scalar(v, items, true); }).join(", ") + "]";
      }
      var pad = new Array(indent + 3).join(" ");
      return "\n" + value.map(function (v) {
        if (hasType(v, "object")) return pad + "- " + mapping(v, items, indent + 4).replace(/^ +/, "");
        return pad + "- " + (typeof v === "string" && v.indexOf("\n") !== -1 ? block(v, indent + 2) : scalar(v, items));
      }).join("\n");
    }
    if (hasType(value, "object")) return "\n" + mapping(value, node, indent + 2);
    if (typeof value === "string" && value.indexOf("\n") !== -1) return " " + block(value, indent);
    return " " + scalar(value, node);
  }

  /* The entry as the editors paste it into the file (in the e-mail and the GitHub issue). */
  function entryYaml(data) { return mapping(singleEntries(data), schema, 0) + "\n"; }

  /* The file to download: the entry, and first the line with which editors' tools check it. */
  function toYaml(data) {
    var folderDepth = layout.folder.split("/").length;
    var up = new Array(folderDepth + 1).join("../");
    return "# yaml-language-server: $schema=" + up + "schemas/" + spec.schemaFile + "\n" + entryYaml(data);
  }

  // --- file name ------------------------------------------------------------------------------

  function slugify(text) {
    var slug = String(text).toLowerCase()
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (slug.length > 60) slug = slug.slice(0, 61).replace(/-[^-]*$/, "") || slug.slice(0, 60);
    return slug.replace(/-+$/, "") || layout.slug;
  }

  function suggestedId(data) {
    if (editing) return editing;
    var base = slugify(getPath(data, layout.id_from) || layout.slug);
    var taken = spec.existingIds;
    var candidate = base;
    if (taken.indexOf(candidate) !== -1 && data.start) candidate = base + "-" + String(data.start).slice(0, 4);
    for (var n = 2; taken.indexOf(candidate) !== -1; n++) candidate = base + "-" + n;
    return candidate;
  }

  // --- the message: a short German summary for people, then the entry for the editors --------

  function fieldAt(path) { return fieldsInOrder().filter(function (f) { return f.path === path; })[0] || null; }

  function listText(items) {
    return items.length < 2 ? items.join("") : items.slice(0, -1).join(", ") + " und " + items[items.length - 1];
  }

  /* "Sa., 19.06.2027" */
  function dayText(isoDay) {
    var day = parseDate(isoDay);
    return WEEKDAYS[weekday(day)][1].slice(0, 2) + "., " + german(day);
  }

  /* "Sa., 19.06.2027, 19:00–21:30 Uhr", "Fr., 11.12.2027 bis So., 13.12.2027, ganztägig", … */
  function whenText(start, end) {
    var from = start.split(" ");
    var to = end ? end.split(" ") : [];
    if (!from[1]) return dayText(from[0]) + (end ? " bis " + dayText(end) : "") + ", ganztägig";
    if (!end) return dayText(from[0]) + ", " + from[1] + " Uhr";
    if (to.length === 1) return dayText(from[0]) + ", " + from[1] + "–" + to[0] + " Uhr";
    return dayText(from[0]) + ", " + from[1] + " Uhr bis " + dayText(to[0]) + ", " + to[1] + " Uhr";
  }

  var EVERY_NTH_WEEK = { 2: "jede zweite Woche", 3: "jede dritte Woche", 4: "jede vierte Woche" };
  var WEEKDAY_NAMES = {};
  WEEKDAYS.forEach(function (d) { WEEKDAY_NAMES[d[0]] = d[1]; });

  /* "jede Woche am Dienstag und Donnerstag, bis 30.06.2027", "jeden Monat am letzten Mittwoch" */
  function repeatText(rule, start) {
    var text = rule.freq;
    var days = rule.days || [];
    if (rule.freq === "weekly") {
      text = EVERY_NTH_WEEK[rule.interval] || "jede Woche";
      if (days.length) text += " am " + listText(days.map(function (d) { return WEEKDAY_NAMES[d] || d; }));
    } else if (rule.freq === "monthly") {
      var m = /^(-?\d)(\w\w)$/.exec(days[0] || "");
      text = "jeden Monat am " + (m ? (m[1] === "-1" ? "letzten" : ORDINALS[m[1]]) + " " + (WEEKDAY_NAMES[m[2]] || m[2])
        : parseDate(start.split(" ")[0]).d + ".");
    }
    return text + (rule.until ? ", bis " + german(parseDate(rule.until)) : "");
  }

  /* One value as people read it: the label of a choice, a German date, list entries in a row. */
  function readableValue(path, value, data) {
    var field = fieldAt(path);
    if (!field || value === undefined || value === null || value === "") return "";
    if (hasType(value, "object") && field.widget === "select") return ""; // "other": its own fields say it
    if (field.widget === "when") return whenText(String(data.start), data.end ? String(data.end) : "");
    if (field.widget === "repeat") return repeatText(value, String(data.start));
    if (field.widget === "date") return german(parseDate(String(value)));
    var labels = {};
    (field.options.length ? field.options : spec.choices[field.choices] || []).forEach(function (c) { labels[c[0]] = c[1]; });
    return [].concat(value).map(function (v) { return labels[v] || String(v); })
      .join(field.widget === "lines" ? "; " : ", ");
  }

  /* "Neue Veranstaltung: …", then "Wann: …", "Wo: …", … for what is filled in. */
  function summaryLines(data) {
    var lines = [(editing ? layout.summary_title_edit : layout.summary_title) + ": " + (getPath(data, layout.id_from) || "")];
    layout.summary.forEach(function (line) {
      var parts = line[1].map(function (path) { return readableValue(path, getPath(data, path), data); }).filter(Boolean);
      // "01234, Musterstadt" reads as an address written "01234 Musterstadt"
      var text = parts.reduce(function (all, part, i) {
        return i === 0 ? part : all + (/^\d{5}$/.test(parts[i - 1]) ? " " : ", ") + part;
      }, "");
      if (text) lines.push(line[0] + ": " + text);
    });
    return lines;
  }

  var DATA_MARK = "----- Für die Redaktion -----";

  /* The whole e-mail text: greeting, the summary, and below a mark the entry for the file ``path``. */
  function messageText(data, path) {
    return ["Guten Tag,", "", "bitte nehmen Sie diesen Eintrag in das Portal „" + spec.portal + "“ auf:", ""]
      .concat(summaryLines(data))
      .concat(["", "Mit freundlichen Grüßen", "", "", DATA_MARK,
        "Der Eintrag für die Datei " + path + " (bitte unverändert übernehmen):", "", entryYaml(data)])
      .join("\n");
  }

  // --- the result: e-mail, GitHub issue, copy, download ---------------------------------------

  var result = page.querySelector("[data-form-result]");
  var downloadUrl = null;

  function subjectFor(data) {
    return layout.title + ": " + (getPath(data, layout.id_from) || "");
  }

  function mailtoHref(data, message) {
    return "mailto:" + spec.email + "?subject=" + encodeURIComponent(subjectFor(data))
      + "&body=" + encodeURIComponent(message.replace(/\n/g, "\r\n"));
  }

  /* The issue form's fields (ids: YAML path with "-"): the entry in "yaml", the required ones
     again on their own (the issue form insists on them), choices by their labels as it shows them. */
  function githubHref(data, yaml, path) {
    // "title" names the issue and fills a form field with that id: the record's plain title fits both
    var query = [["template", spec.github.template], ["title", String(getPath(data, layout.id_from) || "")]];
    layout.issue_fields.forEach(function (fieldPath) {
      var value = getPath(data, fieldPath);
      if (value === undefined || fieldPath === "title") return; // "title" is also the issue's title
      var field = fieldAt(fieldPath);
      var labels = {};
      ((field && spec.choices[field.choices]) || []).forEach(function (c) { labels[c[0]] = c[1]; });
      value = [].concat(value).map(function (v) { return labels[v] || String(v); }).join(", ");
      query.push([fieldPath.replace(/\./g, "-"), value]);
    });
    query.push(["yaml", yaml]);
    query.push(["hinweise", "Erstellt mit dem Formular „" + layout.title + "“ auf dem Portal. Vorschlag für die Datei: " + path]);
    return spec.github.url + "?" + query.map(function (pair) {
      return pair[0] + "=" + encodeURIComponent(pair[1]);
    }).join("&");
  }

  function showResult(data) {
    var id = suggestedId(data);
    var path = layout.folder + "/" + id + ".yml";
    var message = messageText(data, path);
    result.querySelector("[data-message]").textContent = message;

    var mail = mailtoHref(data, message);
    var mailFits = mail.length <= spec.limits.mailto;
    var mailLink = result.querySelector("[data-mailto]");
    mailLink.hidden = !mailFits;
    if (mailFits) mailLink.setAttribute("href", mail);
    else mailLink.removeAttribute("href");
    result.querySelector("[data-mail-too-long]").hidden = mailFits;

    if (spec.github && result.querySelector("[data-github]")) {
      var issue = githubHref(data, entryYaml(data), path);
      var issueFits = issue.length <= spec.limits.github;
      var issueLink = result.querySelector("[data-github]");
      issueLink.setAttribute("href", issueFits ? issue : spec.github.url + "?template=" + encodeURIComponent(spec.github.template));
      result.querySelector("[data-github-too-long]").hidden = issueFits;
    }

    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([toYaml(data)], { type: "text/yaml;charset=utf-8" }));
    var download = result.querySelector("[data-download]");
    download.setAttribute("href", downloadUrl);
    download.setAttribute("download", id + ".yml");
    result.querySelector("[data-copy-status]").textContent = "";
    page.querySelector("[data-changed]").hidden = true;

    result.hidden = false;
    bringIntoView(result);
  }

  function copyMessage() {
    var shownText = result.querySelector("[data-message]");
    var status = result.querySelector("[data-copy-status]");
    var done = function () { status.textContent = "Der Text ist kopiert. Fügen Sie ihn in Ihre E-Mail ein."; };
    var fallback = function () {
      var range = document.createRange();
      range.selectNodeContents(shownText);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      status.textContent = ok ? "Der Text ist kopiert. Fügen Sie ihn in Ihre E-Mail ein."
        : "Der Text ist markiert. Kopieren Sie ihn mit Strg+C (am Telefon: lange drücken, dann „Kopieren“).";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(shownText.textContent).then(done, fallback);
    else fallback();
  }

  // --- editing an existing record (clubs) -----------------------------------------------------

  var editing = "";

  function addEditChoice(container) {
    var options = [["", "Einen neuen Verein eintragen"]].concat(spec.choices[layout.edit]);
    container.appendChild(fieldBlock("f-bestehend", "Neu eintragen oder ändern?",
      "Wählen Sie Ihren Verein, um seinen Eintrag zu ändern. Die bisherigen Angaben werden dann unten eingesetzt.",
      false, function (cid) {
        return el("select", { id: cid, class: "eg-input eg-select" }, options.map(function (o) {
          return el("option", { value: o[0], text: o[1] });
        }));
      }));
    var select = form.querySelector("#f-bestehend");
    select.addEventListener("change", function () {
      editing = select.value;
      var record = editing ? spec.records[editing] : {};
      fieldsInOrder().forEach(function (field) { controls[field.path].set(getPath(record, field.path)); });
      showAddables(record);
      updateVisibility();
    });
  }

  // --- wiring ---------------------------------------------------------------------------------

  var form = page.querySelector("form[data-form]");
  var fieldsBox = form.querySelector("[data-form-fields]");

  function build() {
    if (layout.edit) {
      var start = el("fieldset", { class: "eg-group" }, [el("legend", { text: "Ihr Eintrag" })]);
      fieldsBox.appendChild(start);
      addEditChoice(start);
    }
    layout.groups.forEach(function (group, index) {
      var hintId = group.hint ? "gruppe-" + index + "-hinweis" : null;
      var box = el("fieldset", { class: "eg-group", "aria-describedby": hintId }, [el("legend", { text: group.legend })]);
      if (group.show_when) box.setAttribute("data-show-when", group.show_when[0] + "=" + group.show_when[1]);
      if (group.hint) box.appendChild(el("p", { class: "eg-hint", id: hintId, text: group.hint }));
      fieldsBox.appendChild(box);
      group.fields.forEach(function (field) {
        field.inShownGroup = !!group.show_when;
        var before = box.lastChild;
        ({
          text: addText, tel: addText, textarea: addText, lines: addText, date: addDate, select: addSelect,
          checkboxes: addChoices, radios: addChoices, yesno: addChoices, check: addCheck, when: addWhen,
          repeat: addRepeat, today: addToday,
        })[field.widget](field, box);
        if (field.show_when) {
          for (var node = before ? before.nextSibling : box.firstChild; node; node = node.nextSibling) {
            node.setAttribute("data-show-when", field.show_when[0] + "=" + field.show_when[1]);
          }
        }
      });
      if (group.add) addable(group, box);
    });
  }

  /* A group shown on request (a club's second contact): a button adds it, one in it takes it away
     again with what was typed in it; a record that fills it in shows it. */
  var addables = [];

  function addable(group, box) {
    var add = el("button", { type: "button", class: "eg-button eg-button--secondary eg-add", text: group.add });
    var remove = el("button", { type: "button", class: "eg-button eg-button--secondary eg-remove", text: group.remove });
    fieldsBox.insertBefore(add, box);
    box.appendChild(remove);
    function show(on, focus) {
      box.hidden = !on;
      add.hidden = on;
      if (on && focus) form.querySelector("#" + controls[group.fields[0].path].focusId).focus();
    }
    add.addEventListener("click", function () { show(true, true); onChange(); });
    remove.addEventListener("click", function () {
      group.fields.forEach(function (field) { controls[field.path].set(undefined); });
      show(false);
      add.focus();
      onChange();
    });
    addables.push({ group: group, show: show });
    show(false);
  }

  function showAddables(record) {
    addables.forEach(function (entry) {
      entry.show(entry.group.fields.some(function (field) {
        var value = getPath(record, field.path);
        return value !== undefined && value !== null && value !== "";
      }));
    });
  }

  function updateVisibility() {
    form.querySelectorAll("[data-show-when]").forEach(function (node) {
      var rule = /^([^!=]+)(!?)=(.*)$/.exec(node.getAttribute("data-show-when"));
      var control = controls[rule[1]];
      var value = control ? control.raw() : "";
      node.hidden = rule[2] ? value === rule[3] : value !== rule[3];
    });
  }

  function onChange() {
    updateVisibility();
    if (!result.hidden) {
      result.hidden = true;
      page.querySelector("[data-changed]").hidden = false;
    }
  }

  function onSubmit(event) {
    event.preventDefault();
    var outcome = read();
    if (outcome.errors.length) {
      result.hidden = true;
      showErrors(outcome.errors);
      return;
    }
    clearErrors();
    summary.hidden = true;
    page.querySelector("[data-changed]").hidden = true;
    showResult(outcome.data);
  }

  build();
  showAddables({});
  updateVisibility();
  form.addEventListener("change", onChange);
  form.addEventListener("input", onChange);
  form.addEventListener("change", onFieldChange); // after onChange: fields shown or hidden by now
  form.addEventListener("input", onFieldInput);
  form.addEventListener("focusout", onFocusOut);
  document.addEventListener("pointerdown", function () { pointerDown = true; }, true);
  document.addEventListener("pointerup", onPointerUp, true);
  document.addEventListener("pointercancel", onPointerUp, true);
  form.addEventListener("submit", onSubmit);
  summary.addEventListener("click", onSummaryClick);
  result.querySelector("[data-copy]").addEventListener("click", copyMessage);
  page.querySelector("[data-form-js]").hidden = false;
  page.querySelectorAll("[data-form-nojs]").forEach(function (node) { node.hidden = true; });
})();
