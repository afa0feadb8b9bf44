import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Problem } from "../core/problems.js";
import type { ToWorker } from "./page-checks.js";
import { siteFileReader, type ReadSiteFile } from "./page-weight.js";
import { RenderedChecker } from "./rendered.js";

/**
 * The rendered-page checks' side of a build: takes the build's messages
 * (start, each page, finish) and answers finish with every problem. The
 * same whether it runs on the checks' own thread (page-checks-worker.ts) or
 * on the build's.
 */
export class PageChecksSession {
  private root = "";
  private sources = new Map<string, string>();
  private checker: RenderedChecker | undefined;

  private readonly readSource = (file: string): string | undefined => {
    if (!this.sources.has(file) && file.startsWith("content/") && existsSync(join(this.root, file)))
      this.sources.set(file, readFileSync(join(this.root, file), "utf8"));
    return this.sources.get(file);
  };

  /** Handles one message; finish returns the problems. */
  handle(message: ToWorker): Problem[] | undefined {
    switch (message.kind) {
      case "start":
        this.root = message.root;
        this.sources = new Map(message.sources);
        if (!this.checker || !message.incremental) this.checker = new RenderedChecker(this.readSource);
        this.checker.alreadyTold(new Map(message.told));
        return undefined;
      case "page":
        this.checker?.check(message.page);
        return undefined;
      case "finish":
        return this.finish(message);
    }
  }

  private finish(message: Extract<ToWorker, { kind: "finish" }>): Problem[] {
    if (!this.checker) return [];
    const built = new Map(message.built);
    const copies = new Map(message.copies);
    const fromOutput = message.outputDir ? siteFileReader(message.outputDir) : undefined;
    const read: ReadSiteFile = (path) => {
      const copied = copies.get(path);
      return fromOutput?.(path) ?? built.get(path) ?? (copied === undefined ? undefined : readFileSync(copied));
    };
    const files = new Set(message.files);
    this.checker.keepOnly(new Set(message.files.filter((file) => file.endsWith(".html"))));
    return this.checker.finish(files, read);
  }
}
