import { Worker } from "node:worker_threads";
import type { Problem } from "../core/problems.js";
import { PageChecksSession } from "./page-checks-session.js";
import type { RenderedPage } from "./rendered.js";

/** What the build sends the page checks' thread (page-checks-worker.ts). */
export type ToWorker =
  | {
      kind: "start";
      root: string;
      incremental: boolean;
      sources: Array<[string, string]>;
      /** What the source checks refused in each file's own HTML and front matter (the policy's keys). */
      told: Array<[string, string[]]>;
    }
  | { kind: "page"; page: RenderedPage }
  | {
      kind: "finish";
      /** Site paths of every file the site has. */
      files: string[];
      /** The built site's folder, when it was written. */
      outputDir?: string;
      /** Files rendered but not written (`npm run check`): site path → contents, for weighing pages. */
      built: Array<[string, string]>;
      /** Files copied as they are, when nothing was written: site path → the file in the project. */
      copies: Array<[string, string]>;
    };

type FromWorker = { kind: "report"; problems: Problem[] } | { kind: "failed"; message: string };

/**
 * The rendered-page checks, run on a worker thread as pages are written:
 * `check` hands a page over and returns at once, `finish` waits for the
 * verdict on every page and the site-wide checks. One thread serves every
 * build of a preview (`npm start`), so a rebuild pays nothing to start it.
 */
export class PageChecks {
  /** On the build's own thread instead (NLC_CHECKS_THREAD=main): for measuring, and where threads cannot start. */
  private readonly local = process.env.NLC_CHECKS_THREAD === "main" ? new PageChecksSession() : undefined;
  private worker: Worker | undefined;
  private failure: string | undefined;
  private waiting: ((message: FromWorker) => void) | undefined;

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./page-checks-thread.mjs", import.meta.url), {
      // The thread keeps only a summary of each page; a small heap makes it collect the rest often.
      resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
    });
    worker.on("message", (message: FromWorker) => {
      if (message.kind === "failed") this.failure ??= message.message;
      if (message.kind === "report" || this.waiting) {
        const waiting = this.waiting;
        this.waiting = undefined;
        waiting?.(message);
      }
    });
    worker.on("exit", () => {
      this.worker = undefined;
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.({ kind: "failed", message: "the thread stopped" });
    });
    worker.on("error", (caught) => {
      this.failure ??= caught.message;
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.({ kind: "failed", message: caught.message });
    });
    // A preview that stops, or a build that has its verdict, is not kept alive by this thread.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  start(
    root: string,
    sources: ReadonlyMap<string, string>,
    incremental: boolean,
    told: ReadonlyMap<string, readonly string[]> = new Map(),
  ): void {
    this.failure = undefined;
    const message: ToWorker = {
      kind: "start",
      root,
      incremental,
      sources: [...sources],
      told: [...told].map(([file, keys]) => [file, [...keys]]),
    };
    if (this.local) this.local.handle(message);
    else this.thread().postMessage(message);
  }

  check(page: RenderedPage): void {
    if (this.local) this.local.handle({ kind: "page", page });
    else this.thread().postMessage({ kind: "page", page } satisfies ToWorker);
  }

  /** Every problem the pages have, once the thread has read them all; throws if the thread failed. */
  finish(
    files: ReadonlySet<string>,
    outputDir: string | undefined,
    built: ReadonlyMap<string, string>,
    copies: ReadonlyMap<string, string> = new Map(),
  ): Promise<Problem[]> {
    if (this.local)
      return Promise.resolve(
        this.local.handle({ kind: "finish", files: [...files], outputDir, built: [...built], copies: [...copies] }) ??
          [],
      );
    const worker = this.thread();
    if (this.failure) return Promise.reject(new Error(`the page checks failed: ${this.failure}`));
    // Waiting on the thread keeps the process alive until its answer comes.
    worker.ref();
    return new Promise<Problem[]>((resolve, reject) => {
      this.waiting = (message) => {
        worker.unref();
        if (message.kind === "failed" || this.failure)
          reject(
            new Error(`the page checks failed: ${this.failure ?? (message.kind === "failed" ? message.message : "")}`),
          );
        else resolve(message.problems);
      };
      worker.postMessage({
        kind: "finish",
        files: [...files],
        outputDir,
        built: [...built],
        copies: [...copies],
      } satisfies ToWorker);
    });
  }

  /** Ends the thread (after a one-off build; the preview keeps its thread). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
