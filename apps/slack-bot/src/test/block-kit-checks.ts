/**
 * The Block Kit limits Slack enforces (block counts, text lengths, input elements, options), checked
 * the way Slack reports them: one `invalid_blocks`-style message per problem, with a JSON pointer.
 * Used by the fake Slack and by the block builders' tests.
 */

export function validateView(view: unknown, type: "home" | "modal"): string[] {
  if (!isRecord(view)) return ["view must be an object [json-pointer:/view]"];
  const problems: string[] = [];
  if (view.type !== type) problems.push(`must be '${type}' [json-pointer:/view/type]`);
  if (type === "modal") {
    const title = isRecord(view.title) ? view.title.text : undefined;
    if (typeof title !== "string" || title.length === 0 || title.length > 24) {
      problems.push("title must be 1 to 24 characters [json-pointer:/view/title/text]");
    }
    for (const button of ["submit", "close"] as const) {
      const text = isRecord(view[button]) ? view[button].text : undefined;
      if (view[button] !== undefined && (typeof text !== "string" || text.length === 0 || text.length > 24))
        problems.push(`${button} must be 1 to 24 characters [json-pointer:/view/${button}/text]`);
    }
    const hasInput =
      Array.isArray(view.blocks) && view.blocks.some((block) => isRecord(block) && block.type === "input");
    if (hasInput && view.submit === undefined) {
      problems.push("submit is required when there are input blocks [json-pointer:/view/submit]");
    }
  }
  if (typeof view.private_metadata === "string" && view.private_metadata.length > 3000) {
    problems.push("must be less than 3001 characters [json-pointer:/view/private_metadata]");
  }
  problems.push(...validateBlocks(view.blocks, 100, "/view/blocks"));
  return problems;
}

/** Checks the Block Kit limits the bot depends on; returns Slack-style messages with JSON pointers. */
export function validateBlocks(blocks: unknown, maxBlocks: number, pointer = "/blocks"): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return [`must be an array [json-pointer:${pointer}]`];
  const problems: string[] = [];
  if (blocks.length > maxBlocks)
    problems.push(`must provide no more than ${maxBlocks} items [json-pointer:${pointer}]`);
  const blockIds = new Set<string>();
  blocks.forEach((block, index) => {
    const at = `${pointer}/${index}`;
    if (!isRecord(block)) {
      problems.push(`must be an object [json-pointer:${at}]`);
      return;
    }
    if (typeof block.block_id === "string") {
      if (blockIds.has(block.block_id)) problems.push(`duplicate block_id [json-pointer:${at}/block_id]`);
      if (block.block_id.length > 255)
        problems.push(`must be less than 256 characters [json-pointer:${at}/block_id]`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case "section": {
        const text = isRecord(block.text) ? block.text.text : undefined;
        const fields = Array.isArray(block.fields) ? block.fields : undefined;
        if (text === undefined && !fields) problems.push(`must provide text or fields [json-pointer:${at}]`);
        checkText(block.text, 3000, `${at}/text`, problems);
        if (fields) {
          if (fields.length > 10)
            problems.push(`must provide no more than 10 items [json-pointer:${at}/fields]`);
          for (const [fieldIndex, field] of fields.entries()) {
            checkText(field, 2000, `${at}/fields/${fieldIndex}`, problems);
          }
        }
        if (block.accessory !== undefined) checkElement(block.accessory, `${at}/accessory`, problems);
        break;
      }
      case "header":
        if (!isRecord(block.text) || block.text.type !== "plain_text") {
          problems.push(`must be plain_text [json-pointer:${at}/text]`);
        }
        checkText(block.text, 150, `${at}/text`, problems);
        break;
      case "context": {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length === 0 || elements.length > 10) {
          problems.push(`must provide 1 to 10 items [json-pointer:${at}/elements]`);
        }
        elements.forEach((element, elementIndex) => {
          if (isRecord(element) && (element.type === "mrkdwn" || element.type === "plain_text")) {
            checkText(element, 3000, `${at}/elements/${elementIndex}`, problems);
          }
        });
        break;
      }
      case "actions": {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length === 0 || elements.length > 25) {
          problems.push(`must provide 1 to 25 items [json-pointer:${at}/elements]`);
        }
        for (const [elementIndex, element] of elements.entries()) {
          checkElement(element, `${at}/elements/${elementIndex}`, problems);
        }
        break;
      }
      case "input":
        checkInput(block, at, problems);
        break;
      case "divider":
      case "image":
      case "rich_text":
        break;
      default:
        problems.push(`unsupported block type [json-pointer:${at}/type]`);
    }
  });
  return problems;
}

