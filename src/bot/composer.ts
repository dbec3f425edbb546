import { Composer as GrammyComposer, type Context, type Middleware, type MiddlewareFn, type NextFunction } from "grammy";

type MaybePromise<T> = T | Promise<T>;
type MaybeArray<T> = T | T[];

const asFunction = <C extends Context>(middleware: Middleware<C>): MiddlewareFn<C> =>
  typeof middleware === "function" ? middleware : (ctx, next) => middleware.middleware()(ctx, next);

const pass = <C extends Context>(_ctx: C, next: NextFunction) => next();

/** Runs `steps` from `index` in order; each calls the next one through its `next`, the last the outer `next`. */
function runSteps<C extends Context>(steps: MiddlewareFn<C>[], index: number, ctx: C, next: NextFunction): Promise<void> {
  if (index === steps.length) return next();
  try {
    return Promise.resolve(steps[index]!(ctx, () => runSteps(steps, index + 1, ctx, next))) as Promise<void>;
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * grammY's Composer, with the same API and order, run from an array. grammY's own nests two async
 * closures per registered handler and builds a new Composer per update for each filter; with the
 * bot's ~250 handlers that was the largest part of an update's cost (bench/README.md).
 */
export class Composer<C extends Context> extends GrammyComposer<C> {
  private readonly steps: MiddlewareFn<C>[];

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
    this.branch(predicate, composer, pass);
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
