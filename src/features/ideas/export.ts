import { toCsv } from "../../ui/csv.js";
import type { Idea } from "../../store/ideas.js";
import type { Milestone } from "../../store/idea-updates.js";

/** What the exports add to each idea beyond its hash: its followers and milestones. */
export type IdeaDetails = ReadonlyMap<number, { followers: number; milestones: readonly Milestone[] }>;

/** Columns of the ideas spreadsheet; no author data, so the file can go to planners as is. */
export const CSV_HEADER = [
  "id",
  "category",
  "status",
  "supports",
  "created",
  "text",
  "answer",
  "latitude",
  "longitude",
  "photo_file_id",
  "followers",
  "milestones",
  "merged_into",
  "event_id",
];

/** Milestones in one cell or property: "2026-12-01 text; 2027-03-15 text", oldest first. */
export const milestonesText = (milestones: readonly Milestone[] = []) =>
  milestones.map((milestone) => `${milestone.date} ${milestone.text}`).join("; ");

/** The ideas spreadsheet (Excel-safe: BOM, formulas neutralised). Times in UTC ISO 8601. */
export function ideasCsv(ideas: readonly Idea[], details: IdeaDetails = new Map()): Buffer {
  return toCsv([
    CSV_HEADER,
    ...ideas.map((idea) => [
      String(idea.id),
      idea.category,
      idea.status,
      String(idea.supports),
      new Date(idea.createdAt).toISOString(),
      idea.text,
      idea.answer ?? "",
      idea.latitude === undefined ? "" : String(idea.latitude),
      idea.longitude === undefined ? "" : String(idea.longitude),
      idea.photo ?? "",
      String(details.get(idea.id)?.followers ?? 0),
      milestonesText(details.get(idea.id)?.milestones),
      idea.mergedInto === undefined ? "" : String(idea.mergedInto),
      idea.eventId ?? "",
    ]),
  ]);
}

export interface IdeaFeatureCollection {
  type: "FeatureCollection";
  features: {
    type: "Feature";
    id: number;
    geometry: { type: "Point"; coordinates: [number, number] };
    /** Flat (strings, numbers, null): QGIS makes each a column. */
    properties: {
      id: number;
      category: string;
      text: string;
      status: string;
      supports: number;
      created: string;
      photo: string | null;
      answer: string | null;
      followers: number;
      milestones: string | null;
      merged_into: number | null;
    };
  }[];
}

/** Ideas with a place as GeoJSON (RFC 7946: WGS 84, [longitude, latitude]) for QGIS or geojson.io. */
export function ideasGeoJson(ideas: readonly Idea[], details: IdeaDetails = new Map()): IdeaFeatureCollection {
  return {
    type: "FeatureCollection",
    features: ideas
      .filter((idea) => idea.latitude !== undefined && idea.longitude !== undefined)
      .map((idea) => ({
        type: "Feature" as const,
        id: idea.id,
        geometry: { type: "Point" as const, coordinates: [idea.longitude!, idea.latitude!] as [number, number] },
        properties: {
          id: idea.id,
          category: idea.category,
          text: idea.text,
          status: idea.status,
          supports: idea.supports,
          created: new Date(idea.createdAt).toISOString(),
          photo: idea.photo ?? null,
          answer: idea.answer ?? null,
          followers: details.get(idea.id)?.followers ?? 0,
          milestones: milestonesText(details.get(idea.id)?.milestones) || null,
          merged_into: idea.mergedInto ?? null,
        },
      })),
  };
}
