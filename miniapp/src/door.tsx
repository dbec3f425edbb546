// Door mode: continuous QR scanning, one API call per ticket, a large coloured result, the live counter,
// a name search (3 letters at least, never the whole list) and a code typed by hand.
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { useApp } from "./context";
import { formatTime } from "./i18n";
import { canScan, haptic } from "./telegram";
import type { CheckInResult, Counter, DoorGuest } from "./types";

const COUNTER_REFRESH_MS = 5_000;
/** The camera sees a ticket many times a second: the same code again this soon is the same scan. */
const SAME_SCAN_MS = 3_000;
const SEARCH_DELAY_MS = 250;
const MIN_QUERY = 3;

function Result({ result }: { result: CheckInResult }) {
  const { t, me } = useApp();
  const { outcome, guest } = result;
  let text: string;
  let tone: "ok" | "warn" | "bad";
  if (outcome === "welcome") {
    tone = "ok";
    const name = guest?.name ?? "";
    // group: the party's size, the guest included; the screen shows who comes along (+2).
    const along = (guest?.group ?? 1) - 1;
    text = along > 0 ? t("miniapp-door-welcome-group", { name, group: along }) : t("miniapp-door-welcome", { name });
  } else if (outcome === "already") {
    tone = "warn";
    const time = result.checkedInAt ? formatTime(result.checkedInAt, me.language, me.event.timezone) : "";
    text = result.checkedInBy ? t("miniapp-door-already", { time, by: result.checkedInBy }) : t("miniapp-door-already-at", { time });
  } else {
    tone = "bad";
    const ids = { not_found: "not-found", waitlisted: "waitlisted", other_event: "other-event", cancelled: "cancelled" } as const;
    text = t(`miniapp-door-${ids[outcome]}`);
  }
  return (
    <div class={`result ${tone}`} role="status" data-outcome={outcome}>
      {text}
      {outcome !== "welcome" && outcome !== "already" && guest?.name && <div class="result-name">{guest.name}</div>}
      {result.early && (
        <div class="result-name">
          {t("miniapp-door-early", { day: formatTime(me.event.startsAt, me.language, me.event.timezone, true) })}
        </div>
      )}
    </div>
  );
}

export function DoorScreen() {
  const { api, t, telegram } = useApp();
  const [counter, setCounter] = useState<Counter>();
  const [result, setResult] = useState<CheckInResult>();
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<DoorGuest[]>();
  const [code, setCode] = useState("");
  const lastScan = useRef({ code: "", at: 0 });

  const refreshCounter = useCallback(() => {
    api.get<Counter>("door/counter").then(setCounter, () => undefined);
  }, [api]);

  useEffect(() => {
    refreshCounter();
    const timer = setInterval(refreshCounter, COUNTER_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refreshCounter]);

  const checkIn = useCallback(
    async (scanned: string): Promise<CheckInResult | undefined> => {
      try {
        const answer = await api.post<CheckInResult>("door/checkin", { code: scanned.trim() });
        setFailed(false);
        setResult(answer);
        setCounter(answer.counter);
        haptic(telegram, answer.outcome === "welcome" ? "success" : answer.outcome === "already" ? "warning" : "error");
        return answer;
      } catch {
        setFailed(true);
        haptic(telegram, "error");
        return undefined;
      }
    },
    [api, telegram],
  );

  const scan = () => {
    telegram?.showScanQrPopup?.({ text: t("miniapp-door-scan-hint") }, (data) => {
      const now = Date.now();
      if (data === lastScan.current.code && now - lastScan.current.at < SAME_SCAN_MS) return false;
      lastScan.current = { code: data, at: now };
      // Green keeps the scanner open for the next guest; anything else closes it so the volunteer reads why.
      void checkIn(data).then((answer) => {
        if (answer?.outcome !== "welcome") telegram?.closeScanQrPopup?.();
      });
      return false;
    });
  };

  useEffect(() => {
    const q = query.trim();
    if (q.length < MIN_QUERY) {
      setFound(undefined);
      return;
    }
    const timer = setTimeout(() => {
      api.get<{ guests: DoorGuest[] }>(`door/search?q=${encodeURIComponent(q)}`).then(
        (answer) => setFound(answer.guests),
        () => setFound([]),
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, query]);

  const checkInGuest = async (guest: DoorGuest) => {
    const answer = await checkIn(guest.code);
    if (answer) setFound((list) => list?.map((g) => (g.userId === guest.userId ? { ...g, checkedIn: true } : g)));
  };

  return (
    <main class="door">
      <h1>{t("miniapp-door-title")}</h1>
      <p class="counter" data-testid="counter">
        {counter ? t("miniapp-door-counter", { checkedIn: counter.checkedIn, total: counter.total }) : t("miniapp-loading")}
      </p>
      {canScan(telegram) ? (
        <button type="button" class="primary big" onClick={scan}>
          {t("miniapp-door-scan")}
        </button>
      ) : (
        <p class="hint">{t("miniapp-door-no-scanner")}</p>
      )}
      {failed ? <div class="result bad">{t("miniapp-error")}</div> : result && <Result result={result} />}

      <form
        class="code-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (code.trim()) void checkIn(code).then(() => setCode(""));
        }}
      >
        <label>
          {t("miniapp-door-code")}
          <input
            value={code}
            placeholder={t("miniapp-door-code-placeholder")}
            autocomplete="off"
            maxLength={300}
            onInput={(event) => setCode(event.currentTarget.value)}
          />
        </label>
        <button type="submit">{t("miniapp-door-checkin")}</button>
      </form>

      <label class="search">
        {t("miniapp-door-search")}
        <input type="search" value={query} maxLength={100} onInput={(event) => setQuery(event.currentTarget.value)} />
      </label>
      {query.trim().length > 0 && query.trim().length < MIN_QUERY && <p class="hint">{t("miniapp-door-search-hint")}</p>}
      {found && found.length === 0 && <p class="hint">{t("miniapp-door-search-none")}</p>}
      {found && found.length > 0 && (
        <ul class="list" data-testid="search-results">
          {found.map((guest) => (
            <li key={guest.userId}>
              <span class="name">
                {guest.companion ? t("miniapp-door-companion", { name: guest.companion, guest: guest.name }) : guest.name}
              </span>
              {guest.checkedIn ? (
                <span class="done">{t("miniapp-door-checked-in")}</span>
              ) : (
                <button type="button" onClick={() => void checkInGuest(guest)}>
                  {t("miniapp-door-checkin")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
