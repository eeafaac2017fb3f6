/** The nine procedures of the program (程序一至九, 2026 work plan §四). */
export interface Procedure {
  key: string;
  title: string;
  actor: string;
  description: string;
}

export const PROCEDURES: Procedure[] = [
  { key: 'application', title: '项目申报', actor: '申报单位 · 推荐单位', description: '申报单位填报申报书并报推荐单位；推荐单位审核真实性、完整性，出具推荐意见并报送汇总表。' },
  { key: 'approval', title: '立项审核', actor: '市市场监管委', description: '市市场监管委组织审核，形成年度质量攻关项目计划并在官网公布。' },
  { key: 'training', title: '宣贯培训', actor: '市市场监管委 · 培训机构', description: '面向立项项目质量负责人、项目负责人及技术骨干开展评价程序、要求和质量工具方法培训。' },
  { key: 'implementation', title: '项目实施', actor: '申报单位', description: '制定实施方案，按照计划、执行、检查、处理（PDCA）推进，定期监测评估并留存过程性材料。' },
  { key: 'tracking', title: '跟踪服务', actor: '推荐单位', description: '推荐单位深入一线指导、督促进度、协调解决问题，质量基础设施机构提供技术支撑。' },
  { key: 'results', title: '提交成果', actor: '申报单位 · 推荐单位', description: '申报单位向推荐单位提交成果及过程材料，推荐单位按期报送市市场监管委，逾期不再接收。' },
  { key: 'evaluation', title: '成果评定', actor: '评定专家', description: '从专家库抽取专家组成评定组，依据 DB12/T 1273-2023 开展评定，提出优秀成果建议名单。' },
  { key: 'publicity', title: '公示公布', actor: '市市场监管委 · 社会公众', description: '建议名单向社会公示，公示无异议后正式公布，对优秀成果单位及人员予以通报并颁发证书。' },
  { key: 'promotion', title: '宣传推广', actor: '市市场监管委', description: '展示优秀成果，召开成果交流会，推广先进质量技术和管理方法。' },
];
