// Gate: every built page is valid HTML by html-validate's rules, as set in the committed .htmlvalidate.json.
import { readFileSync } from "node:fs";
import { HtmlValidate, type ConfigData } from "html-validate";

export interface HtmlProblem {
  /** Site path of the page, e.g. "/news/index.html". */
  page: string;
  line: number;
  column: number;
  /** html-validate's rule, e.g. "element-permitted-content": its page at html-validate.org/rules/ explains it. */
  rule: string;
  message: string;
}

/** The project's html-validate configuration (the committed `.htmlvalidate.json`). */
export function readHtmlValidateConfig(file: string): ConfigData {
  return JSON.parse(readFileSync(file, "utf8")) as ConfigData;
}

/** A validator with exactly the given config, whatever files lie around the pages (root). */
export function htmlValidator(config: ConfigData): HtmlValidate {
  return new HtmlValidate({ ...config, root: true });
}

/** Every error html-validate finds in one page. */
export async function validatePage(validator: HtmlValidate, page: string, html: string): Promise<HtmlProblem[]> {
  const problems: HtmlProblem[] = [];
  const report = await validator.validateString(html, page);
  for (const result of report.results) {
    for (const message of result.messages) {
      if (message.severity < 2) continue;
      problems.push({
        page,
        line: message.line,
        column: message.column,
        rule: message.ruleId,
        message: message.message,
      });
    }
  }
  return problems;
}

/** Every error html-validate finds in the pages (site path → HTML), page by page. */
export async function findInvalidHtml(pages: Map<string, string>, config: ConfigData): Promise<HtmlProblem[]> {
  const validator = htmlValidator(config);
  const problems: HtmlProblem[] = [];
  for (const [page, html] of pages) problems.push(...(await validatePage(validator, page, html)));
  return problems;
}

/** One line a problem: "/news/index.html:12:5 element-permitted-content – <div> is not permitted as content under <span>". */
export function describeHtmlProblems(problems: HtmlProblem[]): string {
  return problems.map((p) => `${p.page}:${p.line}:${p.column} ${p.rule} – ${p.message}`).join("\n");
}
