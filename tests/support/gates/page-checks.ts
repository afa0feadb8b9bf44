// Gates on what a page does as it loads: no console errors, no request to another host, no sideways scrolling.
import type { Page, Route } from "playwright-core";

export interface PageWatch {
  /** Console errors and uncaught exceptions since the last reset. */
  consoleErrors: string[];
  /** Requests to anywhere but the test server since the last reset (they are blocked). */
  offsite: string[];
  reset(): void;
}

/**
 * Watches a page from now on: records console errors and uncaught exceptions,
 * and records and blocks every request that would leave `host` (e.g. 127.0.0.1).
 */
export async function watchPage(page: Page, host = "127.0.0.1"): Promise<PageWatch> {
  const watch: PageWatch = {
    consoleErrors: [],
    offsite: [],
    reset() {
      watch.consoleErrors.length = 0;
      watch.offsite.length = 0;
    },
  };
  page.on("console", (message) => {
    if (message.type() === "error") watch.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => watch.consoleErrors.push(`uncaught ${error.name}: ${error.message}`));
  const leaves = (address: string) => {
    const url = new URL(address);
    return !["data:", "blob:", "about:"].includes(url.protocol) && url.hostname !== host;
  };
  page.on("request", (request) => {
    if (leaves(request.url()) && !watch.offsite.includes(request.url())) watch.offsite.push(request.url());
  });
  page.on("websocket", (socket) => {
    if (leaves(socket.url())) watch.offsite.push(socket.url());
  });
  await page.route(
    (url) => url.hostname !== host,
    routeHandler((route: Route) => route.abort("blockedbyclient")),
  );
  return watch;
}

/** Why the page scrolls sideways at its current width, naming the widest element; undefined if it does not. */
export async function sidewaysScroll(page: Page, label: string): Promise<string | undefined> {
  const result = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return undefined;
    let widest = "";
    let right = root.clientWidth;
    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.right > right) {
        right = box.right;
        widest = `${element.tagName.toLowerCase()}${[...element.classList].map((name) => `.${name}`).join("")}`;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest };
  });
  if (!result) return undefined;
  return `${label}: scrolls sideways – content is ${result.scrollWidth}px wide in a ${result.clientWidth}px window${result.widest ? ` (widest: ${result.widest})` : ""}`;
}

/**
 * A route handler that never leaves an unhandled rejection: a request still in flight when its page or
 * context closes (the test has its answer) fails with "closed" or "disposed", which is no one's problem.
 */
export function routeHandler<R>(handle: (route: R) => Promise<unknown>): (route: R) => Promise<void> {
  return async (route) => {
    try {
      await handle(route);
    } catch (caught) {
      if (!/closed|disposed/i.test(caught instanceof Error ? caught.message : String(caught))) throw caught;
    }
  };
}
