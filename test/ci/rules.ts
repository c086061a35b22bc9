/*
 * Enough of GitLab's `rules:if` expression language to tell which jobs a pipeline source runs:
 * `$VAR`, `$VAR == "x"`, `$VAR != "x"`, `$A == $B`, `$VAR =~ /re/`, `&&`, `||`, parentheses.
 */

type Vars = Record<string, string | undefined>;

export function evaluate(expression: string, vars: Vars): boolean {
  const tokens = tokenize(expression);
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++];

  function value(token: string | undefined): string | undefined {
    if (token === undefined) throw new Error(`unexpected end of ${expression}`);
    if (token.startsWith("$")) return vars[token.slice(1)] || undefined;
    if (token.startsWith('"') || token.startsWith("'")) return token.slice(1, -1);
    if (token === "null") return undefined;
    throw new Error(`unexpected ${token} in ${expression}`);
  }

  function comparison(): boolean {
    if (peek() === "(") {
      next();
      const inner = or();
      if (next() !== ")") throw new Error(`missing ) in ${expression}`);
      return inner;
    }
    const left = value(next());
    const op = peek();
    if (op === "==" || op === "!=") {
      next();
      const equal = left === value(next());
      return op === "==" ? equal : !equal;
    }
    if (op === "=~" || op === "!~") {
      next();
      const literal = next()!;
      const match = /^\/(.*)\/([a-z]*)$/.exec(literal);
      if (!match) throw new Error(`bad regex ${literal}`);
      const found = left !== undefined && new RegExp(match[1]!, match[2]).test(left);
      return op === "=~" ? found : !found;
    }
    return left !== undefined && left !== "";
  }

  function and(): boolean {
    let result = comparison();
    while (peek() === "&&") {
      next();
      result = comparison() && result;
    }
    return result;
  }

  function or(): boolean {
    let result = and();
    while (peek() === "||") {
      next();
      result = and() || result;
    }
    return result;
  }

  const result = or();
  if (at !== tokens.length) throw new Error(`trailing tokens in ${expression}`);
  return result;
}

function tokenize(expression: string): string[] {
  const pattern =
    /\s*(\$[A-Za-z_][A-Za-z0-9_]*|"[^"]*"|'[^']*'|\/(?:\\\/|[^/])*\/[a-z]*|==|!=|=~|!~|&&|\|\||\(|\)|null)/y;
  const tokens: string[] = [];
  let rest = expression.trim();
  while (rest.length > 0) {
    pattern.lastIndex = 0;
    const match = pattern.exec(rest);
    if (!match) throw new Error(`cannot read ${rest} in ${expression}`);
    tokens.push(match[1]!);
    rest = rest.slice(match[0].length).trim();
  }
  return tokens;
}

export interface Rule {
  if?: string;
  when?: string;
}

/** GitLab's rules: the first rule that matches decides; none matching means the job does not run. */
export function runsWith(rules: Rule[] | undefined, vars: Vars): boolean {
  if (!rules) return true;
  for (const rule of rules) {
    if (rule.if === undefined || evaluate(rule.if, vars)) return rule.when !== "never";
  }
  return false;
}
