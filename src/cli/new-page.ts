// `npm run new -- "Page title"` (or `npm run new -- --news "Post title"`): starts a new page, as a draft.
import { createPage } from "../content/new-page.js";

const args = process.argv.slice(2);
const kind = args.includes("--news") ? "news" : "page";
const title = args
  .filter((arg) => arg !== "--news")
  .join(" ")
  .trim();
if (!title) {
  console.error('Give the page a title: npm run new -- "Page title"  (or: npm run new -- --news "Post title")');
  process.exit(1);
}
try {
  const page = createPage(process.cwd(), title, kind);
  console.log(`Created ${page.file}. It will be at ${page.url} once you remove "draft: true".`);
  console.log("Preview it with npm start, and check it with npm run check.");
} catch (caught) {
  console.error(caught instanceof Error ? caught.message : String(caught));
  process.exit(1);
}
