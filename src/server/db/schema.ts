/**
 * The whole data model, designed once for all nine procedures (../shared/spec/lifecycle.md),
 * even where a procedure's commands are not built yet. PostgreSQL 15 features only (PGlite is 18).
 */
import { sql } from 'drizzle-orm';
import { PROJECT_STATES } from '../../domain/project-workflow';
import type {
  AttendeeRole,
  BatchState,
  BenefitKind,
  ConflictDecision,
  ConflictSource,
  ConflictType,
  ResultReviewState,
  CampaignStatus,
  CertificateHolderKind,
  CertificateRunState,
  CertificateState,
  DeadlineWindow,
  Direction,
  EvaluationGroupState,
  ExpertStatus,
  ExpertTaskState,
  FilePurpose,
  HistoryKind,
  HistorySource,
  ObjectionOutcome,
  ShowcaseState,
  ObjectionState,
  ObjectorKind,
  OrgSubtype,
  PdcaPhase,
  PlanRevisionKind,
  ProgressKind,
  ProgressReportKind,
  PublicityState,
  EvaluationLevel,
  RecognitionStatus,
  ReviewDecision,
  ReviewStage,
  TrackingItemKind,
  TrackingItemState,
  TrainingSessionStatus,
  UserRole,
  VisitKind,
} from '../../domain/vocabularies';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => ts('created_at').notNull().defaultNow();
const updatedAt = () => ts('updated_at').notNull().defaultNow();

export const orgKind = pgEnum('org_kind', ['applicant', 'recommender', 'commission', 'expert_pool', 'training_provider']);
export const userRole = pgEnum('user_role', ['applicant', 'recommender', 'commission', 'expert', 'training_provider']);

/** Every state of a project in one campaign, through the nine procedures (lifecycle.md). */
export const projectState = pgEnum('project_state', PROJECT_STATES);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: orgKind('kind').notNull(),
    /** recommender: district_bureau | industry_department | association; applicant: enterprise | institution | industry_org */
    subtype: text('subtype').$type<OrgSubtype>(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    uscc: text('uscc'),
    divisionCode: text('division_code'),
    district: text('district'),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** Industry quality organisations outside the credit-code rule need their recommender's confirmation (program.md §2). */
    recognitionStatus: text('recognition_status').$type<RecognitionStatus>().notNull().default('not_needed'),
    recognitionFileId: uuid('recognition_file_id'),
    defaultRecommenderId: uuid('default_recommender_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('organisations_uscc_uq').on(t.uscc), index('organisations_kind_idx').on(t.kind)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    role: userRole('role').notNull(),
    /** Commission administrators manage accounts (issue 3). */
    isAdmin: boolean('is_admin').notNull().default(false),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    phone: text('phone'),
    email: text('email'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    active: boolean('active').notNull().default(true),
    passwordChangedAt: ts('password_changed_at'),
    lastLoginAt: ts('last_login_at'),
    /** TOTP second factor (issue 13.10): base32 secret once enrolled; required for the commission. */
    totpSecret: text('totp_secret'),
    /** Secret shown by the enrolment QR code, until confirmed with a first code. */
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: ts('totp_enabled_at'),
    /** Last 30-second step accepted: a code is never accepted twice (RFC 6238 §5.2). */
    totpLastStep: integer('totp_last_step'),
    /** SHA-256 of the unused recovery codes. */
    totpRecoveryCodes: jsonb('totp_recovery_codes').notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username), index('users_org_idx').on(t.organisationId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only, hash-chained (issue 3). Each row's hash covers its content and the previous hash. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role').$type<UserRole>(),
    actorOrgId: uuid('actor_org_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    action: text('action').notNull(),
    summary: jsonb('summary').notNull().default({}),
    ip: text('ip'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_actor_idx').on(t.actorUserId),
    index('audit_org_idx').on(t.actorOrgId),
    index('audit_at_idx').on(t.at),
  ],
);

export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    originalName: text('original_name').notNull(),
    storageKey: text('storage_key').notNull(),
    ownerOrgId: uuid('owner_org_id'),
    uploadedBy: uuid('uploaded_by'),
    purpose: text('purpose').$type<FilePurpose>(),
    createdAt: createdAt(),
  },
  (t) => [index('files_sha_idx').on(t.sha256), index('files_owner_idx').on(t.ownerOrgId)],
);

