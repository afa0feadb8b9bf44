/**
 * The kinds of file an editor may put in static/ (by the browser editor's
 * Picture and Document buttons, or by hand): the pictures and documents a
 * page may show or link to, and nothing that a browser would run. One list,
 * read by the check on static/, by the browser editor's upload fields and by
 * the local editing server, so none of them can accept what another refuses.
 */

export interface FileKind {
  /** Lower-case extensions, without the dot. */
  extensions: readonly string[];
  /** What an editor calls it. */
  label: string;
  /** The folder under static/ the browser editor uploads it to. */
  folder: "img" | "documents";
}

export const pictureKinds: readonly FileKind[] = [
  { extensions: ["jpg", "jpeg"], label: "JPEG picture", folder: "img" },
  { extensions: ["png"], label: "PNG picture", folder: "img" },
  { extensions: ["gif"], label: "GIF picture", folder: "img" },
  { extensions: ["webp"], label: "WebP picture", folder: "img" },
  { extensions: ["avif"], label: "AVIF picture", folder: "img" },
  // Accepted only without scripts, event attributes or outside references (checked on its content).
  { extensions: ["svg"], label: "SVG picture", folder: "img" },
];

export const documentKinds: readonly FileKind[] = [
  { extensions: ["pdf"], label: "PDF", folder: "documents" },
  { extensions: ["docx", "doc"], label: "Word document", folder: "documents" },
  { extensions: ["xlsx", "xls"], label: "Excel spreadsheet", folder: "documents" },
  { extensions: ["pptx", "ppt"], label: "PowerPoint presentation", folder: "documents" },
  { extensions: ["odt"], label: "OpenDocument text", folder: "documents" },
  { extensions: ["ods"], label: "OpenDocument spreadsheet", folder: "documents" },
  { extensions: ["odp"], label: "OpenDocument presentation", folder: "documents" },
  { extensions: ["csv"], label: "CSV file", folder: "documents" },
];

export const editorFileKinds: readonly FileKind[] = [...pictureKinds, ...documentKinds];

/** The kind of a file, from its name's extension, or undefined for a kind editors may not publish. */
export function fileKindOf(name: string): FileKind | undefined {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase();
  return extension ? editorFileKinds.find((kind) => kind.extensions.includes(extension)) : undefined;
}
