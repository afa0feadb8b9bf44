// Raw HTML the site's security policy would block, or that would contact another host: each is an error
// at the page's file and line with the fix; what the policy allows passes.
import { describe, expect, it } from "vitest";
import { allowedHosts } from "../../src/output/allowed-hosts.js";
import { checkBody, checkFixtures, fixturePage } from "../support/rendered-fixture.js";

/** [what, the body, the start of the message expected on line 6]. */
const refused: Array<[string, string, string]> = [
  ["inline script", "<script>document.title = 'x'</script>\n", "a script written into the page is blocked"],
  [
    "script from a page's own folder",
    '<script src="/static/app.js"></script>\n',
    "a script from /static/app.js on a page",
  ],
  [
    "script from another host",
    '<script src="https://cdn.example.org/app.js"></script>\n',
    "<script> loads a script from another website (cdn.example.org)",
  ],
  ["style block", "<style>p { color: red }</style>\n", "a <style> block is blocked"],
  ["style attribute", '<p style="color: red">Red</p>\n', 'style="…" on <p> is blocked'],
  ["event attribute", '<p onmouseover="steal()">Hover</p>\n', 'onmouseover="…" on <p> is code in the page'],
  [
    "javascript: link",
    '<a href="javascript:alert(1)">Open</a>\n',
    'href="javascript:alert(1)" on <a> is a javascript: address',
  ],
  ["javascript: with a tab in it", '<a href="java\tscript:alert(1)">Open</a>\n', "is a javascript: address"],
  ["vbscript: link", '<a href="vbscript:msgbox(1)">Open</a>\n', "is a vbscript: address"],
  ["data: document", '<a href="data:text/html,<b>x</b>">Open</a>\n', "is an address that carries a whole file (data:)"],
  [
    "data: picture",
    '<img src="data:image/svg+xml,<svg></svg>" alt="x">\n',
    "is an address that carries a whole file (data:)",
  ],
  [
    "data: PNG picture",
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="x">\n',
    "is an address that carries a whole file (data:)",
  ],
  [
    "form action javascript:",
    '<form action="javascript:go()"><button type="submit">Go</button></form>\n',
    'action="javascript:go()" on <form>',
  ],
  [
    "formaction javascript:",
    '<form action="/search/"><button type="submit" formaction="javascript:go()">Go</button></form>\n',
    'formaction="javascript:go()" on <button>',
  ],
  [
    "meta refresh in the body",
    '<meta http-equiv="refresh" content="0; url=https://example.org/">\n',
    '<meta http-equiv="refresh"> in a page can send visitors elsewhere',
  ],
  ["base", '<base href="https://example.org/">\n', "a <base> tag changes where every link on the page goes"],
  ["object", '<object data="/static/a.swf"></object>\n', "<object> embeds a plug-in"],
  ["embed", '<embed src="/static/a.swf">\n', "<embed> embeds a plug-in"],
  ["applet", '<applet code="A.class"></applet>\n', "<applet> embeds a plug-in"],
  [
    "iframe from another host",
    '<iframe src="https://www.youtube.com/embed/x" title="A film"></iframe>\n',
    "<iframe> shows a frame from another website (www.youtube.com)",
  ],
  [
    "iframe from this site",
    '<iframe src="/contact/" title="Contact"></iframe>\n',
    "a frame showing /contact/ is blocked",
  ],
  [
    "iframe from the video host over http",
    '<iframe src="http://player.vimeo.com/video/1" title="A film"></iframe>\n',
    "<iframe> shows a frame from another website (player.vimeo.com)",
  ],
  [
    "picture from another host",
    '<img src="https://images.example.org/a.jpg" alt="A view">\n',
    "<img> loads a picture from another website (images.example.org)",
  ],
  [
    "srcset from another host",
    '<img src="/static/a.svg" srcset="https://images.example.org/a.jpg 2x" alt="A view">\n',
    "<img> loads a picture from another website (images.example.org)",
  ],
  [
    "protocol-relative picture",
    '<img src="//images.example.org/a.jpg" alt="A view">\n',
    "<img> loads a picture from another website (images.example.org)",
  ],
  [
    "video poster from another host",
    '<video src="/static/a.mp4" poster="https://images.example.org/a.jpg" controls></video>\n',
    "<video> loads a picture from another website (images.example.org)",
  ],
  [
    "audio from another host",
    '<audio src="https://media.example.org/a.mp3" controls></audio>\n',
    "<audio> loads video or sound from another website (media.example.org)",
  ],
  [
    "stylesheet from another host",
    '<link rel="stylesheet" href="https://fonts.example.org/a.css">\n',
    "<link> loads a stylesheet from another website (fonts.example.org)",
  ],
  [
    "font preload from another host",
    '<link rel="preload" as="font" href="https://fonts.example.org/a.woff2">\n',
    "<link> loads a font from another website (fonts.example.org)",
  ],
  [
    "icon from another host",
    '<link rel="icon" href="https://images.example.org/favicon.ico">\n',
    "<link> loads a picture from another website (images.example.org)",
  ],
  [
    "form posting elsewhere",
    '<form action="https://forms.example.org/post" method="post"><button type="submit">Send</button></form>\n',
    "<form> sends what visitors type to another website (forms.example.org)",
  ],
  [
    "button posting elsewhere",
    '<form action="/search/"><button type="submit" formaction="https://forms.example.org/">Send</button></form>\n',
    "<button> sends what visitors type to another website (forms.example.org)",
  ],
];