/** A year's program as data (program.md §5). `config` is validated by the campaign schema in src/shared. */
export const campaigns = pgTable('campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: integer('year').notNull().unique(),
  title: text('title').notNull(),
  documentNo: text('document_no'),
  status: text('status').$type<CampaignStatus>().notNull().default('draft'),
  config: jsonb('config').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** 补报窗口: the campaign deadline is never edited in place; a reopening is its own record (lifecycle.md). */
export const windowReopenings = pgTable(
  'window_reopenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    window: text('window').$type<DeadlineWindow>().notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    projectId: uuid('project_id'),
    closesAt: ts('closes_at').notNull(),
    reason: text('reason').notNull(),
    grantedBy: uuid('granted_by').notNull(),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [index('reopen_campaign_idx').on(t.campaignId, t.window)],
);

/** A project from its first draft to its recognition: one row through all nine procedures. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    applicantOrgId: uuid('applicant_org_id')
      .notNull()
      .references(() => organisations.id),
    recommenderOrgId: uuid('recommender_org_id').references(() => organisations.id),
    state: projectState('state').notNull().default('draft'),
    name: text('name').notNull().default(''),
    direction: text('direction').$type<Direction>(),
    chain: text('chain'),
    form: jsonb('form').notNull(),
    /** Optimistic concurrency: every write bumps it; a stale write is refused (no lost updates). */
    version: integer('version').notNull().default(1),
    /** The number of the last submitted version (application_versions). */
    submittedVersion: integer('submitted_version').notNull().default(0),
    applicationNo: text('application_no'),
    projectNo: text('project_no'),
    duplicateScore: numeric('duplicate_score', { precision: 5, scale: 4 }),
    duplicateFlag: boolean('duplicate_flag').notNull().default(false),
    duplicateMatches: jsonb('duplicate_matches').notNull().default([]),
    eligibility: jsonb('eligibility').notNull().default({}),
    recommendOrder: integer('recommend_order'),
    recommendationOpinion: text('recommendation_opinion'),
    batchId: uuid('batch_id'),
    lastReason: text('last_reason'),
    evaluationLevel: text('evaluation_level'),
    evaluationScore: numeric('evaluation_score', { precision: 6, scale: 2 }),
    recognitionLevel: text('recognition_level'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: ts('submitted_at'),
    stateChangedAt: ts('state_changed_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    index('projects_campaign_state_idx').on(t.campaignId, t.state),
    index('projects_applicant_idx').on(t.applicantOrgId),
    index('projects_recommender_idx').on(t.recommenderOrgId, t.state),
    uniqueIndex('projects_application_no_uq').on(t.applicationNo),
    uniqueIndex('projects_project_no_uq').on(t.projectNo),
  ],
);

/** Every submitted version of an application is kept (returned → resubmitted keeps history). */
export const projectVersions = pgTable(
  'project_versions',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    versionNo: integer('version_no').notNull(),
    form: jsonb('form').notNull(),
    submittedBy: uuid('submitted_by'),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.versionNo] })],
);

/** Recommender and commission decisions on a project, with per-field comments. */
export const projectReviews = pgTable(
  'project_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    versionNo: integer('version_no'),
    stage: text('stage').$type<ReviewStage>().notNull(),
    decision: text('decision').$type<ReviewDecision>().notNull(),
    reason: text('reason'),
    fieldComments: jsonb('field_comments').notNull().default({}),
    checklist: jsonb('checklist').notNull().default({}),
    reviewerId: uuid('reviewer_id').notNull(),
    reviewerOrgId: uuid('reviewer_org_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('reviews_project_idx').on(t.projectId)],
);

/** 推荐批次: composing → sent → received | returned (lifecycle.md). */
export const recommendationBatches = pgTable(
  'recommendation_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    recommenderOrgId: uuid('recommender_org_id')
      .notNull()
      .references(() => organisations.id),
    state: text('state').$type<BatchState>().notNull().default('composing'),
    summaryDocxFileId: uuid('summary_docx_file_id'),
    summaryXlsxFileId: uuid('summary_xlsx_file_id'),
    stampedPdfFileId: uuid('stamped_pdf_file_id'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    projectCount: integer('project_count').notNull().default(0),
    sentAt: ts('sent_at'),
    receivedAt: ts('received_at'),
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('batches_campaign_idx').on(t.campaignId, t.recommenderOrgId)],
);

/** Earlier years' excellent results (and other targets) for the duplicate check. */
export const historicalResults = pgTable(
  'historical_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    unitName: text('unit_name').notNull(),
    chain: text('chain'),
    problem: text('problem'),
    goals: text('goals'),
    route: text('route'),
    level: text('level'),
    kind: text('kind').$type<HistoryKind>().notNull().default('excellent_result'),
    source: text('source').$type<HistorySource>().notNull().default('import'),
    createdAt: createdAt(),
  },
  (t) => [index('historical_year_idx').on(t.year)],
);

