// Site search on /search/?q=…, with Pagefind's JavaScript API and our own
// markup: Pagefind's ready-made UI injects inline styles, which our CSP blocks.
// Loaded only on the search page; Pagefind's files load only when there is a query.
(function () {
  "use strict";

  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var input = document.querySelector("[data-search-input]");
  if (!status || !list || !input) return;
  document.querySelectorAll("[data-search-needs-js]").forEach(function (element) {
    element.hidden = true;
  });

  var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  input.value = query;
  if (!query) return;

  // Pagefind's excerpt is page text with matches in <mark>: keep just those two.
  function excerptNodes(html) {
    var body = new DOMParser().parseFromString(html, "text/html").body;
    return Array.prototype.map.call(body.childNodes, function (node) {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      var mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  }

  function show(pages) {
    list.replaceChildren.apply(
      list,
      pages.map(function (page) {
        var item = document.createElement("li");
        item.className = "search-results__item";
        var heading = document.createElement("h2");
        heading.className = "search-results__title";
        var link = document.createElement("a");
        link.href = page.url;
        link.textContent = (page.meta && page.meta.title) || page.url;
        heading.appendChild(link);
        var excerpt = document.createElement("p");
        excerpt.className = "search-results__excerpt";
        excerpt.replaceChildren.apply(excerpt, excerptNodes(page.excerpt || ""));
        item.append(heading, excerpt);
        return item;
      }),
    );
    var count =
      pages.length === 0 ? "No pages match" : pages.length === 1 ? "1 page matches" : pages.length + " pages match";
    status.textContent = count + " \u201c" + query + "\u201d.";
  }

  status.textContent = "Searching\u2026";
  import("/pagefind/pagefind.js")
    .then(function (pagefind) {
      return pagefind.search(query);
    })
    .then(function (search) {
      return Promise.all(
        search.results.slice(0, 20).map(function (result) {
          return result.data();
        }),
      );
    })
    .then(show)
    .catch(function () {
      status.textContent =
        "Search is not working at the moment. You can find every page from the menus at the top of the page.";
    });
})();
