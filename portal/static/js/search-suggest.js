// Suggestions as you type (issue 20) for every search box marked data-suggest-url: a
// progressive enhancement of a plain form (without this script the form searches as before).
// The box becomes an ARIA combobox: the arrow keys move through the suggestions, Enter opens
// the one chosen (or searches as typed when none is), Escape closes the list; the number of
// suggestions is announced. It asks the server once typing pauses, never more than one
// request at a time, and nothing for fewer than two characters.
(function () {
  var WAIT_MS = 250;
  var MIN_LENGTH = 2;

  function enhance(form, index) {
    var input = form.querySelector("input[type=search]");
    if (!input) return;
    var listId = "search-suggest-" + index;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.dataset.suggestLabel || "");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    // Beside the box (its parent is the positioned element the list hangs from).
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var timer = null;
    var pending = null;
    var active = -1;
    var asked = "";

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(next) {
      var all = options();
      if (!all.length) return;
      if (active >= 0) all[active].setAttribute("aria-selected", "false");
      active = (next + all.length) % all.length;
      all[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", all[active].id);
    }

    function show(data) {
      list.textContent = "";
      active = -1;
      data.suggestions.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.url = item.url;
        // The option itself is chosen (by the keys, a click or a tap): a link inside it would be
        // a control inside a control. The title is an <a> without href, styled as the list's
        // entries (portal.css: .search-suggest a), which no tool or reader takes for a link.
        var title = document.createElement("a");
        title.textContent = item.title;
        li.appendChild(title);
        li.addEventListener("mousedown", function (event) {
          event.preventDefault(); // the focus stays in the box
        });
        li.addEventListener("click", function () {
          window.location.href = item.url;
        });
        list.appendChild(li);
      });
      var count = data.suggestions.length;
      status.textContent = count ? (form.dataset.suggestCount || "").replace("%s", count) : "";
      if (count) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
    }

    function ask() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        close();
        return;
      }
      if (query === asked) return;
      asked = query;
      if (pending) pending.abort();
      pending = new AbortController();
      var url = form.dataset.suggestUrl + "?q=" + encodeURIComponent(query);
      fetch(url, { signal: pending.signal, headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          pending = null;
          if (input.value.trim() === query) show(data);
        })
        .catch(function () {
          pending = null;
        });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, WAIT_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden) return;
        event.preventDefault();
        choose(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        window.location.href = options()[active].dataset.url;
      }
    });
    input.addEventListener("blur", function () {
      // Leaving the box (a click on a suggestion keeps the focus in it).
      setTimeout(close, 200);
    });
  }

  document.querySelectorAll("form[data-suggest-url]").forEach(enhance);
})();