/** Retried submits are idempotent: the first answer is stored under the client's key. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    key: text('key').notNull(),
    userId: uuid('user_id').notNull(),
    route: text('route').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    userId: uuid('user_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_org_idx').on(t.organisationId, t.readAt)],
);

// ---- Procedures 3–9: modelled now so the states above have somewhere to live. ----

/** 宣贯培训 sessions, run by the training provider on the commission's behalf. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    title: text('title').notNull(),
    venue: text('venue'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    providerOrgId: uuid('provider_org_id'),
    /** open | cancelled (a cancelled session keeps its sign-ups for the record; they were notified). */
    status: text('status').$type<TrainingSessionStatus>().notNull().default('open'),
    cancelReason: text('cancel_reason'),
    cancelledAt: ts('cancelled_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('training_sessions_campaign_idx').on(t.campaignId, t.startsAt)],
);

export const trainingSignups = pgTable(
  'training_signups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    attendeeName: text('attendee_name').notNull(),
    attendeeRole: text('attendee_role').$type<AttendeeRole>().notNull(),
    /** Mobile number: the provider's contact for changes; masked for every other role (personal data). */
    attendeePhone: text('attendee_phone').notNull(),
    attended: boolean('attended'),
    attendanceMarkedAt: ts('attendance_marked_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  // One person once per session (by mobile number); one name once per project and session.
  (t) => [
    uniqueIndex('training_signups_person_uq').on(t.sessionId, t.attendeePhone),
    uniqueIndex('training_signups_name_uq').on(t.sessionId, t.projectId, t.attendeeName),
    index('training_signups_project_idx').on(t.projectId),
  ],
);

/** 项目实施 (PDCA progress) and 跟踪服务 (recommender visits) share one record shape. */
export const projectProgress = pgTable(
  'project_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').$type<ProgressKind>().notNull(),
    phase: text('phase').$type<PdcaPhase>(),
    content: jsonb('content').notNull(),
    authorId: uuid('author_id').notNull(),
    authorOrgId: uuid('author_org_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('progress_project_idx').on(t.projectId)],
);

// ---- 项目实施 / 跟踪服务 (issue 17) ----------------------------------------------------------------

/** 实施方案 (PDCA): the current content; every submitted revision is kept in plan_revisions. */
export const implementationPlans = pgTable('implementation_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id')
    .notNull()
    .unique()
    .references(() => projects.id),
  content: jsonb('content').notNull(),
  /** The last revision number (0 while a draft never submitted). */
  revisionNo: integer('revision_no').notNull().default(0),
  firstSubmittedAt: ts('first_submitted_at'),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** The first submission and every 策略调整 (dated, with its reason); never overwritten. */
export const planRevisions = pgTable(
  'plan_revisions',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => implementationPlans.id),
    revisionNo: integer('revision_no').notNull(),
    kind: text('kind').$type<PlanRevisionKind>().notNull(),
    content: jsonb('content').notNull(),
    reason: text('reason'),
    authorId: uuid('author_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.revisionNo] })],
);

/** 进展报告: one per scheduled period (unique), or ad hoc at a milestone. */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').$type<ProgressReportKind>().notNull(),
    /** `2026-05` / `2026-Q2`, or `milestone:<id>`. */
    period: text('period').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    done: text('done').notNull(),
    measurements: jsonb('measurements').notNull().default([]),
    problems: text('problems').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    authorId: uuid('author_id').notNull(),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [uniqueIndex('progress_reports_period_uq').on(t.projectId, t.period)],
);

