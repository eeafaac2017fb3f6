/**
 * 雷同检查 synonym table (config.duplicate.synonyms): groups of words, the first one the canonical
 * word every other word of the group is compared as. Checked with the server's own rules
 * (synonymTableSchema, synonymTableProblems): a refused word stays visible with the reason.
 */
import { CloseOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Input, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { SYNONYM_LIMITS, synonymTableProblems, synonymWordSchema } from '../../../../domain/campaign-config';
import type { SynonymGroup } from '../../../../domain/similarity-synonyms';

const PATH = ['config', 'duplicate', 'synonyms'];
/** Several words typed at once: separated by 、，, or spaces. */
export const splitWords = (s: string) => s.split(/[、，,;；\s]+/).filter(Boolean);
const wordsOf = (g: SynonymGroup | undefined) => (g ? [g.canonical, ...g.variants].filter((w, i) => i > 0 || w !== '') : []);
const groupOf = (words: string[]): SynonymGroup => ({ canonical: words[0] ?? '', variants: words.slice(1) });

/** Everything wrong with group `i` of the table, in Chinese, naming the group and the word. */
export function groupProblems(groups: SynonymGroup[], i: number): string[] {
  const g = groups[i];
  const name = `第${i + 1}组（${g.canonical.trim() || '标准词未填'}）`;
  const out: string[] = [];
  for (const w of wordsOf(g)) {
    const r = synonymWordSchema.safeParse(w);
    if (!r.success) out.push(`${name}中的${w.trim() ? `“${w}”` : '空白词'}${r.error.issues[0].message}`);
  }
  if (wordsOf(g).length > SYNONYM_LIMITS.wordsPerGroup) out.push(`${name}最多${SYNONYM_LIMITS.wordsPerGroup}个词（现为${wordsOf(g).length}个）`);
  return [...out, ...synonymTableProblems(groups).filter((p) => p.group === i).map((p) => p.message)];
}

function SynonymWords({ id, value, onChange, groupNo }: { id?: string; value?: SynonymGroup; onChange?: (g: SynonymGroup) => void; groupNo: number }) {
  const [text, setText] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const words = wordsOf(value);
  const add = () => {
    const typed = splitWords(text);
    if (!typed.length) {
      setHint(`请输入要添加到第${groupNo}组的词语（多个词用顿号、逗号或空格分隔）`);
      return;
    }
    onChange?.(groupOf([...words, ...typed]));
    setText('');
    setHint(null);
  };
  return (
    <div className="gg-tags-editor">
      <div className="gg-tags" role="list" aria-label={`第${groupNo}组词语`}>
        {words.length === 0 && <span className="gg-muted gg-small">暂无词语，第一个词为标准词</span>}
        {words.map((w, i) => (
          <span role="listitem" key={`${i}-${w}`}>
            <Tag color={i === 0 ? 'blue' : undefined} className="gg-chain-tag gg-editable-tag">
              {w}
              {i === 0 && '（标准词）'}
              <button type="button" className="gg-tag-close" aria-label={`从第${groupNo}组删除“${w}”`} onClick={() => onChange?.(groupOf(words.filter((_, k) => k !== i)))}>
                <CloseOutlined aria-hidden />
              </button>
            </Tag>
          </span>
        ))}
      </div>
      <Space.Compact style={{ marginTop: 8, maxWidth: 420, width: '100%' }}>
        <Input
          id={id}
          value={text}
          aria-label={`向第${groupNo}组添加词语`}
          placeholder="可一次输入多个，用顿号、逗号或空格分隔"
          onChange={(e) => {
            setText(e.target.value);
            setHint(null);
          }}
          onPressEnter={(e) => {
            e.preventDefault();
            add();
          }}
        />
        <Button icon={<PlusOutlined />} onClick={add} aria-label={`添加到第${groupNo}组`}>
          添加
        </Button>
      </Space.Compact>
      {hint && (
        <div className="gg-field-error" role="alert">
          {hint}
        </div>
      )}
    </div>
  );
}

export function SynonymEditor() {
  const form = Form.useFormInstance();
  const [q, setQ] = useState('');
  const groups = (Form.useWatch(PATH, { form, preserve: true }) as SynonymGroup[] | undefined) ?? [];
  const query = q.trim();
  const shown = useMemo(() => groups.map((g) => !query || wordsOf(g).some((w) => w.includes(query))), [groups, query]);
  // A change in one group can make (or clear) a duplicate in another: check them all.
  const recheck = () =>
    setTimeout(() => void form.validateFields(((form.getFieldValue(PATH) as SynonymGroup[] | undefined) ?? []).map((_, i) => [...PATH, i])).catch(() => undefined));
  return (
    <Card title="雷同检查同义词表" className="gg-section-card" extra={<span className="gg-muted gg-small">共 {groups.length} 组，最多 {SYNONYM_LIMITS.groups} 组</span>}>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title="保存后雷同检查将按新同义词表重新计算（下次检查时重建索引）" description="每组第一个词为标准词：检查时组内其他词都按标准词比较（如“提升”按“提高”比较），以识别替换同义词后的雷同内容。每个词只能属于一个组，每组至少2个词。" />
      <Input.Search allowClear placeholder="搜索词语" aria-label="搜索同义词" style={{ maxWidth: 320, marginBottom: 12 }} onChange={(e) => setQ(e.target.value)} />
      <Form.List
        name={PATH}
        rules={[{ validator: async (_, v: SynonymGroup[] | undefined) => { if ((v?.length ?? 0) > SYNONYM_LIMITS.groups) throw new Error(`同义词表最多${SYNONYM_LIMITS.groups}组（现为${v!.length}组）`); } }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {query && !shown.some(Boolean) && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`没有包含“${query}”的同义词组`} />}
            {fields.map((f, i) => (
              <div key={f.key} className="gg-synonym-group" hidden={!shown[i]} style={{ display: shown[i] === false ? 'none' : 'flex', gap: 8, alignItems: 'flex-start' }}>
                <Form.Item
                  name={f.name}
                  label={`第${i + 1}组`}
                  style={{ flex: 1, marginBottom: 12 }}
                  rules={[{ validator: async () => { const p = groupProblems(form.getFieldValue(PATH) as SynonymGroup[], i); if (p.length) throw new Error(p.join('；')); } }]}
                  getValueFromEvent={(g: SynonymGroup) => { recheck(); return g; }}
                >
                  <SynonymWords groupNo={i + 1} />
                </Form.Item>
                <Button danger type="text" icon={<DeleteOutlined />} aria-label={`删除第${i + 1}组`} onClick={() => { remove(f.name); recheck(); }} />
              </div>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ canonical: '', variants: [] })}>
              添加同义词组
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}
