import type { FlowContext } from "../../bot/context.js";
import { countdownText, dayText, eventText, eventWhen } from "../../ui/format.js";
import { clockTimeOf } from "../../event/programme.js";
import { escapeHtml } from "../../ui/html.js";

/** The texts of the info screens, all from the event file and the locale files. */

export async function overviewText(ctx: FlowContext): Promise<string> {
  const { event } = ctx.deps;
  const text = async (value: Parameters<typeof eventText>[1]) => escapeHtml(await eventText(ctx, value));
  return [
    `<b>${await text(event.title)}</b>`,
    await text(event.summary),
    "",
    ctx.t("info-when", { when: await eventWhen(ctx) }),
    ctx.t("info-where", { venue: await text(event.venue.name), address: await text(event.venue.address) }),
    await countdownText(ctx),
  ].join("\n");
}

export async function programmeText(ctx: FlowContext): Promise<string> {
  const { programme } = ctx.deps.event;
  if (programme.length === 0) return `${ctx.t("info-programme-title")}\n\n${ctx.t("info-empty")}`;
  const days = ctx.deps.event.programmeDays;
  // A programme of one day needs no day above its times.
  const severalDays = days.some((day) => day !== days[0]);
  const items = await Promise.all(
    programme.map(async (item, i) => {
      const title = escapeHtml(await eventText(ctx, item.title));
      const details = item.details ? `\n${escapeHtml(await eventText(ctx, item.details))}` : "";
      const line = item.time ? `<b>${clockTimeOf(item.time)}</b> ${title}${details}` : `• ${title}${details}`;
      const newDay = severalDays && days[i] !== days[i - 1];
      return newDay ? `${ctx.t("info-programme-day", { day: await dayText(ctx, days[i]!) })}\n${line}` : line;
    }),
  );
  return `${ctx.t("info-programme-title")}\n\n${items.join("\n\n")}`;
}

export async function speakersText(ctx: FlowContext): Promise<string> {
  const { speakers } = ctx.deps.event;
  const body = speakers ? escapeHtml(await eventText(ctx, speakers)) : ctx.t("info-empty");
  return `${ctx.t("info-speakers-title")}\n\n${body}`;
}

export async function organisersText(ctx: FlowContext): Promise<string> {
  const { organisers } = ctx.deps.event;
  if (organisers.length === 0) return `${ctx.t("info-organisers-title")}\n\n${ctx.t("info-empty")}`;
  const items = await Promise.all(
    organisers.map(async (organiser) => {
      let name = `<b>${escapeHtml(await eventText(ctx, organiser.name))}</b>`;
      if (organiser.url) name = `<a href="${escapeHtml(organiser.url)}">${name}</a>`;
      const role = organiser.role ? ` — <i>${escapeHtml(await eventText(ctx, organiser.role))}</i>` : "";
      const about = organiser.description ? `\n${escapeHtml(await eventText(ctx, organiser.description))}` : "";
      return `${name}${role}${about}`;
    }),
  );
  return `${ctx.t("info-organisers-title")}\n\n${items.join("\n\n")}`;
}

export async function conceptText(ctx: FlowContext): Promise<string> {
  const { concept } = ctx.deps.event;
  if (!concept) return ctx.t("info-empty");
  return `🌳 <b>${escapeHtml(await eventText(ctx, concept.title))}</b>\n\n${escapeHtml(await eventText(ctx, concept.text))}`;
}

export async function contactsText(ctx: FlowContext): Promise<string> {
  const { contacts, links } = ctx.deps.event;
  const people = await Promise.all(
    contacts.map(async (contact) => {
      const lines = [`<b>${escapeHtml(await eventText(ctx, contact.name))}</b>`];
      if (contact.role) lines.push(escapeHtml(await eventText(ctx, contact.role)));
      for (const phone of contact.phones) lines.push(ctx.t("info-phone", { phone: escapeHtml(phone) }));
      if (contact.email) lines.push(ctx.t("info-email", { email: escapeHtml(contact.email) }));
      return lines.join("\n");
    }),
  );
  const sections = [ctx.t("info-contacts-title"), people.length ? people.join("\n\n") : ctx.t("info-empty")];
  if (links.length) {
    const items = await Promise.all(
      links.map(async (link) => `<a href="${escapeHtml(link.url)}">${escapeHtml(await eventText(ctx, link.label))}</a>`),
    );
    sections.push(`${ctx.t("info-links-title")}\n${items.join("\n")}`);
  }
  return sections.join("\n\n");
}