/** 过程性材料: grouped by PDCA phase and milestone; a new version supersedes, nothing is deleted. */
export const processMaterials = pgTable(
  'process_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    phase: text('phase').$type<PdcaPhase>().notNull(),
    milestoneId: text('milestone_id'),
    title: text('title').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    versionNo: integer('version_no').notNull().default(1),
    supersedesId: uuid('supersedes_id'),
    supersededAt: ts('superseded_at'),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('process_materials_project_idx').on(t.projectId)],
);

/** 走访 / 检查 by the recommender: date, people, findings, files. */
export const trackingVisits = pgTable(
  'tracking_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').$type<VisitKind>().notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    people: text('people').notNull(),
    findings: text('findings').notNull(),
    fileIds: jsonb('file_ids').notNull().default([]),
    authorOrgId: uuid('author_org_id').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('tracking_visits_project_idx').on(t.projectId)],
);

/** 指导意见 (recommender → unit answers), 问题 (open → answered → closed by the recommender), 质量基础设施支撑 (unit asks, recommender arranges). */
export const trackingItems = pgTable(
  'tracking_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').$type<TrackingItemKind>().notNull(),
    visitId: uuid('visit_id'),
    category: text('category'),
    content: text('content').notNull(),
    state: text('state').$type<TrackingItemState>().notNull().default('open'),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    answeredAt: ts('answered_at'),
    closedBy: uuid('closed_by'),
    closedAt: ts('closed_at'),
    raisedBy: uuid('raised_by').notNull(),
    raisedByOrgId: uuid('raised_by_org_id').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('tracking_items_project_idx').on(t.projectId, t.state)],
);

/** Every reminder sent, once per event (the unique key), whichever instance ran the sweep. */
export const reminderSends = pgTable('reminder_sends', {
  key: text('key').primaryKey(),
  projectId: uuid('project_id').notNull(),
  period: text('period').notNull(),
  kind: text('kind').notNull(),
  recipients: integer('recipients').notNull(),
  sentAt: ts('sent_at').notNull(),
});

export const expertProfiles = pgTable('expert_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  employer: text('employer').notNull(),
  employerUscc: text('employer_uscc'),
  title: text('title').notNull(),
  fields: jsonb('fields').notNull().default([]),
  status: text('status').$type<ExpertStatus>().notNull().default('active'),
  termEnds: date('term_ends'),
  // issue 18: 专家库 record.
  district: text('district'),
  rating: integer('rating'),
  ratingNote: text('rating_note'),
  declarations: jsonb('declarations').notNull().default([]),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at'),
  createdAt: createdAt(),
});

/** 评定组: proposed (draw with seed hash) → committed → scoring → concluded → adopted. */
export const evaluationGroups = pgTable('evaluation_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignId: uuid('campaign_id')
    .notNull()
    .references(() => campaigns.id),
  field: text('field').notNull(),
  state: text('state').$type<EvaluationGroupState>().notNull().default('proposed'),
  drawSeedHash: text('draw_seed_hash'),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  // 程序七 (src/server/evaluation): the group's projects, its roster (expert user ids, draw order),
  // replacements [{out, in, reason, at, by}], the scoring deadline and the milestones.
  projectIds: jsonb('project_ids').notNull().default([]),
  members: jsonb('members').notNull().default([]),
  replacements: jsonb('replacements').notNull().default([]),
  deadline: date('deadline'),
  createdBy: uuid('created_by'),
  committedAt: ts('committed_at'),
  concludedAt: ts('concluded_at'),
  adoptedAt: ts('adopted_at'),
  updatedAt: ts('updated_at'),
});

