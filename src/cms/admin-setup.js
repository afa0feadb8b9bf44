// The browser editor's parts that are ours: the preview in the site's own
// stylesheet and layouts, and the Picture, Video and Document buttons of the
// text editor. Served from our origin as a file (the CSP allows no inline script).
/* global CMS, h, createClass */
(function () {
  "use strict";
  var script = document.currentScript;
  var previewStyle = script && script.getAttribute("data-preview-style");
  if (previewStyle) CMS.registerPreviewStyle(previewStyle);

  function text(entry, field) {
    var value = entry.getIn(["data", field]);
    return value == null ? "" : String(value);
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
  function readableDate(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    return match ? Number(match[3]) + " " + months[Number(match[2]) - 1] + " " + match[1] : value;
  }

  // As layouts/post.njk lays out a news post.
  var PostPreview = createClass({
    render: function () {
      var entry = this.props.entry;
      var date = text(entry, "date");
      return h(
        "main",
        { className: "site-main" },
        h(
          "article",
          { className: "container container--sm page-body post" },
          h(
            "header",
            { className: "post__header" },
            h("p", { className: "post__kicker" }, "News"),
            h("h1", { className: "page-title" }, text(entry, "title")),
            h(
              "p",
              { className: "post__meta" },
              "Published ",
              h("time", { dateTime: date }, readableDate(date)),
              " by the National Leadership Centre",
            ),
          ),
          h("div", { className: "prose" }, this.props.widgetFor("body")),
        ),
      );
    },
  });

  // As layouts/primary.njk (banner) or layouts/page.njk (plain) lay out a page.
  var PagePreview = createClass({
    render: function () {
      var entry = this.props.entry;
      var layout = text(entry, "layout")
        .replace(/^layouts\//, "")
        .replace(/\.njk$/, "");
      var leader = text(entry, "leader");
      if (layout === "primary") {
        var image = text(entry, "image");
        var asset = image ? this.props.getAsset(image) : null;
        return h(
          "main",
          { className: "site-main" },
          h(
            "div",
            { className: "hero" + (image ? " hero--with-image" : "") },
            h(
              "div",
              { className: "container hero__inner" },
              h(
                "div",
                { className: "hero__text" },
                h("h1", { className: "hero__title" }, text(entry, "title")),
                leader ? h("p", { className: "hero__leader" }, leader) : null,
              ),
              asset
                ? h("img", { className: "hero__image", src: asset.toString(), alt: text(entry, "image_alt") })
                : null,
            ),
          ),
          h("div", { className: "page-body page-body--primary" }, this.props.widgetFor("body")),
        );
      }
      return h(
        "main",
        { className: "site-main" },
        h(
          "div",
          { className: "container container--sm page-body" },
          h("h1", { className: "page-title" }, text(entry, "title")),
          leader ? h("p", { className: "lead" }, leader) : null,
          h("div", { className: "prose" }, this.props.widgetFor("body")),
        ),
      );
    },
  });

  CMS.registerPreviewTemplate("posts", PostPreview);
  CMS.registerPreviewTemplate("pages", PagePreview);

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

  // A picture with its description: markdown ![description](/static/img/name.jpg).
  // Decap does not enforce `required` inside an editor component, so a picture
  // saved without a description is written as <img> without alt, which
  // `npm run check` (and so the pull request) refuses, naming the file and line.
  function attribute(value) {
    return String(value || "")
      .replace(/&/g, "&amp;")
      .replace(/"/g, "&quot;")
      .replace(/</g, "&lt;");
  }
  CMS.registerEditorComponent({
    id: "picture",
    label: "Picture",
    fields: [
      { name: "src", label: "Picture", widget: "image", choose_url: false },
      {
        name: "alt",
        label: "Description",
        widget: "string",
        required: true,
        hint: "What the picture shows, for people who cannot see it. Every picture needs one: the checks refuse a picture without it.",
      },
    ],
    pattern: /^(?:!\[((?:[^\]\\\n]|\\.)*)\]\((\S+)\)|<img src="([^"<>]*)">)$/,
    fromBlock: function (match) {
      return match[3] !== undefined
        ? {
            alt: "",
            src: match[3]
              .replace(/&quot;/g, '"')
              .replace(/&lt;/g, "<")
              .replace(/&amp;/g, "&"),
          }
        : { alt: unescapeBracket(match[1]), src: match[2] };
    },
    toBlock: function (data) {
      var alt = bracketText(data.alt);
      return alt ? "![" + alt + "](" + String(data.src || "") + ")" : '<img src="' + attribute(data.src) + '">';
    },
    toPreview: function (data, getAsset) {
      var asset = data.src ? getAsset(data.src) : null;
      return h("img", { src: asset ? asset.toString() : "", alt: data.alt || "" });
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

  // A document (PDF and the like) kept in static/documents/, as a link.
  CMS.registerEditorComponent({
    id: "document",
    label: "Document",
    fields: [
      {
        name: "file",
        label: "Document",
        widget: "file",
        choose_url: false,
        media_folder: "/static/documents",
        public_folder: "/static/documents",
      },
      {
        name: "text",
        label: "Link text",
        widget: "string",
        hint: "Say what the document is, such as: Annual report 2020 (PDF, 2 MB).",
      },
    ],
    pattern: /^\[((?:[^\]\\\n]|\\.)+)\]\((\/static\/documents\/\S+)\)$/,
    fromBlock: function (match) {
      return { text: unescapeBracket(match[1]), file: match[2] };
    },
    toBlock: function (data) {
      return "[" + bracketText(data.text) + "](" + String(data.file || "") + ")";
    },
    toPreview: function (data) {
      return h("a", { href: data.file || "" }, data.text || "");
    },
  });
})();
