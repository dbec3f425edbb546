// The ideas map: pins from the ideas GeoJSON (Leaflet vector markers, so no marker images), filters by
// category and status, a card with Support. Tiles from OpenStreetMap; offline, the pins stay on a plain background.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useRef, useState } from "preact/hooks";
import { useApp } from "./context";
import type { IdeaFeature, IdeasCollection } from "./types";

const TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
/** After this many failed tiles the map is taken to be offline and the tile layer is removed. */
const TILE_ERRORS_OFFLINE = 4;
const STATUSES = ["new", "published", "under_review", "accepted", "rejected"];
const statusKey = (status: string) => `miniapp-idea-status-${status.replace(/_/g, "-")}`;

function IdeaCard({ idea, onClose, onChange }: { idea: IdeaFeature; onClose(): void; onChange(idea: IdeaFeature): void }) {
  const { api, t } = useApp();
  const [busy, setBusy] = useState(false);
  const [photo, setPhoto] = useState<string>();
  const p = idea.properties;
  useEffect(() => {
    if (!p.photoUrl) return setPhoto(undefined);
    let url: string | undefined;
    let gone = false;
    api.objectUrl(p.photoUrl).then(
      (loaded) => {
        url = loaded;
        if (gone) URL.revokeObjectURL(loaded);
        else setPhoto(loaded);
      },
      () => setPhoto(undefined),
    );
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, p.photoUrl]);
  const toggle = async () => {
    setBusy(true);
    try {
      const answer = await api.post<{ supported: boolean; supports: number }>(`ideas/${encodeURIComponent(p.id)}/support`);
      onChange({ ...idea, properties: { ...p, ...answer } });
    } catch {
      // The card keeps its state; the next tap tries again.
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="idea-card" role="dialog" aria-label={t("miniapp-idea-number", { number: p.number })}>
      <div class="row">
        <strong>{t("miniapp-idea-number", { number: p.number })}</strong>
        <button type="button" class="link" onClick={onClose}>
          {t("miniapp-idea-close")}
        </button>
      </div>
      <div class="muted">
        {p.categoryName} · {t(statusKey(p.status))}
      </div>
      {photo && <img class="photo" src={photo} alt="" data-testid="idea-photo" />}
      <p class="idea-text">{p.text}</p>
      <div class="row">
        <span data-testid="supports">{t("miniapp-idea-supports", { supports: p.supports })}</span>
        <button type="button" class={p.supported ? "" : "primary"} disabled={busy} onClick={() => void toggle()}>
          {p.supported ? t("miniapp-idea-supported") : t("miniapp-idea-support")}
        </button>
      </div>
    </div>
  );
}

export function MapScreen() {
  const { api, t, me } = useApp();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | undefined>(undefined);
  const pins = useRef<L.LayerGroup | undefined>(undefined);
  const [category, setCategory] = useState("");
  const [status, setStatus] = useState("");
  const [ideas, setIdeas] = useState<IdeaFeature[]>();
  const [categories, setCategories] = useState<Map<string, string>>(new Map());
  const [selected, setSelected] = useState<IdeaFeature>();
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    if (!box.current) return;
    const { latitude, longitude } = me.event.venue;
    const created = L.map(box.current, { zoomControl: true, attributionControl: true }).setView([latitude, longitude], 12);
    const tiles = L.tileLayer(TILES, { attribution: ATTRIBUTION, maxZoom: 19 });
    let errors = 0;
    tiles.on("tileerror", () => {
      if (++errors === TILE_ERRORS_OFFLINE) {
        created.removeLayer(tiles);
        setOffline(true);
      }
    });
    tiles.addTo(created);
    pins.current = L.layerGroup().addTo(created);
    map.current = created;
    return () => {
      created.remove();
      map.current = undefined;
    };
  }, [me]);

  useEffect(() => {
    const params = new URLSearchParams();
    if (category) params.set("category", category);
    if (status) params.set("status", status);
    const query = params.toString();
    api.get<IdeasCollection>(`ideas.geojson${query ? `?${query}` : ""}`).then(
      (answer) => {
        setIdeas(answer.features);
        setCategories((known) => {
          const next = new Map(known);
          for (const f of answer.features) next.set(f.properties.category, f.properties.categoryName);
          return next;
        });
      },
      () => setIdeas([]),
    );
  }, [api, category, status]);

  useEffect(() => {
    const group = pins.current;
    if (!group || !ideas) return;
    group.clearLayers();
    for (const idea of ideas) {
      const [lon, lat] = idea.geometry.coordinates;
      L.circleMarker([lat, lon], { radius: 10, weight: 2, fillOpacity: 0.85, className: `pin pin-${idea.properties.status}` })
        .on("click", () => setSelected(idea))
        .addTo(group);
    }
    if (ideas.length > 0 && map.current) {
      map.current.fitBounds(L.latLngBounds(ideas.map((i) => [i.geometry.coordinates[1], i.geometry.coordinates[0]])), {
        padding: [30, 30],
        maxZoom: 15,
      });
    }
  }, [ideas]);

  const update = (idea: IdeaFeature) => {
    setSelected(idea);
    setIdeas((list) => list?.map((i) => (i.properties.id === idea.properties.id ? idea : i)));
  };

  return (
    <main class="map-screen">
      <h1>{t("miniapp-map-title")}</h1>
      <div class="filters">
        <select aria-label={t("miniapp-map-category-all")} value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
          <option value="">{t("miniapp-map-category-all")}</option>
          {[...categories].map(([id, name]) => (
            <option value={id} key={id}>
              {name}
            </option>
          ))}
        </select>
        <select aria-label={t("miniapp-map-status-all")} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          <option value="">{t("miniapp-map-status-all")}</option>
          {STATUSES.map((s) => (
            <option value={s} key={s}>
              {t(statusKey(s))}
            </option>
          ))}
        </select>
      </div>
      <div ref={box} class={offline ? "map offline" : "map"} data-testid="map" data-pins={ideas?.length ?? ""} />
      {ideas?.length === 0 && <p class="hint">{t("miniapp-map-none")}</p>}
      {selected && <IdeaCard idea={selected} onClose={() => setSelected(undefined)} onChange={update} />}
    </main>
  );
}
