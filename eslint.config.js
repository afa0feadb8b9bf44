// Lint: typescript-eslint's recommended rules, and eslint-plugin-regexp's, which prove by construction
// that no pattern can backtrack super-linearly (an editor's text is fed to every pattern we write).
import js from "@eslint/js";
import regexp from "eslint-plugin-regexp";
import tseslint from "typescript-eslint";

const layers = ["core", "content", "render", "output", "checks", "cms", "build", "cli"];

export default tseslint.config(
  { ignores: ["_site/", ".preview/", ".cache/", "bench/.out/", "node_modules/", "**/.*-staging/", "screenshots/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs["flat/recommended"],
  {
    languageOptions: {
      globals: {
        // Node and the browser scripts (src/scripts/, src/cms/admin-setup.js) alike.
        process: "readonly",
        console: "readonly",
        window: "readonly",
        document: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        localStorage: "readonly",
        fetch: "readonly",
        WebSocket: "readonly",
        navigator: "readonly",
        location: "readonly",
        HTMLElement: "readonly",
        URLSearchParams: "readonly",
        DOMParser: "readonly",
      },
    },
    rules: {
      // Patterns that could take exponential or polynomial time on a near-miss are errors.
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The build's stages import only downwards: core ← content ← render ← output ← checks ← cms ← build ← cli.
  ...layers.map((layer, index) => ({
    files: [`src/${layer}/**`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: layers.slice(index + 1).map((above) => ({
            group: [`**/${above}/**`],
            message: `src/${layer}/ may not import from src/${above}/: the stages import only downwards (ARCHITECTURE.md)`,
          })),
        },
      ],
    },
  })),
  {
    // Tests and the benchmark read only their own fixtures and the build's output, never an editor's text.
    files: ["tests/**", "bench/**"],
    rules: { "regexp/no-super-linear-move": "off", "regexp/no-super-linear-backtracking": "off" },
  },
);
