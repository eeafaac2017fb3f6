/**
 * Quality-domain synonym table for 雷同检查: applicants disguise a copied result by swapping words
 * (提高→提升, 不良率→缺陷率, 降低→减少…). Before comparing, every variant of a group is rewritten to
 * the group's canonical word, on both sides, so a synonym paraphrase compares like the original.
 *
 * The table is DATA: the default below is used when a campaign defines none; the commission extends
 * it per campaign (campaign config `duplicate.synonyms`, validated in src/domain/campaign-config.ts).
 * Matching is longest-first at each position (不合格率 before 合格率), left to right, no overlaps.
 */

export interface SynonymGroup {
  /** The word every variant is compared as (shown in explanations). */
  canonical: string;
  /** Other ways of writing it (the canonical word itself need not be listed). */
  variants: string[];
}

/** Default table (2026): verbs of change, quality rates, methods and usual wordings of 申报书. */
export const DEFAULT_SYNONYM_GROUPS: SynonymGroup[] = [
  { canonical: '提高', variants: ['提升', '改善', '增强', '拉升'] },
  { canonical: '降低', variants: ['减少', '下降', '降至', '减小', '压降', '削减'] },
  { canonical: '不良率', variants: ['缺陷率', '不合格率', '次品率', '废品率', '报废率', '不良品率'] },
  { canonical: '合格率', variants: ['良品率', '一次交检合格率', '一次合格率', '成品率', '良率', '直通率', '一次通过率'] },
  { canonical: '优化', variants: ['改进', '完善'] },
  { canonical: '建立', variants: ['构建', '建设', '搭建', '建成'] },
  { canonical: '识别', variants: ['找出', '辨识', '查找'] },
  { canonical: '攻关小组', variants: ['攻关团队', '项目小组', '项目团队', 'QC小组'] },
  { canonical: '客户投诉', variants: ['用户投诉', '顾客投诉', '客诉'] },
  { canonical: '根本原因', variants: ['主要原因', '主因', '根因'] },
  { canonical: '作业指导书', variants: ['作业规程', '操作规程', '作业标准', 'SOP'] },
  { canonical: '在线监测', variants: ['在线检测', '实时监测', '实时监控', '在线监控'] },
  { canonical: '质量损失', variants: ['质量成本损失', '损失成本'] },
  { canonical: '缩短', variants: ['压缩', '减短'] },
  { canonical: '故障率', variants: ['失效率', '故障发生率'] },
  { canonical: '一致性', variants: ['稳定性', '均匀性'] },
  { canonical: '工艺参数', variants: ['工艺条件', '过程参数', '加工参数'] },
  { canonical: '开展', variants: ['实施', '进行', '推进'] },
  { canonical: '培训', variants: ['宣贯', '培养'] },
  { canonical: '首先', variants: ['第一步', '一是', '其一'] },
  { canonical: '其次', variants: ['第二步', '二是', '然后', '随后'] },
  { canonical: '最后', variants: ['最终', '第四步', '四是'] },
  { canonical: '同时', variants: ['此外', '另外', '并且'] },
  { canonical: '运用', variants: ['采用', '应用', '利用', '借助'] },
];

export interface SynonymHit {
  /** The surface form found in the text. */
  variant: string;
  canonical: string;
  /** Half-open UTF-16 range in the original text. */
  start: number;
  end: number;
}

export interface CanonicalText {
  /** The text with every variant rewritten to its canonical word. */
  text: string;
  /** For each UTF-16 unit of `text`: the start / end (exclusive) of what it came from in the original. */
  origStart: Int32Array;
  origEnd: Int32Array;
  hits: SynonymHit[];
}

/** Compiled table: first character → variants starting with it, longest first. */
export class SynonymNormalizer {
  private readonly byFirst = new Map<string, { variant: string; canonical: string }[]>();
  /** 1 for every UTF-16 unit that starts some variant (a fast pre-check before the map). */
  private readonly first = new Uint8Array(0x10000);
  /** Stable fingerprint of the table (cache keys). */
  readonly signature: string;
  /** Every word of the table (given to the segmenter so each is kept as one word). */
  readonly words: string[];

