// Moved to src/emulator (shared by tests and `npm run preview`); kept so test imports stay stable.
export * from "../../src/emulator/request-body.js";
