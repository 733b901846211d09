import i18n from "../i18n";
import { ja } from "../i18n/ja";

/**
 * A skill in the reader's language. Workers type their skills freely, but many are the job fields' own words
 * ("design", "dataEntry", written so by the demo data and by integrations) or common ones ("illustration",
 * "english"): those are worded from words.skills in either language; anything else shows as the worker wrote it.
 */
export function skillName(skill: string): string {
  const key = Object.keys(ja.words.skills).find((k) => k.toLowerCase() === skill.trim().toLowerCase().replace(/[\s_-]/g, ""));
  return key ? i18n.t(`words.skills.${key as keyof typeof ja.words.skills}`) : skill;
}
