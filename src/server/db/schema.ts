// Kysely table types. One schema for SQLite and PostgreSQL: ids are text UUIDs (or integer sequences
// for append-only logs), dates are ISO text (YYYY-MM-DD), timestamps ISO text (UTC), booleans 0/1,
// JSON as text. Large tables carry province_code, the future Citus distribution key.
import type { Generated } from 'kysely';

export type UnitKind =
  | 'bo' | 'so' | 'ubnd_tinh' | 'ubnd_xa' | 'phong_vhxh'
  | 'thpt' | 'thcs' | 'th' | 'mn' | 'lien_cap' | 'gdtx' | 'truong_khac'
  | 'phong_ban' | 'to_chuyen_mon' | 'doan_the';

export type UnitTable = {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  abbreviation: string | null;
  kind: UnitKind;
  province_code: string;
  commune_code: string | null;
  parent_id: string | null;
  prof_parent_id: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  status: 'active' | 'merged' | 'split' | 'dissolved';
  valid_from: string;
  valid_to: string | null;
  name_search: string;
  created_at: string;
  updated_at: string;
};

export type UnitClosureTable = {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
  province_code: string;
};

export type UnitEventTable = {
  id: string;
  unit_id: string;
  event: 'created' | 'updated' | 'renamed' | 'moved' | 'merged_into' | 'merged_from' | 'split_into' | 'split_from' | 'dissolved';
  effective_date: string;
  related_unit_id: string | null;
  details: string | null;
  actor_user_id: string | null;
  province_code: string;
  created_at: string;
};

export type ClusterTable = {
  id: string;
  name: string;
  kind: 'cum' | 'khoi';
  school_year: number;
  owner_unit_id: string;
  province_code: string;
  note: string | null;
  created_at: string;
};

export type ClusterMemberTable = {
  cluster_id: string;
  unit_id: string;
  role: 'truong' | 'pho' | 'thanh_vien';
};

export type PersonTable = {
  id: string;
  full_name: string;
  name_search: string;
  birth_date: string | null;
  gender: 'nam' | 'nu' | null;
  ethnicity: string | null;
  cccd: string | null;
  phone: string | null;
  email: string | null;
  unit_id: string;
  position: string | null;
  staff_category: string | null;
  sector_start_date: string | null;
  province_code: string;
  created_at: string;
  updated_at: string;
};

export type EmploymentTable = {
  id: string;
  person_id: string;
  unit_id: string;
  position: string;
  from_date: string;
  to_date: string | null;
  province_code: string;
};

export type QualificationTable = {
  id: string;
  person_id: string;
  kind: string;
  name: string;
  year: number | null;
  province_code: string;
};

export type PerformanceRatingTable = {
  id: string;
  person_id: string;
  school_year: number;
  rating: 'htxsnv' | 'httnv' | 'htnv' | 'khtnv';
  unit_id: string;
  province_code: string;
};

export type DisciplineTable = {
  id: string;
  person_id: string;
  form: 'khien_trach' | 'canh_cao' | 'ha_bac_luong' | 'giang_chuc' | 'cach_chuc' | 'buoc_thoi_viec';
  decision_number: string | null;
  from_date: string;
  to_date: string | null;
  reason: string | null;
  province_code: string;
};

export type UserTable = {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  password_hash: string;
  person_id: string | null;
  is_active: number;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
};

export type RoleCode = 'admin' | 'officer' | 'head' | 'council' | 'individual';

export type UserRoleTable = {
  id: string;
  user_id: string;
  role: RoleCode;
  unit_id: string;
  created_at: string;
};

export type SessionTable = {
  id: string; // sha256 of the cookie token
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
};

export type LoginThrottleTable = {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
};

export type AuditLogTable = {
  seq: Generated<number>;
  at: string;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  unit_id: string | null;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
};

export type FileTable = {
  sha256: string;
  size: number;
  mime: string;
  created_at: string;
};

export type AttachmentTable = {
  id: string;
  sha256: string;
  file_name: string;
  mime: string;
  size: number;
  entity_type: string;
  entity_id: string | null;
  unit_id: string;
  uploaded_by: string;
  province_code: string;
  created_at: string;
};

export type JobTable = {
  id: Generated<number>;
  type: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  progress_message: string | null;
  result: string | null;
  error: string | null;
  attempts: number;
  max_attempts: number;
  run_after: string;
  locked_by: string | null;
  heartbeat_at: string | null;
  created_by: string | null;
  unit_id: string | null;
  created_at: string;
  finished_at: string | null;
};

export type NotificationTable = {
  id: string;
  user_id: string;
  title: string;
  body: string | null;
  link: string | null;
  read_at: string | null;
  created_at: string;
};

export type SettingTable = {
  key: string;
  value: string;
  updated_at: string;
};

export type DB = {
  units: UnitTable;
  unit_closure: UnitClosureTable;
  unit_events: UnitEventTable;
  clusters: ClusterTable;
  cluster_members: ClusterMemberTable;
  people: PersonTable;
  employments: EmploymentTable;
  qualifications: QualificationTable;
  performance_ratings: PerformanceRatingTable;
  disciplines: DisciplineTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  files: FileTable;
  attachments: AttachmentTable;
  jobs: JobTable;
  notifications: NotificationTable;
  settings: SettingTable;
};
