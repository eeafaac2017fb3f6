/**
 * 雷同检查 index: finds the past results / applications an application copies, including disguised
 * copies (synonyms swapped, sentences reordered, padded, shortened to a summary).
 *
 * Pipeline per text field:
 *   synonym table (similarity-synonyms.ts: 提升→提高, 缺陷率→不良率…) → jieba words
 *   (similarity-words.ts) [+ character bigrams for the short name field] → term ids.
 * Score of a pair, per field: IDF-weighted Jaccard and containment of the term sets, averaged
 * (boilerplate such as PDCA, 攻关小组, 标准作业指导书 occurs in many documents and weighs little);
 * the document score is the field-weighted mean, or the name+body score when the body was
 * redistributed over the fields (see `scoreFields`).
 *
 * Candidates: an inverted index (term → documents). A query walks the postings of its terms, rarest
 * first, accumulating the IDF weight each document shares; terms in more than `maxPostingShare` of
 * the documents are not walked (they are boilerplate and cannot make a copy stand out). The best
 * `rerankLimit` documents by shared weight (absolute and relative to their size) are scored exactly.
 * `bruteForce` scores every document with the same function: the recall baseline.
 *
 * Explanation of a match: overlapping passages (maximal common substrings of the canonical texts,
 * so 提升/提高 does not break a passage), the synonyms that made the texts agree, and the rarest
 * shared words.
 */
import { commonSubstrings, normalizeForSimilarity, type NormalizedText } from './similarity';
import { DEFAULT_SYNONYM_GROUPS, matchedSynonyms, SynonymNormalizer, type CanonicalText, type SynonymGroup, type SynonymMatch } from './similarity-synonyms';
import { addWords, segmentClauses } from './similarity-words';

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

export interface FieldSynonymMatch extends SynonymMatch {
  field: string;
}

export interface SimilarityMatch {
  id: string;
  /** 0..1, weighted over the fields present in both query and document (name weighted higher) */
  score: number;
  fieldScores: Record<string, number>;
  overlaps: SimilarityOverlap[];
  /** Synonym pairs that made the texts agree (this application's word / the compared text's word). */
  synonyms: FieldSynonymMatch[];
  /** The rarest words both texts use (most telling first). */
  sharedTerms: string[];
  meta: unknown;
}

export interface SimilarityOptions {
  /** Field weights; fields not listed get `defaultFieldWeight`. */
  fieldWeights?: Record<string, number>;
  defaultFieldWeight?: number;
  /** The name field (also compared by character bigrams). Default 'name'. */
  nameField?: string;
  /**
   * Candidates scored exactly per query (at least 10 × topK), plus half as many by shared weight
   * relative to the document size. Default 1000: at 200, same-chain neighbours scoring just above
   * the show threshold were missed (index recall vs brute force 0.96 on 134 pairs at 55,000
   * documents); exact scoring is ~3 µs a document, so 1,000 more cost a few ms.
   */
  rerankLimit?: number;
  /** Terms in more than this share of the documents are not walked for candidates. Default 0.03. */
  maxPostingShare?: number;
  /** Minimal common substring length for overlaps. Default 4. */
  minOverlapLength?: number;
  /** Synonym table (campaign data). Default DEFAULT_SYNONYM_GROUPS. */
  synonyms?: SynonymGroup[];
}

export interface QueryOptions {
  topK?: number;
  minScore?: number;
  excludeIds?: string[];
}

/** Default weights: the name matters most (a copied name is the clearest 雷同 signal). */
export const DEFAULT_FIELD_WEIGHTS: Record<string, number> = { name: 0.4, problem: 0.25, goals: 0.15, route: 0.2 };

/** Sets with fewer terms than this have their containment damped (a 2-word query is "contained" everywhere). */
const CONTAINMENT_FULL_SIZE = 6;
/** Weight of the whole-body comparison (all fields but the name as one text) when it beats the per-field one. */
const BODY_BLEND = 1;
/**
 * A copied name is a 雷同 signal on its own (a new body under a past result's title): the score is
 * at least NAME_ALONE × nameSimilarity² (an identical name gives 0.75; a name sharing the product and
 * half its words, as same-chain projects do, about 0.2).
 */
const NAME_ALONE = 0.75;

// ---------------------------------------------------------------------------------------------
// term dictionary and per-document storage

/** Per field: sorted unique term ids. Query fields also carry the count of terms the index never saw. */
interface FieldTerms {
  field: string;
  ids: Int32Array;
  unknown: number;
}

