import type { EventInfo } from "../../event/load.js";
import type { FeedbackQuestion } from "../../event/schema.js";
import { retentionDue } from "../../event/retention.js";
import { parseDuration } from "../../event/time.js";
import type { FeedbackResponse } from "../../store/feedback.js";

/** The values a button question takes: 1–5 for a rating, 0–10 for "would you recommend". */
export function scaleOf(type: "rating" | "nps"): number[] {
  return type === "rating" ? [1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
}

/** When the survey goes out: `ends` + feedback.after; undefined without a feedback section. */
export function feedbackAt(event: Pick<EventInfo, "endsAt" | "feedback">): Date | undefined {
  if (!event.feedback) return undefined;
  return new Date(event.endsAt.getTime() + parseDuration(event.feedback.after));
}

/** The survey takes answers from its moment until retention erases the event's personal data. */
export function surveyOpen(event: Pick<EventInfo, "endsAt" | "feedback" | "privacy">, now: Date): boolean {
  const at = feedbackAt(event);
  return at !== undefined && now >= at && !retentionDue(event, now);
}

/** A button answer as stored: one of the scale's values, else undefined (a forged value). */
export function readScale(type: "rating" | "nps", value: string): number | undefined {
  const n = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  return scaleOf(type).includes(n) ? n : undefined;
}

export interface ScaleSummary {
  count: number;
  /** Undefined without answers. */
  average?: number;
  /** Answers per value of the scale, in scale order. */
  distribution: Array<{ value: number; count: number }>;
}

export interface NpsSummary extends ScaleSummary {
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters (9–10) minus % detractors (0–6), rounded; undefined without answers. */
  score?: number;
}

/** Count, average and distribution of one rating or NPS question over the responses. */
export function summariseScale(
  question: Pick<FeedbackQuestion, "id"> & { type: "rating" | "nps" },
  responses: FeedbackResponse[],
): ScaleSummary {
  const values: number[] = [];
  for (const response of responses) {
    const raw = response.answers[question.id];
    const value = raw === undefined ? undefined : readScale(question.type, raw);
    if (value !== undefined) values.push(value);
  }
  const distribution = scaleOf(question.type).map((value) => ({ value, count: values.filter((v) => v === value).length }));
  const average = values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : undefined;
  return { count: values.length, average, distribution };
}

export function summariseNps(question: Pick<FeedbackQuestion, "id">, responses: FeedbackResponse[]): NpsSummary {
  const scale = summariseScale({ id: question.id, type: "nps" }, responses);
  const countWhere = (test: (value: number) => boolean) =>
    scale.distribution.filter(({ value }) => test(value)).reduce((sum, { count }) => sum + count, 0);
  const promoters = countWhere((v) => v >= 9);
  const detractors = countWhere((v) => v <= 6);
  const passives = scale.count - promoters - detractors;
  const score = scale.count ? Math.round(((promoters - detractors) / scale.count) * 100) : undefined;
  return { ...scale, promoters, passives, detractors, score };
}

/** The texts given to a text question, oldest first (empty ones left out). */
export function commentsOf(question: Pick<FeedbackQuestion, "id">, responses: FeedbackResponse[]): string[] {
  return responses.map((response) => response.answers[question.id]?.trim() ?? "").filter((text) => text !== "");
}
