/** The whole 申报书, read-only, in sections (team ID numbers arrive masked from the server). */
import { Descriptions, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import {
  BENEFIT_AREA_LABELS,
  DIRECTION_LABELS,
  fieldLabel,
  INFRASTRUCTURE_LABELS,
  PARTNER_TYPE_LABELS,
  STANDARD_LEVEL_LABELS,
  UNIT_NATURE_LABELS,
  type ApplicationForm,
  type BenefitArea,
  type Direction,
  type InfrastructureKind,
  type PartnerType,
  type UnitNature,
} from '../../../domain/application-form';
import { FORM_SECTIONS } from './form-sections';
import './review.css';

type Form = Partial<ApplicationForm>;

const NONE = <span className="gg-rv-empty">未填写</span>;

function txt(v: unknown): ReactNode {
  if (v === undefined || v === null || v === '') return NONE;
  if (typeof v === 'number') return v.toLocaleString('zh-CN');
  if (typeof v === 'boolean') return v ? '是' : '否';
  return <span className="gg-rv-text">{String(v)}</span>;
}

function Comment({ comments, path }: { comments?: Record<string, string>; path: string }) {
  const c = comments?.[path];
  if (!c) return null;
  return <div className="gg-rv-field-comment">上次退回意见：{c}</div>;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="gg-rv-section" id={`form-${id}`} aria-labelledby={`form-${id}-h`}>
      <h3 id={`form-${id}-h`}>{title}</h3>
      {children}
    </section>
  );
}

const title = (key: string) => FORM_SECTIONS.find((s) => s.key === key)?.title ?? key;