interface QueryFeatures {
  fields: FieldTerms[];
  texts: Record<string, string>;
  /** All non-name fields together. Unknown words counted per field (a word in two fields counts twice). */
  bodyIds: Int32Array;
  bodyUnknown: number;
  /** Weight of each of `fields`. */
  weights: Float64Array;
  /** Index field number of each of `fields` (-1: no document has that field). */
  fieldNos: Int32Array;
}

/** Clause cache bound (entries); cleared when full. */
const CLAUSE_CACHE_MAX = 500_000;

const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
/** Characters a clause is made of: CJK ideographs and letters (digits and everything else end it). */
const isClauseChar = (c: number) =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) || c === 0x3007 || (c >= 0xf900 && c <= 0xfaff);

/** Split a text into clauses (runs of clause characters) and numbers (86.5 → "86.5"). */
function scanClauses(s: string, onClause: (clause: string) => void, onNumber: (n: string) => void): void {
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && (isDigit(s.charCodeAt(j)) || ((s[j] === '.' || s[j] === '．') && j + 1 < n && isDigit(s.charCodeAt(j + 1))))) j++;
      let num = '';
      for (let k = i; k < j; k++) {
        const d = s.charCodeAt(k);
        num += d >= 0xff10 ? String.fromCharCode(d - 0xfee0) : d === 0xff0e ? '.' : s[k];
      }
      onNumber(num);
      i = j;
    } else if (isClauseChar(c)) {
      let j = i + 1;
      while (j < n && isClauseChar(s.charCodeAt(j))) j++;
      onClause(s.slice(i, j));
      i = j;
    } else i++;
  }
}

const EMPTY = new Int32Array(0);

function sortedUnique(ids: number[]): Int32Array {
  const a = Int32Array.from(ids).sort();
  let w = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) a[w++] = a[i];
  return a.subarray(0, w);
}

