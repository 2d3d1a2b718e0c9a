import type { Activity, Event, Practice, Request, Theme } from "@bsi/domain";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface EventListFilters {
  from?: string;
  to?: string;
  upcoming?: boolean;
  kind?: string | string[];
  country?: string | string[];
  region?: string | string[];
  theme?: string | string[];
  status?: string | string[];
  online?: boolean;
  sample?: boolean;
  q?: string;
  order?: "asc" | "desc";
  limit?: number;
  cursor?: string;
}

export interface PracticeListFilters {
  theme?: string | string[];
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface RequestListFilters {
  status?: string | string[];
  memberState?: string;
  type?: string | string[];
  requester?: string;
  limit?: number;
  cursor?: string;
}

/** The answer of POST /v1/ask. */
export interface AskAnswer {
  intent: string;
  language: string;
  query: Record<string, unknown>;
  text: string;
  events: Event[];
  practices: Practice[];
  requests: Request[];
  fallback: boolean;
  /** The event the question counted from ("after the Sahel workshop"), or null. */
  anchor?: Event | null;
}

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  secret?: string;
  createdAt: string;
  disabled: boolean;
  disabledReason: string | null;
}

export type { Activity, Event, Practice, Request, Theme };
