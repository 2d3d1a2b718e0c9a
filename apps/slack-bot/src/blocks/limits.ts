/**
 * Slack's Block Kit limits (https://docs.slack.dev/reference/block-kit). Slack rejects a whole
 * message with `invalid_blocks` when one is exceeded, so builders keep inside them.
 */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionsElements: 25,
  optionText: 75,
  optionValue: 150,
  optionsPerSelect: 100,
  blockId: 255,
  actionId: 255,
  modalTitle: 24,
  privateMetadata: 3000,
  /** Top-level `text` is truncated by Slack beyond 40,000 characters; notifications show far less. */
  messageText: 4000,
} as const;