/** The k-th largest value (k ≥ 1) of `values` (not changed). */
function kthLargest(values: Float64Array, k: number): number {
  if (k >= values.length) return -Infinity;
  const sorted = Float64Array.from(values).sort();
  return sorted[sorted.length - k];
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class SimilarityIndex {
  private readonly weights: { fieldWeights: Record<string, number>; defaultFieldWeight: number };
  private readonly nameField: string;
  private readonly rerankLimit: number;
  private readonly maxPostingShare: number;
  private readonly minOverlapLength: number;
  readonly synonyms: SynonymNormalizer;

  // terms
  private readonly termIds = new Map<string, number>();
  private termStr: string[] = [];
  private df = new Int32Array(1024);
  /** term id → numbers of the documents that use it (the first plen[t] entries) */
  private post: Int32Array[] = [];
  private plen = new Int32Array(1024);
  private idfCache: Float64Array = new Float64Array(0);
  private idfFor = -1;
  /** Bumped by every add/remove. */
  private version = 0;

  // documents (numbered in insertion order; removed ones stay as holes)
  private ids: string[] = [];
  private fieldsOf: (Record<string, string> | undefined)[] = [];
  private metaOf: unknown[] = [];
  /**
   * Term ids of a document, packed into ONE array (no per-field objects):
   *   [n, (fieldNo, start, end) × n, …ids]
   * Each field's ids (sorted unique) lie in [start, end); fieldNo indexes `fieldNames`. The body
   * (all fields but the name together) is merged when a candidate is scored (`bodyOf`).
   */
  private packOf: (Int32Array | undefined)[] = [];
  /** Distinct terms of each document (all fields): the size a candidate's shared weight is relative to. */
  private unionLen = new Int32Array(1024);
  private readonly fieldNames: string[] = [];
  private readonly fieldNo = new Map<string, number>();
  /** Field number of the name field (-1 until a document has a name). */
  private nameNo = -1;
  /** Scratch for a document's merged body terms. */
  private bodyBuf = new Int32Array(1024);
  /** Words of a clause → term ids (documents' clauses repeat: 组建跨部门攻关小组…). */
  private readonly clauseIds = new Map<string, Int32Array>();
  /** Character pair of the name (two code points as one number) → term id of its bigram term. */
  private readonly bigramIds = new Map<number, number>();
  /** Clause look-ups and misses since the index was created (cache hit rate, for the bench). */
  readonly clauseStats = { lookups: 0, misses: 0 };
  private alive = new Uint8Array(1024);
  private readonly byId = new Map<string, number>();
  private deadPostings = 0;
  private livePostings = 0;
  private acc = new Float64Array(1024);
  /** Scratch: term id → generation that last marked it (unions without sorting). */
  private stamp = new Int32Array(4096);
  private stampGen = 0;
  /** Scratch for a document's term ids while it is added. */
  private scratch = new Int32Array(4096);

  constructor(opts: SimilarityOptions = {}) {
    this.weights = {
      fieldWeights: { ...DEFAULT_FIELD_WEIGHTS, ...(opts.fieldWeights ?? {}) },
      defaultFieldWeight: opts.defaultFieldWeight ?? 0.15,
    };
    this.nameField = opts.nameField ?? 'name';
    this.rerankLimit = opts.rerankLimit ?? 1000;
    this.maxPostingShare = opts.maxPostingShare ?? 0.03;
    this.minOverlapLength = opts.minOverlapLength ?? 4;
    if (!(this.rerankLimit >= 1) || !(this.maxPostingShare > 0 && this.maxPostingShare <= 1)) {
      throw new RangeError('rerankLimit 必须 ≥ 1，maxPostingShare 必须在 (0, 1] 之间');
    }
    this.synonyms = new SynonymNormalizer(opts.synonyms ?? DEFAULT_SYNONYM_GROUPS);
    addWords(this.synonyms.words);
  }

  /** Number of live documents. */
  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The indexed texts of a document (a copy), or undefined. */
  fieldsById(id: string): Record<string, string> | undefined {
    const d = this.byId.get(id);
    const f = d === undefined ? undefined : this.fieldsOf[d];
    return f ? { ...f } : undefined;
  }

  /**
   * Approximate bytes held by the index structures: postings, the packed term ids of the documents,
   * the dictionary, the segmentation caches (clause → term ids, name character pairs) and, apart,
   * the kept texts (for highlighting).
   */
  memoryBytes(): { postings: number; documentTerms: number; dictionary: number; caches: number; texts: number } {
    let postings = 0;
    for (const p of this.post) postings += p.byteLength + 64;
    let documentTerms = this.unionLen.byteLength + this.alive.byteLength;
    for (let d = 0; d < this.ids.length; d++) {
      const pack = this.packOf[d];
      if (this.alive[d] && pack) documentTerms += pack.byteLength + 64;
    }
    let dictionary = this.df.byteLength + this.plen.byteLength;
    for (const s of this.termStr) dictionary += 2 * s.length + 48; // string + Map entry
    let caches = this.bigramIds.size * 40;
    for (const [clause, ids] of this.clauseIds) caches += 2 * clause.length + 24 + ids.byteLength + 64 + 40;
    let texts = 0;
    for (const f of this.fieldsOf) if (f) for (const k in f) texts += 2 * f[k].length + 32;
    return { postings, documentTerms, dictionary, caches, texts };
  }

  // -------------------------------------------------------------------------------------------
  // terms

  /**
   * Terms per field: words of the canonical text (synonyms rewritten), numbers as written, and for
   * the name also its character pairs. Words come from a per-clause cache of term ids (clauses are
   * the text between punctuation and numbers); the clauses not cached are segmented together.
   * `intern` false (queries): terms the index never saw are counted (`unknown`), not added.
   * Term ids are interned in a fixed order (numbers while scanning, then the new clauses' words,
   * then per field the name's character pairs), so the same documents always get the same ids.
   */
  private extract(fields: Record<string, string>, intern: boolean): { field: string; ids: number[]; unknown: Set<string> | null }[] {
    // items per field: a term id (≥ 0, a number), a cached clause's ids, or -(k + 1) for the k-th new clause
    const plans: { field: string; canon: string; items: (number | Int32Array)[]; unknown: Set<string> | null }[] = [];
    const misses: string[] = [];
    const missNo = new Map<string, number>();
    const stats = this.clauseStats;
    for (const field in fields) {
      const v = fields[field];
      if (typeof v !== 'string' || v.length === 0) continue;
      const canon = this.synonyms.canonicalText(v);
      const items: (number | Int32Array)[] = [];
      const unknown = intern ? null : new Set<string>();
      scanClauses(canon, (clause) => {
        stats.lookups++;
        const cached = this.clauseIds.get(clause);
        if (cached) {
          items.push(cached);
          return;
        }
        let k = missNo.get(clause);
        if (k === undefined) {
          k = misses.length;
          missNo.set(clause, k);
          misses.push(clause);
        }
        items.push(-(k + 1));
      }, (numberText) => {
        const id = intern ? this.internTerm(numberText) : this.termIds.get(numberText);
        if (id === undefined || (!intern && this.df[id] === 0)) unknown!.add(numberText);
        else items.push(id);
      });
      plans.push({ field, canon, items, unknown });
    }
    if (plans.length === 0) return [];
    stats.misses += misses.length;
    const missWords = segmentClauses(misses);
    // new clauses: interned (and cached) when adding; looked up only when querying
    const missIds: Int32Array[] = [];
    if (intern) {
      for (let i = 0; i < misses.length; i++) {
        const words = missWords[i];
        if (this.clauseIds.size >= CLAUSE_CACHE_MAX) this.clauseIds.clear();
        const ids = new Int32Array(words.length);
        for (let k = 0; k < words.length; k++) ids[k] = this.internTerm(words[k]);
        this.clauseIds.set(misses[i], ids);
        missIds.push(ids);
      }
    }
    return plans.map(({ field, canon, items, unknown }) => {
      const ids: number[] = [];
      for (const item of items) {
        if (typeof item === 'number') {
          if (item >= 0) ids.push(item);
          else if (intern) {
            const cached = missIds[-item - 1];
            for (let k = 0; k < cached.length; k++) ids.push(cached[k]);
          } else {
            for (const w of missWords[-item - 1]) {
              const id = this.termIds.get(w);
              if (id === undefined || this.df[id] === 0) unknown!.add(w);
              else ids.push(id);
            }
          }
          continue;
        }
        if (intern) for (let k = 0; k < item.length; k++) ids.push(item[k]);
        else {
          for (let k = 0; k < item.length; k++) {
            const id = item[k];
            if (this.df[id] === 0) unknown!.add(this.termStr[id]);
            else ids.push(id);
          }
        }
      }
      if (field === this.nameField) {
        const n = normalizeForSimilarity(canon);
        for (let c = 1; c < n.length; c++) {
          if (n.runStart[c]) continue;
          const key = n.codes[c - 1] * 0x110000 + n.codes[c];
          let id = this.bigramIds.get(key);
          if (id === undefined) {
            const w = `\u0001${String.fromCodePoint(n.codes[c - 1], n.codes[c])}`;
            if (!intern) {
              unknown!.add(w);
              continue;
            }
            id = this.internTerm(w);
            this.bigramIds.set(key, id);
          }
          if (!intern && this.df[id] === 0) unknown!.add(this.termStr[id]);
          else ids.push(id);
        }
      }
      return { field, ids, unknown };
    });
  }

  private internTerm(t: string): number {
    let id = this.termIds.get(t);
    if (id === undefined) {
      id = this.termStr.length;
      this.termIds.set(t, id);
      this.termStr.push(t);
      if (id >= this.df.length) {
        const df = new Int32Array(this.df.length * 2);
        df.set(this.df);
        this.df = df;
        const pl = new Int32Array(this.plen.length * 2);
        pl.set(this.plen);
        this.plen = pl;
      }
      this.post.push(EMPTY);
    }
    return id;
  }

  /** IDF of every term, recomputed after the documents changed (terms are only added with documents). */
  private idf(): Float64Array {
    if (this.idfFor === this.version) return this.idfCache;
    const n = this.byId.size;
    const out = new Float64Array(this.termStr.length);
    for (let t = 0; t < out.length; t++) out[t] = Math.log((n + 1) / (this.df[t] + 0.5));
    this.idfCache = out;
    this.idfFor = this.version;
    return out;
  }

  /** IDF of a term no document has. */
  private unknownIdf(): number {
    return Math.log((this.byId.size + 1) / 0.5);
  }

  // -------------------------------------------------------------------------------------------
  // maintenance

  /** A fresh mark for the `stamp` scratch array. */
  private nextStamp(): number {
    if (this.stampGen >= 0x3fffffff) {
      this.stamp.fill(0);
      this.stampGen = 0;
    }
    return ++this.stampGen;
  }

  private fieldNumber(field: string): number {
    let no = this.fieldNo.get(field);
    if (no === undefined) {
      no = this.fieldNames.length;
      this.fieldNames.push(field);
      this.fieldNo.set(field, no);
      if (field === this.nameField) this.nameNo = no;
    }
    return no;
  }

  /** Add (or replace) a document. */
  add(doc: SimilarityDoc): void {
    if (this.byId.has(doc.id)) this.remove(doc.id);
    this.version++;
    const num = this.ids.length;
    this.ids.push(doc.id);
    const fields: Record<string, string> = {};
    for (const k in doc.fields) if (typeof doc.fields[k] === 'string') fields[k] = doc.fields[k];
    this.fieldsOf.push(fields); // own copy: later edits by the caller must not desync the index
    this.metaOf.push(doc.meta);
    if (num >= this.alive.length) {
      const a = new Uint8Array(this.alive.length * 2);
      a.set(this.alive);
      this.alive = a;
      const u = new Int32Array(this.unionLen.length * 2);
      u.set(this.unionLen);
      this.unionLen = u;
    }
    this.alive[num] = 1;
    this.byId.set(doc.id, num);
    const extracted = this.extract(fields, true);
    if (this.stamp.length < this.termStr.length) {
      const grown = new Int32Array(Math.max(this.termStr.length + 4096, this.stamp.length * 2));
      grown.set(this.stamp);
      this.stamp = grown;
    }
    // pack: [n, (fieldNo, start, end) × n, field ids…]
    let nFields = 0;
    let total = 0;
    for (const e of extracted) {
      if (e.ids.length > 0) nFields++;
      total += e.ids.length;
    }
    const header = 1 + 3 * nFields;
    if (this.scratch.length < header + total) this.scratch = new Int32Array(Math.max(header + total, this.scratch.length * 2));
    const s = this.scratch;
    const stamp = this.stamp;
    s[0] = nFields;
    let w = header;
    let f = 0;
    for (const { field, ids } of extracted) {
      if (ids.length === 0) continue;
      const mark = this.nextStamp();
      const start = w;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k];
        if (stamp[id] !== mark) {
          stamp[id] = mark;
          s[w++] = id;
        }
      }
      s.subarray(start, w).sort();
      s[1 + 3 * f] = this.fieldNumber(field);
      s[2 + 3 * f] = start;
      s[3 + 3 * f] = w;
      f++;
    }
    this.packOf.push(s.slice(0, w));
    // postings: every distinct term of the document once
    const unionMark = this.nextStamp();
    let unionSize = 0;
    for (let i = header; i < w; i++) {
      const t = s[i];
      if (stamp[t] === unionMark) continue;
      stamp[t] = unionMark;
      unionSize++;
      this.df[t]++;
      let p = this.post[t];
      const len = this.plen[t];
      if (len === p.length) {
        const grown = new Int32Array(Math.max(8, len * 2));
        grown.set(p);
        p = grown;
        this.post[t] = p;
      }
      p[len] = num;
      this.plen[t] = len + 1;
    }
    this.unionLen[num] = unionSize;
    this.livePostings += unionSize;
  }

  /** Calls `fn` once for every distinct term of document d (all fields). */
  private forEachTerm(d: number, fn: (t: number) => void): void {
    const pack = this.packOf[d];
    if (!pack) return;
    const mark = this.nextStamp();
    const stamp = this.stamp;
    const n = pack[0];
    for (let i = 1 + 3 * n; i < pack.length; i++) {
      const t = pack[i];
      if (stamp[t] === mark) continue;
      stamp[t] = mark;
      fn(t);
    }
  }

  /** Remove a document; returns false when it was not indexed. */
  remove(id: string): boolean {
    const num = this.byId.get(id);
    if (num === undefined) return false;
    this.version++;
    this.byId.delete(id);
    this.alive[num] = 0;
    this.forEachTerm(num, (t) => this.df[t]--);
    const unionSize = this.unionLen[num];
    this.deadPostings += unionSize;
    this.livePostings -= unionSize;
    this.unionLen[num] = 0;
    this.fieldsOf[num] = undefined;
    this.metaOf[num] = undefined;
    this.packOf[num] = undefined;
    if (this.deadPostings > 4096 && this.deadPostings > this.livePostings) this.compact();
    return true;
  }

  private compact(): void {
    for (let t = 0; t < this.post.length; t++) {
      const p = this.post[t];
      let w = 0;
      for (let i = 0; i < this.plen[t]; i++) if (this.alive[p[i]]) p[w++] = p[i];
      this.plen[t] = w;
      if (w === 0) this.post[t] = EMPTY;
      else if (w * 4 < p.length) this.post[t] = p.slice(0, w);
    }
    this.deadPostings = 0;
  }

  // -------------------------------------------------------------------------------------------
  // queries

  private queryFeatures(fields: Record<string, string>): QueryFeatures {
    const out: FieldTerms[] = [];
    const texts: Record<string, string> = {};
    for (const { field, ids: known, unknown } of this.extract(fields, false)) {
      const ids = sortedUnique(known);
      const unknownCount = unknown?.size ?? 0;
      if (ids.length + unknownCount === 0) continue;
      out.push({ field, ids, unknown: unknownCount });
      texts[field] = fields[field];
    }
    const body = out.filter((f) => f.field !== this.nameField);
    return {
      fields: out,
      texts,
      bodyIds: sortedUnique(body.flatMap((f) => [...f.ids])),
      bodyUnknown: body.reduce((n, f) => n + f.unknown, 0),
      weights: Float64Array.from(out, (f) => this.weights.fieldWeights[f.field] ?? this.weights.defaultFieldWeight),
      fieldNos: Int32Array.from(out, (f) => this.fieldNo.get(f.field) ?? -1),
    };
  }

  /** Best matches for the query fields, highest score first. */
  query(fields: Record<string, string>, opts: QueryOptions = {}): SimilarityMatch[] {
    const topK = opts.topK ?? 10;
    if (topK <= 0 || this.byId.size === 0) return [];
    const q = this.queryFeatures(fields);
    if (q.fields.length === 0) return [];
    const idf = this.idf();
    const exclude = new Set(opts.excludeIds ?? []);

    // 1. candidates: walk the postings of the query's terms (boilerplate skipped), accumulate shared weight
    const qUnion = new Set<number>();
    for (const f of q.fields) for (const t of f.ids) qUnion.add(t);
    const maxDf = Math.max(16, Math.floor(this.maxPostingShare * this.byId.size));
    if (this.acc.length < this.ids.length) this.acc = new Float64Array(Math.max(this.ids.length, this.acc.length * 2));
    const acc = this.acc;
    const touched: number[] = [];
    for (const t of qUnion) {
      if (this.df[t] > maxDf) continue;
      const w = idf[t];
      const p = this.post[t];
      const len = this.plen[t];
      for (let i = 0; i < len; i++) {
        const d = p[i];
        if (!this.alive[d]) continue;
        if (acc[d] === 0) touched.push(d);
        acc[d] += w;
      }
    }
    const limit = Math.max(this.rerankLimit, topK * 10);
    let candidates: number[];
    if (touched.length <= limit) candidates = touched.slice();
    else {
      // best by shared weight, and best by shared weight per term of the document (a short document
      // entirely contained in the query, e.g. a record with a name and one sentence)
      const abs = new Float64Array(touched.length);
      const rel = new Float64Array(touched.length);
      for (let i = 0; i < touched.length; i++) {
        const d = touched[i];
        abs[i] = acc[d];
        rel[i] = acc[d] / (this.unionLen[d] || 1);
      }
      const absCut = kthLargest(abs, limit);
      const relCut = kthLargest(rel, limit >> 1);
      candidates = [];
      for (let i = 0; i < touched.length; i++) if (abs[i] >= absCut || rel[i] >= relCut) candidates.push(touched[i]);
    }
    for (const d of touched) acc[d] = 0;

    // 2. exact scores
    return this.rank(q, candidates, topK, opts.minScore ?? 0, exclude);
  }

  /** Exact scores against every live document (no candidate pruning): the recall baseline. */
  bruteForce(fields: Record<string, string>, opts: QueryOptions = {}): SimilarityMatch[] {
    const topK = opts.topK ?? 10;
    if (topK <= 0 || this.byId.size === 0) return [];
    const q = this.queryFeatures(fields);
    if (q.fields.length === 0) return [];
    this.idf();
    const all: number[] = [];
    for (let d = 0; d < this.ids.length; d++) if (this.alive[d]) all.push(d);
    return this.rank(q, all, topK, opts.minScore ?? 0, new Set(opts.excludeIds ?? []));
  }

  /** Only the scores (no explanations) of the given documents — for evaluation. */
  scoreOf(fields: Record<string, string>, id: string): number {
    const d = this.byId.get(id);
    if (d === undefined) return 0;
    const q = this.queryFeatures(fields);
    return this.scorePair(q, d, this.idf()).score;
  }

  private rank(q: QueryFeatures, candidates: number[], topK: number, minScore: number, exclude: Set<string>): SimilarityMatch[] {
    const idf = this.idf();
    const scratch = new Float64Array(q.fields.length);
    const scored: { d: number; score: number }[] = [];
    for (const d of candidates) {
      if (!this.alive[d] || (exclude.size > 0 && exclude.has(this.ids[d]))) continue;
      const score = this.scoreInto(q, d, idf, scratch);
      if (score <= 0 || score < minScore) continue;
      scored.push({ d, score });
    }
    scored.sort((x, y) => y.score - x.score || cmpStr(this.ids[x.d], this.ids[y.d]));
    const qCanon = new Map<string, { c: CanonicalText; n: NormalizedText }>();
    return scored.slice(0, topK).map((s) => this.explain(q, s.d, s.score, this.scorePair(q, s.d, idf).fieldScores, idf, qCanon));
  }

  private weightOf(ids: Int32Array, idf: Float64Array): number {
    let w = 0;
    for (let i = 0; i < ids.length; i++) w += idf[ids[i]];
    return w;
  }

  /** IDF-weighted mean of Jaccard and (size-damped) containment. */
  private setSimilarity(a: Int32Array, aUnknown: number, b: Int32Array, bStart: number, bEnd: number, idf: Float64Array): number {
    if (a.length + aUnknown === 0 || bEnd <= bStart) return 0;
    let i = 0;
    let j = bStart;
    let inter = 0;
    let wa = aUnknown * this.unknownIdf();
    let wb = 0;
    let shared = 0;
    while (i < a.length && j < bEnd) {
      const x = a[i];
      const y = b[j];
      if (x === y) {
        const w = idf[x];
        inter += w;
        wa += w;
        wb += w;
        shared++;
        i++;
        j++;
      } else if (x < y) wa += idf[a[i++]];
      else wb += idf[b[j++]];
    }
    while (i < a.length) wa += idf[a[i++]];
    while (j < bEnd) wb += idf[b[j++]];
    if (shared === 0 || inter <= 0) return 0;
    const minCount = Math.min(a.length + aUnknown, bEnd - bStart);
    const containment = (inter / Math.min(wa, wb)) * Math.min(1, minCount / CONTAINMENT_FULL_SIZE);
    const jac = inter / (wa + wb - inter);
    return (jac + Math.min(1, containment)) / 2;
  }

  /**
   * The body of a packed document: all fields but the name, together (sorted unique). Returns 0 when
   * it is empty, ~k when it is just field k of the pack (no copy), else its length in `bodyBuf`.
   */
  private bodyOf(pack: Int32Array): number {
    const n = pack[0];
    let fieldsIn = 0;
    let only = 0;
    let total = 0;
    for (let k = 0; k < n; k++) {
      if (pack[1 + 3 * k] === this.nameNo) continue;
      fieldsIn++;
      only = k;
      total += pack[3 + 3 * k] - pack[2 + 3 * k];
    }
    if (fieldsIn === 0 || total === 0) return 0;
    if (fieldsIn === 1) return ~only;
    if (this.bodyBuf.length < 2 * total) this.bodyBuf = new Int32Array(Math.max(2 * total, this.bodyBuf.length * 2));
    // merge the sorted fields one after the other, alternating between the two halves of bodyBuf
    const b = this.bodyBuf;
    let from = 0;
    let len = 0;
    for (let k = 0; k < n; k++) {
      if (pack[1 + 3 * k] === this.nameNo) continue;
      const to = from === 0 ? total : 0;
      let i = from;
      const iEnd = from + len;
      let j = pack[2 + 3 * k];
      const jEnd = pack[3 + 3 * k];
      let w = to;
      while (i < iEnd && j < jEnd) {
        const x = b[i];
        const y = pack[j];
        if (x < y) {
          b[w++] = x;
          i++;
        } else {
          b[w++] = y;
          j++;
          if (x === y) i++;
        }
      }
      while (i < iEnd) b[w++] = b[i++];
      while (j < jEnd) b[w++] = pack[j++];
      from = to;
      len = w - to;
    }
    if (from !== 0) b.copyWithin(0, from, from + len);
    return len;
  }

  /** Score of document d; per-field similarities into `out` (aligned with q.fields, NaN = field absent there). */
  private scoreInto(q: QueryFeatures, d: number, idf: Float64Array, out: Float64Array): number {
    const pack = this.packOf[d];
    if (!pack) return 0;
    const nFields = pack[0];
    let num = 0;
    let den = 0;
    let nameSim = NaN;
    let wName = 0;
    let wBody = 0;
    for (let i = 0; i < q.fields.length; i++) {
      const qf = q.fields[i];
      out[i] = NaN;
      const no = q.fieldNos[i];
      let start = -1;
      let end = -1;
      for (let k = 0; k < nFields; k++) {
        if (pack[1 + 3 * k] === no) {
          start = pack[2 + 3 * k];
          end = pack[3 + 3 * k];
        }
      }
      if (start < 0) continue;
      const sim = this.setSimilarity(qf.ids, qf.unknown, pack, start, end, idf);
      out[i] = sim;
      const w = q.weights[i];
      num += w * sim;
      den += w;
      if (qf.field === this.nameField) {
        nameSim = sim;
        wName = w;
      } else wBody += w;
    }
    if (den === 0) return 0;
    let score = num / den;
    // The body moved between fields (a problem statement pasted under 技术路线…): compare all
    // non-name fields as one text, and keep the better reading.
    const bodyLen = BODY_BLEND > 0 && wBody > 0 ? this.bodyOf(pack) : 0;
    if (bodyLen !== 0) {
      const body = bodyLen > 0 ? this.setSimilarity(q.bodyIds, q.bodyUnknown, this.bodyBuf, 0, bodyLen, idf) : this.setSimilarity(q.bodyIds, q.bodyUnknown, pack, pack[2 + 3 * ~bodyLen], pack[3 + 3 * ~bodyLen], idf);
      const alt = (wName * (Number.isNaN(nameSim) ? 0 : nameSim) + wBody * body) / (wName + wBody);
      if (alt > score) score = alt;
    }
    if (!Number.isNaN(nameSim) && NAME_ALONE * nameSim * nameSim > score) score = NAME_ALONE * nameSim * nameSim;
    return Math.min(1, score);
  }

  private scorePair(q: QueryFeatures, d: number, idf: Float64Array): { score: number; fieldScores: Record<string, number> } {
    const out = new Float64Array(q.fields.length);
    const score = this.scoreInto(q, d, idf, out);
    const fieldScores: Record<string, number> = {};
    q.fields.forEach((f, i) => {
      if (!Number.isNaN(out[i])) fieldScores[f.field] = out[i];
    });
    return { score, fieldScores };
  }

  private canonical(text: string): CanonicalText {
    return this.synonyms.canonicalize(text);
  }

  /** Normalised canonical text whose positions point into the ORIGINAL text. */
  private normalizedOriginal(c: CanonicalText): NormalizedText {
    const n = normalizeForSimilarity(c.text);
    const starts = new Int32Array(n.length);
    const ends = new Int32Array(n.length);
    for (let i = 0; i < n.length; i++) {
      starts[i] = c.origStart[n.starts[i]];
      ends[i] = c.origEnd[n.ends[i] - 1];
    }
    return { ...n, starts, ends };
  }

  private explain(
    q: QueryFeatures,
    d: number,
    score: number,
    fieldScores: Record<string, number>,
    idf: Float64Array,
    qCanon: Map<string, { c: CanonicalText; n: NormalizedText }>,
  ): SimilarityMatch {
    const target = this.fieldsOf[d] ?? {};
    const overlaps: SimilarityOverlap[] = [];
    const synonyms: FieldSynonymMatch[] = [];
    for (const field of Object.keys(fieldScores)) {
      const qt = q.texts[field];
      const tt = target[field];
      if (!qt || !tt) continue;
      let qn = qCanon.get(field);
      if (!qn) {
        const c = this.canonical(qt);
        qn = { c, n: this.normalizedOriginal(c) };
        qCanon.set(field, qn);
      }
      const qc = qn.c;
      const tc = this.canonical(tt);
      if (fieldScores[field] > 0) {
        const r = commonSubstrings(qn.n, this.normalizedOriginal(tc), this.minOverlapLength);
        if (r.aRanges.length > 0) overlaps.push({ field, queryRanges: r.aRanges, targetRanges: r.bRanges });
      }
      for (const m of matchedSynonyms({ text: qt, hits: qc.hits }, { text: tt, hits: tc.hits })) {
        if (!synonyms.some((s) => s.query === m.query && s.target === m.target)) synonyms.push({ field, ...m });
      }
    }
    // rarest shared words (not the name's character pairs)
    const qAll = new Set<number>();
    for (const f of q.fields) for (const t of f.ids) qAll.add(t);
    const shared: number[] = [];
    this.forEachTerm(d, (t) => {
      if (qAll.has(t) && !this.termStr[t].startsWith('\u0001') && this.termStr[t].length >= 2) shared.push(t);
    });
    shared.sort((x, y) => idf[y] - idf[x] || x - y);
    return {
      id: this.ids[d],
      score,
      fieldScores,
      overlaps,
      synonyms,
      sharedTerms: shared.slice(0, 8).map((t) => this.termStr[t]),
      meta: this.metaOf[d],
    };
  }
}

/** Indexes built for bruteForceTopK, per docs array (a caller scoring many queries over one unchanged list). */
const bruteCache = new WeakMap<object, SimilarityIndex>();

/** Exact scores of `fields` against `docs` (an index over them, scored without pruning). */
export function bruteForceTopK(
  fields: Record<string, string>,
  docs: Iterable<SimilarityDoc>,
  k: number,
  opts: SimilarityOptions & { minScore?: number; excludeIds?: string[] } = {},
): SimilarityMatch[] {
  const { minScore, excludeIds, ...indexOpts } = opts;
  let index = Array.isArray(docs) && Object.keys(indexOpts).length === 0 ? bruteCache.get(docs) : undefined;
  if (!index || index.size !== (docs as SimilarityDoc[]).length) {
    index = new SimilarityIndex(indexOpts);
    for (const d of docs) index.add(d);
    if (Array.isArray(docs) && Object.keys(indexOpts).length === 0) bruteCache.set(docs, index);
  }
  return index.bruteForce(fields, { topK: k, minScore, excludeIds });
}
