import type { FlowContext } from "../../bot/context.js";
import { countdownText, dayText, eventText, eventWhen } from "../../ui/format.js";
import { clockTimeOf } from "../../event/programme.js";
import { escapeHtml } from "../../ui/html.js";

/** The texts of the info screens, all from the event file and the locale files. */

/** A section's screen: its title, and its blocks, paged when long (index.ts). */
export interface Section {
  title: string;
  blocks: string[];
  /** The line a page opening with block i repeats: the day of a programme's item. */
  heading?: (block: number) => string | undefined;
}

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

export async function programmeSection(ctx: FlowContext): Promise<Section> {
  const { programme, programmeDays: days } = ctx.deps.event;
  const title = ctx.t("info-programme-title");
  if (programme.length === 0) return { title, blocks: [ctx.t("info-empty")] };
  // A programme of one day needs no day above its times.
  const severalDays = days.some((day) => day !== days[0]);
  const dayLines = severalDays
    ? new Map(
        await Promise.all(
          [...new Set(days)].map(async (day) => [day, ctx.t("info-programme-day", { day: await dayText(ctx, day) })] as const),
        ),
      )
    : undefined;
  const blocks = await Promise.all(
    programme.map(async (item, i) => {
      const name = escapeHtml(await eventText(ctx, item.title));
      const details = item.details ? `\n${escapeHtml(await eventText(ctx, item.details))}` : "";
      const line = item.time ? `<b>${clockTimeOf(item.time)}</b> ${name}${details}` : `• ${name}${details}`;
      return dayLines && days[i] !== days[i - 1] ? `${dayLines.get(days[i]!)}\n${line}` : line;
    }),
  );
  return { title, blocks, heading: (block) => dayLines?.get(days[block]!) };
}

export async function speakersSection(ctx: FlowContext): Promise<Section> {
  const { speakers } = ctx.deps.event;
  return { title: ctx.t("info-speakers-title"), blocks: [speakers ? escapeHtml(await eventText(ctx, speakers)) : ctx.t("info-empty")] };
}

export async function organisersSection(ctx: FlowContext): Promise<Section> {
  const { organisers } = ctx.deps.event;
  const title = ctx.t("info-organisers-title");
  if (organisers.length === 0) return { title, blocks: [ctx.t("info-empty")] };
  const blocks = await Promise.all(
    organisers.map(async (organiser) => {
      let name = `<b>${escapeHtml(await eventText(ctx, organiser.name))}</b>`;
      if (organiser.url) name = `<a href="${escapeHtml(organiser.url)}">${name}</a>`;
      const role = organiser.role ? ` — <i>${escapeHtml(await eventText(ctx, organiser.role))}</i>` : "";
      const about = organiser.description ? `\n${escapeHtml(await eventText(ctx, organiser.description))}` : "";
      return `${name}${role}${about}`;
    }),
  );
  return { title, blocks };
}

export async function conceptSection(ctx: FlowContext): Promise<Section> {
  const { concept } = ctx.deps.event;
  if (!concept) return { title: ctx.t("info-empty"), blocks: [] };
  return {
    title: `🌳 <b>${escapeHtml(await eventText(ctx, concept.title))}</b>`,
    blocks: [escapeHtml(await eventText(ctx, concept.text))],
  };
}

export async function contactsSection(ctx: FlowContext): Promise<Section> {
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
  const blocks = people.length ? people : [ctx.t("info-empty")];
  if (links.length) {
    const items = await Promise.all(
      links.map(async (link) => `<a href="${escapeHtml(link.url)}">${escapeHtml(await eventText(ctx, link.label))}</a>`),
    );
    blocks.push(`${ctx.t("info-links-title")}\n${items.join("\n")}`);
  }
  return { title: ctx.t("info-contacts-title"), blocks };
}
