import Handlebars from "handlebars";

/*
 * Templates compiled once, when the startup snapshot is built, instead of in every run.
 *
 * `Handlebars.compile(text, options)` returns a function that, on its first call, parses the text,
 * compiles it to a template spec (JavaScript functions) and wraps the spec with `env.template`;
 * partials are compiled the same way on their first use, with the options of the template that
 * calls them. `precompileInto` makes those specs for every template text up front, and every
 * environment made by `Handlebars.create()` afterwards (the Renderer makes one per run) returns
 * `env.template(spec)` for a text and options it has a spec for: the same functions the first call
 * would have built. Any other text or options compile as before.
 */

type Spec = Parameters<typeof Handlebars.template>[0] & { compilerOptions?: Record<string, unknown> };
type Env = typeof Handlebars;
type Compile = (input: unknown, options?: CompileOptions) => HandlebarsTemplateDelegate;

/** The compiler pieces `compile` uses; they are on every environment, though not in the types. */
interface CompilerEnv {
  parse: (input: string, options: Record<string, unknown>) => unknown;
  Compiler: new () => { compile: (ast: unknown, options: Record<string, unknown>) => unknown };
  JavaScriptCompiler: new () => {
    compile: (
      environment: unknown,
      options: Record<string, unknown>,
      context: undefined,
      asObject: true,
    ) => Spec;
  };
}

const specs = new Map<string, Spec>();

function keyOf(input: string, options: unknown): string {
  return `${JSON.stringify(options ?? {})}\u0000${input}`;
}

/** What `compile`'s first call builds (handlebars/dist/cjs/handlebars/compiler/compiler.js). */
function specOf(env: Env, input: string, options: CompileOptions): Spec {
  const opts: Record<string, unknown> = { ...options };
  if (!("data" in opts)) opts.data = true;
  if (opts.compat) opts.useDepths = true;
  const hbs = env as unknown as CompilerEnv;
  const ast = hbs.parse(input, opts);
  const environment = new hbs.Compiler().compile(ast, opts);
  return new hbs.JavaScriptCompiler().compile(environment, opts, undefined, true);
}

function withSpecs(env: Env): Env {
  const compile = env.compile as Compile;
  (env as { compile: Compile }).compile = (input, options) => {
    const spec = typeof input === "string" ? specs.get(keyOf(input, options)) : undefined;
    return spec ? env.template(spec) : compile(input, options);
  };
  return env;
}

/**
 * Compiles every text in `texts` with `options` (the Renderer's), and again with the options its
 * templates pass to the partials they call, until no new options turn up; then makes every later
 * `Handlebars.create()` use the specs. Returns how many specs there are.
 */
export function precompileInto(texts: readonly string[], options: CompileOptions): number {
  const env = Handlebars.create();
  const pending = [options as Record<string, unknown>];
  const done = new Set<string>();
  while (pending.length > 0) {
    const next = pending.pop()!;
    const optionsKey = JSON.stringify(next);
    if (done.has(optionsKey)) continue;
    done.add(optionsKey);
    for (const text of texts) {
      const spec = specOf(env, text, next as CompileOptions);
      specs.set(keyOf(text, next), spec);
      if (spec.compilerOptions) pending.push(spec.compilerOptions);
    }
  }
  const create = Handlebars.create;
  Handlebars.create = () => withSpecs(create());
  return specs.size;
}
