// My ticket: the QR full-screen on white (bright for the door's scanner), the event and "Add to calendar".
import { useEffect, useState } from "preact/hooks";
import { useApp } from "./context";
import { formatTime } from "./i18n";
import type { Ticket } from "./types";

export function TicketScreen() {
  const { api, t, me } = useApp();
  const [ticket, setTicket] = useState<Ticket>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    api.get<Ticket>("ticket").then(setTicket, () => setFailed(true));
  }, [api]);

  if (failed) return <p class="notice">{t("miniapp-error")}</p>;
  if (!ticket) return <p class="hint">{t("miniapp-loading")}</p>;
  const { event } = ticket;
  const when = `${formatTime(event.startsAt, me.language, event.timezone, true)} – ${formatTime(event.endsAt, me.language, event.timezone)}`;
  return (
    <main class="ticket">
      <h1>{t("miniapp-ticket-title")}</h1>
      {ticket.status === "confirmed" && ticket.qrSvg ? (
        <>
          {/* As an image, the SVG can run nothing even if it were not the API's own. */}
          <div class="qr">
            <img data-testid="qr" alt={ticket.code ?? ""} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(ticket.qrSvg)}`} />
          </div>
          {ticket.code && <p class="code">{t("miniapp-ticket-code", { code: ticket.code })}</p>}
          {ticket.group && ticket.group > 1 ? <p class="muted center">{t("miniapp-ticket-group", { group: ticket.group - 1 })}</p> : null}
        </>
      ) : (
        <p class="notice">{t(ticket.status === "waitlisted" ? "miniapp-ticket-waitlisted" : "miniapp-ticket-none")}</p>
      )}
      <section class="card">
        <h2>{event.title}</h2>
        <p>{when}</p>
        <p>
          {event.venue.name}
          <br />
          <span class="muted">{event.venue.address}</span>
        </p>
        <button type="button" class="primary" onClick={() => void api.download(ticket.icsUrl, `${event.id}.ics`)}>
          {t("miniapp-ticket-calendar")}
        </button>
      </section>
    </main>
  );
}
