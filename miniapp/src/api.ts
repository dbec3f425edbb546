// The bot's Mini App API: every call carries Telegram's initData (Authorization: tma <initData>).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`${status} ${code}`);
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  /** A file of the API as an object URL for <img> (an image's own request could not carry the header). */
  objectUrl(path: string): Promise<string>;
  /**
   * Fetches a file with the header (a plain link could not carry it) and saves it under the name the
   * server gives (Content-Disposition), else under `filename`.
   */
  download(path: string, filename: string): Promise<void>;
}

export const API_ROOT = `${import.meta.env.BASE_URL}api/`;

export function createApi(initData: string): Api {
  const authorization = `tma ${initData}`;
  const call = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(path.startsWith("/") ? path : API_ROOT + path, {
      ...init,
      headers: { authorization, ...(init.body ? { "content-type": "application/json" } : {}) },
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      throw new ApiError(response.status, body.error ?? "failed");
    }
    return response;
  };
  return {
    get: async <T>(path: string) => (await (await call(path)).json()) as T,
    post: async <T>(path: string, body?: unknown) =>
      (await (await call(path, { method: "POST", body: JSON.stringify(body ?? {}) })).json()) as T,
    objectUrl: async (path) => URL.createObjectURL(await (await call(path)).blob()),
    async download(path, filename) {
      const response = await call(path);
      const named = /filename="([^"/\\]+)"/.exec(response.headers.get("content-disposition") ?? "");
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = named?.[1] ?? filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}
