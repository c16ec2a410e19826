/* Results page "Suche": runs the query from ?q= (the search box in the header sends it) through
   Pagefind's JavaScript API (pagefind/pagefind.js, loaded on the first search) and shows
   - how many results each type has ("Vereine (6)"), as radio buttons that narrow the list (?typ=);
   - per result its type, title, one line (an event's next date and place, a club's Ortsteil and
     areas: Pagefind metadata "zeile") and a snippet of its description with the words found;
   - a German message when nothing fits, instead of what Pagefind finds for a word that is not
     in the index (see `relevant`).
   The ranking (metadata weights) comes from the page (data-ranking, generator/outputs/pages/search_meta.py).
   Everything comes from this site; paths are relative, so any base path works. */
(function () {
  "use strict";
  var form = document.querySelector("[data-search]");
  if (!form || !("fetch" in window) || typeof WebAssembly !== "object") {
    return;
  }
  var PAGE_SIZE = 10;
  var DELAY_MS = 250;
  var here = window.location.href;
  var input = form.querySelector("input[type=search]");
  var types = form.querySelector("fieldset");
  var status = document.querySelector("[data-search-status]");
  var none = document.querySelector("[data-search-none]");
  var list = document.querySelector("[data-search-results]");
  var more = document.querySelector("[data-search-more]");
  var pagefind = null;
  var shown = [];
  var latest = 0;
  var timer = 0;

  function load() {
    if (!pagefind) {
      var bundle = new URL(form.getAttribute("data-bundle"), here).href;
      pagefind = import(bundle + "pagefind.js").then(function (api) {
        return api
          .options({
            baseUrl: new URL(form.getAttribute("data-root"), here).pathname,
            excerptLength: 20,
            ranking: JSON.parse(form.getAttribute("data-ranking"))
          })
          .then(function () {
            return api.filters(); // loaded once: afterwards every search counts its results per type
          })
          .then(function () {
            return api;
          });
      });
    }
    return pagefind;
  }

  function chosenType() {
    var checked = form.querySelector("input[name=typ]:checked");
    return checked ? checked.value : "";
  }

  /* The words of the query as Pagefind sees them: lower case, without punctuation. */
  function terms(query) {
    return query
      .toLowerCase()
      .split(/\s+/)
      .map(function (word) {
        return word.replace(/[^\p{L}\p{N}]/gu, "");
      })
      .filter(Boolean);
  }

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss");
  }

  /* Whether a result was found for what was asked. Pagefind finds words that start with each
     query word; when no word does, it falls back to the longest indexed word the query word
     starts with — for "Blutspende" the "B" of "z. B.". Such a result counts only when a word it
     was found by shares the first four letters of the query word ("Feuerwehrfest" may find
     "Feuerwehr"). Pagefind decides this per query word for all results alike, so the first
     result answers for the others. */
  function relevant(result, data, query) {
    var words = data.content.split(/\s+/);
    var found = data.locations.map(function (at) {
      return words[at] || "";
    });
    (result.matchedMetaFields || []).forEach(function (field) {
      found.push(String(data.meta[field] || ""));
    });
    var text = fold(found.join(" "));
    return terms(query).every(function (term) {
      return text.indexOf(fold(term).slice(0, 4)) >= 0;
    });
  }

  function plural(count, one, many) {
    return count === 1 ? "1 " + one : count + " " + many;
  }

  /* "Alle (32)", "Vereine (8)" …: a type without results is left out unless it is the chosen one. */
  function setCounts(counts, total) {
    Array.prototype.forEach.call(types.querySelectorAll("label"), function (label) {
      var radio = label.querySelector("input");
      var count = radio.value ? counts[radio.value] || 0 : total;
      label.querySelector(".eg-search__count").textContent = "(" + count + ")";
      label.hidden = radio.value !== "" && count === 0 && !radio.checked;
    });
    types.hidden = total === 0 && !chosenType();
  }

  function clear(message) {
    shown = [];
    list.textContent = "";
    more.parentNode.hidden = true;
    none.hidden = true;
    status.textContent = message;
  }

  function run(query) {
    var ticket = ++latest;
    var type = chosenType();
    remember(query, type);
    if (!terms(query).length) {
      types.hidden = true;
      clear("");
      return;
    }
    load()
      .then(function (api) {
        // all types for the counts and the check, and the chosen type's own ranking
        return Promise.all([api.search(query), type ? api.search(query, { filters: { Typ: type } }) : null]);
      })
      .then(function (searches) {
        if (ticket !== latest) {
          return null;
        }
        var first = searches[0].results[0];
        return (first ? first.data() : Promise.resolve(null)).then(function (data) {
          var answered = !first || relevant(first, data, query);
          return { all: searches[0], chosen: searches[1] || searches[0], answered: answered };
        });
      })
      .then(function (outcome) {
        if (!outcome || ticket !== latest) {
          return;
        }
        var total = outcome.answered ? outcome.all.results.length : 0;
        setCounts(outcome.answered ? outcome.all.filters.Typ || {} : {}, total);
        var results = outcome.answered ? outcome.chosen.results : [];
        var label = "„" + query.trim() + "“";
        var message = plural(total, "Ergebnis", "Ergebnisse") + " für " + label + ".";
        if (total === 0) {
          message = "Zu " + label + " haben wir nichts gefunden.";
        } else if (type && results.length === 0) {
          message = "Unter „" + typeLabel(type) + "“ haben wir zu " + label + " nichts gefunden, unter „Alle“ " + plural(total, "Ergebnis", "Ergebnisse") + ".";
        } else if (type) {
          message = plural(results.length, "Ergebnis", "Ergebnisse") + " für " + label + " unter „" + typeLabel(type) + "“, " + total + " insgesamt.";
        }
        clear(message);
        none.hidden = total !== 0;
        shown = results;
        return show(0, ticket);
      })
      .catch(function (error) {
        if (ticket === latest) {
          clear("Die Suche ließ sich nicht laden. Bitte laden Sie die Seite neu.");
        }
        if (window.console) {
          window.console.error(error);
        }
      });
  }

  function typeLabel(value) {
    var radio = form.querySelector("input[name=typ]:checked");
    return radio && radio.value === value ? radio.parentNode.textContent.replace(/\(\d+\)/, "").trim() : value;
  }

  /* Results from ``start`` on, PAGE_SIZE at a time (each loads its own small fragment). */
  function show(start, ticket) {
    var page = shown.slice(start, start + PAGE_SIZE);
    return Promise.all(
      page.map(function (result) {
        return result.data();
      })
    ).then(function (items) {
      if (ticket !== latest) {
        return;
      }
      items.forEach(function (data) {
        list.appendChild(entry(data));
      });
      more.parentNode.hidden = start + PAGE_SIZE >= shown.length;
      more.setAttribute("data-next", String(start + PAGE_SIZE));
    });
  }

  function entry(data) {
    var item = document.createElement("li");
    item.className = "eg-hit";
    var kind = (data.filters.Typ || [])[0];
    if (kind) {
      item.appendChild(element("p", "eg-hit__type", kind));
    }
    var heading = element("h2", "eg-hit__title", "");
    var link = element("a", "", data.meta.title || data.url);
    link.href = data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    var line = data.meta.zeile || "";
    if (line) {
      item.appendChild(element("p", "eg-hit__line", line));
    }
    var text = data.content.trim();
    var excerpt = snippet(data.excerpt, data.plain_excerpt, text);
    // A record without a description has only its line as text: do not show it twice.
    if (text && !(line && fold(text).indexOf(fold(line)) === 0)) {
      item.appendChild(excerpt);
    }
    return item;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    node.textContent = text;
    return node;
  }

  /* Pagefind's excerpt is a window of the page's text (the description) with < and > escaped and
     the words found in <mark>: rebuilt from text nodes and <mark> elements only, with "…" where
     the description goes on before or after it. */
  function snippet(excerpt, plain, text) {
    var paragraph = element("p", "eg-hit__text", "");
    var marked = false;
    plain = String(plain || "").trim();
    if (plain && text.indexOf(plain) !== 0) {
      paragraph.appendChild(document.createTextNode("… "));
    }
    String(excerpt || "")
      .split(/(<mark>|<\/mark>)/)
      .forEach(function (part) {
        if (part === "<mark>" || part === "</mark>") {
          marked = part === "<mark>";
          return;
        }
        var piece = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
        if (piece) {
          paragraph.appendChild(marked ? element("mark", "", piece) : document.createTextNode(piece));
        }
      });
    if (plain && text.slice(-plain.length) !== plain) {
      paragraph.appendChild(document.createTextNode(" …"));
    }
    return paragraph;
  }

  /* The address keeps query and type, so "Zurück", reload and a shared link show the same results. */
  function remember(query, type) {
    var params = new URLSearchParams(window.location.search);
    var value = query.trim();
    if (value) {
      params.set("q", value);
    } else {
      params.delete("q");
    }
    if (type) {
      params.set("typ", type);
    } else {
      params.delete("typ");
    }
    var search = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    run(input.value);
  });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      run(input.value);
    }, DELAY_MS);
  });
  input.addEventListener("focus", function () {
    load().catch(function () {}); // fetch the index while the first word is typed
  });
  types.addEventListener("change", function () {
    window.clearTimeout(timer);
    run(input.value);
  });
  more.addEventListener("click", function () {
    var next = Number(more.getAttribute("data-next")) || 0;
    var ticket = latest;
    show(next, ticket).then(function () {
      // keyboard and screen reader users continue at the first new result
      var first = list.children[next];
      var target = first && first.querySelector("a");
      if (target) {
        target.focus();
      }
    });
  });

  var params = new URLSearchParams(window.location.search);
  var type = params.get("typ") || "";
  Array.prototype.forEach.call(form.querySelectorAll("input[name=typ]"), function (radio) {
    if (type && radio.value === type) {
      radio.checked = true;
    }
  });
  input.value = params.get("q") || "";
  form.hidden = false;
  if (input.value.trim()) {
    run(input.value);
  }
})();
