import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Api } from "./api";
import type { Translate } from "./i18n";
import type { WebApp } from "./telegram";
import type { Me } from "./types";

export interface AppContext {
  api: Api;
  me: Me;
  t: Translate;
  telegram: WebApp | undefined;
}

export const App = createContext<AppContext | undefined>(undefined);

export function useApp(): AppContext {
  const app = useContext(App);
  if (!app) throw new Error("useApp outside <App.Provider>");
  return app;
}

export const canUseDoor = (me: Me): boolean => me.role === "admin" || me.role === "organiser" || me.role === "staff";
export const canUseDashboard = (me: Me): boolean => me.role === "admin" || me.role === "organiser";
