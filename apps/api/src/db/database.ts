import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Row types of every table. Dates and timestamps are ISO text on both SQLite and PostgreSQL so that
 * both return the same strings; lists are JSON text; booleans are 0/1 integers.
 */
export interface EventTable {
  id: string;
  title: string;
  kind: string;
  status: string;
  starts_on: string;
  ends_on: string;
  time_zone: string;
  city: string | null;
  country: string | null;
  online: number;
  region: string | null;
  organizers: string;
  partners: string;
  themes: string;
  summary: string;
  registration_status: string;
  registration_deadline: string | null;
  source_url: string | null;
  sample: number;
  created_at: string;
  updated_at: string;
}

export interface EventThemeTable {
  event_id: string;
  theme: string;
}

export interface PracticeTable {
  id: string;
  title: string;
  themes: string;
  summary: string;
  body: string;
  source_event_ids: string;
  references: string;
  sample: number;
  created_at: string;
  updated_at: string;
}

export interface PracticeThemeTable {
  practice_id: string;
  theme: string;
}

export interface ApiKeyTable {
  id: string;
  name: string;
  /** SHA-256 of the secret, hex. The secret itself is never stored. */
  hash: string;
  /** First characters of the secret, to tell keys apart in listings. */
  prefix: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface RequestTable {
  reference: string;
  year: number;
  sequence: number;
  type: string;
  status: string;
  member_state: string;
  agency: string | null;
  themes: string;
  related_event_id: string | null;
  summary: string;
  details: string;
  priority: string;
  requester_name: string;
  requester_email: string | null;
  requester_organization: string | null;
  requester_slack_user_id: string | null;
  requester_slack_team_id: string | null;
  source: string;
  created_at: string;
  updated_at: string;
}

export interface RequestHistoryTable {
  id: Generated<number>;
  reference: string;
  at: string;
  actor: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
}

export interface RequestSequenceTable {
  year: number;
  last_sequence: number;
}

export interface IdempotencyKeyTable {
  key: string;
  /** Which key holder used it: idempotency keys are scoped per API key. */
  api_key_id: string;
  body_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: string;
}

export interface ActivityTable {
  id: Generated<number>;
  type: string;
  at: string;
  subject: string;
  data: string;
}

export interface WebhookTable {
  id: string;
  url: string;
  events: string;
  secret: string;
  created_at: string;
  disabled_at: string | null;
  disabled_reason: string | null;
  deleted_at: string | null;
  /** Set when a disabled webhook is turned back on; earlier failures do not count toward disabling it. */
  enabled_at: string | null;
}

export interface WebhookDeliveryTable {
  id: string;
  webhook_id: string;
  activity_id: number;
  type: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
  locked_until: string | null;
}

export interface WebhookAttemptTable {
  id: Generated<number>;
  delivery_id: string;
  at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface RateLimitTable {
  subject: string;
  window_start: number;
  count: number;
}

export interface Database {
  events: EventTable;
  event_themes: EventThemeTable;
  practices: PracticeTable;
  practice_themes: PracticeThemeTable;
  api_keys: ApiKeyTable;
  settings: SettingTable;
  requests: RequestTable;
  request_history: RequestHistoryTable;
  request_sequences: RequestSequenceTable;
  idempotency_keys: IdempotencyKeyTable;
  activity: ActivityTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
  rate_limits: RateLimitTable;
}

export type EventRow = Selectable<EventTable>;
export type NewEventRow = Insertable<EventTable>;
export type EventRowUpdate = Updateable<EventTable>;
export type PracticeRow = Selectable<PracticeTable>;
export type NewPracticeRow = Insertable<PracticeTable>;
export type PracticeRowUpdate = Updateable<PracticeTable>;
export type ApiKeyRow = Selectable<ApiKeyTable>;
export type RequestRow = Selectable<RequestTable>;
export type RequestHistoryRow = Selectable<RequestHistoryTable>;
export type ActivityRow = Selectable<ActivityTable>;
export type WebhookRow = Selectable<WebhookTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
export type WebhookAttemptRow = Selectable<WebhookAttemptTable>;