export function ApplicationFormView({
  form: raw,
  vetoTexts = {},
  comments,
  attachments,
}: {
  form: Record<string, unknown> | Form;
  /** Veto checklist item id → text (campaign data). */
  vetoTexts?: Record<string, string>;
  /** 逐项意见 of the last return, path → comment (shown beside the field). */
  comments?: Record<string, string>;
  /** Rendered in section 九 (the attachments with preview). */
  attachments?: ReactNode;
}) {
  const form = raw as Form;
  const u = form.unit ?? {};
  const p = form.project ?? {};
  const c = form.content ?? {};
  const b = form.benefits ?? {};
  const basis = form.basis ?? {};
  const item = (path: string, value: ReactNode, span?: number) => ({
    key: path,
    label: fieldLabel(path),
    span,
    className: comments?.[path] ? 'gg-rv-commented' : undefined,
    children: (
      <>
        {value}
        <Comment comments={comments} path={path} />
      </>
    ),
  });
  const person = (prefix: 'qualityHead' | 'projectLead' | 'contact') => {
    const x = u[prefix] ?? {};
    const parts = [x.name, x.position, x.title, x.phone, x.email].filter(Boolean);
    return parts.length ? parts.join(' · ') : NONE;
  };

  return (
    <div className="gg-rv-form">
      <Section id="unit" title={title('unit')}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            item('unit.name', txt(u.name)),
            item('unit.uscc', <span className="gg-mono">{u.uscc ?? '—'}</span>),
            item('unit.district', txt(u.district)),
            item('unit.nature', u.nature ? UNIT_NATURE_LABELS[u.nature as UnitNature] ?? u.nature : NONE),
            item('unit.address', txt(u.address), 2),
            item('unit.industry', txt(u.industry)),
            item('unit.employees', txt(u.employees)),
            item('unit.lastYearRevenue', txt(u.lastYearRevenue)),
            { key: 'qh', label: '质量负责人', children: person('qualityHead') },
            { key: 'pl', label: '项目负责人', className: comments?.['unit.projectLead.name'] || comments?.['unit.projectLead.phone'] ? 'gg-rv-commented' : undefined, children: (
              <>
                {person('projectLead')}
                <Comment comments={comments} path="unit.projectLead.name" />
                <Comment comments={comments} path="unit.projectLead.phone" />
              </>
            ) },
            { key: 'ct', label: '联系人', children: person('contact') },
          ]}
        />
      </Section>

      <Section id="project" title={title('project')}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            item('project.name', txt(p.name), 2),
            item('project.direction', p.direction ? DIRECTION_LABELS[p.direction as Direction] ?? p.direction : NONE),
            item('project.chain', p.chain ? <>{p.chain}{p.chainOther ? `（${p.chainOther}）` : ''}</> : NONE),
            item('project.targets', p.targets?.length ? p.targets.map((t) => <Tag key={t}>{t}</Tag>) : NONE),
            item('project.benefitAreas', p.benefitAreas?.length ? p.benefitAreas.map((a) => <Tag color="blue" key={a}>{BENEFIT_AREA_LABELS[a as BenefitArea] ?? a}</Tag>) : NONE),
            item('project.startDate', txt(p.startDate)),
            item('project.endDate', txt(p.endDate)),
          ]}
        />
      </Section>

      <Section id="content" title={title('content')}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            item('content.background', txt(c.background)),
            item(
              'content.goals',
              c.goals?.length ? (
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(_, i) => String(i)}
                  dataSource={c.goals}
                  columns={[
                    { title: '序号', width: 60, render: (_, __, i) => i + 1 },
                    { title: '指标名称', dataIndex: 'indicator' },
                    { title: '单位', dataIndex: 'unit', width: 80 },
                    { title: '现状值', dataIndex: 'baseline', width: 110 },
                    { title: '目标值', dataIndex: 'target', width: 110 },
                  ]}
                />
              ) : (
                NONE
              ),
            ),
            item('content.technicalRoute', txt(c.technicalRoute)),
            item('content.qualityMethods', c.qualityMethods?.length ? c.qualityMethods.map((m) => <Tag key={m}>{m}</Tag>) : NONE),
            item('content.pdca.plan', txt(c.pdca?.plan)),
            item('content.pdca.do', txt(c.pdca?.do)),
            item('content.pdca.check', txt(c.pdca?.check)),
            item('content.pdca.act', txt(c.pdca?.act)),
            item(
              'content.milestones',
              c.milestones?.length ? (
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(_, i) => String(i)}
                  dataSource={c.milestones}
                  columns={[
                    { title: '日期', dataIndex: 'date', width: 120 },
                    { title: '内容', dataIndex: 'title' },
                    { title: '成果', dataIndex: 'deliverable' },
                  ]}
                />
              ) : (
                NONE
              ),
            ),
          ]}
        />
      </Section>

      <Section id="team" title={title('team')}>
        <Comment comments={comments} path="team" />
        <Table
          size="small"
          bordered
          pagination={false}
          rowKey={(_, i) => String(i)}
          dataSource={form.team ?? []}
          locale={{ emptyText: '未填写项目组成员' }}
          columns={[
            { title: '序号', width: 60, render: (_, __, i) => i + 1 },
            { title: '姓名', dataIndex: 'name', width: 100 },
            { title: '单位', dataIndex: 'unit' },
            { title: '职称', dataIndex: 'title', width: 120 },
            { title: '项目分工', dataIndex: 'role' },
            { title: '身份证号（已脱敏）', dataIndex: 'idNumber', width: 190, render: (v?: string) => <span className="gg-mono">{v || '—'}</span> },
          ]}
        />
      </Section>

      {(p.direction === 'common' || (form.consortium?.length ?? 0) > 0) && (
        <Section id="consortium" title={title('consortium')}>
          <Comment comments={comments} path="consortium" />
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={form.consortium ?? []}
            locale={{ emptyText: '未填写联合体成员单位' }}
            columns={[
              { title: '序号', width: 60, render: (_, __, i) => i + 1 },
              { title: '单位名称', dataIndex: 'name' },
              { title: '类型', dataIndex: 'type', width: 110, render: (v?: string) => (v ? PARTNER_TYPE_LABELS[v as PartnerType] ?? v : '—') },
              { title: '所在地区', dataIndex: 'region', width: 110 },
              { title: '分工', dataIndex: 'role' },
            ]}
          />
        </Section>
      )}

      <Section id="benefits" title={title('benefits')}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            item('benefits.economic', txt(b.economic)),
            item('benefits.economicNote', txt(b.economicNote)),
            item('benefits.social', txt(b.social)),
            item(
              'benefits.byArea',
              b.byArea && Object.keys(b.byArea).length ? (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {Object.entries(b.byArea).map(([k, v]) => (
                    <li key={k}>
                      <strong>{BENEFIT_AREA_LABELS[k as BenefitArea] ?? k}：</strong>
                      {v}
                    </li>
                  ))}
                </ul>
              ) : (
                NONE
              ),
            ),
          ]}
        />
      </Section>

      <Section id="basis" title={title('basis')}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            item('basis.patents', basis.patents?.length ? basis.patents.map((x) => `${x.title}${x.number ? `（${x.number}）` : ''}`).join('；') : NONE),
            item('basis.softwareCopyrights', basis.softwareCopyrights?.length ? basis.softwareCopyrights.map((x) => `${x.title}${x.number ? `（${x.number}）` : ''}`).join('；') : NONE),
            item('basis.appraisals', basis.appraisals?.length ? basis.appraisals.map((x) => [x.title, x.organ, x.date].filter(Boolean).join('，')).join('；') : NONE),
            item(
              'basis.standards',
              basis.standards?.length ? basis.standards.map((x) => `${STANDARD_LEVEL_LABELS[x.level] ?? x.level} ${x.code ?? ''} ${x.title}`.trim()).join('；') : NONE,
            ),
            item('infrastructure', form.infrastructure?.length ? form.infrastructure.map((k) => <Tag key={k}>{INFRASTRUCTURE_LABELS[k as InfrastructureKind] ?? k}</Tag>) : NONE),
            item('infrastructureNote', txt(form.infrastructureNote)),
          ]}
        />
      </Section>

      <Section id="commitment" title={title('commitment')}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            item('commitment.agreed', form.commitment?.agreed ? <Tag color="green">已承诺</Tag> : <Tag color="red">未承诺</Tag>),
            item('commitment.signer', txt(form.commitment?.signer)),
            item('commitment.date', txt(form.commitment?.date)),
          ]}
        />
        <Comment comments={comments} path="vetoDeclarations" />
        <ul className="gg-rv-check" aria-label="否决事项声明" style={{ marginTop: 8 }}>
          {Object.keys({ ...vetoTexts, ...(form.vetoDeclarations ?? {}) }).map((id) => {
            const ok = form.vetoDeclarations?.[id] === true;
            return (
              <li key={id}>
                <span className={`gg-rv-check-icon ${ok ? 'gg-rv-ok' : 'gg-rv-bad'}`} aria-hidden>
                  {ok ? '✔' : '✘'}
                </span>
                <span>
                  {vetoTexts[id] ?? id}
                  <span className="gg-sr-only">{ok ? '（已声明没有发生）' : '（未声明）'}</span>
                </span>
              </li>
            );
          })}
        </ul>
      </Section>

      <Section id="attachments" title={title('attachments')}>
        <Comment comments={comments} path="attachments" />
        {attachments ?? NONE}
      </Section>

      <Section id="duplicate" title={title('duplicate')}>
        <Comment comments={comments} path="duplicateExplanation" />
        {txt(form.duplicateExplanation)}
      </Section>
    </div>
  );
}
