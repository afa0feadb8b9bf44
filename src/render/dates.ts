const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

function toDate(value: unknown): Date | undefined {
  const date =
    value instanceof Date
      ? value
      : typeof value === "string" || typeof value === "number"
        ? new Date(value)
        : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** "22 October 2019", as GOV.UK writes dates. */
export function readableDate(value: unknown): string {
  const date = toDate(value);
  return date ? longDate.format(date) : "";
}

/** "2019-10-22", for `<time datetime>`. */
export function isoDate(value: unknown): string {
  const date = toDate(value);
  return date ? date.toISOString().slice(0, 10) : "";
}
