/** What went wrong, as a code and the values in it, so that an element can say it in its own language. */
export interface Problem {
  code: string;
  params?: Record<string, string | number>;
}
