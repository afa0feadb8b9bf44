// `npm run docs:fields`: remakes the field table in docs/editing.md from the front-matter schema.
import { updateFieldTable } from "../checks/field-docs.js";

console.log(
  updateFieldTable("docs/editing.md")
    ? "Updated the field table in docs/editing.md."
    : "docs/editing.md is up to date.",
);
