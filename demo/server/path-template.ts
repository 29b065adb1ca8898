/**
 * Paths written as the OpenAPI document writes them (`/numbers/{numberId}`), turned into
 * matchers. The router and the contract check use the same function, so a route and the
 * operation it implements are matched alike.
 */
export type PathParams = Readonly<Record<string, string>>;

export type PathMatcher = (path: string) => PathParams | null;

export function compilePath(template: string): PathMatcher {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/u)
    .map((part) => {
      const name = /^\{([^}]+)\}$/u.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/gu, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  const pattern = new RegExp(`^${source}$`, 'u');
  return (path) => {
    const match = pattern.exec(path);
    if (!match) return null;
    const params: Record<string, string> = {};
    try {
      names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1] ?? '')));
    } catch {
      return null; // A malformed %-escape names nothing.
    }
    return params;
  };
}
