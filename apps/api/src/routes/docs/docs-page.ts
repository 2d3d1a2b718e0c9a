/** A self-contained HTML page describing every route of the OpenAPI document (no scripts, no CDN). */

interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OperationObject>>;
}

interface OperationObject {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: { type?: string; enum?: unknown[] };
  }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

export function renderDocsPage(document: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const tag = operation.tags?.[0] ?? "Other";
      const params = (operation.parameters ?? [])
        .map(
          (param) =>
            `<li><code>${escapeHtml(param.name)}</code> <small>${escapeHtml(param.in)}${param.required ? ", required" : ""}</small>${
              param.description ? ` — ${escapeHtml(param.description)}` : ""
            }</li>`,
        )
        .join("");
      const body = operation.requestBody?.content
        ? Object.keys(operation.requestBody.content).join(", ")
        : "";
      const responses = Object.entries(operation.responses ?? {})
        .map(
          ([status, response]) =>
            `<li><code>${escapeHtml(status)}</code> ${escapeHtml(response.description ?? "")}</li>`,
        )
        .join("");
      const secured = operation.security?.length ? '<span class="key">API key</span>' : "";
      const section = `<section class="op">
  <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code> ${secured}</h3>
  <p>${escapeHtml(operation.summary ?? "")}</p>
  ${operation.description ? `<p class="desc">${escapeHtml(operation.description)}</p>` : ""}
  ${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ""}
  ${body ? `<h4>Body</h4><p><code>${escapeHtml(body)}</code> — schema in <a href="/openapi.json">openapi.json</a></p>` : ""}
  <h4>Responses</h4><ul>${responses}</ul>
</section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), section]);
    }
  }
  const sections = [...byTag.entries()]
    .map(([tag, operations]) => `<h2 id="${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${operations.join("\n")}`)
    .join("\n");
  const toc = [...byTag.keys()]
    .map((tag) => `<a href="#${escapeHtml(tag)}">${escapeHtml(tag)}</a>`)
    .join(" · ");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} — API docs</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{margin-bottom:0}h2{border-bottom:2px solid #009edb;padding-bottom:.2rem;margin-top:2.5rem}
.op{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.method{display:inline-block;min-width:4.5rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .3rem}
.get{background:#2b7a3d}.post{background:#1f5fa8}.patch{background:#a86b1f}.delete{background:#a8281f}
.key{font-size:.75rem;background:#eee;border-radius:4px;padding:.1rem .4rem}
code{background:#f4f4f4;padding:0 .2rem;border-radius:3px}.desc{color:#444}
</style></head><body>
<h1>${escapeHtml(document.info.title)}</h1>
<p>Version ${escapeHtml(document.info.version)}. ${escapeHtml(document.info.description ?? "")}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code> (RFC 9457).
Write routes take <code>Authorization: Bearer bsi_…</code>.</p>
<nav>${toc}</nav>
${sections}
</body></html>`;
}
