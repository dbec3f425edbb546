import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../../bot/context.js";
import type { Idea } from "../../store/ideas.js";
import { backToMenuKeyboard } from "../../ui/keyboards.js";
import { addMiniAppButton } from "../../ui/miniapp.js";
import { ideasData } from "./callback-data.js";

/** The small ideas menu: propose, my ideas, browse, and back to the main menu. */
export const ideasMenuKeyboard = (ctx: FlowContext) =>
  backToMenuKeyboard(
    ctx,
    // With MINIAPP_URL: the ideas with a pin, on a map.
    addMiniAppButton(
      new InlineKeyboard()
        .text(ctx.t("ideas-new"), ideasData.new.pack())
        .row()
        .text(ctx.t("ideas-mine"), ideasData.mine.pack())
        .text(ctx.t("ideas-browse"), ideasData.categories.pack())
        .row(),
      ctx.deps,
      ctx.t("webapp-ideas-map"),
      "map",
    ),
  );

/** Back to the ideas menu and to the main menu, under every ideas screen. */
export const ideasBackRow = (ctx: FlowContext, keyboard = new InlineKeyboard()) =>
  backToMenuKeyboard(ctx, keyboard.text(ctx.t("ideas-back"), ideasData.menu.pack()));

/** Photo and place of an idea, when it has them. */
export function mediaButtons(ctx: FlowContext, keyboard: InlineKeyboard, idea: Idea): InlineKeyboard {
  if (idea.photo) keyboard.text(ctx.t("ideas-photo-button", { id: String(idea.id) }), ideasData.photo.pack({ idea: idea.id }));
  if (idea.latitude !== undefined)
    keyboard.text(ctx.t("ideas-place-button", { id: String(idea.id) }), ideasData.place.pack({ idea: idea.id }));
  return keyboard;
}
