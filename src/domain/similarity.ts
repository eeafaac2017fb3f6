/**
 * Chinese-aware near-duplicate search for 申报 texts.
 *
 * Rule: "上报质量攻关项目不得抄袭，不得与历年项目雷同" (2023 notice) / 不得与历年优秀成果项目雷同 (2026
 * plan, program.md §2.3). The platform compares each application with earlier years' excellent
 * results and the same year's applications (program.md §5).
 *
 * Pipeline: normalise (full-width→half-width, lower-case, drop punctuation/whitespace) → character
 * bigram+trigram shingles inside CJK/alnum runs → one-permutation MinHash (128 bins, optimal
 * densification) per group (name / body) → LSH banding for candidates → exact Jaccard/containment
 * per field on the best candidates → maximal common substrings (≥ 4 chars) mapped back to the
 * original strings for highlighting.
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

/** FNV-1a 32-bit hash of a JS string (exported for tests and callers needing a stable hash). */
export function fnv1a32(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
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
// shingles

const SEED_UNI = 0x1;
const SEED_BI = 0x2;
const SEED_TRI = 0x3;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Append the shingle hashes of `s` (bigrams + trigrams within CJK/alnum runs; a lone character is a
 * unigram), normalising on the fly. Same hash values as hashCodes() over the normalised codes.
 */
interface HashBuf {
  a: Uint32Array;
  n: number;
}

function emit(buf: HashBuf, h: number): void {
  if (buf.n === buf.a.length) {
    const g = new Uint32Array(buf.a.length * 2);
    g.set(buf.a);
    buf.a = g;
  }
  buf.a[buf.n++] = h;
}

function pushShingles(s: string, out: HashBuf): void {
  const n = s.length;
  let p1 = 0;
  let p2 = 0;
  let run = 0;
  for (let i = 0; i < n; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    const m = normCodePoint(cp);
    if (m < 0) {
      if (isInlineSpace(cp)) continue; // "PCB 板" = "PCB板": spaces never break a run
      if (run === 1) emit(out, fmix32(Math.imul((FNV_OFFSET ^ SEED_UNI) ^ p1, FNV_PRIME)));
      run = 0;
      continue;
    }
    run++;
    if (run >= 2) emit(out, fmix32(Math.imul(Math.imul((FNV_OFFSET ^ SEED_BI) ^ p1, FNV_PRIME) ^ m, FNV_PRIME)));
    if (run >= 3) {
      emit(out, 
        fmix32(Math.imul(Math.imul(Math.imul((FNV_OFFSET ^ SEED_TRI) ^ p2, FNV_PRIME) ^ p1, FNV_PRIME) ^ m, FNV_PRIME)),
      );
    }
    p2 = p1;
    p1 = m;
  }
  if (run === 1) emit(out, fmix32(Math.imul((FNV_OFFSET ^ SEED_UNI) ^ p1, FNV_PRIME)));
}

/** Sorted, de-duplicated shingle hash set of a text. */
export function shingleSet(text: string): Uint32Array {
  const tmp: HashBuf = { a: new Uint32Array(Math.max(16, text.length * 2)), n: 0 };
  pushShingles(text, tmp);
  const arr = tmp.a.subarray(0, tmp.n).sort();
  let w = 0;
  for (let i = 0; i < arr.length; i++) if (i === 0 || arr[i] !== arr[i - 1]) arr[w++] = arr[i];
  return arr.subarray(0, w);
}

/** |A ∩ B| for two sorted unique arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** Jaccard similarity of two sorted unique arrays (0 when both empty). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const inter = intersectionSize(a, b);
  const union = a.length + b.length - inter;
  return union === 0 ? 0 : inter / union;
}

/** Sets smaller than this have their containment damped (a 2-char query is "contained" everywhere). */
const CONTAINMENT_FULL_SIZE = 8;

/**
 * Field similarity: mean of Jaccard and (size-damped) containment |A∩B| / min(|A|,|B|).
 * Containment keeps "words inserted"/"sentence appended" copies high; Jaccard keeps rankings honest.
 */
export function fieldSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  const inter = intersectionSize(a, b);
  if (inter === 0) return 0;
  const union = a.length + b.length - inter;
  const minSize = Math.min(a.length, b.length);
  const containment = (inter / minSize) * Math.min(1, minSize / CONTAINMENT_FULL_SIZE);
  return (inter / union + containment) / 2;
}

