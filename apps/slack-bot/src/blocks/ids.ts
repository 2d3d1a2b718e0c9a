import type { RequestStatus } from "@bsi/domain";

/** Action ids the blocks carry and the listeners in `src/listeners/actions` answer. */
export const ACTION_IDS = {
  showMore: "answer.show_more",
  share: "answer.share",
  addToCalendar: "event.add_to_calendar",
  openSource: "event.open_source",
  pickTheme: "practices.pick_theme",
  refreshHome: "home.refresh",
  openRequestForm: "request.open_form",
  withdrawRequest: "request.withdraw",
  /** The request form's type-aheads, answered by options loads. */
  memberState: "request.member_state",
  relatedEvent: "request.related_event",
  /** Every other input's element in a modal: the block id says which field it is. */
  input: "value",
} as const;

/** The triage buttons: one action id per target status (`request.move.accepted`, …). */
export const MOVE_ACTION_PREFIX = "request.move.";
export const MOVE_ACTION_PATTERN = /^request\.move\.[a-z_]+$/;

export function moveActionId(to: RequestStatus): string {
  return `${MOVE_ACTION_PREFIX}${to}`;
}

export const BLOCK_IDS = {
  answerActions: "answer_actions",
  homeThemePicker: "home_theme_picker",
  homeActions: "home_actions",
  triageActions: "triage_actions",
  receiptActions: "receipt_actions",
} as const;

/** The request form's input blocks; a validation error is shown under the block it names. */
export const FORM_BLOCK_IDS = {
  type: "request_type",
  memberState: "request_member_state",
  agency: "request_agency",
  themes: "request_themes",
  relatedEvent: "request_related_event",
  summary: "request_summary",
  details: "request_details",
  priority: "request_priority",
  email: "request_email",
  declineNote: "decline_note",
} as const;

/** Modal callback ids, and the message shortcut's (also in manifest.yaml). */
export const CALLBACK_IDS = {
  requestForm: "request.file",
  declineForm: "request.decline",
  fileMessageShortcut: "file_bsi_request",
} as const;

/** `event_type` of the metadata on a triage card, by which the card is found again. */
export const TRIAGE_CARD_EVENT_TYPE = "bsi_request_card";