export const expertTasks = pgTable(
  'expert_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => evaluationGroups.id),
    expertUserId: uuid('expert_user_id')
      .notNull()
      .references(() => users.id),
    projectId: uuid('project_id').references(() => projects.id),
    state: text('state').$type<ExpertTaskState>().notNull().default('invited'),
    conflict: jsonb('conflict'),
    scores: jsonb('scores'),
    submittedAt: ts('submitted_at'),
    createdAt: createdAt(),
    // 程序七: `conflict` holds the 回避 declaration {kind: none|conflict, type?, description?, at};
    // `scores` the score sheet {items, vetoes, opinion, savedAt}.
    version: integer('version').notNull().default(1),
    declineReason: text('decline_reason'),
    respondedAt: ts('responded_at'),
    updatedAt: ts('updated_at'),
  },
  (t) => [index('expert_tasks_expert_idx').on(t.expertUserId), index('expert_tasks_group_idx').on(t.groupId, t.projectId)],
);

// ── issue 18: 专家库 status history and 回避; 提交成果 (results, benefit figures, forwarded batches) ──
export const expertStatusEvents = pgTable(
  'expert_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertUserId: uuid('expert_user_id')
      .notNull()
      .references(() => users.id),
    fromStatus: text('from_status').$type<ExpertStatus>(),
    toStatus: text('to_status').$type<ExpertStatus>().notNull(),
    reason: text('reason').notNull(),
    actorId: uuid('actor_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('expert_status_events_expert_idx').on(t.expertUserId)],
);

/** 回避: one finding per expert, project and type; a commission decision is pinned (never recomputed away). */
export const expertConflicts = pgTable(
  'expert_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertUserId: uuid('expert_user_id')
      .notNull()
      .references(() => users.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    type: text('type').$type<ConflictType>().notNull(),
    evidence: text('evidence').notNull(),
    source: text('source').$type<ConflictSource>().notNull(),
    decision: text('decision').$type<ConflictDecision>(),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('expert_conflicts_uq').on(t.expertUserId, t.projectId, t.type), index('expert_conflicts_project_idx').on(t.projectId)],
);

/** 成果报告 of an approved project: one per project; reviewed by its recommender, then forwarded in a batch. */
export const projectResults = pgTable(
  'project_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    report: jsonb('report').notNull().default({}),
    reportFileId: uuid('report_file_id'),
    processFileIds: jsonb('process_file_ids').notNull().default([]),
    team: jsonb('team').notNull().default([]),
    reviewState: text('review_state').$type<ResultReviewState>().notNull().default('pending'),
    fieldComments: jsonb('field_comments').notNull().default({}),
    returnCount: integer('return_count').notNull().default(0),
    resultBatchId: uuid('result_batch_id'),
    submittedAt: ts('submitted_at'),
    acceptedAt: ts('accepted_at'),
    forwardedAt: ts('forwarded_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('project_results_project_uq').on(t.projectId)],
);

/**
 * 效益数据 with evidence; `indicatorId` links to an indicator of the project's implementation plan
 * (issue 17, the plan's stable indicator `id`); `indicatorName` is that indicator's name as submitted
 * (free text only for a project without a plan).
 */
export const resultBenefits = pgTable(
  'result_benefits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resultId: uuid('result_id')
      .notNull()
      .references(() => projectResults.id),
    position: integer('position').notNull(),
    kind: text('kind').$type<BenefitKind>().notNull(),
    indicatorId: text('indicator_id'),
    indicatorName: text('indicator_name'),
    description: text('description').notNull(),
    before: text('before'),
    after: text('after'),
    unit: text('unit'),
    amount: numeric('amount', { precision: 14, scale: 2 }),
    evidenceFileId: uuid('evidence_file_id'),
  },
  (t) => [index('result_benefits_result_idx').on(t.resultId)],
);

/** 成果报送批次: what the recommender forwarded in one go (汇总表 Word + Excel, stamped letter). */
export const resultBatches = pgTable(
  'result_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    recommenderOrgId: uuid('recommender_org_id')
      .notNull()
      .references(() => organisations.id),
    summaryDocxFileId: uuid('summary_docx_file_id'),
    summaryXlsxFileId: uuid('summary_xlsx_file_id'),
    stampedPdfFileId: uuid('stamped_pdf_file_id').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    projectCount: integer('project_count').notNull(),
    sentAt: ts('sent_at').notNull(),
    // The commission's 签收 / 退回 (issue 18): sent → received | returned (BATCH_STATES, never composing).
    state: text('state').$type<BatchState>().notNull().default('sent'),
    receivedAt: ts('received_at'),
    returnedAt: ts('returned_at'),
    returnReason: text('return_reason'),
    /** The projects that went with the batch (kept after a return, when they no longer point at it). */
    projectIds: jsonb('project_ids').$type<string[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('result_batches_campaign_idx').on(t.campaignId, t.recommenderOrgId)],
);

/**
 * 评定结论 (程序七): one per project and evaluation, written when its group concludes; the
 * commission adopts it (`adoptedAt`). `proposed` = the group proposes the result for 优秀成果
 * recognition (the input of 公示, 程序八). Scores are the aggregate of the expert tasks' scores.
 */
export const evaluationOutcomes = pgTable(
  'evaluation_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => evaluationGroups.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    score: numeric('score', { precision: 6, scale: 2 }),
    level: text('level').$type<EvaluationLevel>().notNull(),
    vetoed: boolean('vetoed').notNull().default(false),
    proposed: boolean('proposed').notNull().default(false),
    opinion: text('opinion').notNull(),
    expertCount: integer('expert_count').notNull(),
    adoptedAt: ts('adopted_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('evaluation_outcomes_project_uq').on(t.projectId), index('evaluation_outcomes_campaign_idx').on(t.campaignId)],
);

/** 公示: scheduled → open → closed → published (a versioned list). */
export const publicityWindows = pgTable('publicity_windows', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignId: uuid('campaign_id')
    .notNull()
    .references(() => campaigns.id),
  title: text('title').notNull(),
  opensOn: date('opens_on').notNull(),
  closesOn: date('closes_on').notNull(),
  state: text('state').$type<PublicityState>().notNull().default('scheduled'),
  listVersion: integer('list_version').notNull().default(1),
  projectIds: jsonb('project_ids').notNull().default([]),
  createdAt: createdAt(),
  // 程序八 (src/server/publicity): the document, who opened it, the changes to the group's proposals, the acts.
  documentNo: text('document_no'),
  /** Changes against the groups' proposals: [{projectId, change: 'added' | 'removed', reason}]. */
  selectionChanges: jsonb('selection_changes').notNull().default([]),
  openedBy: uuid('opened_by'),
  closedAt: ts('closed_at'),
  publishedAt: ts('published_at'),
  publishedBy: uuid('published_by'),
  version: integer('version').notNull().default(1),
});

export const objections = pgTable('objections', {
  id: uuid('id').primaryKey().defaultRandom(),
  publicityId: uuid('publicity_id')
    .notNull()
    .references(() => publicityWindows.id),
  projectId: uuid('project_id').references(() => projects.id),
  objectorName: text('objector_name').notNull(),
  objectorKind: text('objector_kind').$type<ObjectorKind>().notNull(),
  contact: text('contact').notNull(),
  content: text('content').notNull(),
  evidenceFileId: uuid('evidence_file_id'),
  state: text('state').$type<ObjectionState>().notNull().default('received'),
  outcome: text('outcome').$type<ObjectionOutcome>(),
  reply: text('reply'),
  createdAt: createdAt(),
  // 程序八 (src/server/publicity): who investigates, the conclusion, the optimistic version.
  assignee: text('assignee'),
  concludedAt: ts('concluded_at'),
  concludedBy: uuid('concluded_by'),
  version: integer('version').notNull().default(1),
});

export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    certificateNo: text('certificate_no').notNull(),
    holderName: text('holder_name').notNull(),
    holderKind: text('holder_kind').$type<CertificateHolderKind>().notNull(),
    fileId: uuid('file_id'),
    state: text('state').$type<CertificateState>().notNull().default('issued'),
    issuedAt: ts('issued_at').notNull(),
    voidedAt: ts('voided_at'),
    /** 作废原因 (void is a commission act with a reason). */
    voidReason: text('void_reason'),
    /** The certificate run that issued it. */
    runId: uuid('run_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('certificates_no_uq').on(t.certificateNo),
    // At most one issued certificate per project and holder: a retried or duplicated run job cannot issue twice.
    uniqueIndex('certificates_issued_uq').on(t.projectId, t.holderKind).where(sql`state = 'issued'`),
  ],
);

