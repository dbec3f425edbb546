import type { ResponseParameters } from "grammy/types";

/** The error half of a Bot API response: `{ ok: false, error_code, description, parameters? }`. */
export interface ApiErrorBody {
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
}

/**
 * Thrown by method handlers and checks; the server turns it into the HTTP
 * status + JSON body Telegram would send, so grammY raises a real GrammyError.
 */
export class TelegramApiError extends Error {
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: ResponseParameters;

  constructor(body: ApiErrorBody) {
    super(body.description);
    this.name = "TelegramApiError";
    this.error_code = body.error_code;
    this.description = body.description;
    if (body.parameters) this.parameters = body.parameters;
  }

  toBody(): ApiErrorBody {
    return {
      error_code: this.error_code,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

/** 400 with Telegram's "Bad Request: " prefix, e.g. `badRequest("message text is empty")`. */
export function badRequest(what: string): TelegramApiError {
  return new TelegramApiError({ error_code: 400, description: `Bad Request: ${what}` });
}

/** 403 with Telegram's "Forbidden: " prefix. */
export function forbidden(what: string): TelegramApiError {
  return new TelegramApiError({ error_code: 403, description: `Forbidden: ${what}` });
}

/** 429 exactly as Telegram words it, including `parameters.retry_after`. */
export function tooManyRequests(retryAfterSeconds: number): TelegramApiError {
  return new TelegramApiError({
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfterSeconds}`,
    parameters: { retry_after: retryAfterSeconds },
  });
}