  constructor(groups: SynonymGroup[] = DEFAULT_SYNONYM_GROUPS) {
    const words = new Set<string>();
    const seen = new Map<string, string>();
    for (const g of groups) {
      const canonical = g.canonical.trim();
      if (!canonical) continue;
      words.add(canonical);
      for (const raw of [canonical, ...g.variants]) {
        const v = raw.trim();
        if (!v || seen.has(v)) continue; // first group wins for a word listed twice
        seen.set(v, canonical);
        words.add(v);
        if (v === canonical) continue;
        const list = this.byFirst.get(v[0]) ?? [];
        this.first[v.charCodeAt(0)] = 1;
        list.push({ variant: v, canonical });
        this.byFirst.set(v[0], list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.variant.length - a.variant.length);
    this.words = [...words];
    this.signature = [...seen.entries()].map(([v, c]) => `${v}>${c}`).sort().join('|');
  }

  /** Rewrite every variant to its canonical word, keeping a map back to the original. */
  canonicalize(s: string): CanonicalText {
    const parts: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const hits: SynonymHit[] = [];
    let i = 0;
    let plainFrom = 0;
    const flushPlain = (to: number) => {
      if (to <= plainFrom) return;
      parts.push(s.slice(plainFrom, to));
      for (let k = plainFrom; k < to; k++) {
        starts.push(k);
        ends.push(k + 1);
      }
    };
    while (i < s.length) {
      const list = this.byFirst.get(s[i]);
      let matched: { variant: string; canonical: string } | undefined;
      if (list) for (const cand of list) if (s.startsWith(cand.variant, i)) { matched = cand; break; }
      // a canonical word that is a longer match than any variant here stays as it is
      if (!matched) {
        i++;
        continue;
      }
      flushPlain(i);
      const end = i + matched.variant.length;
      parts.push(matched.canonical);
      for (let k = 0; k < matched.canonical.length; k++) {
        starts.push(i);
        ends.push(end);
      }
      hits.push({ variant: matched.variant, canonical: matched.canonical, start: i, end });
      i = end;
      plainFrom = end;
    }
    flushPlain(s.length);
    if (hits.length === 0) {
      const origStart = new Int32Array(s.length);
      const origEnd = new Int32Array(s.length);
      for (let k = 0; k < s.length; k++) {
        origStart[k] = k;
        origEnd[k] = k + 1;
      }
      return { text: s, origStart, origEnd, hits };
    }
    return { text: parts.join(''), origStart: Int32Array.from(starts), origEnd: Int32Array.from(ends), hits };
  }

  /** Just the canonical text (no map). */
  canonicalText(s: string): string {
    let out = '';
    let plainFrom = 0;
    let i = 0;
    while (i < s.length) {
      if (this.first[s.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      const list = this.byFirst.get(s[i]);
      let matched: { variant: string; canonical: string } | undefined;
      if (list) for (const cand of list) if (s.startsWith(cand.variant, i)) { matched = cand; break; }
      if (!matched) {
        i++;
        continue;
      }
      out += s.slice(plainFrom, i) + matched.canonical;
      i += matched.variant.length;
      plainFrom = i;
    }
    return plainFrom === 0 ? s : out + s.slice(plainFrom);
  }
}

export interface SynonymMatch {
  /** What this application wrote. */
  query: string;
  /** What the compared text wrote. */
  target: string;
  canonical: string;
}

/**
 * Synonym pairs that made two texts agree: a group used in both, written differently
 * (e.g. this application 提升 / the past result 提高). Order of first appearance in the query.
 */
export function matchedSynonyms(query: { text: string; hits: SynonymHit[] }, target: { text: string; hits: SynonymHit[] }, limit = 12): SynonymMatch[] {
  const forms = (side: { text: string; hits: SynonymHit[] }) => {
    const m = new Map<string, string[]>();
    const add = (c: string, v: string) => {
      const list = m.get(c) ?? [];
      if (!list.includes(v)) list.push(v);
      m.set(c, list);
    };
    for (const h of side.hits) {
      add(h.canonical, h.variant);
      if (side.text.includes(h.canonical)) add(h.canonical, h.canonical);
    }
    return m;
  };
  const q = forms(query);
  const t = forms(target);
  // a group only the other side rewrote: this side may have written the canonical word itself
  for (const c of t.keys()) if (!q.has(c) && query.text.includes(c)) q.set(c, [c]);
  for (const c of q.keys()) if (!t.has(c) && target.text.includes(c)) t.set(c, [c]);
  const out: SynonymMatch[] = [];
  for (const [canonical, qForms] of q) {
    const tForms = t.get(canonical);
    if (!tForms) continue;
    for (const qf of qForms) {
      if (tForms.includes(qf)) continue; // written the same way on both sides: not a disguise
      const tf = tForms.find((x) => !qForms.includes(x));
      if (tf === undefined) continue;
      out.push({ query: qf, target: tf, canonical });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
