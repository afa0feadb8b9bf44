/** The front-matter fields this site uses, as Eleventy hands them to filters. */
export interface PageData {
  title?: unknown;
  navtitle?: unknown;
  order?: unknown;
  tags?: unknown;
  /** An external address the nav item points to instead of the page itself. */
  navurl?: unknown;
  leader?: unknown;
  metadesc?: unknown;
  date?: unknown;
  draft?: unknown;
  [key: string]: unknown;
}

/** The part of an Eleventy collection item the navigation and breadcrumbs read. */
export interface PageEntry {
  url: string | false;
  inputPath?: string;
  data: PageData;
}

export interface NavItem {
  label: string;
  url: string;
  external: boolean;
  /** "page" on the page itself, "true" on the section that holds it, else false. */
  current: "page" | "true" | false;
}

export interface Breadcrumb {
  label: string;
  url: string;
  current: boolean;
}