/** 证书发放 run: one job issues the certificates of a campaign's recognised projects and resumes after a crash. */
export const certificateRuns = pgTable(
  'certificate_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** queued | running | done | failed */
    state: text('state').$type<CertificateRunState>().notNull().default('queued'),
    total: integer('total').notNull().default(0),
    issued: integer('issued').notNull().default(0),
    startedBy: uuid('started_by').notNull(),
    error: text('error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('certificate_runs_campaign_idx').on(t.campaignId, t.state)],
);

/** Gap-free counters (application and project numbers) per campaign, taken under a row lock. */
export const counters = pgTable(
  'counters',
  {
    scope: text('scope').notNull(),
    name: text('name').notNull(),
    value: integer('value').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.name] })],
);

export const meta = pgTable('meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().default(sql`now()`),
});

/**
 * Publications (公开发布): immutable, versioned public documents of the commission (立项计划 now;
 * 公示名单, 认定结果, 通报表扬 later). A row is never updated: a correction is the next version of
 * the same (campaign, kind) series, and the earlier version stays public marked 已更正.
 */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** A code of PUBLICATION_KINDS (src/shared/publications.ts). */
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    documentNo: text('document_no').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    /** The snapshot of the rows listed, as published (never recomputed). */
    rows: jsonb('rows').notNull(),
    /** Why this version corrects the previous one (null on version 1). */
    correctionNote: text('correction_note'),
    publishedBy: uuid('published_by'),
    publishedAt: ts('published_at').notNull(),
    /** Several series of one kind in a campaign ('' = the campaign's one series; `publicity:<id>` = one 公示 window's). */
    series: text('series').notNull().default(''),
  },
  (t) => [uniqueIndex('publications_series_uq').on(t.campaignId, t.kind, t.series, t.version), index('publications_published_idx').on(t.publishedAt)],
);

