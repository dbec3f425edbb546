// A local stand-in for Telegram.WebApp, for the Mini App in the preview and in its browser tests.
// Its settings come from window.previewTelegram, set just before this script:
//   { initData, user, colorScheme, themeParams, tickets: [{ label, data }], unknownLabel, scannerTitle, closeLabel }
// The scanner is a sheet listing the preview's tickets and an unknown code; a pick is passed to the
// callback as a scanned QR text. Haptics are recorded in previewTelegram.haptics.
(() => {
  const config = window.previewTelegram || {};
  config.haptics = [];
  const handlers = new Map();
  const fire = (name, data) => (handlers.get(name) || []).forEach((handler) => handler(data));
  let sheet = null;

  const closeScanner = () => {
    if (!sheet) return;
    sheet.remove();
    sheet = null;
    fire("scanQrPopupClosed");
  };

  const button = (label, onclick, primary) => {
    const node = document.createElement("button");
    node.type = "button";
    node.textContent = label;
    node.onclick = onclick;
    node.style.cssText = `display:block;width:100%;margin:6px 0;padding:10px;border:0;border-radius:10px;font:inherit;cursor:pointer;${
      primary ? "background:#2481cc;color:#fff" : "background:#eef0f3;color:#111"
    }`;
    return node;
  };

  function showScanQrPopup(params, callback) {
    closeScanner();
    sheet = document.createElement("div");
    sheet.id = "preview-scanner";
    sheet.setAttribute("role", "dialog");
    sheet.setAttribute("aria-label", config.scannerTitle || "QR scanner (preview)");
    sheet.style.cssText =
      "position:fixed;left:0;right:0;bottom:0;max-height:55vh;overflow:auto;z-index:2147483647;background:#fff;color:#111;" +
      "padding:12px 14px;border-radius:16px 16px 0 0;box-shadow:0 -4px 24px rgba(0,0,0,.35);font:15px/1.4 system-ui,sans-serif";
    const title = document.createElement("div");
    title.style.cssText = "font-weight:700;margin-bottom:2px";
    title.textContent = `📷 ${config.scannerTitle || "QR scanner (preview)"}`;
    const hint = document.createElement("div");
    hint.style.cssText = "color:#707579;margin-bottom:6px";
    hint.textContent = (params && params.text) || "";
    sheet.append(title, hint);
    const scanned = (data) => {
      fire("qrTextReceived", { data });
      if (callback && callback(data) === true) closeScanner();
    };
    for (const ticket of config.tickets || []) sheet.append(button(ticket.label, () => scanned(ticket.data), true));
    sheet.append(button(config.unknownLabel || "An unknown code", () => scanned(`unknown-${Date.now()}`), true));
    sheet.append(button(config.closeLabel || "Close", closeScanner, false));
    document.body.append(sheet);
  }

  const noop = () => undefined;
  const bottomButton = { show: noop, hide: noop, setText: noop, onClick: noop, offClick: noop, enable: noop, disable: noop };
  const webApp = {
    initData: config.initData || "",
    initDataUnsafe: config.user ? { user: config.user } : {},
    version: "8.0",
    platform: "preview",
    colorScheme: config.colorScheme || "light",
    themeParams: config.themeParams || {},
    isExpanded: false,
    ready: noop,
    expand() {
      webApp.isExpanded = true;
    },
    close: noop,
    isVersionAtLeast: (version) => Number.parseFloat(version) <= 8,
    onEvent(name, handler) {
      handlers.set(name, [...(handlers.get(name) || []), handler]);
    },
    offEvent(name, handler) {
      handlers.set(
        name,
        (handlers.get(name) || []).filter((h) => h !== handler),
      );
    },
    showScanQrPopup,
    closeScanQrPopup: closeScanner,
    openLink: (url) => window.open(url, "_blank", "noopener"),
    showAlert: (message, callback) => {
      window.alert(message);
      if (callback) callback();
    },
    HapticFeedback: {
      notificationOccurred: (type) => config.haptics.push(type),
      impactOccurred: (style) => config.haptics.push(`impact:${style}`),
      selectionChanged: () => config.haptics.push("selection"),
    },
    BackButton: { isVisible: false, show: noop, hide: noop, onClick: noop, offClick: noop },
    MainButton: bottomButton,
  };
  window.Telegram = { WebApp: webApp };
})();
