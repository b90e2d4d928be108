/**
 * A message for people, in the API's two languages side by side: Dutch (the academy's own) and
 * English. Written where the message arises, picked where the response is made
 * (platform/http/errors.ts). Plain data, so pure domain rules may return it too.
 */
export interface Text {
  nl: string;
  en: string;
}

export const text = (nl: string, en: string): Text => ({ nl, en });
