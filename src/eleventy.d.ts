// Hand-written types for the parts of Eleventy 3 this site uses (Eleventy ships JavaScript only).
declare module "@11ty/eleventy/UserConfig" {
  export interface EleventyPageInfo {
    url: string | false;
    inputPath: string;
    outputPath: string | false;
    date: Date;
  }
  export type Transform = (this: { page: EleventyPageInfo }, content: string) => string | Promise<string>;
  export interface EleventyDirectories {
    input: string;
    output: string;
    includes: string;
    layouts?: string;
    data: string;
  }
  export default interface UserConfig {
    dir: { input: string; output: string; includes: string; layouts?: string; data: string };
    setLibrary(name: string, library: unknown): void;
    addLayoutAlias(alias: string, file: string): void;
    addGlobalData(name: string, value: unknown): void;
    addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
    addWatchTarget(target: string): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addShortcode(name: string, shortcode: (...args: never[]) => string): void;
    addPairedShortcode(name: string, shortcode: (content: string, ...args: never[]) => string): void;
    addTransform(name: string, transform: Transform): void;
    /** `copyOptions` go to recursive-copy; `filter` takes paths relative to `from`. */
    addPassthroughCopy(
      from: string | Record<string, string>,
      copyOptions?: { filter?: (path: string) => boolean },
    ): void;
    addPreprocessor(
      name: string,
      extensions: string,
      callback: (data: Record<string, unknown>, content: string) => unknown,
    ): void;
    addPlugin(plugin: unknown, options?: unknown): void;
    addCollection(name: string, callback: (api: unknown) => unknown): void;
    on(event: string, callback: (...args: never[]) => unknown): void;
    /** Runs every listener of an event, awaited (one after another in "sequential" mode). */
    emit(event: string, ...args: unknown[]): Promise<unknown>;
    /** "sequential": each event's listeners run one at a time, in the order they were added. */
    setEventEmitterMode(mode: "parallel" | "sequential"): void;
    /** The project's folders, as Eleventy resolved them (relative to the working folder, or absolute). */
    readonly directories: EleventyDirectories;
    setQuietMode(quiet: boolean): void;
    /** Whether Eleventy keeps the files it has read in memory for later runs in the same process (its watch mode). */
    setUseTemplateCache(use: boolean): void;
    setServerOptions(options: Record<string, unknown>): void;
    setChokidarConfig(options: Record<string, unknown>): void;
    setFrontMatterParsingOptions(options: { engines?: Record<string, (text: string) => unknown> }): void;
    ignores: { add(glob: string): void };
  }
}

declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>, config?: unknown);
    write(): Promise<unknown>;
    /** Stops Eleventy's own messages: the caller reports. */
    disableLogger(): void;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
  }
}
