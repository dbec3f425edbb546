import { toCsv } from "../../ui/csv.js";
import type { Idea } from "../../store/ideas.js";

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
  "event_id",
];

/** The ideas spreadsheet (Excel-safe: BOM, formulas neutralised). Times in UTC ISO 8601. */
export function ideasCsv(ideas: readonly Idea[]): Buffer {
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
    properties: { id: number; category: string; text: string; status: string; supports: number; created: string; photo: string | null };
  }[];
}

/** Ideas with a place as GeoJSON (RFC 7946: WGS 84, [longitude, latitude]) for QGIS or geojson.io. */
export function ideasGeoJson(ideas: readonly Idea[]): IdeaFeatureCollection {
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
        },
      })),
  };
}