const INPUT_ELEMENTS = new Set([
  "plain_text_input",
  "email_text_input",
  "url_text_input",
  "number_input",
  "static_select",
  "external_select",
  "multi_static_select",
  "multi_external_select",
  "users_select",
  "conversations_select",
  "channels_select",
  "datepicker",
  "checkboxes",
  "radio_buttons",
]);

/** An input block as Slack checks it: label, hint, one input element within its own limits. */
function checkInput(block: Record<string, unknown>, at: string, problems: string[]): void {
  if (!isRecord(block.label) || block.label.type !== "plain_text") {
    problems.push(`must be plain_text [json-pointer:${at}/label]`);
  }
  checkText(block.label, 2000, `${at}/label`, problems);
  if (block.hint !== undefined) checkText(block.hint, 2000, `${at}/hint`, problems);
  const element = block.element;
  if (!isRecord(element) || !INPUT_ELEMENTS.has(String(element.type))) {
    problems.push(`must be an input element [json-pointer:${at}/element]`);
    return;
  }
  checkElement(element, `${at}/element`, problems);
  if (element.type === "plain_text_input") {
    const max = element.max_length;
    if (max !== undefined && (typeof max !== "number" || max < 1 || max > 3000)) {
      problems.push(`max_length must be 1 to 3000 [json-pointer:${at}/element/max_length]`);
    }
    const initial = element.initial_value;
    const limit = typeof max === "number" ? max : 3000;
    if (typeof initial === "string" && Array.from(initial).length > limit) {
      problems.push(
        `initial_value must be at most ${limit} characters [json-pointer:${at}/element/initial_value]`,
      );
    }
  }
  if (element.type === "static_select" || element.type === "multi_static_select") {
    const options = Array.isArray(element.options) ? element.options : [];
    if (options.length === 0 || options.length > 100) {
      problems.push(`must provide 1 to 100 options [json-pointer:${at}/element/options]`);
    }
    for (const [index, option] of options.entries()) {
      checkOption(option, `${at}/element/options/${index}`, problems);
    }
    const values = new Set(options.map((option) => (isRecord(option) ? option.value : undefined)));
    const initial = element.initial_option;
    if (isRecord(initial) && !values.has(initial.value)) {
      problems.push(`initial_option must be one of the options [json-pointer:${at}/element/initial_option]`);
    }
  }
}

/** An option of a select, or of an options load answer. */
function checkOption(option: unknown, at: string, problems: string[]): void {
  if (!isRecord(option)) {
    problems.push(`must be an object [json-pointer:${at}]`);
    return;
  }
  checkText(option.text, 75, `${at}/text`, problems);
  if (typeof option.value !== "string" || option.value.length === 0 || option.value.length > 150) {
    problems.push(`value must be 1 to 150 characters [json-pointer:${at}/value]`);
  }
}

function checkText(text: unknown, max: number, at: string, problems: string[]): void {
  if (text === undefined) return;
  if (
    !isRecord(text) ||
    typeof text.text !== "string" ||
    (text.type !== "mrkdwn" && text.type !== "plain_text")
  ) {
    problems.push(`must be a text object [json-pointer:${at}]`);
    return;
  }
  if (text.text.length === 0) problems.push(`must be more than 0 characters [json-pointer:${at}/text]`);
  if (text.text.length > max)
    problems.push(`must be less than ${max + 1} characters [json-pointer:${at}/text]`);
}

function checkElement(element: unknown, at: string, problems: string[]): void {
  if (!isRecord(element)) {
    problems.push(`must be an object [json-pointer:${at}]`);
    return;
  }
  if (element.type === "button") {
    checkText(element.text, 75, `${at}/text`, problems);
    if (typeof element.value === "string" && element.value.length > 2000) {
      problems.push(`must be less than 2001 characters [json-pointer:${at}/value]`);
    }
    if (typeof element.url === "string" && element.url.length > 3000) {
      problems.push(`must be less than 3001 characters [json-pointer:${at}/url]`);
    }
  }
  if (typeof element.action_id === "string" && element.action_id.length > 255) {
    problems.push(`must be less than 256 characters [json-pointer:${at}/action_id]`);
  }
}

export function collectMrkdwn(value: unknown, into: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectMrkdwn(item, into);
    return;
  }
  if (!isRecord(value)) return;
  if (value.type === "mrkdwn" && typeof value.text === "string") into.push(value.text);
  for (const [key, child] of Object.entries(value)) {
    if (key !== "text" || typeof child !== "string") collectMrkdwn(child, into);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
