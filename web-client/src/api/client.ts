import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type Job = Schemas["Jobs.Job"];
export type JobCategory = Schemas["Jobs.JobCategory"];
export type JobStatus = Schemas["Jobs.JobStatus"];
export type Bid = Schemas["Bids.Bid"];
export type Contract = Schemas["Contracts.Contract"];
export type ContractDetail = Schemas["Contracts.ContractDetail"];
export type ContractStatus = Schemas["Contracts.ContractStatus"];
export type Account = Schemas["Accounts.Account"];
export type Role = Schemas["Platform.Role"];
export type WorkerProfile = Schemas["Workers.WorkerProfile"];
export type ProducerLink = Schemas["Producers.ProducerLink"];
export type RecommendedWorker = Schemas["Producers.RecommendedWorker"];
export type Invitation = Schemas["Producers.Invitation"];
export type Notification = Schemas["Notifications.Notification"];
export type Statement = Schemas["Money.Statement"];
export type ApiToken = Schemas["Tokens.ApiToken"];
export type StoredFile = Schemas["Files.StoredFile"];
export type Question = Schemas["Conversations.Question"];
export type Message = Schemas["Conversations.Message"];
export type NotificationKind = Schemas["Notifications.NotificationKind"];
export type MailDelivery = Schemas["Mail.MailDelivery"];

export const jobCategories: JobCategory[] = ["design", "translation", "transcription", "writing", "dataEntry", "other"];

/** One field's error as the API words it: a language-neutral code with its limits, and the English text. */
export interface FieldError {
  code: string;
  message: string;
  max?: number;
  min?: number;
  value?: number;
  /** The refused character as "U+XXXX" (code "controlCharacter"). */
  character?: string;
  /** What contact detail was found (code "contactDetails"): "email", "phone" or "lineId". */
  kind?: string;
}

/** An RFC 9457 problem from the API, kept whole so that pages can show title, detail and per-field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fields: Record<string, FieldError[]>;
  /** A 409's stable word ("bidExists", "emailTaken", "jobNotOpen", …; README "Conflicts: the 409 codes"). */
  readonly code: string | undefined;
  /** A 413's limit in bytes (a file's, or the person's storage), for the client to say it. */
  readonly maxBytes: number | undefined;

  constructor(status: number, body: unknown) {
    const problem = (typeof body === "object" && body !== null ? body : {}) as {
      title?: string;
      detail?: string;
      code?: string;
      maxBytes?: number;
      errors?: Record<string, string[]>;
      errorCodes?: Record<string, FieldError[]>;
    };
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.title = problem.title ?? `HTTP ${status}`;
    this.detail = problem.detail;
    this.code = typeof problem.code === "string" ? problem.code : undefined;
    this.maxBytes = typeof problem.maxBytes === "number" ? problem.maxBytes : undefined;
    this.fields = {};
    // Each entry of errorCodes carries its English message too; errors alone (an older API) still show.
    for (const [field, messages] of Object.entries(problem.errors ?? {}))
      this.fields[field] = problem.errorCodes?.[field] ?? messages.map((message) => ({ code: "", message }));
  }
}

/** The request never got an answer: offline, or the server is down. Pages offer a retry. */
export class NetworkError extends Error {
  constructor() {
    super("network");
  }
}

let language = "ja";
export function setApiLanguage(lang: string) {
  language = lang;
}

export const api = createClient<paths>({
  baseUrl: typeof window === "undefined" ? "http://localhost" : window.location.origin,
  // Looked up at each call rather than captured once, so that tests can stand in for the network.
  fetch: (request) => globalThis.fetch(request),
});

api.use({
  onRequest({ request }) {
    // The API refuses cookie-authenticated changes without this header (a cross-site form cannot set it).
    request.headers.set("X-CSRF", "1");
    request.headers.set("Accept-Language", language);
    return request;
  },
});

/**
 * A value read with the ETag the API sent for it (issue 25: whole-object updates). A form keeps the ETag of the value it
 * opened with and sends it back as If-Match; if someone saved meanwhile (another tab), the API answers 412 and changes
 * nothing, instead of one tab silently overwriting the other.
 */
export type Versioned<T> = T & { etag?: string };

/** Like {@link call}, keeping the answer's ETag beside its data. */
export async function callVersioned<T extends object>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Versioned<T>> {
  let response: Response | undefined;
  const data = await call(request.then((result) => ((response = result.response), result)));
  return { ...data, etag: response?.headers.get("ETag") ?? undefined };
}

/** The If-Match header for a value read with {@link callVersioned}; none when it came without an ETag. */
export const ifMatch = (etag: string | undefined): Record<string, string> => (etag ? { "If-Match": etag } : {});

/** Awaits an openapi-fetch call and returns its data, or throws ApiError / NetworkError. */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new NetworkError();
  }
  if (!result.response.ok) throw new ApiError(result.response.status, result.error);
  return result.data as T;
}
