// Hash routes (#/door, #/dashboard, #/map, #/ticket) and the home screen, by what the role allows.
import { useEffect, useState } from "preact/hooks";
import type { JSX } from "preact";
import { App, canUseDashboard, canUseDoor, useApp, type AppContext } from "./context";
import { DashboardScreen } from "./dashboard";
import { DoorScreen } from "./door";
import { TicketScreen } from "./ticket";

/** The route: Telegram may append its launch parameters to the hash (#/door?tgWebAppData=…). */
export function currentRoute(): string {
  return location.hash.replace(/^#/, "").split("?")[0] || "/";
}

function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    addEventListener("hashchange", update);
    return () => removeEventListener("hashchange", update);
  }, []);
  return route;
}

function Home({ context }: { context: AppContext }) {
  const { me, t } = context;
  const links = [
    canUseDoor(me) && { href: "#/door", label: t("miniapp-home-door") },
    canUseDashboard(me) && { href: "#/dashboard", label: t("miniapp-home-dashboard") },
    { href: "#/map", label: t("miniapp-home-map") },
    { href: "#/ticket", label: t("miniapp-home-ticket") },
  ].filter((link): link is { href: string; label: string } => Boolean(link));
  return (
    <main class="home">
      <h1>{me.event.title}</h1>
      <nav class="tiles">
        {links.map((link) => (
          <a class="tile" href={link.href} key={link.href}>
            {link.label}
          </a>
        ))}
      </nav>
    </main>
  );
}

/** Leaflet is most of the bundle: the map's code loads only when the map is opened. */
function LazyMap() {
  const [Map, setMap] = useState<(() => JSX.Element) | undefined>();
  const [failed, setFailed] = useState(false);
  const { t } = useApp();
  useEffect(() => {
    import("./map").then(
      (module) => setMap(() => module.MapScreen),
      () => setFailed(true),
    );
  }, []);
  if (failed) return <p class="notice">{t("miniapp-error")}</p>;
  return Map ? <Map /> : <p class="hint">{t("miniapp-loading")}</p>;
}

function Screen({ route, context }: { route: string; context: AppContext }) {
  const { me, t } = context;
  switch (route) {
    case "/door":
      return canUseDoor(me) ? <DoorScreen /> : <p class="notice">{t("miniapp-forbidden")}</p>;
    case "/dashboard":
      return canUseDashboard(me) ? <DashboardScreen /> : <p class="notice">{t("miniapp-forbidden")}</p>;
    case "/map":
      return <LazyMap />;
    case "/ticket":
      return <TicketScreen />;
    default:
      return <Home context={context} />;
  }
}

export function Shell({ context }: { context: AppContext }) {
  const route = useRoute();
  return (
    <App.Provider value={context}>
      {route !== "/" && (
        <a class="back" href="#/">
          {context.t("miniapp-back")}
        </a>
      )}
      <Screen route={route} context={context} />
    </App.Provider>
  );
}
