// The organisers' dashboard: live counts, registrations per day, ideas, broadcasts, feedback and the guest list.
import { useEffect, useState } from "preact/hooks";
import { BarChart } from "./chart";
import { useApp } from "./context";
import type { Dashboard, Guest } from "./types";

const REFRESH_MS = 10_000;
const STATUSES = ["confirmed", "waitlisted", "cancelled", "pending"];

function Stat({ label, value }: { label: string; value: number | undefined }) {
  if (value === undefined) return null;
  return (
    <div class="stat">
      <strong>{value}</strong>
      <span>{label}</span>
    </div>
  );
}

function Guests() {
  const { api, t } = useApp();
  const [q, setQ] = useState("");
  const [status, setStatus] = useState("");
  const [checkedIn, setCheckedIn] = useState("");
  const [question, setQuestion] = useState("");
  const [answer, setAnswer] = useState("");
  const [guests, setGuests] = useState<Guest[]>();
  const [questions, setQuestions] = useState<string[]>([]);
  const filters = new URLSearchParams({ q: q.trim(), status, checkedIn, question, answer: question ? answer.trim() : "" });
  for (const [key, value] of [...filters]) if (!value) filters.delete(key);
  const query = filters.toString();

  useEffect(() => {
    const timer = setTimeout(() => {
      api.get<{ guests: Guest[] }>(`guests${query ? `?${query}` : ""}`).then(
        (answer) => {
          setGuests(answer.guests);
          // The questions guests answered, for the custom answer filter (kept as more appear).
          setQuestions((known) => [...new Set([...known, ...answer.guests.flatMap((g) => Object.keys(g.answers))])]);
        },
        () => setGuests([]),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [api, query]);

  return (
    <section class="card">
      <h2>{t("miniapp-dash-guests")}</h2>
      <div class="filters">
        <input
          type="search"
          placeholder={t("miniapp-dash-search")}
          value={q}
          maxLength={100}
          onInput={(e) => setQ(e.currentTarget.value)}
        />
        <select aria-label={t("miniapp-dash-status-all")} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
          <option value="">{t("miniapp-dash-status-all")}</option>
          {STATUSES.map((s) => (
            <option value={s} key={s}>
              {t(`miniapp-status-${s}`)}
            </option>
          ))}
        </select>
        <select aria-label={t("miniapp-dash-checkin-all")} value={checkedIn} onChange={(e) => setCheckedIn(e.currentTarget.value)}>
          <option value="">{t("miniapp-dash-checkin-all")}</option>
          <option value="true">{t("miniapp-dash-checkin-yes")}</option>
          <option value="false">{t("miniapp-dash-checkin-no")}</option>
        </select>
        {questions.length > 0 && (
          <div class="answer-filter">
            <select aria-label={t("miniapp-dash-question")} value={question} onChange={(e) => setQuestion(e.currentTarget.value)}>
              <option value="">{t("miniapp-dash-question")}</option>
              {questions.map((id) => (
                <option value={id} key={id}>
                  {id}
                </option>
              ))}
            </select>
            {question && (
              <input
                type="search"
                aria-label={t("miniapp-dash-answer")}
                placeholder={t("miniapp-dash-answer")}
                value={answer}
                maxLength={100}
                onInput={(e) => setAnswer(e.currentTarget.value)}
              />
            )}
          </div>
        )}
      </div>
      <div class="row">
        <span class="muted">{guests ? t("miniapp-dash-shown", { count: guests.length }) : t("miniapp-loading")}</span>
        <button type="button" onClick={() => void api.download(`guests.csv${query ? `?${query}` : ""}`, "guests.csv")}>
          {t("miniapp-dash-csv")}
        </button>
      </div>
      {guests?.length === 0 && <p class="hint">{t("miniapp-dash-no-guests")}</p>}
      <ul class="list" data-testid="guests">
        {guests?.map((g) => (
          <li key={g.userId}>
            <span class="name">{g.name}</span>
            <span class={`badge ${g.status}`}>{t(`miniapp-status-${g.status}`)}</span>
            {g.checkedIn && <span class="done">✓</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DashboardScreen() {
  const { api, t } = useApp();
  const [data, setData] = useState<Dashboard>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const load = () =>
      api.get<Dashboard>("dashboard").then(
        (answer) => {
          setData(answer);
          setFailed(false);
        },
        () => setFailed(true),
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [api]);

  return (
    <main class="dashboard">
      <h1>{t("miniapp-dash-title")}</h1>
      {failed && <p class="notice">{t("miniapp-error")}</p>}
      {!data ? (
        !failed && <p class="hint">{t("miniapp-loading")}</p>
      ) : (
        <>
          <section class="stats" data-testid="counts">
            <Stat label={t("miniapp-dash-confirmed")} value={data.counts.confirmed} />
            <Stat label={t("miniapp-dash-checked-in")} value={data.counts.checkedIn} />
            <Stat label={t("miniapp-dash-waitlisted")} value={data.counts.waitlisted} />
            <Stat label={t("miniapp-dash-cancelled")} value={data.counts.cancelled} />
            <Stat label={t("miniapp-dash-pending")} value={data.counts.pending} />
            <Stat label={t("miniapp-dash-capacity")} value={data.counts.capacity} />
          </section>
          <section class="card">
            <h2>{t("miniapp-dash-per-day")}</h2>
            <BarChart days={data.registrationsPerDay} label={t("miniapp-dash-per-day")} />
          </section>
          <section class="card">
            <h2>{t("miniapp-dash-ideas")}</h2>
            <div class="stats">
              <Stat label={t("miniapp-dash-ideas-pending")} value={data.ideas.pending} />
              <Stat label={t("miniapp-dash-ideas-published")} value={data.ideas.published} />
            </div>
          </section>
          {data.broadcasts.length > 0 && (
            <section class="card">
              <h2>{t("miniapp-dash-broadcasts")}</h2>
              {data.broadcasts.map((b) => (
                <div class="progress" key={b.id}>
                  <div class="row">
                    <span>{b.label}</span>
                    <span class="muted">{`${b.sent} / ${b.total}`}</span>
                  </div>
                  <progress max={Math.max(b.total, 1)} value={b.sent} />
                </div>
              ))}
            </section>
          )}
          {data.feedback && (
            <section class="card">
              <h2>{t("miniapp-dash-feedback")}</h2>
              <div class="stats">
                <Stat label={t("miniapp-dash-feedback-responses")} value={data.feedback.responses} />
                <Stat label={t("miniapp-dash-nps")} value={data.feedback.nps} />
              </div>
              <ul class="list compact">
                {Object.entries(data.feedback.averages).map(([question, average]) => (
                  <li key={question}>
                    <span class="name">{question}</span>
                    <strong>{average.toFixed(1)}</strong>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <Guests />
        </>
      )}
    </main>
  );
}
