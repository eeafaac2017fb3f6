/**
 * Chinese word segmentation for 雷同检查: jieba (the maintained Rust port, @node-rs/jieba, prebuilt
 * inside its registry package; its own dictionary ships with it) plus the quality-domain words that
 * must stay whole (一次交检合格率, 标准作业指导书, the synonym table's words).
 *
 * The segmenter is loaded once per process on first use (~0.3 s). Tokens are lower-cased and
 * full-width ASCII is folded. Numbers and punctuation never reach the segmenter: the index splits a
 * text into clauses and numbers first (similarity-index.ts `scanClauses`) and caches each clause.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Words of 申报书 that jieba's general dictionary splits but that mean one thing here. */
const DOMAIN_WORDS = [
  '一次交检合格率', '一次合格率', '标准作业指导书', '作业指导书', '攻关小组', '攻关团队', '质量攻关', '不良率', '缺陷率',
  '不合格率', '良品率', '合格率', '直通率', '失效模式', '鱼骨图', '帕累托', '正交试验', '六西格玛', '防错', '首件检验',
  '来料检验', '过程能力', '在线监测', '在线检测', '工艺参数', '质量损失', '客户投诉', '交付及时率', '返工率', '返修率',
  '焊缝', '气孔率', '良率', '控制图', '过程控制', '统计过程控制', '测量系统分析', '质量功能展开', '价值流', '响应面',
];

let jieba: Jieba | null = null;
const loadedWords = new Set<string>();

function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    addWords(DOMAIN_WORDS);
  }
  return jieba;
}

/** Teach the segmenter more words (idempotent; e.g. the campaign's synonym table). */
export function addWords(words: string[]): void {
  const j = jieba ?? segmenter();
  const fresh = words.filter((w) => w.length >= 2 && !loadedWords.has(w) && !/\s/.test(w));
  if (fresh.length === 0) return;
  for (const w of fresh) loadedWords.add(w);
  j.loadDict(Buffer.from(fresh.map((w) => `${w} 200000 n`).join('\n')));
}

function fold(token: string): string {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else out += token[i];
  }
  return out.toLowerCase();
}

/**
 * Words of several clauses (text without digits or punctuation), one list each, with ONE call into
 * the segmenter. Used by the index, which caches the result per clause.
 */
export function segmentClauses(clauses: string[]): string[][] {
  if (clauses.length === 0) return [];
  const raw = segmenter().cut(clauses.join('\n'), false);
  const out: string[][] = [];
  let cur: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const tok = raw[i];
    if (tok === '\n') {
      out.push(cur);
      cur = [];
      continue;
    }
    // clauses hold only ideographs and letters: drop single ideographs (的, 在, 和…), fold letters
    const c = tok.charCodeAt(0);
    if (tok.length === 1 && c >= 0x2e80) continue;
    cur.push(c < 0x80 || (c >= 0xff21 && c <= 0xff5a) ? fold(tok) : tok);
  }
  out.push(cur);
  while (out.length < clauses.length) out.push([]);
  return out;
}
