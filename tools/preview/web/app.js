// The preview chat page: draws the chat the emulator keeps, and turns clicks into Telegram updates.
// Message HTML comes from the server already sanitized (built from Telegram entities);
// everything else is put in with textContent.

const $ = (id) => document.getElementById(id);
const state = { session: null, user: null, events: null, views: new Map(), lastPin: null, followBottom: true };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

async function post(path, body) {
  const res = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ user: state.user.id, ...body }),
  });
  const answer = await res.json().catch(() => ({ ok: false, error: res.statusText }));
  if (!answer.ok) toast(answer.error || "failed", false);
  return answer;
}

let toastTimer;
function toast(text, alert) {
  const box = $("toast");
  box.textContent = text;
  box.className = alert ? "toast alert" : "toast";
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (box.hidden = true), alert ? 6000 : 2500);
}
$("toast").addEventListener("click", () => ($("toast").hidden = true));

const sendText = (text) => post("/api/send", { text });
const time = (unix) => new Date(unix * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
const initials = (name) => (name.match(/[\p{L}\p{N}]/u)?.[0] ?? "?").toUpperCase();
const sizeText = (bytes) => (bytes === undefined ? "" : bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

// --- messages ---------------------------------------------------------------------------

function inlineKeyboard(message) {
  const box = el("div", { class: "inline-keyboard" });
  for (const row of message.keyboard) {
    const line = el("div", { class: "row" });
    for (const button of row) {
      if (button.webApp) {
        line.append(
          el("button", { type: "button", class: "web-app", text: `${button.text} ⧉`, onclick: () => openMiniApp(button.webApp) }),
        );
      } else if (button.url) {
        line.append(el("a", { href: button.url, target: "_blank", rel: "noopener noreferrer", text: `${button.text} ↗` }));
      } else if (button.data !== undefined) {
        line.append(
          el("button", {
            type: "button",
            text: button.text,
            onclick: () => post("/api/tap", { messageId: message.id, data: button.data }),
          }),
        );
      } else {
        line.append(el("button", { type: "button", text: button.text, disabled: "", title: "Not available in the preview" }));
      }
    }
    box.append(line);
  }
  return box;
}

function pinCard(pin) {
  state.lastPin = pin;
  return el(
    "a",
    { class: "pin", href: pin.mapUrl, target: "_blank", rel: "noopener noreferrer", title: "Open in OpenStreetMap" },
    el("div", { class: "pin-map" }, el("span", { text: "📍" })),
    pin.title ? el("div", { class: "name", text: pin.title }) : null,
    pin.address ? el("div", { text: pin.address }) : null,
    el("div", { class: "coords", text: `${pin.latitude.toFixed(5)}, ${pin.longitude.toFixed(5)} · OpenStreetMap ↗` }),
  );
}

function fileCard(file) {
  return el(
    "a",
    { class: "card file", href: file.url, download: file.name },
    el("span", { class: "icon", text: "⬇" }),
    el("span", {}, el("div", { class: "name", text: file.name }), el("div", { class: "muted small", text: sizeText(file.size) })),
  );
}

function renderMessage(message) {
  const bubble = el("div", { class: "bubble" });
  if (message.photo) {
    const img = el("img", { class: "photo", src: message.photo.url, alt: "photo" });
    // The picture's height arrives late: keep following the chat if the user was at the bottom.
    img.addEventListener("load", () => {
      if (state.followBottom) $("messages").scrollTop = $("messages").scrollHeight;
    });
    bubble.append(img);
  }
  if (message.file) bubble.append(fileCard(message.file));
  if (message.pin) bubble.append(pinCard(message.pin));
  if (message.contact) {
    bubble.append(
      el(
        "div",
        { class: "card" },
        el("span", { class: "icon", text: "👤" }),
        el("span", {}, el("div", { class: "name", text: message.contact.name }), el("div", { text: message.contact.phone })),
      ),
    );
  }
  if (message.html !== undefined) {
    const text = el("div", { class: "text" });
    text.innerHTML = message.html; // sanitized by the server
    bubble.append(text);
  }
  if (message.kind === "other" && message.html === undefined) bubble.append(el("div", { class: "muted", text: "(unsupported message)" }));
  bubble.append(el("div", { class: "meta", text: `${message.edited ? "edited " : ""}${time(message.date)}` }));
  const node = el("div", { class: `message ${message.from}`, "data-id": String(message.id) }, bubble);
  if (message.keyboard) node.append(inlineKeyboard(message));
  return node;
}

/** Redraws only messages that changed, so edits update in place and scrolling stays put. */
function renderMessages(messages) {
  const box = $("messages");
  const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 120;
  const seen = new Set();
  let added = false;
  for (const message of messages) {
    const json = JSON.stringify(message);
    const known = state.views.get(message.id);
    seen.add(message.id);
    if (known && known.json === json) {
      box.append(known.node);
      continue;
    }
    const node = renderMessage(message);
    if (known) known.node.replaceWith(node);
    else added = true;
    box.append(node);
    state.views.set(message.id, { json, node });
  }
  for (const [id, view] of state.views) {
    if (!seen.has(id)) {
      view.node.remove();
      state.views.delete(id);
    }
  }
  $("empty").hidden = messages.length > 0;
  if (added || nearBottom) {
    box.scrollTop = box.scrollHeight;
    state.followBottom = true;
  }
}

$("messages").addEventListener("scroll", () => {
  const box = $("messages");
  state.followBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 120;
});

function renderReplyKeyboard(keyboard) {
  const box = $("reply-keyboard");
  box.replaceChildren();
  box.hidden = !keyboard;
  $("text").placeholder = keyboard?.placeholder || "Message";
  if (!keyboard) return;
  for (const row of keyboard.rows) {
    const line = el("div", { class: "row" });
    for (const button of row) {
      const onclick = () => {
        if (button.request === "contact") post("/api/contact", {});
        else if (button.request === "location") openLocationForm();
        else sendText(button.text);
      };
      line.append(el("button", { type: "button", text: button.text, onclick }));
    }
    box.append(line);
  }
}

function renderCommands(commands) {
  const box = $("commands");
  box.replaceChildren(
    ...commands.map((c) =>
      el(
        "button",
        {
          type: "button",
          onclick: () => {
            box.hidden = true;
            sendText(`/${c.command}`);
          },
        },
        el("span", { class: "cmd", text: `/${c.command}` }),
        el("span", { text: c.description }),
      ),
    ),
  );
  $("menu").hidden = commands.length === 0;
}

// --- the Mini App panel -----------------------------------------------------------------------

/** Opens the bot's Mini App beside the chat: the preview's own copy, as this persona, on the screen the link names. */
function openMiniApp(url) {
  let hash = "";
  try {
    hash = new URL(url).hash;
  } catch {
    // A malformed address: open the home screen.
  }
  $("miniapp-frame").src = `/miniapp/?user=${state.user.id}${hash}`;
  $("miniapp").hidden = false;
}

function closeMiniApp() {
  $("miniapp").hidden = true;
  $("miniapp-frame").src = "about:blank";
}
$("miniapp-close").addEventListener("click", closeMiniApp);

function renderMenuButton(menuButton) {
  const button = $("web-app-menu");
  button.hidden = !menuButton;
  if (!menuButton) return;
  button.textContent = menuButton.text;
  button.onclick = () => openMiniApp(menuButton.url);
}

function renderChat(chat) {
  renderMessages(chat.messages);
  renderMenuButton(chat.menuButton);
  renderReplyKeyboard(chat.replyKeyboard);
  renderCommands(chat.commands);
  // A reply keyboard shrinks the chat: keep the question it answers in view.
  if (state.followBottom) $("messages").scrollTop = $("messages").scrollHeight;
}

// --- users ------------------------------------------------------------------------------

function selectUser(persona) {
  state.user = persona;
  localStorage.setItem("preview-user", String(persona.id));
  for (const button of $("personas").children) button.setAttribute("aria-current", String(button.dataset.user === String(persona.id)));
  $("chat-subtitle").textContent = `bot · you are ${persona.label}`;
  showClock();
  state.views.clear();
  for (const node of [...$("messages").querySelectorAll(".message")]) node.remove();
  $("commands").hidden = true;
  $("location-form").hidden = true;
  closeMiniApp();
  state.events?.close();
  state.events = new EventSource(`/api/events?user=${persona.id}`);
  state.events.addEventListener("chat", (event) => renderChat(JSON.parse(event.data)));
  state.events.addEventListener("toast", (event) => {
    const { text, alert } = JSON.parse(event.data);
    toast(text, alert);
  });
  $("text").focus();
}

/** The bot's time in the event's zone, worded in the persona's language. */
function showClock() {
  const { now, timezone } = state.session;
  const options = { timeZone: timezone, dateStyle: "medium", timeStyle: "short" };
  let text;
  try {
    text = new Date(now).toLocaleString(state.user?.language ?? "en", options);
  } catch {
    text = new Date(now).toLocaleString("en", options);
  }
  $("clock").textContent = `${text} (${timezone})`;
}

function renderPersonas(personas) {
  $("personas").replaceChildren(
    ...personas.map((p) =>
      el(
        "button",
        { type: "button", class: "persona", "data-user": String(p.id), onclick: () => selectUser(p) },
        el("span", { class: p.admin ? "avatar admin" : "avatar", text: initials(p.firstName) }),
        el("span", {}, el("div", { text: p.label }), el("div", { class: "muted small", text: p.phone })),
      ),
    ),
  );
}

// --- composer -----------------------------------------------------------------------------

function openLocationForm() {
  const form = $("location-form");
  const pin = state.lastPin;
  if (pin) {
    form.latitude.value = form.latitude.value || pin.latitude.toFixed(5);
    form.longitude.value = form.longitude.value || pin.longitude.toFixed(5);
  }
  form.hidden = false;
  form.latitude.focus();
}

$("location-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const answer = await post("/api/location", {
    latitude: Number(form.latitude.value.replace(",", ".")),
    longitude: Number(form.longitude.value.replace(",", ".")),
  });
  if (answer.ok) form.hidden = true;
});
$("location-cancel").addEventListener("click", () => ($("location-form").hidden = true));
$("share-location").addEventListener("click", openLocationForm);

