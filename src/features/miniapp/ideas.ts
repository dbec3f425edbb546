import { isIdeaStatus, isPublicStatus, type Idea } from "../../store/ideas.js";
import { hasRole } from "../../ui/access.js";
import { failure, type ApiCall, type Endpoint, type Reply } from "./types.js";

const categoryName = (call: ApiCall, id: string) => {
  const category = call.event.ideas?.categories.find((c) => c.id === id);
  return category ? call.event.text(category.name, call.language) : id;
};

/**
 * The ideas with a pin as GeoJSON (RFC 7946), built like /export ideas: published ones for everyone,
 * pending ones too for organisers; filtered by category and status. No author data.
 */
async function geoJson(call: ApiCall): Promise<Reply> {
  const category = call.query.get("category") ?? "";
  const status = call.query.get("status") ?? "";
  if (status !== "" && !isIdeaStatus(status)) return failure(400, "bad-request");
  const organiser = await hasRole(call.actor, "organiser");
  const { store } = call.deps;
  const visible = (idea: Idea) => isPublicStatus(idea.status) || (organiser && idea.status === "new");
  const ideas = (await store.ideas.all()).filter(
    (idea) => visible(idea) && (category === "" || idea.category === category) && (status === "" || idea.status === status),
  );
  const collection = call.parts.ideasGeoJson(ideas);
  const byId = new Map(ideas.map((idea) => [idea.id, idea]));
  const supported = await Promise.all(collection.features.map((feature) => store.ideas.supports(feature.id, call.user.id)));
  const features = collection.features.map((feature, i) => {
    const idea = byId.get(feature.id)!;
    // The export's Telegram file id stays out: the page gets the photo through the API instead.
    const { photo: _photo, ...properties } = feature.properties;
    return {
      ...feature,
      properties: {
        ...properties,
        number: idea.id,
        categoryName: categoryName(call, idea.category),
        supported: supported[i]!,
        ...(idea.photo && { photoUrl: `/miniapp/api/ideas/${idea.id}/photo` }),
      },
    };
  });
  return { body: JSON.stringify({ type: "FeatureCollection", features }), type: "application/geo+json; charset=utf-8" };
}

/** Support (or withdraw it): the same atomic store operation as the bot's Support button. */
async function support(call: ApiCall): Promise<Reply> {
  const id = Number(call.params[0]);
  const result = await call.deps.store.ideas.toggleSupport(id, call.user.id);
  if (result.ok) return { json: { supported: result.supported, supports: result.supports } };
  return result.reason === "own" ? failure(409, "own-idea") : failure(404, "not-found");
}

/** An idea's photo, fetched from Telegram by the bot (the file's address carries the bot token, so it is never handed out). */
async function photo(call: ApiCall): Promise<Reply> {
  const idea = await call.deps.store.ideas.get(Number(call.params[0]));
  const shown = idea && (isPublicStatus(idea.status) || (idea.status === "new" && (await hasRole(call.actor, "organiser"))));
  if (!idea?.photo || !shown) return failure(404, "not-found");
  const file = await call.api.getFile(idea.photo);
  if (!file.file_path) return failure(404, "not-found");
  const response = await fetch(`${call.fileRoot}/${file.file_path}`);
  if (!response.ok) return failure(502, "photo-unavailable");
  return {
    body: Buffer.from(await response.arrayBuffer()),
    type: response.headers.get("content-type")?.startsWith("image/") ? response.headers.get("content-type")! : "image/jpeg",
  };
}

export const ideasEndpoints: readonly Endpoint[] = [
  { method: "GET", path: /^ideas\.geojson$/, handle: geoJson },
  { method: "POST", path: /^ideas\/(\d{1,9})\/support$/, handle: support },
  { method: "GET", path: /^ideas\/(\d{1,9})\/photo$/, handle: photo },
];
