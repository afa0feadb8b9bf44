// In the preview only (`npm start`): when a save stops the rebuild, or the site has problems outside its
// pages (a file in static/, a data file), list them over the page, in the words the terminal prints, and
// clear them once a save puts them right. (A page with problems of its own is not shown at all: the preview
// answers with its problems instead, src/build/preview.ts.) Talks to the preview's own server: the same
// WebSocket its live reload uses, and the list of problems it keeps. A file, never inline, so the site's
// Content-Security-Policy lets it run; it styles the panel through the DOM, which the policy allows.
const problemsAddress = "/.nlc-preview/problems.json";
const panelId = "nlc-preview-problems";

function hide() {
  document.getElementById(panelId)?.remove();
}

function show(lines, stopped) {
  hide();
  const panel = document.createElement("section");
  panel.id = panelId;
  panel.setAttribute("role", "alert");
  panel.setAttribute("aria-labelledby", `${panelId}-heading`);
  Object.assign(panel.style, {
    position: "fixed",
    inset: "0 0 auto 0",
    zIndex: "2147483647",
    maxHeight: "70vh",
    overflow: "auto",
    padding: "1rem 1.25rem",
    background: "#fff",
    color: "#0b0c0c",
    borderBottom: "6px solid #d4351c",
    boxShadow: "0 2px 12px rgba(0, 0, 0, 0.35)",
    font: "1rem/1.5 system-ui, sans-serif",
  });
  const heading = document.createElement("h2");
  heading.id = `${panelId}-heading`;
  heading.textContent = stopped ? "The preview was not updated" : "The site has problems";
  Object.assign(heading.style, { margin: "0 0 0.5rem", fontSize: "1.25rem", color: "#d4351c" });
  const intro = document.createElement("p");
  intro.textContent = stopped
    ? "Your last save has problems, so this page still shows the last version that worked. Fix these, then save again:"
    : "These would stop the site being published. Fix them, then save again:";
  intro.style.margin = "0 0 0.5rem";
  const list = document.createElement("ul");
  list.style.margin = "0";
  list.style.paddingLeft = "1.25rem";
  for (const line of lines) {
    const item = document.createElement("li");
    const code = document.createElement("code");
    code.textContent = line;
    code.style.whiteSpace = "pre-wrap";
    item.append(code);
    list.append(item);
  }
  panel.append(heading, intro, list);
  document.body.prepend(panel);
}

/** The problems the preview holds; `fallback` (Eleventy's own message) if the checks found none. */
async function refresh(fallback) {
  try {
    const response = await fetch(problemsAddress, { cache: "no-store" });
    const { stopped, problems } = await response.json();
    if (problems.length > 0) show(problems, stopped);
    else if (fallback) show([fallback, "The terminal where npm start runs says more."], true);
    else hide();
  } catch {
    // The preview has stopped; the live-reload script says so in the console.
  }
}

function listen() {
  const socket = new WebSocket(`${location.protocol.replace("http", "ws")}//${location.host}`);
  socket.addEventListener("message", (event) => {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (data.type === "eleventy.error") {
      let message = "";
      try {
        message = String(JSON.parse(data.error).message ?? "")
          .split("\n")
          .filter((line) => !/^\s+at /.test(line))
          .join("\n");
      } catch {
        // no message to fall back on
      }
      refresh(message.replace(/^The preview was not updated\. Fix these, then save again:\n/, ""));
    } else if (data.type === "eleventy.reload") {
      hide();
    }
  });
  socket.addEventListener("close", () => setTimeout(listen, 1000));
}

refresh();
listen();
