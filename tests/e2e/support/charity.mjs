// The charity journey's own strings, read from src/journeys/charity/i18n/<lang>.json (the single
// source of truth), so the specs assert exactly what a donor reads in each language.
import { t } from "./i18n.mjs";

/** A charity string: ct("en", "GiveButton") (`count` picks a plural form, see `t`). */
export function ct(lang, key, count) {
  return t(lang, `charity.${key}`, count);
}
