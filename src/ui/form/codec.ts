/**
 * The callback data of form buttons: `f:<run>:<question>:<value>`. `run` is a nonce drawn when a
 * form opens, `question` counts the questions asked in that run, so a button of an earlier
 * question, another form or an earlier run of the same form never matches the question on screen.
 */
export interface FormButtonData {
  /** The form run's nonce (base 36). */
  run: string;
  /** Which question of the run (1, 2, …). */
  question: number;
  /** The choice: a value of the question's buttons, or CANCEL_VALUE. */
  value: string;
}

const PREFIX = "f:";
const RUN = /^[0-9a-z]{1,8}$/;
const VALUE = /^[\w.:-]{1,40}$/;
// Telegram refuses callback data over 64 bytes.
const MAX_BYTES = 64;

/** The value of every form's Cancel button. */
export const CANCEL_VALUE = "x";

/** Whether data looks like a form button at all (a form's, not another screen's). */
export const isFormButtonData = (data: string): boolean => data.startsWith(PREFIX);

export function packFormButton({ run, question, value }: FormButtonData): string {
  if (!RUN.test(run) || !Number.isSafeInteger(question) || question < 1 || !VALUE.test(value)) {
    throw new Error(`form button: invalid data (run ${run}, question ${question}, value ${value.length} chars)`);
  }
  const data = `${PREFIX}${run}:${question}:${value}`;
  if (Buffer.byteLength(data) > MAX_BYTES) throw new Error("form button: data longer than 64 bytes");
  return data;
}

/** The parts of form button data, or undefined for anything malformed (forged, or of an older format). */
export function unpackFormButton(data: string): FormButtonData | undefined {
  if (!isFormButtonData(data)) return undefined;
  const [run, question, ...rest] = data.slice(PREFIX.length).split(":");
  const value = rest.join(":");
  if (run === undefined || !RUN.test(run) || !/^[1-9]\d{0,5}$/.test(question ?? "") || !VALUE.test(value)) return undefined;
  return { run, question: Number(question), value };
}