// ---------------------------------------------------------------------------------------------
// MinHash (one-permutation hashing with optimal densification, Shrivastava 2017)

const MH_SEED = 0x9e3779b9;
const DENSIFY_SEED = 0x7f4a7c15;

function log2Exact(n: number): number {
  const l = Math.log2(n);
  if (!Number.isInteger(l)) throw new RangeError('numPerm 必须是2的幂');
  return l;
}

/**
 * One-permutation MinHash signature of a multiset of shingle hashes; null when empty.
 * Each hash is mixed once; its low bits pick the bin, the value is the minimum in that bin.
 */
export function minhashSignature(hashes: ArrayLike<number>, numPerm = 128): Uint32Array | null {
  const bits = log2Exact(numPerm);
  const sig = new Uint32Array(numPerm);
  return minhashInto(hashes, hashes.length, bits, sig, new Uint8Array(numPerm)) ? sig : null;
}

function minhashInto(hashes: ArrayLike<number>, len: number, bits: number, sig: Uint32Array, filled: Uint8Array): boolean {
  if (len === 0) return false;
  const numPerm = sig.length;
  const mask = numPerm - 1;
  sig.fill(0xffffffff);
  filled.fill(0);
  for (let i = 0; i < len; i++) {
    const v = fmix32((hashes[i] ^ MH_SEED) >>> 0);
    const bin = v & mask;
    const val = v >>> bits;
    filled[bin] = 1;
    if (val < sig[bin]) sig[bin] = val;
  }
  // Optimal densification: an empty bin borrows from the first filled bin on its own fixed
  // pseudo-random probe sequence (the same for every document, so signatures stay comparable).
  for (let b = 0; b < numPerm; b++) {
    if (filled[b]) continue;
    for (let attempt = 1; ; attempt++) {
      const j = fmix32((Math.imul(b + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca77) ^ DENSIFY_SEED) >>> 0) & mask;
      if (filled[j]) {
        sig[b] = sig[j];
        break;
      }
    }
  }
  return true;
}

/** Estimated Jaccard from two signatures (fraction of equal bins). */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) eq++;
  return eq / a.length;
}

function bandKeys(sig: Uint32Array, bands: number, group: number, out: number[]): void {
  const rows = sig.length / bands;
  for (let b = 0; b < bands; b++) {
    let h = (0x811c9dc5 ^ Math.imul(group + 1, 0x27d4eb2f) ^ b) >>> 0;
    for (let r = 0; r < rows; r++) h = Math.imul(h ^ sig[b * rows + r], 0x01000193);
    out.push(fmix32(h ^ b));
  }
}

// ---------------------------------------------------------------------------------------------
// LSH table: an open hash multimap key → doc number, in typed arrays (millions of entries).

class LshTable {
  keys = new Uint32Array(1024);
  docs = new Int32Array(1024);
  next = new Int32Array(1024);
  size = 0;
  head = new Int32Array(2048).fill(-1);

  insert(key: number, doc: number): void {
    if (this.size === this.keys.length) this.growEntries();
    if (this.size >= this.head.length) this.rehash(this.head.length * 2);
    const e = this.size++;
    this.keys[e] = key;
    this.docs[e] = doc;
    const slot = key & (this.head.length - 1);
    this.next[e] = this.head[slot];
    this.head[slot] = e;
  }

  /** Calls visit(doc) for every entry with this key; stops after `cap` matches. */
  lookup(key: number, visit: (doc: number) => void, cap: number): void {
    let n = 0;
    for (let e = this.head[key & (this.head.length - 1)]; e >= 0; e = this.next[e]) {
      if (this.keys[e] === key) {
        visit(this.docs[e]);
        if (++n >= cap) return;
      }
    }
  }

  /** Drop entries whose doc is dead. */
  compact(alive: (doc: number) => boolean): void {
    let w = 0;
    for (let e = 0; e < this.size; e++) {
      if (!alive(this.docs[e])) continue;
      this.keys[w] = this.keys[e];
      this.docs[w] = this.docs[e];
      w++;
    }
    this.size = w;
    this.rehash(this.head.length);
  }

