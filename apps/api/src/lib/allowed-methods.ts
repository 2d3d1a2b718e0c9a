/** A route as Hono lists it in `app.routes`. */
interface ListedRoute {
  method: string;
  path: string;
}

interface CompiledRoute {
  method: string;
  pattern: RegExp;
}

const compiled = new WeakMap<readonly ListedRoute[], { count: number; routes: CompiledRoute[] }>();

/**
 * Turns a Hono path (`/v1/requests/:ref`, `/v1/events/:file{[^/]+\.ics}`, `/*`) into a regular
 * expression over the whole path; a trailing slash is allowed, as the router (strict: false) allows it.
 */
function toPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => {
      if (segment === "*") return ".*";
      const parameter = /^:\w+(?:\{(.+)\})?$/.exec(segment);
      if (parameter) return parameter[1] ? `(?:${parameter[1]})` : "[^/]+";
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${source}/?$`);
}

/** Every route with a real method (middleware registered for all methods is not an answer). */
function compile(routes: readonly ListedRoute[]): CompiledRoute[] {
  const cached = compiled.get(routes);
  if (cached && cached.count === routes.length) return cached.routes;
  const result = routes
    .filter((route) => route.method !== "ALL")
    .map((route) => ({ method: route.method, pattern: toPattern(route.path) }));
  compiled.set(routes, { count: routes.length, routes: result });
  return result;
}

/**
 * The methods the app answers on `path`, for a 405's `Allow` header: empty when no route has the
 * path at all (a 404). HEAD comes with GET, since the router answers HEAD with the GET route.
 */
export function allowedMethods(routes: readonly ListedRoute[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of compile(routes)) {
    if (route.pattern.test(path)) methods.add(route.method);
  }
  if (methods.has("GET")) methods.add("HEAD");
  if (methods.size > 0) methods.add("OPTIONS");
  const order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
  return [...methods].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