/** 宣贯培训 check-in: one short code per session (shown with its QR code by the provider). */
export const trainingCheckinCodes = pgTable(
  'training_checkin_codes',
  {
    sessionId: uuid('session_id')
      .primaryKey()
      .references(() => trainingSessions.id),
    code: text('code').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('training_checkin_codes_code_uq').on(t.code)],
);

/** A self check-in of one sign-up (once: the sign-up is the key). The manual tick stays on the sign-up. */
export const trainingCheckins = pgTable('training_checkins', {
  signupId: uuid('signup_id')
    .primaryKey()
    .references(() => trainingSignups.id),
  sessionId: uuid('session_id').notNull(),
  at: ts('at').notNull(),
  ip: text('ip'),
});

// issue 16: 宣贯培训 lecturers and materials (attached by the provider/commission; downloaded by signed-up units).
/** 授课老师 of a session, in display order. */
export const trainingLecturers = pgTable(
  'training_lecturers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    title: text('title').notNull(),
    employer: text('employer').notNull(),
  },
  (t) => [index('training_lecturers_session_idx').on(t.sessionId, t.position)],
);

/** 培训资料: a stored file with a title and a category (slides, evaluation procedure and criteria, quality tools). */
export const trainingMaterials = pgTable(
  'training_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    title: text('title').notNull(),
    category: text('category').$type<'slides' | 'evaluation' | 'quality_tools' | 'other'>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('training_materials_session_idx').on(t.sessionId)],
);

/**
 * 宣传推广 (程序九, src/server/promotion): one showcase entry per recognised project, shown on the
 * public portal once the commission approves it. The unit may propose its own text (proposed).
 */
export const showcaseEntries = pgTable(
  'showcase_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    highlights: jsonb('highlights').notNull().default([]),
    state: text('state').$type<ShowcaseState>().notNull().default('draft'),
    proposedAt: ts('proposed_at'),
    approvedAt: ts('approved_at'),
    approvedBy: uuid('approved_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('showcase_entries_project_uq').on(t.projectId), index('showcase_entries_state_idx').on(t.state, t.approvedAt)],
);

/** 经验交流会 (程序九): date and place, listed on the portal. */
export const exchangeConferences = pgTable('exchange_conferences', {
  id: uuid('id').primaryKey().defaultRandom(),
  campaignId: uuid('campaign_id')
    .notNull()
    .references(() => campaigns.id),
  title: text('title').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  place: text('place').notNull(),
  description: text('description').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
});
