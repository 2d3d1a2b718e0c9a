/** Action ids the blocks carry and the listeners in `src/listeners/actions` answer. */
export const ACTION_IDS = {
  showMore: "answer.show_more",
  share: "answer.share",
  addToCalendar: "event.add_to_calendar",
  openSource: "event.open_source",
  pickTheme: "practices.pick_theme",
  refreshHome: "home.refresh",
} as const;

export const BLOCK_IDS = {
  answerActions: "answer_actions",
  homeThemePicker: "home_theme_picker",
  homeActions: "home_actions",
} as const;