$("composer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = $("text");
  const text = input.value;
  if (!text.trim()) return;
  input.value = "";
  await sendText(text);
});

$("start").addEventListener("click", () => sendText("/start"));
$("menu").addEventListener("click", () => ($("commands").hidden = !$("commands").hidden));
$("attach").addEventListener("click", () => $("file").click());
$("file").addEventListener("change", async () => {
  const file = $("file").files[0];
  $("file").value = "";
  if (!file) return;
  const caption = $("text").value;
  $("text").value = "";
  const query = new URLSearchParams({ user: String(state.user.id), name: file.name, caption });
  const res = await fetch(`/api/file?${query}`, {
    method: "POST",
    headers: { "content-type": file.type || "application/octet-stream" },
    body: file,
  });
  if (!res.ok) toast((await res.json().catch(() => ({}))).error || "upload failed", false);
});

// Commands in bot messages are tappable, as in Telegram.
$("messages").addEventListener("click", (event) => {
  const link = event.target.closest("a.command");
  if (!link) return;
  event.preventDefault();
  sendText(link.dataset.command);
});

async function main() {
  const session = await (await fetch("/api/session")).json();
  state.session = session;
  document.title = `${session.bot.name} · preview`;
  // The whole event title, wrapped: the bot's name is cut at Telegram's 64 characters.
  $("bot-name").textContent = session.title;
  $("bot-avatar").textContent = initials(session.bot.name);
  renderPersonas(session.personas);
  const saved = Number(new URLSearchParams(location.search).get("user") || localStorage.getItem("preview-user"));
  selectUser(session.personas.find((p) => p.id === saved) ?? session.personas[0]);
}

main();
