// Generated from the migrated schema by `npm run db:types`; a test fails if it drifts.
import type { ColumnType } from "kysely";

export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>
  ? ColumnType<S, I | undefined, U>
  : ColumnType<T, T | undefined, T>;

export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;

export type Json = JsonValue;

export type JsonArray = JsonValue[];

export type JsonObject = {
  [x: string]: JsonValue | undefined;
};

export type JsonPrimitive = boolean | number | string | null;

export type JsonValue = JsonArray | JsonObject | JsonPrimitive;

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface AccountLinks {
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  token_hash: string;
  used_at: Timestamp | null;
  user_id: string;
}

export interface AuditEvents {
  action: string;
  actor_id: string | null;
  after: Json | null;
  before: Json | null;
  created_at: Generated<Timestamp>;
  id: Generated<Int8>;
  subject_id: string;
  subject_type: string;
}

export interface Calls {
  closes_at: Timestamp;
  created_at: Generated<Timestamp>;
  description: string;
  id: Generated<string>;
  opens_at: Timestamp;
  question_sections: Generated<string[]>;
  slug: string;
  summary: string;
  title: string;
  updated_at: Generated<Timestamp>;
}

export interface CaseStudies {
  advice: Generated<string>;
  challenge: Generated<string>;
  cost_and_resources: Generated<string>;
  created_at: Generated<Timestamp>;
  establishment_urn: number | null;
  evidence_strength: number | null;
  id: Generated<string>;
  impact: Generated<string>;
  is_fictional: Generated<boolean>;
  key_factors: Generated<string>;
  keywords: Generated<string[]>;
  la_code: string | null;
  la_name: string | null;
  last_reviewed_at: Timestamp | null;
  measures: Generated<Json>;
  organisation_kind: string;
  organisation_name: string;
  organisation_named: Generated<boolean>;
  practice: Generated<string>;
  practice_status: Generated<string>;
  practice_status_since: Timestamp | null;
  privacy_scan_version: Generated<number>;
  public_version: Generated<number>;
  published_at: Timestamp | null;
  region_code: string | null;
  slug: string;
  status: Generated<string>;
  submission_id: string | null;
  summary: string;
  title: string;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface CaseStudyTags {
  case_study_id: string;
  term_id: number;
}

export interface CaseStudyVersions {
  case_study_id: string;
  change_summary: Generated<string>;
  evidence_strength: number | null;
  follow_up_id: string | null;
  number: number;
  practice_status: string;
  published_at: Timestamp;
  published_values: Json;
}

export interface DoubleCodingSamples {
  coded_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  reconciled_at: Timestamp | null;
  reconciled_by: string | null;
  requested_by: string;
  second_coder_id: string | null;
  submission_id: string;
}

export interface Establishments {
  close_date: Timestamp | null;
  county: string | null;
  establishment_number: string | null;
  has_resourced_provision: Generated<boolean>;
  has_sen_unit: Generated<boolean>;
  la_code: string;
  la_name: string;
  last_changed_date: Timestamp | null;
  locality: string | null;
  name: string;
  number_of_pupils: number | null;
  open_date: Timestamp | null;
  phase_code: number;
  phase_name: string;
  postcode: string | null;
  region_code: string | null;
  region_name: string | null;
  resourced_provision: string | null;
  status_code: number;
  status_name: string;
  statutory_high_age: number | null;
  statutory_low_age: number | null;
  street: string | null;
  town: string | null;
  trust_name: string | null;
  trust_uid: string | null;
  type_code: number;
  type_group_code: number | null;
  type_group_name: string | null;
  type_name: string;
  ukprn: string | null;
  updated_at: Generated<Timestamp>;
  urn: number;
}

export interface FollowUps {
  answers: Generated<Json>;
  assigned_to: string | null;
  case_study_id: string;
  created_at: Generated<Timestamp>;
  decided_at: Timestamp | null;
  decided_by: string | null;
  draft: Json | null;
  edit_version: Generated<number>;
  expires_at: Timestamp;
  id: Generated<string>;
  invited_at: Timestamp;
  link_used_at: Timestamp | null;
  months: number;
  personal_data_findings: Generated<Json>;
  personal_data_flagged: Generated<boolean>;
  published_version: number | null;
  reminded_at: Timestamp | null;
  round: number;
  session_hash: string | null;
  status: Generated<string>;
  submitted_at: Timestamp | null;
  token_hash: string;
  updated_at: Generated<Timestamp>;
}

export interface PersonalDataDismissals {
  case_study_id: string;
  dismissed_at: Generated<Timestamp>;
  dismissed_by: string;
  field: string;
  fingerprint: string;
  id: Generated<Int8>;
  kind: string;
  match_text: string;
  reason: string;
}

export interface PrivacyAlerts {
  case_study_id: string;
  findings: Json;
  id: Generated<Int8>;
  raised_at: Generated<Timestamp>;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
  surface: string;
}

export interface RateLimits {
  expire: Int8 | null;
  key: string;
  points: Generated<number>;
}

export interface RespondentTokens {
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  purpose: string;
  submission_id: string;
  token_hash: string;
}

export interface Reviews {
  created_at: Generated<Timestamp>;
  decision: string;
  from_status: string;
  id: Generated<string>;
  moderator_id: string;
  reason: string | null;
  submission_id: string;
  to_status: string;
}

export interface SearchOutbox {
  attempts: Generated<number>;
  available_at: Generated<Timestamp>;
  case_study_id: string;
  created_at: Generated<Timestamp>;
  id: Generated<Int8>;
  last_error: string | null;
  parked_at: Timestamp | null;
}

export interface SearchRebuilds {
  error: string | null;
  finished_at: Timestamp | null;
  id: Generated<Int8>;
  indexed: Generated<number>;
  requested_at: Generated<Timestamp>;
  requested_by: string | null;
  started_at: Timestamp | null;
  total: number | null;
}

export interface SearchSynonymGroups {
  created_at: Generated<Timestamp>;
  id: Generated<number>;
  one_way_terms: Generated<string[]>;
  terms: string[];
  updated_at: Generated<Timestamp>;
}

export interface SecondCodingTags {
  submission_id: string;
  term_id: number;
}

export interface Sessions {
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  id: string;
  last_seen_at: Generated<Timestamp>;
  user_id: string;
}

export interface SignInLockouts {
  email_hash: string;
  failed_count: Generated<number>;
  locked_until: Timestamp | null;
  updated_at: Generated<Timestamp>;
}

export interface SubmissionEstablishments {
  submission_id: string;
  urn: number;
}

export interface SubmissionFiles {
  created_at: Generated<Timestamp>;
  file_name: string;
  id: Generated<string>;
  media_type: string;
  sha256: string;
  size_bytes: number;
  submission_id: string;
}

export interface SubmissionNotes {
  author_id: string;
  body: string;
  created_at: Generated<Timestamp>;
  id: Generated<string>;
  submission_id: string;
}

export interface Submissions {
  answers: Generated<Json>;
  assigned_to: string | null;
  call_id: string;
  contact_removed_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  establishment_urn: number | null;
  follow_up_consent: Generated<boolean>;
  id: Generated<string>;
  may_contact: Generated<boolean>;
  organisation_kind: string | null;
  organisation_name: string | null;
  original_answers: Json | null;
  personal_data_findings: Generated<Json>;
  personal_data_flagged: Generated<boolean>;
  personal_data_resolved_at: Timestamp | null;
  personal_data_resolved_by: string | null;
  reference: string;
  respondent_email: string | null;
  respondent_name: string | null;
  respondent_role: string | null;
  start_token: string | null;
  status: Generated<string>;
  submitted_at: Timestamp | null;
  updated_at: Generated<Timestamp>;
  withdrawn_at: Timestamp | null;
}

export interface SuggestionModels {
  model: Json;
  source_stamp: string;
  trained_at: Generated<Timestamp>;
  trained_on: number;
  version: string;
}

export interface TagSuggestions {
  code: string;
  confidence: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  decision: string | null;
  id: Generated<string>;
  model_version: string;
  reason: Generated<Json>;
  scheme: string;
  score: number | null;
  shown_at: Generated<Timestamp>;
  source: Generated<string>;
  submission_id: string;
}

export interface TaxonomyConditions {
  abbreviations: Generated<string[]>;
  created_at: Generated<Timestamp>;
  id: Generated<number>;
  kind: string;
  name: string;
  need_codes: string[];
  note: string | null;
  other_names: Generated<string[]>;
  updated_at: Generated<Timestamp>;
}

export interface TaxonomySchemes {
  code: string;
  description: Generated<string>;
  name: string;
}

export interface TaxonomyTerms {
  code: string;
  description: Generated<string>;
  id: Generated<number>;
  label: string;
  parent_id: number | null;
  position: Generated<number>;
  retired_at: Timestamp | null;
  scheme_code: string;
}

export interface Users {
  active: Generated<boolean>;
  created_at: Generated<Timestamp>;
  email: string;
  id: Generated<string>;
  last_signed_in_at: Timestamp | null;
  name: string;
  password_hash: string | null;
  roles: string[];
  totp_enabled_at: Timestamp | null;
  totp_last_step: Int8 | null;
  totp_pending_secret: string | null;
  totp_secret: string | null;
  updated_at: Generated<Timestamp>;
}

export interface DB {
  account_links: AccountLinks;
  audit_events: AuditEvents;
  calls: Calls;
  case_studies: CaseStudies;
  case_study_tags: CaseStudyTags;
  case_study_versions: CaseStudyVersions;
  double_coding_samples: DoubleCodingSamples;
  establishments: Establishments;
  follow_ups: FollowUps;
  personal_data_dismissals: PersonalDataDismissals;
  privacy_alerts: PrivacyAlerts;
  rate_limits: RateLimits;
  respondent_tokens: RespondentTokens;
  reviews: Reviews;
  search_outbox: SearchOutbox;
  search_rebuilds: SearchRebuilds;
  search_synonym_groups: SearchSynonymGroups;
  second_coding_tags: SecondCodingTags;
  sessions: Sessions;
  sign_in_lockouts: SignInLockouts;
  submission_establishments: SubmissionEstablishments;
  submission_files: SubmissionFiles;
  submission_notes: SubmissionNotes;
  submissions: Submissions;
  suggestion_models: SuggestionModels;
  tag_suggestions: TagSuggestions;
  taxonomy_conditions: TaxonomyConditions;
  taxonomy_schemes: TaxonomySchemes;
  taxonomy_terms: TaxonomyTerms;
  users: Users;
}
