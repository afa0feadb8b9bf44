// The browser editor's parts that are ours, served from our origin as a file (the CSP allows no
// inline script). What it knows of the site comes from its script tag (src/cms/config.ts editorData).
// - the preview pane, drawn as the site's layouts draw a page, in the site's own stylesheet;
// - the form's own fields: dates typed as day, month and year; a menu position, an address and a
//   picture description that are refused when the check would refuse them;
// - the text's buttons: Picture (always with a description), Document (into static/documents/,
//   its link saying its type and size), Link to a page (chosen from the site's pages) and Video;
// - uploads: only the kinds of file the site publishes, each into its kind's folder;
// - saving: an emptied optional field is left out of the file rather than written empty.
/* global CMS, h, createClass, MutationObserver */
(function () {
  "use strict";
  var script = document.currentScript;
  var previewStyle = script && script.getAttribute("data-preview-style");
  if (previewStyle) CMS.registerPreviewStyle(previewStyle);
  var site;
  try {
    site = JSON.parse((script && script.getAttribute("data-editor")) || "{}");
  } catch {
    site = {};
  }
  var pages = site.pages || [];
  var uploads = site.uploads || [];
  var siteName = site.siteName || "";
  var linked = site.linked || {};

  // ---------------------------------------------------------------- words and dates

  // A field's refusal is said in our words alone ("Shorten the title to …"), not after Decap's
  // "Title didn't match the pattern:".
  var english = CMS.getLocale && CMS.getLocale("en");
  if (english && english.editor && english.editor.editorControlPane && english.editor.editorControlPane.widget) {
    english.editor.editorControlPane.widget.regexPattern = "%{pattern}";
  }

  var months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];

  function text(entry, field) {
    var value = entry.getIn(["data", field]);
    return value == null ? "" : String(value);
  }

  function readableDate(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value || ""));
    return match ? Number(match[3]) + " " + months[Number(match[2]) - 1] + " " + match[1] : String(value || "");
  }

  /** A real calendar day written YYYY-MM-DD. */
  function isRealDay(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return false;
    var date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return date.toISOString().slice(0, 10) === value;
  }

  // ---------------------------------------------------------------- uploads

  /** A folder's path without slashes at either end ("/static/img/" → "static/img"). */
  function trimSlashes(text) {
    var value = String(text || "");
    var start = 0;
    var end = value.length;
    while (start < end && value[start] === "/") start += 1;
    while (end > start && value[end - 1] === "/") end -= 1;
    return value.slice(start, end);
  }

  function nameOf(path) {
    return String(path || "").slice(String(path || "").lastIndexOf("/") + 1);
  }

  function extensionOf(name) {
    var match = /\.([a-z0-9]{1,5})$/i.exec(name || "");
    return match ? match[1].toLowerCase() : "";
  }

  /** The kind of an upload (src/content/file-kinds.ts), or null for a kind the site does not publish. */
  function uploadKind(name) {
    var extension = extensionOf(name);
    for (var i = 0; i < uploads.length; i += 1) if (uploads[i].extensions.indexOf(extension) !== -1) return uploads[i];
    return null;
  }

  function isDocument(name) {
    var kind = uploadKind(name);
    return Boolean(kind && /documents$/.test(kind.folder));
  }

  /** A document's clean name: lower-case words joined by single hyphens, "annual-report-2024.pdf". */
  function documentName(name) {
    var extension = extensionOf(name);
    var stem = name.slice(0, name.length - (extension ? extension.length + 1 : 0));
    var words = stem
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(function (word) {
        return word !== "";
      });
    return (words.join("-") || "document") + (extension ? "." + extension : "");
  }

  /** Where an upload is kept: its kind's folder, under its clean name. Throws for a kind the site does not publish. */
  function placed(path) {
    var name = nameOf(path);
    var kind = uploadKind(name);
    if (!kind) throw new Error(refusedUpload(name));
    return kind.folder + "/" + (isDocument(name) ? documentName(name) : name);
  }

  /** The address a document has on the site, whichever folder Decap thinks it is in. */
  function documentAddress(value) {
    var name = nameOf(value);
    return name ? "/" + placed(name) : "";
  }

  function kindsList() {
    var labels = [];
    uploads.forEach(function (kind) {
      if (labels.indexOf(kind.label) === -1) labels.push(kind.label);
    });
    return labels.join(", ");
  }

  function refusedUpload(name) {
    return (
      "“" +
      name +
      "” cannot be uploaded: the site publishes only these kinds of file: " +
      kindsList() +
      ". Save it as one of them (a web page or a program cannot be uploaded)."
    );
  }

  /** Sizes of the files the editor has uploaded or seen in the media library, by their address on the site. */
  var sizes = {};
  function rememberSize(path, size) {
    if (typeof size === "number" && size >= 0 && uploadKind(nameOf(path))) sizes["/" + placed(nameOf(path))] = size;
  }

  function readableSize(bytes) {
    if (bytes < 1024 * 1024) return Math.max(1, Math.round(bytes / 1024)) + " KB";
    return (bytes / (1024 * 1024)).toFixed(1) + " MB";
  }

  /**
   * A message the editor can read and close (role=alert, so a screen reader says it). While a dialog
   * such as the media library is open, the message goes inside it: Decap's own messages sit behind
   * the dialog's backdrop, hidden from screen readers and out of reach of the mouse and keyboard.
   */
  function notify(message) {
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.className = "nlc-notice";
    box.style.cssText =
      "position:fixed;z-index:99999;top:16px;left:50%;transform:translateX(-50%);max-width:40rem;padding:16px 48px 16px 16px;background:#fff;color:#0b0c0c;border:4px solid #d4351c;font:16px/1.4 sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3)";
    box.textContent = message;
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Close";
    close.style.cssText = "position:absolute;top:8px;right:8px";
    close.addEventListener("click", function () {
      box.remove();
    });
    box.appendChild(close);
    (document.querySelector(".ReactModal__Content") || document.body).appendChild(box);
  }

  // Every file chosen in the editor is looked at before Decap sees it: a kind the site does not publish
  // (a web page, a script) never reaches the editor's draft, the media library or the repository.
  window.addEventListener(
    "change",
    function (event) {
      var input = event.target;
      if (!input || input.tagName !== "INPUT" || input.type !== "file" || !input.files) return;
      var refused = [];
      for (var i = 0; i < input.files.length; i += 1) {
        var file = input.files[i];
        if (uploadKind(file.name)) rememberSize(file.name, file.size);
        else refused.push(file.name);
      }
      if (refused.length === 0) return;
      event.stopImmediatePropagation();
      event.preventDefault();
      input.value = "";
      notify(refused.map(refusedUpload).join(" "));
    },
    true,
  );

  // The file picker offers the kinds the site publishes.
  var accept = [];
  uploads.forEach(function (kind) {
    kind.extensions.forEach(function (extension) {
      accept.push("." + extension);
    });
  });
  new MutationObserver(function () {
    var inputs = document.querySelectorAll('input[type="file"]:not([data-nlc-accept])');
    for (var i = 0; i < inputs.length; i += 1) {
      inputs[i].setAttribute("data-nlc-accept", "");
      if (accept.length) inputs[i].setAttribute("accept", accept.join(","));
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  // Decap keeps every upload in its one media folder (config.yml's media_folder) and does not
  // honour a media folder on an editor component's field, so the backend (GitHub, or the local
  // editing server) is wrapped: each upload is saved into its kind's folder, a kind the site does
  // not publish is refused, and the media library lists pictures and documents together.
  function wrapBackend(name) {
    var registered = CMS.getBackend(name);
    if (!registered || registered.nlcWrapped) return;
    var init = registered.init;
    registered.nlcWrapped = true;
    registered.init = function (config, options) {
      var backend = init(config, options);
      var mediaFolder = trimSlashes(config.media_folder);
      var persistEntry = backend.persistEntry.bind(backend);
      var persistMedia = backend.persistMedia.bind(backend);
      var getMedia = backend.getMedia.bind(backend);
      var deleteFiles = backend.deleteFiles.bind(backend);
      // An upload a page still links to is not deleted: the page would then link nowhere, and the check refuse it.
      backend.deleteFiles = function (paths, message) {
        var used = (paths || []).filter(function (path) {
          return linked["/" + trimSlashes(path)];
        });
        if (used.length) {
          var refusal = used
            .map(function (path) {
              var address = "/" + trimSlashes(path);
              return nameOf(path) + " is still used by " + linked[address].join(", ") + ": remove it from there first.";
            })
            .join(" ");
          notify(refusal);
          return Promise.reject(new Error(refusal));
        }
        return deleteFiles(paths, message);
      };
      backend.persistEntry = function (entry, persistOptions) {
        (entry.assets || []).forEach(function (asset) {
          asset.path = placed(asset.path);
        });
        return persistEntry(entry, persistOptions);
      };
      backend.persistMedia = function (asset, persistOptions) {
        asset.path = placed(asset.path);
        return persistMedia(asset, persistOptions);
      };
      backend.getMedia = function (folder) {
        var wanted = trimSlashes(folder || mediaFolder);
        var folders = [wanted];
        if (wanted === mediaFolder)
          uploads.forEach(function (kind) {
            if (folders.indexOf(kind.folder) === -1) folders.push(kind.folder);
          });
        return Promise.all(
          folders.map(function (each, index) {
            // A folder not made yet (no document uploaded so far) lists nothing.
            var listed = getMedia(each);
            return index === 0
              ? listed
              : listed.catch(function () {
                  return [];
                });
          }),
        ).then(function (lists) {
          var files = [].concat.apply([], lists);
          files.forEach(function (file) {
            rememberSize(file.path || file.name, file.size);
          });
          return files;
        });
      };
      return backend;
    };
  }
  wrapBackend("github");
  wrapBackend("proxy");

  // An optional field the editor emptied is left out of the file: the check refuses "navtitle: ''",
  // and a field that is not there means "not set". A banner picture's empty description stays ("decoration").
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = event.entry.get("data");
      return data.filter(function (value, key) {
        if (key === "body") return true;
        if (key === "image_alt" && data.get("image")) return true;
        if (value === "" || value === null || value === undefined) return false;
        if (value && typeof value.size === "number" && typeof value.filter === "function" && value.size === 0)
          return false;
        return true;
      });
    },
  });

  // ---------------------------------------------------------------- the form's own fields

  function invalid(message) {
    return { error: { type: "CUSTOM", message: message } };
  }

  function currentEntry(props) {
    return props.getEntry ? props.getEntry() : props.entry;
  }

  function listOf(value) {
    if (value == null) return [];
    if (typeof value === "string") return [value];
    if (typeof value.toJS === "function") value = value.toJS();
    return Array.isArray(value) ? value : [];
  }

  /** A stock control with a check of ours added: what the check of `npm run check` would refuse. */
  function checkedControl(base, check) {
    var Base = CMS.getWidget(base).control;
    return createClass({
      inner: null,
      isValid: function () {
        var own = this.inner && typeof this.inner.isValid === "function" ? this.inner.isValid() : true;
        if (own !== true && own !== undefined && !(own && own.error === false)) return own;
        return check(this.props) || true;
      },
      render: function () {
        return h(
          Base,
          Object.assign({}, this.props, {
            ref: (ref) => {
              this.inner = ref;
            },
          }),
        );
      },
    });
  }

  /** Numbers no page of a menu has, just before and just after `order` (as src/checks/site-structure.ts finds them). */
  function clashAdvice(order, label, taken) {
    var below = Math.max.apply(
      null,
      [0].concat(
        taken.filter(function (n) {
          return n < order;
        }),
      ),
    );
    var higher = taken.filter(function (n) {
      return n > order;
    });
    var above = higher.length ? Math.min.apply(null, higher) : undefined;
    var ways = [];
    if (order - below >= 2)
      ways.push("to put this page just before " + label + ", give it " + Math.floor((below + order) / 2));
    if (above === undefined) ways.push("just after, " + (order + 10));
    else if (above - order >= 2) ways.push("just after, " + Math.floor((order + above) / 2));
    if (!ways.length) return "Give it a number between those of the two pages it goes between.";
    var advice = ways.join("; ");
    return advice.charAt(0).toUpperCase() + advice.slice(1) + ".";
  }

  // Position in its menu: a number another page of one of this page's menus has is refused, with one to use.
  CMS.registerWidget(
    "nlc-position",
    checkedControl("number", function (props) {
      var value = props.value;
      if (value === "" || value === null || value === undefined) return null;
      var order = Number(value);
      var entry = currentEntry(props);
      if (!entry || entry.getIn(["data", "draft"]) === true) return null;
      var path = entry.get("path");
      var menus = props.field.get("menus") ? props.field.get("menus").toJS() : {};
      var labels = props.field.get("menu_labels") ? props.field.get("menu_labels").toJS() : {};
      var tags = listOf(entry.getIn(["data", "tags"]));
      for (var i = 0; i < tags.length; i += 1) {
        var others = (menus[tags[i]] || []).filter(function (item) {
          return item.file !== path;
        });
        var clash = others.filter(function (item) {
          return item.order === order;
        })[0];
        if (!clash) continue;
        var now = others
          .map(function (item) {
            return item.label + " " + item.order;
          })
          .join(", ");
        var taken = others.map(function (item) {
          return item.order;
        });
        return invalid(
          "Position " +
            order +
            " is already used in the " +
            labels[tags[i]] +
            " by “" +
            clash.label +
            "”: give it a number between those of the two pages it goes between. " +
            clashAdvice(order, clash.label, taken) +
            " The " +
            labels[tags[i]] +
            " now: " +
            now +
            ".",
        );
      }
      return null;
    }),
    CMS.getWidget("number").preview,
  );

  // Address: one another page has (as its address or an old one) is refused, naming that page.
  CMS.registerWidget(
    "nlc-address",
    checkedControl("string", function (props) {
      var value = String(props.value || "").trim();
      if (!value) return null;
      var entry = currentEntry(props);
      var path = entry && entry.get("path");
      var taken = props.field.get("taken") ? props.field.get("taken").toJS() : [];
      var clash = taken.filter(function (item) {
        return item.address === value && item.file !== path;
      })[0];
      return clash
        ? invalid(
            "The address " +
              value +
              " is already used by “" +
              clash.title +
              "” (" +
              clash.file +
              "). Choose another address.",
          )
        : null;
    }),
    CMS.getWidget("string").preview,
  );

  // A picture's description: needed whenever the picture is there.
  CMS.registerWidget(
    "nlc-description",
    checkedControl("string", function (props) {
      var entry = currentEntry(props);
      var withField = props.field.get("needed_with");
      var picture = entry && withField ? entry.getIn(["data", withField]) : "";
      if (picture && !String(props.value || "").trim())
        return invalid(
          "Describe the banner picture: say what it shows, for people who cannot see it. Every picture needs a description.",
        );
      return null;
    }),
    CMS.getWidget("string").preview,
  );

  // A date typed as day, month and year, in three boxes (as GOV.UK asks for dates), kept in the file
  // as YYYY-MM-DD. Until all three make a real day in the plausible years the form refuses to save.
  function dayParts(value) {
    var written = String(value || "");
    var iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(written);
    if (iso) return { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1] };
    var typed = /^([^/]*)\/([^/]*)\/(.*)$/.exec(written);
    if (typed) return { day: typed[1], month: typed[2], year: typed[3] };
    return { day: "", month: "", year: "" };
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  var DateControl = createClass({
    getInitialState: function () {
      return dayParts(this.props.value);
    },
    componentDidUpdate: function (previous) {
      if (previous.value !== this.props.value && this.props.value !== this.composed) {
        this.setState(dayParts(this.props.value));
      }
    },
    change: function (part, value) {
      var parts = Object.assign({}, this.state);
      parts[part] = value.replace(/\D/g, "").slice(0, part === "year" ? 4 : 2);
      this.setState(parts);
      var composed;
      if (!parts.day && !parts.month && !parts.year) composed = "";
      else if (/^\d{4}$/.test(parts.year) && /^\d{1,2}$/.test(parts.day) && /^\d{1,2}$/.test(parts.month))
        composed = parts.year + "-" + pad(Number(parts.month)) + "-" + pad(Number(parts.day));
      else composed = parts.day + "/" + parts.month + "/" + parts.year;
      this.composed = composed;
      this.props.onChange(composed);
    },
    isValid: function () {
      var value = String(this.props.value || "");
      if (!value) return true;
      var label = this.props.field.get("label");
      var earliest = this.props.field.get("earliest_year");
      var latest = this.props.field.get("latest_year");
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
        return invalid(label + ": write the day, the month and the year (all four digits), such as 27, 3 and 2026.");
      if (!isRealDay(value)) {
        var parts = dayParts(value);
        return invalid(
          label +
            ": there is no day " +
            parts.day +
            "/" +
            parts.month +
            "/" +
            parts.year +
            ". Check the day and the month.",
        );
      }
      var year = Number(value.slice(0, 4));
      if ((earliest && year < earliest) || (latest && year > latest))
        return invalid(
          label +
            ": the year must be from " +
            earliest +
            " to " +
            latest +
            ". Check it is typed in full, such as " +
            new Date().getFullYear() +
            ".",
        );
      return true;
    },
    render: function () {
      var id = this.props.forID;
      var box = (part, label, width) => {
        return h(
          "div",
          { style: { display: "inline-block", marginRight: "16px" } },
          h("label", { htmlFor: id + (part === "day" ? "" : "-" + part), style: { display: "block" } }, label),
          h("input", {
            id: id + (part === "day" ? "" : "-" + part),
            type: "text",
            inputMode: "numeric",
            autoComplete: "off",
            spellCheck: false,
            value: this.state[part],
            style: {
              width: width,
              padding: "8px",
              fontSize: "16px",
              border: "2px solid #7b7b7b",
              borderRadius: "4px",
              background: "#fff",
            },
            onChange: (event) => {
              this.change(part, event.target.value);
            },
            onFocus: this.props.setActiveStyle,
            onBlur: this.props.setInactiveStyle,
          }),
        );
      };
      return h(
        "div",
        { className: this.props.classNameWrapper, role: "group" },
        box("day", "Day", "3em"),
        box("month", "Month", "3em"),
        box("year", "Year", "5em"),
      );
    },
  });
  var DatePreview = createClass({
    render: function () {
      return h("p", null, readableDate(this.props.value));
    },
  });
  CMS.registerWidget("nlc-date", DateControl, DatePreview);

  // ---------------------------------------------------------------- the preview: the site's layouts

  /**
   * A picture for the preview. Decap takes an address starting with "/" as already on the site, so a
   * picture just uploaded (not saved yet) would show broken: its address in the media folder is asked
   * for by its path there ("static/img/x.png"), which Decap finds among the uploads, then in the library.
   */
  var uploadedPicture = /^\/(static\/img\/[^/]+)$/;
  function assetPath(src) {
    var upload = uploadedPicture.exec(String(src || ""));
    return upload ? upload[1] : src;
  }
  function pictureAddress(getAsset, src) {
    var asset = getAsset(assetPath(src));
    return asset ? asset.toString() : "";
  }

  /** The title band every page opens with (layouts/partials/hero.njk). */
  function hero(props, options) {
    var entry = props.entry;
    var image = text(entry, "image");
    var leader = text(entry, "leader") || text(entry, "subtitle");
    return h(
      "div",
      {
        className: "hero" + (image ? " hero--with-image" : "") + (options.modifier ? " hero--" + options.modifier : ""),
      },
      h(
        "div",
        { className: "container hero__inner" },
        h(
          "div",
          { className: "hero__text" },
          options.kicker ? h("p", { className: "hero__kicker" }, options.kicker) : null,
          h("h1", { className: "hero__title" }, text(entry, "title")),
          leader ? h("p", { className: "hero__leader" }, leader) : null,
          options.meta ? h("p", { className: "hero__meta" }, options.meta) : null,
        ),
        image
          ? h("img", {
              className: "hero__image",
              src: pictureAddress(props.getAsset, image),
              alt: text(entry, "image_alt"),
            })
          : options.modifier === "home"
            ? h("div", { className: "hero__mark", "aria-hidden": "true" }, h("span"), h("span"), h("span"))
            : null,
      ),
    );
  }

  /** The page's text in the left two thirds (layouts/page.njk), with what a layout adds after it. */
  function pageBody(props, after) {
    return h(
      "div",
      { className: "container page-body" },
      h(
        "div",
        { className: "layout" },
        h("div", { className: "layout__main" }, props.widgetFor("body"), after || null),
      ),
    );
  }

  var PostPreview = createClass({
    render: function () {
      var date = text(this.props.entry, "date");
      return h(
        "main",
        { className: "site-main" },
        h(
          "article",
          { className: "post" },
          hero(this.props, {
            kicker: "News",
            meta: h(
              "span",
              null,
              "Published ",
              h("time", { dateTime: date }, readableDate(date)),
              siteName ? " by the " + siteName : "",
            ),
          }),
          pageBody(this.props, h("p", { className: "post__back" }, h("a", { href: "/news/" }, "All news"))),
        ),
      );
    },
  });

  var PagePreview = createClass({
    render: function () {
      var entry = this.props.entry;
      var layout = text(entry, "layout").replace(/\.njk$/, "");
      var after = null;
      if (layout === "statement") {
        var reviewed = text(entry, "last_reviewed");
        after = h(
          "div",
          null,
          h("h2", { id: "preparation-of-this-statement" }, "Preparation of this statement"),
          reviewed
            ? h(
                "p",
                null,
                "This statement was last reviewed on ",
                h("time", { dateTime: reviewed }, readableDate(reviewed)),
                ".",
              )
            : null,
        );
      }
      return h("main", { className: "site-main" }, hero(this.props, {}), pageBody(this.props, after));
    },
  });

  var HomePreview = createClass({
    render: function () {
      return h("main", { className: "site-main" }, hero(this.props, { modifier: "home" }), pageBody(this.props));
    },
  });

  var NewsPreview = createClass({
    render: function () {
      return h(
        "main",
        { className: "site-main" },
        hero(this.props, {}),
        pageBody(this.props, h("p", null, h("em", null, "The news posts are listed here, newest first."))),
      );
    },
  });

  CMS.registerPreviewTemplate("posts", PostPreview);
  CMS.registerPreviewTemplate("pages", PagePreview);
  CMS.registerPreviewTemplate("home", HomePreview);
  CMS.registerPreviewTemplate("news", NewsPreview);

  // ---------------------------------------------------------------- the text's buttons

  // Markdown's own syntax for text in square brackets: a "]" or newline would end it early.
  function bracketText(value) {
    return String(value || "")
      .replace(/[\r\n]+/g, " ")
      .replace(/([\\\]])/g, "\\$1")
      .trim();
  }
  function unescapeBracket(value) {
    return String(value || "").replace(/\\([\\\]])/g, "$1");
  }
  function unescapeAttribute(value) {
    return String(value || "")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&amp;/g, "&");
  }

  // A picture with its description: ![description](/static/img/name.jpg). Registered as "image", so it
  // replaces Decap's own Image box (with its second "Title" field) when a page is opened again. A picture
  // without a description is written ![](…), which the text's pattern refuses (src/content/body-rules.ts).
  CMS.registerEditorComponent({
    id: "image",
    label: "Picture",
    fields: [
      { name: "src", label: "Picture", widget: "image", choose_url: false },
      {
        name: "alt",
        label: "Description",
        widget: "string",
        required: true,
        hint: "What the picture shows, for people who cannot see it. Every picture needs one: the page cannot be saved without it.",
      },
    ],
    pattern: /^(?:!\[((?:[^\]\\\n]|\\.)*)\]\((\S+?)\)|<img src="([^"<>]*)">)$/,
    fromBlock: function (match) {
      return match[3] !== undefined
        ? { alt: "", src: unescapeAttribute(match[3]) }
        : { alt: unescapeBracket(match[1]), src: match[2] };
    },
    toBlock: function (data) {
      return "![" + bracketText(data.alt) + "](" + String(data.src || "") + ")";
    },
    toPreview: function (data, getAsset) {
      return h("img", { src: data.src ? pictureAddress(getAsset, data.src) : "", alt: data.alt || "" });
    },
  });

  // A document (a PDF, a Word file, …) as a link whose text says its type and size:
  // [Annual report (PDF, 1.2 MB)](/static/documents/annual-report.pdf).
  /** "Annual report (PDF, 1.2 MB)" → its words and its details, "PDF, 1.2 MB"; undefined without details. */
  function documentDetails(words) {
    var open = words.lastIndexOf(" (");
    if (open === -1 || !words.endsWith(")")) return undefined;
    var details = words.slice(open + 2, -1);
    return /^[^()]+, \d+(?:\.\d)? [KM]B$/.test(details) ? [words, words.slice(0, open).trimEnd(), details] : undefined;
  }
  function documentKindLabel(address) {
    var kind = uploadKind(nameOf(address));
    return kind ? kind.label : "";
  }
  CMS.registerEditorComponent({
    id: "document",
    label: "Document",
    fields: [
      {
        name: "file",
        label: "Document",
        widget: "file",
        choose_url: false,
        hint: "A PDF, Word, Excel, PowerPoint, OpenDocument or CSV file. It is kept in static/documents/ under a clean name.",
      },
      {
        name: "text",
        label: "Link text",
        widget: "string",
        hint: "Say what the document is, such as: Annual report 2024. Its type and size are added after it.",
      },
    ],
    pattern: /^\[((?:[^\]\\\n]|\\.)+)\]\((\/static\/documents\/[^\s)]+)\)$/,
    fromBlock: function (match) {
      var words = unescapeBracket(match[1]);
      var details = documentDetails(words);
      return details ? { text: details[1], details: details[2], file: match[2] } : { text: words, file: match[2] };
    },
    toBlock: function (data) {
      var address = documentAddress(data.file);
      var size = sizes[address];
      var details =
        size !== undefined
          ? documentKindLabel(address) + ", " + readableSize(size)
          : data.details || documentKindLabel(address);
      var words = bracketText(data.text) || nameOf(address);
      return "[" + words + (details ? " (" + details + ")" : "") + "](" + address + ")";
    },
    toPreview: function (data) {
      var address = documentAddress(data.file);
      var size = sizes[address];
      var details = size !== undefined ? documentKindLabel(address) + ", " + readableSize(size) : data.details;
      return h("a", { href: address }, (data.text || nameOf(address)) + (details ? " (" + details + ")" : ""));
    },
  });

  // A link to one of the site's pages, chosen from a list, so an address cannot be mistyped.
  function pageLinkDialog(data) {
    return new Promise(function (resolve) {
      var dialog = document.createElement("dialog");
      dialog.setAttribute("aria-labelledby", "nlc-page-link-title");
      dialog.style.cssText = "padding:24px;max-width:36rem;font:16px/1.4 sans-serif";
      var form = document.createElement("form");
      form.method = "dialog";
      var title = document.createElement("h2");
      title.id = "nlc-page-link-title";
      title.textContent = "Link to a page";
      title.style.cssText = "margin:0 0 16px;font-size:20px";
      var pageLabel = document.createElement("label");
      pageLabel.htmlFor = "nlc-page-link-page";
      pageLabel.textContent = "Page";
      var select = document.createElement("select");
      select.id = "nlc-page-link-page";
      select.required = true;
      pages.forEach(function (page) {
        var option = document.createElement("option");
        option.value = page.address;
        option.textContent = page.title + " (" + page.address + ")";
        if (page.address === data.address) option.selected = true;
        select.appendChild(option);
      });
      var textLabel = document.createElement("label");
      textLabel.htmlFor = "nlc-page-link-text";
      textLabel.textContent = "Link text (what the reader clicks)";
      var input = document.createElement("input");
      input.id = "nlc-page-link-text";
      input.type = "text";
      input.value = data.text || "";
      [pageLabel, select, textLabel, input].forEach(function (element) {
        element.style.display = "block";
        element.style.marginBottom = "8px";
        if (element !== pageLabel && element !== textLabel)
          element.style.cssText += ";width:100%;padding:8px;font-size:16px";
      });
      var insert = document.createElement("button");
      insert.type = "submit";
      insert.value = "insert";
      insert.textContent = data.address ? "Change link" : "Insert link";
      var cancel = document.createElement("button");
      cancel.type = "submit";
      cancel.value = "cancel";
      cancel.formNoValidate = true;
      cancel.textContent = "Cancel";
      cancel.style.marginLeft = "8px";
      form.append(title, pageLabel, select, textLabel, input, insert, cancel);
      dialog.appendChild(form);
      document.body.appendChild(dialog);
      dialog.addEventListener("close", function () {
        var chosen = dialog.returnValue === "insert" ? select.value : "";
        var words = input.value.trim();
        dialog.remove();
        if (!chosen) return resolve(null);
        var page = pages.filter(function (each) {
          return each.address === chosen;
        })[0];
        resolve({ address: chosen, text: words || (page ? page.title.replace(/^News: /, "") : chosen) });
      });
      dialog.showModal();
      (data.text ? select : input).focus();
    });
  }
  CMS.registerEditorComponent({
    id: "page-link",
    label: "Link to a page",
    type: "inline",
    fields: [
      { name: "address", label: "Page", widget: "string" },
      { name: "text", label: "Link text", widget: "string" },
    ],
    pattern: /\[((?:[^[\]\\\n]|\\.)+)\]\((\/(?:[a-z0-9][\w.-]*\/)*)\)/,
    fromInline: function (match) {
      return { text: unescapeBracket(match[1]), address: match[2] };
    },
    fromBlock: function (match) {
      return { text: unescapeBracket(match[1]), address: match[2] };
    },
    toInline: function (data) {
      return "[" + bracketText(data.text) + "](" + String(data.address || "/") + ")";
    },
    toBlock: function (data) {
      return "[" + bracketText(data.text) + "](" + String(data.address || "/") + ")";
    },
    toPreview: function (data) {
      return h("a", { href: data.address || "/" }, data.text || data.address);
    },
    onInsert: function (context) {
      return pageLinkDialog({ text: context && context.selectedText });
    },
    onEdit: function (context) {
      return pageLinkDialog((context && context.data) || {});
    },
  });

  // The video form the site turns into its click-to-load player: a Vimeo
  // address on a line of its own, or [title](https://vimeo.com/ID).
  var vimeo = /^https:\/\/vimeo\.com\/(\d+)$/;
  CMS.registerEditorComponent({
    id: "video",
    label: "Video",
    fields: [
      {
        name: "url",
        label: "Vimeo address",
        widget: "string",
        pattern: [
          "^https://vimeo\\.com/[0-9]+$",
          "Paste the video's address from Vimeo, such as https://vimeo.com/389775874",
        ],
      },
      {
        name: "title",
        label: "Video title",
        widget: "string",
        required: false,
        hint: "What the video is about: the play button says it.",
      },
    ],
    pattern: /^(?:\[((?:[^\]\\\n]|\\.)+)\]\((https:\/\/vimeo\.com\/\d+)\)|(https:\/\/vimeo\.com\/\d+))$/,
    fromBlock: function (match) {
      return match[3] ? { url: match[3], title: "" } : { url: match[2], title: unescapeBracket(match[1]) };
    },
    toBlock: function (data) {
      var url = String(data.url || "").trim();
      var title = bracketText(data.title);
      return title ? "[" + title + "](" + url + ")" : url;
    },
    toPreview: function (data) {
      var id = vimeo.exec(String(data.url || "").trim());
      return h(
        "p",
        { className: "video-placeholder" },
        "Video" + (data.title ? ": " + data.title : "") + (id ? " (Vimeo " + id[1] + ")" : ""),
      );
    },
  });
})();
