/**
 * Country names as documents print them, from the maintained ISO 3166 tables of
 * `i18n-iso-countries`, in the document's language: `DE` is "Germany", or "德国" on the Chinese set.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';

countries.registerLocale(en);
countries.registerLocale(zh);

export type DocumentLanguage = 'en' | 'zh-CN';

/** The country's short name in `language`; the code itself when the tables do not know it. */
export function countryName(code: string, language: DocumentLanguage = 'en'): string {
  const name = countries.getName(code.toUpperCase(), language === 'zh-CN' ? 'zh' : 'en', {
    select: 'official',
  });
  return name ?? code;
}