  private growEntries(): void {
    const cap = this.keys.length * 2;
    const k = new Uint32Array(cap);
    k.set(this.keys);
    const d = new Int32Array(cap);
    d.set(this.docs);
    const nx = new Int32Array(cap);
    nx.set(this.next);
    this.keys = k;
    this.docs = d;
    this.next = nx;
  }

  private rehash(headSize: number): void {
    this.head = new Int32Array(headSize).fill(-1);
    const mask = headSize - 1;
    for (let e = 0; e < this.size; e++) {
      const slot = this.keys[e] & mask;
      this.next[e] = this.head[slot];
      this.head[slot] = e;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// public types

export interface SimilarityDoc {
  id: string;
  /** e.g. { name, problem, goals, route } */
  fields: Record<string, string>;
  meta?: unknown;
}

export interface SimilarityOverlap {
  field: string;
  queryRanges: [number, number][];
  targetRanges: [number, number][];
}

export interface SimilarityMatch {
  id: string;
  /** 0..1, weighted over the fields present in both query and document (name weighted higher) */
  score: number;
  fieldScores: Record<string, number>;
  overlaps: SimilarityOverlap[];
  meta: unknown;
}

export interface SimilarityOptions {
  /** MinHash bins (power of two). Default 128. */
  numPerm?: number;
  /** LSH bands for the name group; numPerm must be divisible by it. Default 32 (4 rows per band). */
  bands?: number;
  /**
   * LSH bands for the body group (all other fields). Default 16 (8 rows per band): long texts share
   * boilerplate (PDCA, 组建攻关小组, 标准作业指导书…), so unrelated bodies often reach Jaccard 0.4–0.5
   * while disguised copies stay ≥ 0.8; 8 rows keep the candidate set small.
   */
  bodyBands?: number;
  /** Field weights; fields not listed get `defaultFieldWeight`. */
  fieldWeights?: Record<string, number>;
  defaultFieldWeight?: number;
  /** The field indexed in its own LSH group. Default 'name'. */
  nameField?: string;
  /**
   * How many LSH candidates are re-scored exactly, after a cheap pre-ranking by the MinHash
   * estimate. Default 64 (at least 3 × topK).
   */
  rerankLimit?: number;
  /** Minimal common substring length for overlaps. Default 4. */
  minOverlapLength?: number;
  /** Exact-feature cache size (documents). Default 4096. */
  cacheSize?: number;
}

export interface QueryOptions {
  topK?: number;
  minScore?: number;
  excludeIds?: string[];
}

/** Default weights: the name matters most (a copied name is the clearest 雷同 signal). */
export const DEFAULT_FIELD_WEIGHTS: Record<string, number> = { name: 0.4, problem: 0.25, goals: 0.15, route: 0.2 };

// ---------------------------------------------------------------------------------------------
// exact scoring (shared by the index and the brute-force baseline)

interface FieldFeatures {
  text: string;
  set: Uint32Array;
}
type Features = Map<string, FieldFeatures>;

function featuresOf(fields: Record<string, string>): Features {
  const out: Features = new Map();
  for (const k in fields) {
    const v = fields[k];
    if (typeof v !== 'string' || v.length === 0) continue;
    const set = shingleSet(v);
    if (set.length === 0) continue;
    out.set(k, { text: v, set });
  }
  return out;
}

interface Weights {
  fieldWeights: Record<string, number>;
  defaultFieldWeight: number;
}

function scoreFeatures(q: Features, t: Features, w: Weights): { score: number; fieldScores: Record<string, number> } {
  const fieldScores: Record<string, number> = {};
  let num = 0;
  let den = 0;
  for (const [field, qf] of q) {
    const tf = t.get(field);
    if (!tf) continue;
    const s = fieldSimilarity(qf.set, tf.set);
    fieldScores[field] = s;
    const weight = w.fieldWeights[field] ?? w.defaultFieldWeight;
    num += weight * s;
    den += weight;
  }
  return { score: den === 0 ? 0 : num / den, fieldScores };
}

function overlapsOf(q: Features, t: Features, fieldScores: Record<string, number>, minLen: number): SimilarityOverlap[] {
  const out: SimilarityOverlap[] = [];
  for (const field of Object.keys(fieldScores)) {
    if (fieldScores[field] <= 0) continue;
    const qf = q.get(field);
    const tf = t.get(field);
    if (!qf || !tf) continue;
    const r = highlightOverlaps(qf.text, tf.text, minLen);
    if (r.aRanges.length > 0) out.push({ field, queryRanges: r.aRanges, targetRanges: r.bRanges });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// maximal common substrings

const MAX_POSITIONS_PER_GRAM = 64;
const MAX_MATCHES = 4000;

function mergeRanges(ranges: [number, number][]): [number, number][] {
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

function commonSubstrings(
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

// ---------------------------------------------------------------------------------------------
// brute force baseline

/** Exact scores against every document (no LSH): the recall baseline for the index. */
export function bruteForceTopK(
  fields: Record<string, string>,
  docs: Iterable<SimilarityDoc>,
  k: number,
  opts: SimilarityOptions & { minScore?: number; excludeIds?: string[] } = {},
): SimilarityMatch[] {
  const w: Weights = {
    fieldWeights: { ...DEFAULT_FIELD_WEIGHTS, ...(opts.fieldWeights ?? {}) },
    defaultFieldWeight: opts.defaultFieldWeight ?? 0.15,
  };
  const minLen = opts.minOverlapLength ?? 4;
  const minScore = opts.minScore ?? 0;
  const exclude = new Set(opts.excludeIds ?? []);
  const q = featuresOf(fields);
  const scored: { doc: SimilarityDoc; f: Features; score: number; fieldScores: Record<string, number> }[] = [];
  for (const doc of docs) {
    if (exclude.has(doc.id)) continue;
    const f = featuresOf(doc.fields);
    const { score, fieldScores } = scoreFeatures(q, f, w);
    if (score <= 0 || score < minScore) continue;
    scored.push({ doc, f, score, fieldScores });
  }
  scored.sort((x, y) => y.score - x.score || (x.doc.id < y.doc.id ? -1 : x.doc.id > y.doc.id ? 1 : 0));
  return scored.slice(0, k).map((s) => ({
    id: s.doc.id,
    score: s.score,
    fieldScores: s.fieldScores,
    overlaps: overlapsOf(q, s.f, s.fieldScores, minLen),
    meta: s.doc.meta,
  }));
}

// ---------------------------------------------------------------------------------------------
// the index

/** Groups with fewer shingles than this are not put into LSH (e.g. a field reading just "无"). */
const MIN_SHINGLES_FOR_LSH = 3;
/** Stop walking one LSH bucket after this many docs (pathological boilerplate). */
const BUCKET_CAP = 5000;

export class SimilarityIndex {
  private readonly numPerm: number;
  private readonly bands: number;
  private readonly bodyBands: number;
  private readonly weights: Weights;
  private readonly nameField: string;
  private readonly rerankLimit: number;
  private readonly minOverlapLength: number;
  private readonly cacheSize: number;

  private readonly table = new LshTable();
  private ids: string[] = [];
  private fieldsOf: (Record<string, string> | undefined)[] = [];
  private metaOf: unknown[] = [];
  private entryCount: number[] = [];
  private alive = new Uint8Array(1024);
  private readonly byId = new Map<string, number>();
  private deadEntries = 0;
  private readonly cache = new Map<number, Features>();
  private hits = new Int32Array(1024);
  /** 16-bit truncated signatures per doc: [name bins…, body bins…] (for the pre-ranking estimate) */
  private sigStore = new Uint16Array(0);
  /** bit 1 = has name signature, bit 2 = has body signature */
  private sigFlags = new Uint8Array(1024);
  // scratch buffers reused by signatures() (valid until its next call)
  private readonly nameBuf: HashBuf = { a: new Uint32Array(256), n: 0 };
  private readonly bodyBuf: HashBuf = { a: new Uint32Array(4096), n: 0 };
  private readonly nameSig: Uint32Array;
  private readonly bodySig: Uint32Array;
  private readonly filled: Uint8Array;

  constructor(opts: SimilarityOptions = {}) {
    this.numPerm = opts.numPerm ?? 128;
    this.bands = opts.bands ?? 32;
    this.bodyBands = opts.bodyBands ?? 16;
    log2Exact(this.numPerm);
    if (this.numPerm % this.bands !== 0 || this.numPerm % this.bodyBands !== 0) {
      throw new RangeError('numPerm 必须能被 bands 和 bodyBands 整除');
    }
    this.weights = {
      fieldWeights: { ...DEFAULT_FIELD_WEIGHTS, ...(opts.fieldWeights ?? {}) },
      defaultFieldWeight: opts.defaultFieldWeight ?? 0.15,
    };
    this.nameField = opts.nameField ?? 'name';
    this.rerankLimit = opts.rerankLimit ?? 64;
    this.minOverlapLength = opts.minOverlapLength ?? 4;
    this.cacheSize = opts.cacheSize ?? 4096;
    this.nameSig = new Uint32Array(this.numPerm);
    this.bodySig = new Uint32Array(this.numPerm);
    this.filled = new Uint8Array(this.numPerm);
  }

  /** Number of live documents. */
  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Add (or replace) a document. */
  add(doc: SimilarityDoc): void {
    if (this.byId.has(doc.id)) this.remove(doc.id);
    const num = this.ids.length;
    this.ids.push(doc.id);
    this.fieldsOf.push({ ...doc.fields }); // own copy: later edits by the caller must not desync the index
    this.metaOf.push(doc.meta);
    if (num >= this.alive.length) {
      const a = new Uint8Array(this.alive.length * 2);
      a.set(this.alive);
      this.alive = a;
      const f = new Uint8Array(this.alive.length);
      f.set(this.sigFlags);
      this.sigFlags = f;
    }
    this.alive[num] = 1;
    this.byId.set(doc.id, num);
    const sigs = this.signatures(doc.fields);
    this.storeSignatures(num, sigs);
    const keys = this.keysOf(sigs);
    for (const k of keys) this.table.insert(k, num);
    this.entryCount.push(keys.length);
  }

  /** Remove a document; returns false when it was not indexed. */
  remove(id: string): boolean {
    const num = this.byId.get(id);
    if (num === undefined) return false;
    this.byId.delete(id);
    this.alive[num] = 0;
    this.fieldsOf[num] = undefined;
    this.metaOf[num] = undefined;
    this.cache.delete(num);
    this.deadEntries += this.entryCount[num];
    if (this.deadEntries > 1024 && this.deadEntries * 2 > this.table.size) {
      this.table.compact((d) => this.alive[d] === 1);
      this.deadEntries = 0;
    }
    return true;
  }

  /** Best matches for the query fields, highest score first. */
  query(fields: Record<string, string>, opts: QueryOptions = {}): SimilarityMatch[] {
    const topK = opts.topK ?? 10;
    const minScore = opts.minScore ?? 0;
    const exclude = new Set(opts.excludeIds ?? []);
    if (topK <= 0) return [];

    // 1. candidates by LSH band hits
    const sigs = this.signatures(fields);
    const keys = this.keysOf(sigs);
    if (this.hits.length < this.ids.length) this.hits = new Int32Array(Math.max(this.ids.length, this.hits.length * 2));
    const hits = this.hits;
    const touched: number[] = [];
    const visit = (d: number) => {
      if (this.alive[d] !== 1) return;
      if (hits[d] === 0) touched.push(d);
      hits[d]++;
    };
    for (const k of keys) this.table.lookup(k, visit, BUCKET_CAP);
    for (const d of touched) hits[d] = 0;

    // 1b. pre-rank by the MinHash estimate of the weighted similarity; keep the best few
    const wName = this.weights.fieldWeights[this.nameField] ?? this.weights.defaultFieldWeight;
    let wBody = 0;
    for (const [k, v] of Object.entries(fields)) {
      if (k !== this.nameField && typeof v === 'string' && v.length > 0) {
        wBody += this.weights.fieldWeights[k] ?? this.weights.defaultFieldWeight;
      }
    }
    const cand: number[] = [];
    const est = new Float64Array(touched.length);
    for (const d of touched) {
      if (exclude.size > 0 && exclude.has(this.ids[d])) continue;
      est[cand.length] = this.estimate(d, sigs, wName, wBody);
      cand.push(d);
    }
    const order = Array.from({ length: cand.length }, (_, i) => i);
    order.sort((x, y) => est[y] - est[x] || cand[x] - cand[y]);
    const limit = Math.max(this.rerankLimit, topK * 3);
    const candidates = order.slice(0, limit).map((i) => cand[i]);

    // 2. exact re-ranking
    const q = featuresOf(fields);
    const scored: { d: number; f: Features; score: number; fieldScores: Record<string, number> }[] = [];
    for (const d of candidates) {
      const f = this.features(d);
      const { score, fieldScores } = scoreFeatures(q, f, this.weights);
      if (score <= 0 || score < minScore) continue;
      scored.push({ d, f, score, fieldScores });
    }
    scored.sort((x, y) => y.score - x.score || cmpStr(this.ids[x.d], this.ids[y.d]));

    // 3. highlights for the winners only
    return scored.slice(0, topK).map((s) => ({
      id: this.ids[s.d],
      score: s.score,
      fieldScores: s.fieldScores,
      overlaps: overlapsOf(q, s.f, s.fieldScores, this.minOverlapLength),
      meta: this.metaOf[s.d],
    }));
  }

  /** MinHash signatures: group 0 = the name field, group 1 = all other fields together. */
  private signatures(fields: Record<string, string>): { name: Uint32Array | null; body: Uint32Array | null } {
    const name = this.nameBuf;
    const body = this.bodyBuf;
    name.n = 0;
    body.n = 0;
    for (const k in fields) {
      const v = fields[k];
      if (typeof v !== 'string' || v.length === 0) continue;
      pushShingles(v, k === this.nameField ? name : body);
    }
    const bits = log2Exact(this.numPerm);
    const hasName = name.n >= MIN_SHINGLES_FOR_LSH && minhashInto(name.a, name.n, bits, this.nameSig, this.filled);
    const hasBody = body.n >= MIN_SHINGLES_FOR_LSH && minhashInto(body.a, body.n, bits, this.bodySig, this.filled);
    return { name: hasName ? this.nameSig : null, body: hasBody ? this.bodySig : null };
  }

  private keysOf(sigs: { name: Uint32Array | null; body: Uint32Array | null }): number[] {
    const keys: number[] = [];
    if (sigs.name) bandKeys(sigs.name, this.bands, 0, keys);
    if (sigs.body) bandKeys(sigs.body, this.bodyBands, 1, keys);
    return keys;
  }

  private storeSignatures(num: number, sigs: { name: Uint32Array | null; body: Uint32Array | null }): void {
    const stride = 2 * this.numPerm;
    if ((num + 1) * stride > this.sigStore.length) {
      const grown = new Uint16Array(Math.max(stride * 1024, this.sigStore.length * 2));
      grown.set(this.sigStore);
      this.sigStore = grown;
    }
    const base = num * stride;
    let flags = 0;
    if (sigs.name) {
      for (let i = 0; i < this.numPerm; i++) this.sigStore[base + i] = sigs.name[i] & 0xffff;
      flags |= 1;
    }
    if (sigs.body) {
      for (let i = 0; i < this.numPerm; i++) this.sigStore[base + this.numPerm + i] = sigs.body[i] & 0xffff;
      flags |= 2;
    }
    this.sigFlags[num] = flags;
  }

  /** Weighted MinHash estimate of the similarity between the query signatures and doc d. */
  private estimate(
    d: number,
    sigs: { name: Uint32Array | null; body: Uint32Array | null },
    wName: number,
    wBody: number,
  ): number {
    const base = d * 2 * this.numPerm;
    const flags = this.sigFlags[d];
    let num = 0;
    let den = 0;
    if (sigs.name && flags & 1) {
      let eq = 0;
      for (let i = 0; i < this.numPerm; i++) if (this.sigStore[base + i] === (sigs.name[i] & 0xffff)) eq++;
      num += (wName * eq) / this.numPerm;
      den += wName;
    }
    if (sigs.body && flags & 2) {
      let eq = 0;
      const b = base + this.numPerm;
      for (let i = 0; i < this.numPerm; i++) if (this.sigStore[b + i] === (sigs.body[i] & 0xffff)) eq++;
      num += (wBody * eq) / this.numPerm;
      den += wBody;
    }
    return den === 0 ? 0 : num / den;
  }

  private features(d: number): Features {
    const hit = this.cache.get(d);
    if (hit) {
      // refresh LRU position
      this.cache.delete(d);
      this.cache.set(d, hit);
      return hit;
    }
    const f = featuresOf(this.fieldsOf[d] ?? {});
    this.cache.set(d, f);
    if (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return f;
  }
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
