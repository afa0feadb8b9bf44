/**
 * Encoding damage: UTF-8 text that was read as Windows-1252 somewhere on its
 * way here, so "’" became "â€™". Finds each damaged run and works out what
 * it said, so the message can offer the corrected text.
 */

// Windows-1252 bytes 0x80–0x9F, by the character each turns into.
const cp1252: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  ƒ: 0x83,
  "„": 0x84,
  "…": 0x85,
  "†": 0x86,
  "‡": 0x87,
  ˆ: 0x88,
  "‰": 0x89,
  Š: 0x8a,
  "‹": 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "˜": 0x98,
  "™": 0x99,
  š: 0x9a,
  "›": 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

function byteOf(char: string): number | undefined {
  const mapped = cp1252[char];
  if (mapped !== undefined) return mapped;
  const code = char.codePointAt(0) ?? 0x100;
  return code < 0x100 ? code : undefined;
}

/** A lead byte of a 2–4 byte UTF-8 sequence (Â–ô) followed by continuation bytes, as Windows-1252 shows them. */
const continuation = "[\\u0080-\\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]";
const damagedRun = new RegExp(`[\\u00C2-\\u00F4]${continuation}{1,3}`, "g");

export interface EncodingDamage {
  /** Offset of the damaged text. */
  index: number;
  found: string;
  /** What it said before it was damaged, or "" when that cannot be told. */
  corrected: string;
}

function repair(run: string): string | undefined {
  const bytes: number[] = [];
  for (const char of run) {
    const byte = byteOf(char);
    if (byte === undefined) return undefined;
    bytes.push(byte);
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
    return text.length === 1 || [...text].length === 1 ? text : undefined;
  } catch {
    return undefined;
  }
}

export function findEncodingDamage(text: string): EncodingDamage[] {
  const found: EncodingDamage[] = [];
  for (const match of text.matchAll(damagedRun)) {
    const corrected = repair(match[0]);
    if (corrected !== undefined) found.push({ index: match.index ?? 0, found: match[0], corrected });
  }
  for (const match of text.matchAll(/\uFFFD+/g))
    found.push({ index: match.index ?? 0, found: match[0], corrected: "" });
  return found.sort((a, b) => a.index - b.index);
}

/** The text with every repairable damaged run put right. */
export function repairEncoding(text: string): string {
  return text.replace(damagedRun, (run) => repair(run) ?? run);
}
