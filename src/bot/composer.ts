import { Composer as GrammyComposer, type Context, type Middleware, type MiddlewareFn, type NextFunction } from "grammy";

type MaybePromise<T> = T | Promise<T>;
type MaybeArray<T> = T | T[];

const asFunction = <C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> =>
  typeof middleware === "function" ? middleware : (ctx, next) => middleware.middleware()(ctx, next);

/** A filter's step: its middleware runs only when `when` holds, else the next step does. */
interface Guarded<C extends Context> {
  when: (ctx: C) => MaybePromise<boolean>;
  then: MiddlewareFn<C>;
}

type Step<C extends Context> = MiddlewareFn<C> | Guarded<C>;

/** Calls one middleware with the rest of the steps as its `next`; a synchronous throw becomes a rejection. */
function callStep<C extends Context>(
  middleware: MiddlewareFn<C>,
  steps: Step<C>[],
  index: number,
  ctx: C,
  next: NextFunction,
): Promise<void> {
  try {
    return Promise.resolve(middleware(ctx, () => runSteps(steps, index + 1, ctx, next))) as Promise<void>;
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Runs `steps` from `index` in order; each calls the next one through its `next`, the last the
 * outer `next`. A filter that does not match is skipped in the loop, with nothing allocated.
 */
function runSteps<C extends Context>(steps: Step<C>[], index: number, ctx: C, next: NextFunction): Promise<void> {
  for (; index < steps.length; index++) {
    const step = steps[index]!;
    if (typeof step === "function") return callStep(step, steps, index, ctx, next);
    let matches: MaybePromise<boolean>;
    try {
      matches = step.when(ctx);
    } catch (error) {
      return Promise.reject(error);
    }
    if (matches === false) continue;
    if (matches === true) return callStep(step.then, steps, index, ctx, next);
    const at = index;
    return Promise.resolve(matches).then((ok) => (ok ? callStep(step.then, steps, at, ctx, next) : runSteps(steps, at + 1, ctx, next)));
  }
  return next();
}

/**
 * grammY's Composer, with the same API and order, run from an array. grammY's own nests two async
 * closures per registered handler and builds a new Composer per update for each filter; with the
 * bot's ~250 handlers that was the largest part of an update's cost (bench/README.md).
 */
export class Composer<C extends Context> extends GrammyComposer<C> {
  private readonly steps: Step<C>[];

  constructor(...middleware: Middleware<C>[]) {
    super();
    this.steps = middleware.map(asFunction);
  }

  override middleware(): MiddlewareFn<C> {
    const { steps } = this;
    // The array, not a copy: middleware registered later still runs.
    return (ctx, next) => runSteps(steps, 0, ctx, next);
  }

  override use(...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer<C>(...middleware);
    this.steps.push(composer.middleware());
    return composer;
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Middleware<D>[]): Composer<D>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Middleware<C>[]): Composer<C>;
  override filter(predicate: (ctx: C) => MaybePromise<boolean>, ...middleware: Middleware<C>[]): Composer<C> {
    const composer = new Composer<C>(...middleware);
    this.steps.push({ when: predicate, then: composer.middleware() });
    return composer;
  }

  override branch(
    predicate: (ctx: C) => MaybePromise<boolean>,
    trueMiddleware: MaybeArray<Middleware<C>>,
    falseMiddleware: MaybeArray<Middleware<C>>,
  ): Composer<C> {
    const one = (middleware: MaybeArray<Middleware<C>>) =>
      Array.isArray(middleware) ? new Composer<C>(...middleware).middleware() : asFunction(middleware);
    const onTrue = one(trueMiddleware);
    const onFalse = one(falseMiddleware);
    return this.use((ctx, next) => {
      const matches = predicate(ctx);
      if (typeof matches === "boolean") return (matches ? onTrue : onFalse)(ctx, next);
      return Promise.resolve(matches).then((ok) => (ok ? onTrue : onFalse)(ctx, next));
    });
  }
}
