import type { IdeaStatus } from "../store/ideas.js";

/** Locale id of an idea's status (Fluent ids use hyphens): the ideas feature shows it, and so does the audit log. */
export const ideaStatusKey = (status: IdeaStatus) => `ideas-status-${status.replace(/_/g, "-")}`;
