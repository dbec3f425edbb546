import {
  type CommandContext,
  type CommandMiddleware,
  Composer as GrammyComposer,
  type Context,
  type Middleware,
  type MiddlewareFn,
  type NextFunction,
} from "grammy";

type MaybePromise<T> = T | Promise<T>;
type MaybeArray<T> = T | T[];

/**
 * A composer's steps, run in place: a nested composer (`use`), or a filter's (`filter`) when
 * `when` holds; else the step after it runs.
 */
interface Group<C extends Context> {
  when: ((ctx: C) => MaybePromise<boolean>) | undefined;
  steps: Step<C>[];
}

type Step<C extends Context> = MiddlewareFn<C> | Group<C>;

/** Where the steps go on once a group's steps are done: after the group, in the steps around it. */
interface Resume<C extends Context> {
  steps: Step<C>[];
  index: number;
  up: Resume<C> | undefined;
}

/** Calls one middleware with the rest of the steps as its `next`; a synchronous throw becomes a rejection. */
function callStep<C extends Context>(
  middleware: MiddlewareFn<C>,
  steps: Step<C>[],
  index: number,
  up: Resume<C> | undefined,
  ctx: C,
  next: NextFunction,
): Promise<void> {
  try {
    return Promise.resolve(middleware(ctx, () => runSteps(steps, index + 1, up, ctx, next))) as Promise<void>;
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Runs `steps` from `index` in order; each calls the next one through its `next`, the last the
 * outer `next`. Groups are entered in the loop and a filter that does not match is skipped, so
 * only a middleware function's `next` is allocated.
 */
function runSteps<C extends Context>(
  steps: Step<C>[],
  index: number,
  up: Resume<C> | undefined,
  ctx: C,
  next: NextFunction,
): Promise<void> {
  for (;;) {
    if (index >= steps.length) {
      if (up === undefined) return next();
      ({ steps, index, up } = up);
      continue;
    }
    const step = steps[index]!;
    if (typeof step === "function") return callStep(step, steps, index, up, ctx, next);
    if (step.when !== undefined) {
      let matches: MaybePromise<boolean>;
      try {
        matches = step.when(ctx);
      } catch (error) {
        return Promise.reject(error);
      }
      if (matches === false) {
        index++;
        continue;
      }
      if (matches !== true) {
        const [around, at, outer] = [steps, index, up];
        return Promise.resolve(matches).then((ok) =>
          ok ? runSteps(step.steps, 0, after(around, at, outer), ctx, next) : runSteps(around, at + 1, outer, ctx, next),
        );
      }
    }
    up = after(steps, index, up);
    steps = step.steps;
    index = 0;
  }
}

/** The place after the step at `index`; a last step needs none of its own. */
function after<C extends Context>(steps: Step<C>[], index: number, up: Resume<C> | undefined): Resume<C> | undefined {
  return index + 1 < steps.length ? { steps, index: index + 1, up } : up;
}

/** The command a message starts with («/info@bot args»): as written, without the bot's name, and the text after it. */
interface LeadingCommand {
  written: string;
  name: string;
  atBot: string | undefined;
  match: string;
}

// Read once per update for all the bot's command filters; grammY reads it again in each of them.
const leadingCommands = new WeakMap<Context, LeadingCommand | null>();

function leadingCommand(ctx: Context): LeadingCommand | null {
  let found = leadingCommands.get(ctx);
  if (found !== undefined) return found;
  found = null;
  const message = ctx.message ?? ctx.channelPost;
  const text = message?.text ?? message?.caption;
  const entity = message?.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (text !== undefined && entity) {
    const written = text.substring(1, entity.length);
    const at = written.indexOf("@");
    found = {
      written,
      name: at === -1 ? written : written.substring(0, at),
      atBot: at === -1 ? undefined : written.substring(at + 1).toLowerCase(),
      match: text.substring(written.length + 1).trimStart(),
    };
  }
  leadingCommands.set(ctx, found);
  return found;
}

/**
 * grammY's Composer, with the same API and order, run from an array. grammY's own nests two async
 * closures per registered handler and builds a new Composer per update for each filter; with the
 * bot's ~250 handlers that was the largest part of an update's cost (bench/README.md).
 */
export class Composer<C extends Context> extends GrammyComposer<C> {
  // The array itself is what a parent runs, never a copy: middleware registered later still runs.
  private readonly steps: Step<C>[];

  constructor(...middleware: Middleware<C>[]) {
    super();
    this.steps = middleware.map((one) => Composer.toStep(one));
  }

  /** Our composers run in place; any other middleware object is asked for its middleware per update, as grammY does. */
  private static toStep<C extends Context>(middleware: Middleware<C>): Step<C> {
    if (typeof middleware === "function") return middleware;
    if (middleware instanceof Composer) return { when: undefined, steps: (middleware as Composer<C>).steps };
    return (ctx, next) => middleware.middleware()(ctx, next);
  }

  override middleware(): MiddlewareFn<C> {
    const { steps } = this;
    return (ctx, next) => runSteps(steps, 0, undefined, ctx, next);
  }

  override use(...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer<C>(...middleware);
    this.steps.push({ when: undefined, steps: composer.steps });
    return composer;
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Middleware<D>[]): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Middleware<C>[]): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer<C>(...middleware);
    this.steps.push({ when: predicate, steps: composer.steps });
    return composer;
  }

  /** grammY's command filter (the same matches, and `ctx.match`), with the message's command read once per update. */
  override command(command: string | string[], ...middleware: Array<CommandMiddleware<C>>): Composer<CommandContext<C>> {
    const names = new Set(typeof command === "string" ? [command] : command);
    for (const name of names) {
      if (name.startsWith("/"))
        throw new Error(`Do not include '/' when registering command handlers (use '${name.substring(1)}' not '${name}')`);
    }
    const isCommand = (ctx: C): ctx is CommandContext<C> => {
      const found = leadingCommand(ctx);
      if (found === null) return false;
      const matches =
        names.has(found.written) || (found.atBot !== undefined && found.atBot === ctx.me.username.toLowerCase() && names.has(found.name));
      if (matches) ctx.match = found.match;
      return matches;
    };
    return this.filter(isCommand, ...middleware);
  }

  override branch(
    predicate: (ctx: C) => MaybePromise<boolean>,
    trueMiddleware: MaybeArray<Middleware<C>>,
    falseMiddleware: MaybeArray<Middleware<C>>,
  ): Composer<C> {
    const one = (middleware: MaybeArray<Middleware<C>>) =>
      new Composer<C>(...(Array.isArray(middleware) ? middleware : [middleware])).middleware();
    const onTrue = one(trueMiddleware);
    const onFalse = one(falseMiddleware);
    return this.use((ctx, next) => {
      const matches = predicate(ctx);
      if (typeof matches === "boolean") return (matches ? onTrue : onFalse)(ctx, next);
      return Promise.resolve(matches).then((ok) => (ok ? onTrue : onFalse)(ctx, next));
    });
  }
}