/** Content the policy allows. */
const allowed: Array<[string, string]> = [
  [
    "the video player's frame",
    '<iframe src="https://player.vimeo.com/video/389775874?dnt=1" title="Our film"></iframe>\n',
  ],
  ["a link to another site", "Read [the government's guidance](https://www.gov.uk/guidance).\n"],
  ["a picture from the site", '<img src="/static/a.svg" alt="A chart">\n'],
  [
    "a form that searches the site",
    '<form action="/search/" method="get"><label for="q">Search</label><input id="q" name="q"><button type="submit">Search</button></form>\n',
  ],
  ["a mail link", "Write to [the team](mailto:team@example.org).\n"],
  ["a link that opens a data: picture", '<a href="data:image/png;base64,iVBORw0KGgo=">The chart</a>\n'],
  ["words about scripts", "The words `<script>` and `onclick=` in code are shown, not run.\n"],
];

describe("raw HTML the site's security policy blocks", () => {
  it.each(refused)("%s: an error at the file and line, with the fix", (_what, body, message) => {
    const problems = checkBody(body).filter(
      (line) => !line.includes("broken link") && !line.includes("no alt text") && !line.includes("has no text"),
    );
    expect(problems.length, problems.join("\n")).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^content\/page\.md:6:\d+: error: /);
    expect(problems.join("\n")).toContain(message);
  });

  it.each(allowed)("%s: passes", (_what, body) => {
    expect(checkBody(body).filter((line) => !line.includes("broken link"))).toEqual([]);
  });

  it("lets no frame load with the page, whatever its host: the frame hosts are the player's, once a visitor presses Play", () => {
    expect(allowedHosts.frames.length).toBeGreaterThan(0);
    for (const host of allowedHosts.frames) {
      for (const scheme of ["https", "http"]) {
        expect(checkBody(`Watch: <iframe src="${scheme}://${host}/x" title="A film"></iframe>\n`)).toEqual([
          expect.stringMatching(
            new RegExp(
              `^content/page\\.md:6:\\d+: error: <iframe> shows a frame from another website \\(${host.replaceAll(".", "\\.")}\\) as the page loads`,
            ),
          ),
        ]);
      }
      // The player's button opens a frame from a listed host, over https only, when pressed.
      expect(
        checkBody(`<p><button type="button" data-video-src="https://${host}/video/1">Play</button></p>\n`),
      ).toEqual([]);
      expect(checkBody(`<p><button type="button" data-video-src="http://${host}/video/1">Play</button></p>\n`)).toEqual(
        [expect.stringMatching(/the video button on <button> would open a frame from /)],
      );
    }
    // The share dialog's embed alone on its line is the player, which loads nothing until pressed.
    expect(checkBody('<iframe src="https://player.vimeo.com/video/1" title="A film"></iframe>\n')).toEqual([]);
  });

  it("trusts the layout's own scripts and search-engine data in <head>, not the same in the page's body", () => {
    const jsonLd = '<script type="application/ld+json">{"@type":"WebPage"}</script>';
    expect(
      checkFixtures(fixturePage("page", "Text.\n", `${jsonLd}<script src="/assets/site.abc.js" defer></script>`)),
    ).toEqual([]);
    expect(checkBody(`${jsonLd}\n`)).toEqual([
      expect.stringMatching(/^content\/page\.md:6:1: error: a script written into the page is blocked/),
    ]);
  });
});
