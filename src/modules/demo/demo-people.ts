import type { CreateCustomer } from '../../contracts/customers.ts';
import type { Rng } from './demo-random.ts';

/**
 * Made-up people and organisations for the demo workspace, in the workspace's language.
 * Names come with a Latin spelling for email addresses; emails use the reserved example
 * domains and English phone numbers Ofcom's ranges reserved for drama, so no real person
 * is ever written to.
 */
export type DemoLocale = 'en' | 'ru';

type Named = readonly [display: string, latin: string];

const EN = {
  first: ['Olivia', 'Liam', 'Emma', 'Noah', 'Amelia', 'Oliver', 'Sophia', 'Elijah', 'Isla', 'James', 'Ava', 'Lucas', 'Mia', 'Henry', 'Grace', 'Leo', 'Chloe', 'Jack', 'Ella', 'Oscar', 'Freya', 'Harry', 'Lily', 'George', 'Ruby', 'Thomas', 'Alice', 'William', 'Zoe', 'Daniel', 'Hannah', 'Samuel', 'Priya', 'Mateo', 'Aisha', 'Jonas'].map((n): Named => [n, n]),
  last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Wright', 'Robinson', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Hughes', 'Edwards', 'Turner', 'Hill', 'Moore', 'Cooper', 'Ward', 'Nguyen', 'Kowalski', 'Müller', 'García', 'Rossi', "O'Brien"].map((n): Named => [n, n]),
  cities: ['London', 'London', 'London', 'Manchester', 'Bristol', 'Leeds', 'Edinburgh', 'Brighton', 'Oxford', 'Cambridge', 'York', 'Bath'],
  country: 'United Kingdom',
  streets: ['High Street', 'Church Road', 'Station Road', 'Victoria Road', 'Park Avenue', 'Mill Lane', 'King Street', 'Queens Road'],
  orgWords: ['Harbour', 'Northwind', 'Bluebell', 'Oakridge', 'Silverline', 'Redbrick', 'Greenway', 'Kingfisher', 'Meadow', 'Riverside', 'Summit', 'Lighthouse', 'Copper', 'Willow', 'Granite'].map((n): Named => [n, n]),
  orgKinds: ['Coffee', 'Interiors', 'Studio', 'Catering', 'Hotels', 'Design', 'Florists', 'Bakery', 'Events', 'Clinic'].map((n): Named => [n, n]),
  orgForms: ['Ltd', 'Ltd', '& Co', 'Group', 'LLP'],
  titles: ['Office manager', 'Buyer', 'Owner', 'Head of purchasing', 'Chef', 'Director', 'Assistant'],
  notes: ['Prefers to be called in the morning', 'Pays by invoice, 14 days', 'Ask about the loyalty card next visit', 'Allergic to nuts: mention when recommending', 'Met at the spring fair'],
  consentSources: ['web form', 'in the shop', 'email'],
};

const RU = {
  first: [['Анна', 'anna'], ['Мария', 'maria'], ['Елена', 'elena'], ['Ольга', 'olga'], ['Наталья', 'natalia'], ['Татьяна', 'tatiana'], ['Ирина', 'irina'], ['Светлана', 'svetlana'], ['Екатерина', 'ekaterina'], ['Дарья', 'daria'], ['Юлия', 'yulia'], ['Ксения', 'ksenia']] as Named[],
  firstMale: [['Александр', 'alexander'], ['Дмитрий', 'dmitry'], ['Сергей', 'sergey'], ['Андрей', 'andrey'], ['Алексей', 'alexey'], ['Иван', 'ivan'], ['Михаил', 'mikhail'], ['Николай', 'nikolay'], ['Павел', 'pavel'], ['Егор', 'egor'], ['Артём', 'artem'], ['Максим', 'maxim']] as Named[],
  last: [['Иванов', 'ivanov'], ['Смирнов', 'smirnov'], ['Кузнецов', 'kuznetsov'], ['Попов', 'popov'], ['Васильев', 'vasiliev'], ['Петров', 'petrov'], ['Соколов', 'sokolov'], ['Михайлов', 'mikhailov'], ['Новиков', 'novikov'], ['Фёдоров', 'fedorov'], ['Морозов', 'morozov'], ['Волков', 'volkov'], ['Алексеев', 'alekseev'], ['Лебедев', 'lebedev'], ['Семёнов', 'semenov'], ['Егоров', 'egorov'], ['Павлов', 'pavlov'], ['Козлов', 'kozlov'], ['Степанов', 'stepanov'], ['Николаев', 'nikolaev']] as Named[],
  cities: ['Москва', 'Москва', 'Москва', 'Санкт-Петербург', 'Санкт-Петербург', 'Казань', 'Екатеринбург', 'Новосибирск', 'Нижний Новгород', 'Самара'],
  country: 'Россия',
  streets: ['ул. Ленина', 'ул. Пушкина', 'Садовая ул.', 'ул. Гагарина', 'Советская ул.', 'Набережная ул.'],
  orgWords: [['Ромашка', 'romashka'], ['Вектор', 'vector'], ['Берёзка', 'berezka'], ['Меридиан', 'meridian'], ['Гранит', 'granit'], ['Парус', 'parus'], ['Созвездие', 'sozvezdie'], ['Атлант', 'atlant'], ['Сириус', 'sirius'], ['Магистраль', 'magistral'], ['Северный ветер', 'severny-veter'], ['Липа', 'lipa']] as Named[],
  orgKinds: [['', ''], [' Плюс', '-plus'], [' Групп', '-group'], [' Трейд', '-trade'], [' Сервис', '-service'], [' Кейтеринг', '-catering']] as Named[],
  orgForms: ['ООО', 'ООО', 'ООО', 'АО'],
  titles: ['Офис-менеджер', 'Закупщик', 'Владелец', 'Директор', 'Шеф-повар', 'Ассистент'],
  notes: ['Удобнее звонить утром', 'Оплата по счёту, 14 дней', 'Спросить про карту лояльности', 'Аллергия на орехи', 'Познакомились на весенней ярмарке'],
  consentSources: ['форма на сайте', 'в магазине', 'email'],
};

