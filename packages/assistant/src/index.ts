export {
  type AnswerEvent,
  type AnswerFacts,
  type AnswerPractice,
  type AnswerRequest,
  describeEvent,
  describeEvents,
  FALLBACK_KINDS,
  type FallbackKind,
  formatDates,
  periodPhrase,
  type RequestAccess,
  type WriteAnswerOptions,
  writeAnswer,
} from "./answer.js";
export { HELP_TEXT } from "./answer-words.js";
export { type InterpretOptions, interpret } from "./interpret.js";
export * from "./query.js";
export { quoteTyped } from "./text.js";
