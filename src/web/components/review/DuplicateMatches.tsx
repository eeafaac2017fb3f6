/**
 * 查重结果: each near-duplicate with its score and the overlapping passages of this application
 * highlighted (ranges from the API: half-open UTF-16 [start, end) into the compared texts).
 */
import { Alert, Empty, Progress, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ApplicationForm } from '../../../domain/application-form';
import type { DuplicateMatch } from '../../../shared/applications';
import './review.css';

/** The four compared texts of a 申报书, built exactly as the server builds them (duplicate-index.ts). */
export function similarityTexts(form: Partial<ApplicationForm>): Record<string, string> {
  const goals = (form.content?.goals ?? [])
    .map((g) => [g.indicator, g.baseline ? `由${g.baseline}${g.unit ?? ''}` : '', g.target ? `达到${g.target}${g.unit ?? ''}` : ''].join(''))
    .filter(Boolean)
    .join('；');
  return { name: form.project?.name ?? '', problem: form.content?.background ?? '', goals, route: form.content?.technicalRoute ?? '' };
}

const FIELD_LABELS: Record<string, string> = { name: '项目名称', problem: '质量问题/立项背景', goals: '攻关目标', route: '技术路线' };

/** Text with the given ranges wrapped in <mark>; overlapping/adjacent ranges are merged. */
export function Highlighted({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const sorted = ranges
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  const out: ReactNode[] = [];
  let at = 0;
  merged.forEach(([s, e], i) => {
    if (s > at) out.push(text.slice(at, s));
    out.push(
      <mark key={i} className="gg-rv-hl">
        {text.slice(s, e)}
      </mark>,
    );
    at = e;
  });
  if (at < text.length) out.push(text.slice(at));
  return <span className="gg-rv-text">{out}</span>;
}

function asMatches(raw: unknown[]): DuplicateMatch[] {
  return raw.filter((m): m is DuplicateMatch => !!m && typeof m === 'object' && typeof (m as DuplicateMatch).score === 'number');
}

/**
 * Why a pair matched, beyond the highlighted passages: the words the applicant swapped for synonyms
 * (compared as the same word) and the rarest words both texts use.
 */
function MatchReasons({ match: m }: { match: DuplicateMatch }) {
  const synonyms = m.synonyms ?? [];
  const terms = m.sharedTerms ?? [];
  if (synonyms.length === 0 && terms.length === 0) return null;
  return (
    <div className="gg-small gg-rv-reasons" data-testid="duplicate-reasons">
      {synonyms.length > 0 && (
        <div>
          同义改写（按同一词比对）：
          {synonyms.map((x, i) => (
            <Tag key={i} color="orange" bordered={false} data-testid="duplicate-synonym">
              {x.fieldLabel}：本申报书“{x.query}”{x.target ? ` ↔ 对方“${x.target}”` : `（同义词“${x.canonical}”）`}
            </Tag>
          ))}
        </div>
      )}
      {terms.length > 0 && (
        <div>
          共同的少见用语：
          {terms.map((t) => (
            <Tag key={t} bordered={false}>
              {t}
            </Tag>
          ))}
        </div>
      )}
    </div>
  );
}

export const pct = (score: number | null | undefined) => (score === null || score === undefined ? '—' : `${(score * 100).toFixed(1)}%`);

export function DuplicateMatches({
  matches: raw,
  score,
  flag,
  form,
  explanation,
  flagThreshold,
}: {
  matches: unknown[];
  score: number | null;
  flag: boolean;
  form: Partial<ApplicationForm>;
  explanation: string | null;
  flagThreshold?: number;
}) {
  const matches = asMatches(raw).sort((a, b) => b.score - a.score);
  const texts = similarityTexts(form);
  return (
    <div>
      <Alert
        type={flag ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={flag ? `查重提示：与已有成果或本年度其他申报相似（最高相似度 ${pct(score)}）` : `未发现明显雷同（最高相似度 ${pct(score)}）`}
        description={
          <>
            {flagThreshold !== undefined && <div>提示阈值：{pct(flagThreshold)}。相似内容在下方以黄色标出（本申报书一侧）。</div>}
            {flag && (
              <div>
                申报单位的雷同情况说明：{explanation ? <span className="gg-rv-text">{explanation}</span> : <strong className="gg-rv-bad">未填写</strong>}
              </div>
            )}
          </>
        }
      />
      {matches.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有相似度达到展示阈值的成果或申报" />
      ) : (
        <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="相似项目列表">
          {matches.map((m, i) => (
            <li key={`${m.id ?? m.name}-${i}`} className="gg-rv-match" data-testid="duplicate-match">
              <div className="gg-rv-match-head">
                <div>
                  <Tag color={m.source === 'historical' ? 'purple' : 'geekblue'}>{m.sourceLabel}</Tag>
                  <span className="gg-rv-match-title">{m.name}</span>
                  <div className="gg-muted gg-small">
                    {[m.unitName, m.year ? `${m.year}年` : '', m.level, m.applicationNo].filter(Boolean).join(' · ')}
                  </div>
                </div>
                <div style={{ minWidth: 180 }} aria-label={`相似度 ${pct(m.score)}`}>
                  <Progress percent={Math.round(m.score * 1000) / 10} size="small" status={flagThreshold !== undefined && m.score >= flagThreshold ? 'exception' : 'normal'} format={() => pct(m.score)} />
                </div>
              </div>
              {Object.keys(m.fieldScores ?? {}).length > 0 && (
                <div className="gg-small gg-muted">
                  分项相似度：
                  {Object.entries(m.fieldScores).map(([k, v]) => (
                    <Tag key={k} bordered={false}>
                      {FIELD_LABELS[k] ?? k} {pct(v)}
                    </Tag>
                  ))}
                </div>
              )}
              <MatchReasons match={m} />
              {m.overlaps
                .filter((o) => o.queryRanges.length > 0 && texts[o.field])
                .map((o) => (
                  <div key={o.field} className="gg-rv-overlap">
                    <div className="gg-rv-overlap-label">{o.fieldLabel || FIELD_LABELS[o.field]}（本申报书中的重合内容）</div>
                    <Highlighted text={texts[o.field]} ranges={o.queryRanges} />
                    {o.targetRanges && o.targetRanges.length > 0 && m.targetTexts?.[o.field] && (
                      <details className="gg-rv-overlap-target" data-testid="duplicate-target-text">
                        <summary>对照：{m.source === 'historical' ? '历年成果' : '该申报项目'}中的对应内容</summary>
                        <Highlighted text={m.targetTexts[o.field]} ranges={o.targetRanges} />
                      </details>
                    )}
                  </div>
                ))}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