export interface DemoProfile {
  kind: 'person' | 'organisation';
  input: CreateCustomer;
  /** For the title of a person's job, when they get one. */
  jobTitle: string | null;
}

const slug = (latin: string) => latin.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '');

function phoneOf(locale: DemoLocale, n: number, rng: Rng): string | null {
  // The last four digits are the customer's number: unique up to 10,000.
  if (locale === 'ru') return `+7 (9${rng.int(10, 99)}) ${rng.int(100, 999)}-${String(Math.floor(n / 100) % 100).padStart(2, '0')}-${String(n % 100).padStart(2, '0')}`;
  // 07700 900xxx, 020 7946 0xxx and 0161 496 0xxx: a thousand drama numbers each.
  const ranges = ['+44 7700 900', '+44 20 7946 0', '+44 161 496 0'];
  const range = ranges[Math.floor(n / 1000)];
  return range ? `${range}${String(n % 1000).padStart(3, '0')}` : null;
}

function street(rng: Rng, locale: DemoLocale): string {
  const name = rng.pick((locale === 'ru' ? RU : EN).streets);
  const number = rng.int(1, 120);
  return locale === 'ru' ? `${name}, ${number}` : `${number} ${name}`;
}

function day(rng: Rng, fromYear: number, toYear: number): string {
  return `${rng.int(fromYear, toYear)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/** One person; `n` numbers the customer so emails and phones stay unique. */
export function demoPerson(rng: Rng, locale: DemoLocale, n: number): DemoProfile {
  const pool = locale === 'ru' ? RU : EN;
  const female = rng.chance(0.55);
  const first = locale === 'ru' && !female ? rng.pick(RU.firstMale) : rng.pick(pool.first);
  const [lastName, lastName_] = rng.pick(pool.last);
  const [last, lastLatin] = locale === 'ru' && female ? [`${lastName}а`, `${lastName_}a`] : [lastName, lastName_];
  const contacts: NonNullable<CreateCustomer['contacts']> = [];
  const domain = rng.pick(['example.com', 'example.org', 'example.net']);
  const style = rng.int(0, 2);
  const local = [`${slug(first[1])}.${slug(lastLatin)}`, `${slug(first[1]).slice(0, 1)}${slug(lastLatin)}`, `${slug(first[1])}${n}`][style]!;
  if (rng.chance(0.88)) contacts.push({ kind: 'email', value: `${local}${style === 2 ? '' : n}@${domain}` });
  const phone = phoneOf(locale, n, rng);
  if (rng.chance(0.6) && phone) contacts.push({ kind: 'phone', value: phone, label: rng.chance(0.7) ? 'mobile' : null });
  const consent = rng.next();
  const withAddress = rng.chance(0.3);
  return {
    kind: 'person',
    jobTitle: rng.chance(0.5) ? rng.pick(pool.titles) : null,
    input: {
      kind: 'person',
      firstName: first[0],
      lastName: last,
      contacts,
      address: rng.chance(0.75) ? { city: rng.pick(pool.cities), country: pool.country, ...(withAddress && { line1: street(rng, locale) }) } : undefined,
      birthday: rng.chance(0.3) ? day(rng, 1955, 2004) : null,
      preferredLanguage: rng.chance(0.4) ? locale : null,
      consent: consent < 0.55 ? { given: true, source: rng.pick(pool.consentSources) } : consent < 0.65 ? { given: false } : undefined,
      notes: rng.chance(0.06) ? rng.pick(pool.notes) : null,
    },
  };
}

/** One organisation. */
export function demoOrganisation(rng: Rng, locale: DemoLocale, n: number, taken: Set<string>): DemoProfile {
  const pool = locale === 'ru' ? RU : EN;
  let name = '';
  let latin = '';
  // Names and web addresses unique within the workspace (`taken` holds both).
  for (let attempt = 0; !name || taken.has(name) || taken.has(latin); attempt++) {
    const [word, wordLatin] = rng.pick(pool.orgWords);
    const [kind, kindLatin] = rng.pick(pool.orgKinds);
    const form = rng.pick(pool.orgForms);
    const number = attempt > 20 ? ` ${n}` : '';
    name = locale === 'ru' ? `${form} «${word}${kind}${number}»` : `${word} ${kind} ${form}${number}`;
    latin = `${wordLatin}${kindLatin}${number}`;
  }
  taken.add(name).add(latin);
  const site = `${slug(latin)}.example`;
  const contacts: NonNullable<CreateCustomer['contacts']> = [{ kind: 'email', value: `${rng.pick(['info', 'orders', 'office'])}@${site}` }];
  const phone = phoneOf(locale, n, rng);
  if (rng.chance(0.8) && phone) contacts.push({ kind: 'phone', value: phone, label: 'office' });
  return {
    kind: 'organisation',
    jobTitle: null,
    input: {
      kind: 'organisation',
      name,
      website: rng.chance(0.7) ? `https://${site}` : null,
      contacts,
      address: { city: rng.pick(pool.cities), country: pool.country, line1: street(rng, locale) },
      notes: rng.chance(0.1) ? rng.pick(pool.notes) : null,
    },
  };
}
