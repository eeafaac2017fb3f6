/**
 * Chinese-aware near-duplicate search for 申报 texts.
 *
 * Rule: "上报质量攻关项目不得抄袭，不得与历年项目雷同" (2023 notice) / 不得与历年优秀成果项目雷同 (2026
 * plan, program.md §2.3). The platform compares each application with earlier years' excellent
 * results and the same year's applications (program.md §5).
 *
 * This file holds the character-level primitives: normalisation (full-width→half-width, lower-case,
 * punctuation/whitespace dropped, with a map back to the original) and maximal common substrings
 * (≥ 4 chars) for highlighting. The index itself — synonyms, jieba words, IDF, inverted index — is
 * src/domain/similarity-index.ts (it replaced an earlier character-shingle MinHash index).
 *
 * Ranges are half-open [start, end) UTF-16 indices into the ORIGINAL strings (String.prototype.slice).
 */

// ---------------------------------------------------------------------------------------------
// hashing

/** murmur3 fmix32 finaliser. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over code points, seeded, finalised with fmix32. */
function hashCodes(codes: Uint32Array, start: number, n: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let k = 0; k < n; k++) h = Math.imul(h ^ codes[start + k], 0x01000193);
  return fmix32(h);
}

// ---------------------------------------------------------------------------------------------
// normalisation

export interface NormalizedText {
  /** normalised code points (letters/digits/CJK only) */
  codes: Uint32Array;
  /** original UTF-16 start index of each normalised code point */
  starts: Int32Array;
  /** original UTF-16 end index (exclusive) of each normalised code point */
  ends: Int32Array;
  /** 1 where punctuation, a line break or the text start precedes this code point */
  runStart: Uint8Array;
  length: number;
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Map one code point to its normalised form, or -1 when it is dropped. */
function normCodePoint(cp: number): number {
  if (cp < 0x80) {
    if (cp >= 0x61 && cp <= 0x7a) return cp; // a-z
    if (cp >= 0x41 && cp <= 0x5a) return cp + 32; // A-Z → a-z
    if (cp >= 0x30 && cp <= 0x39) return cp; // 0-9
    return -1;
  }
  if (cp >= 0x4e00 && cp <= 0x9fff) return cp; // CJK unified (fast path)
  if (cp >= 0xff01 && cp <= 0xff5e) return normCodePoint(cp - 0xfee0); // full-width ASCII
  // punctuation blocks (fast path, avoids the Unicode regex): general punctuation, CJK symbols
  // and punctuation (keeping 々 and 〇), CJK compatibility forms, Latin-1 punctuation
  if ((cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x3000 && cp <= 0x303f && cp !== 0x3005 && cp !== 0x3007)) return -1;
  if ((cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0x80 && cp <= 0xbf && cp !== 0xaa && cp !== 0xba && cp !== 0xb5)) return -1;
  if ((cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f)) return cp;
  if (cp === 0x3007 || cp === 0x3005) return cp; // 〇 々
  const ch = String.fromCodePoint(cp);
  if (!LETTER_OR_NUMBER.test(ch)) return -1;
  const lower = ch.toLowerCase();
  return lower.length === ch.length ? (lower.codePointAt(0) ?? cp) : cp;
}

/** Horizontal spaces (ASCII, full-width U+3000, NBSP, thin spaces): dropped without breaking a run. */
function isInlineSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x3000 || cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200b) || cp === 0xfeff;
}

/**
 * Normalise text for similarity, keeping a map back to the original string. Punctuation and line
 * breaks end a run (shingles never span them); inline spaces are dropped without ending a run.
 */
export function normalizeForSimilarity(s: string): NormalizedText {
  const n = s.length;
  const codes = new Uint32Array(n);
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const runStart = new Uint8Array(n);
  let len = 0;
  let gap = true;
  for (let i = 0; i < n; ) {
    let cp = s.charCodeAt(i);
    let w = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    const m = normCodePoint(cp);
    if (m < 0) {
      if (!isInlineSpace(cp)) gap = true;
    } else {
      codes[len] = m;
      starts[len] = i;
      ends[len] = i + w;
      runStart[len] = gap ? 1 : 0;
      gap = false;
      len++;
    }
    i += w;
  }
  return {
    codes: codes.subarray(0, len),
    starts: starts.subarray(0, len),
    ends: ends.subarray(0, len),
    runStart: runStart.subarray(0, len),
    length: len,
  };
}

/** The normalised text as a string (for display/debugging). */
export function normalizedString(s: string): string {
  return String.fromCodePoint(...normalizeForSimilarity(s).codes);
}

// ---------------------------------------------------------------------------------------------
// maximal common substrings

const MAX_POSITIONS_PER_GRAM = 64;
const MAX_MATCHES = 4000;

export function mergeRanges(ranges: [number, number][]): [number, number][] {
  if (ranges.length === 0) return [];
  ranges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [[ranges[0][0], ranges[0][1]]];
  for (let i = 1; i < ranges.length; i++) {
    const last = out[out.length - 1];
    if (ranges[i][0] <= last[1]) last[1] = Math.max(last[1], ranges[i][1]);
    else out.push([ranges[i][0], ranges[i][1]]);
  }
  return out;
}

export function commonSubstrings(
  a: NormalizedText,
  b: NormalizedText,
  minLen: number,
): { aRanges: [number, number][]; bRanges: [number, number][] } {
  const aRaw: [number, number][] = [];
  const bRaw: [number, number][] = [];
  if (minLen < 1 || a.length < minLen || b.length < minLen) return { aRanges: [], bRanges: [] };
  const index = new Map<number, number[]>();
  for (let j = 0; j + minLen <= b.length; j++) {
    const h = hashCodes(b.codes, j, minLen, 0x5eed);
    const list = index.get(h);
    if (!list) index.set(h, [j]);
    else if (list.length < MAX_POSITIONS_PER_GRAM) list.push(j);
  }
  let matches = 0;
  outer: for (let i = 0; i + minLen <= a.length; i++) {
    const list = index.get(hashCodes(a.codes, i, minLen, 0x5eed));
    if (!list) continue;
    for (const j of list) {
      // left-maximal only: otherwise this match is a suffix of one found at i-1, j-1
      if (i > 0 && j > 0 && a.codes[i - 1] === b.codes[j - 1]) continue;
      let k = 0;
      while (i + k < a.length && j + k < b.length && a.codes[i + k] === b.codes[j + k]) k++;
      if (k < minLen) continue; // hash collision
      aRaw.push([a.starts[i], a.ends[i + k - 1]]);
      bRaw.push([b.starts[j], b.ends[j + k - 1]]);
      if (++matches >= MAX_MATCHES) break outer;
    }
  }
  return { aRanges: mergeRanges(aRaw), bRanges: mergeRanges(bRaw) };
}

/**
 * Character ranges of all maximal common substrings of length ≥ minLen (after normalisation, so
 * punctuation, spacing and full-width/half-width differences do not break a match). Ranges are
 * merged, sorted, half-open [start, end) UTF-16 indices into the original `a` and `b`.
 */
export function highlightOverlaps(
  a: string,
  b: string,
  minLen = 4,
): { aRanges: [number, number][]; bRanges: [number, number][] } {
  return commonSubstrings(normalizeForSimilarity(a), normalizeForSimilarity(b), minLen);
}

