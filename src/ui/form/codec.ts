import { callbackData, int, matching } from "../callback-data.js";

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
  /** The choice: a value of the question's buttons (ids from the event file among them), or CANCEL_VALUE. */
  value: string;
}

const formButton = callbackData("f", { run: matching(/[0-9a-z]{1,8}/), question: int(999_999), value: matching(/[\w.-]{1,40}/) });

/** The value of every form's Cancel button. */
export const CANCEL_VALUE = "x";

/** Whether data looks like a form button at all (a form's, not another screen's). */
export const isFormButtonData = (data: string): boolean => formButton.owns(data);

/** The data of a form button; throws on a value that could not be read back. */
export const packFormButton = (button: FormButtonData): string => formButton.pack(button);

/** The parts of form button data, or undefined for anything malformed (forged, or of an older format). */
export const unpackFormButton = (data: string): FormButtonData | undefined => formButton.unpack(data);
