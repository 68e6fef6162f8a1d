/**
 * The filter language's syntax (docs/filters.md): text → tree, with errors that say where and
 * what was expected. Pure TypeScript: the server compiles the tree to SQL (src/modules/filters),
 * the web app parses as the user types and converts between the text and the visual builder.
 */

export const FILTER_LIMITS = { length: 4000, depth: 12, conditions: 60, listValues: 200 } as const;

export type TimeUnit = 'day' | 'week' | 'month' | 'year';

export type FilterValue =
  | { kind: 'text'; text: string; quoted: boolean; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'date'; day: string; at: number }
  /** "90 days ago", "today" (0 days ago). */
  | { kind: 'ago'; amount: number; unit: TimeUnit; at: number }
  /** "180 days" (a function argument). */
  | { kind: 'duration'; amount: number; unit: TimeUnit; at: number }
  | { kind: 'bool'; value: boolean; at: number };

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'starts';

export type FilterNode =
  | { type: 'and' | 'or'; items: FilterNode[] }
  | { type: 'not'; item: FilterNode }
  | { type: 'compare'; field: string; at: number; op: CompareOp; value: FilterValue }
  | { type: 'in'; field: string; at: number; negated: boolean; values: FilterValue[] }
  | { type: 'set'; field: string; at: number; negated: boolean }
  | { type: 'call'; name: string; at: number; args: { name: string; at: number; value: FilterValue }[] };

/** What went wrong, with parameters a message catalogue turns into words (describeFilterError). */
export type FilterProblem =
  | { code: 'unexpected'; at: number; found: string; expected: Expected[] }
  | { code: 'unclosed_string'; at: number }
  | { code: 'too_long'; at: number; limit: number }
  | { code: 'too_deep'; at: number; limit: number }
  | { code: 'too_many'; at: number; limit: number }
  | { code: 'unknown_field'; at: number; field: string; suggestion: string | null }
  | { code: 'unknown_function'; at: number; name: string; suggestion: string | null }
  | { code: 'bad_argument'; at: number; name: string; function: string; allowed: string[] }
  | { code: 'type_mismatch'; at: number; field: string; expects: ValueKind; found: string }
  | { code: 'unknown_choice'; at: number; field: string; value: string; choices: string[]; suggestion: string | null }
  | { code: 'bad_operator'; at: number; field: string; op: string; allowed: string[] }
  | { code: 'bad_date'; at: number; value: string }
  | { code: 'segment_cycle'; at: number; segment: string };

export type Expected = 'field' | 'operator' | 'value' | 'close' | 'open' | 'comma' | 'colon' | 'end' | 'unit' | 'ago' | 'set';
export type ValueKind = 'number' | 'money' | 'date' | 'text' | 'boolean' | 'choice' | 'duration';

export class FilterSyntaxError extends Error {
  constructor(readonly problem: FilterProblem) {
    super(describeFilterError(problem, 'en'));
    this.name = 'FilterSyntaxError';
  }
}

type Token =
  | { t: 'word'; text: string; at: number }
  | { t: 'string'; text: string; at: number }
  | { t: 'number'; value: number; raw: string; at: number }
  | { t: 'date'; day: string; at: number }
  | { t: 'op'; op: CompareOp; at: number }
  | { t: '(' | ')' | ',' | ':'; at: number }
  | { t: 'end'; at: number };

const WORD = /[\p{L}_][\p{L}\p{N}_.-]*/uy;
const NUMBER = /-?\d+(?:\.\d+)?/y;
const DATE = /\d{4}-\d{2}-\d{2}(?![\p{L}\p{N}_])/uy;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '«' || ch === '“') {
      const close = ch === '«' ? '»' : ch === '“' ? '”' : ch;
      let out = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== close; j++) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        out += text[j];
      }
      if (j >= text.length) throw new FilterSyntaxError({ code: 'unclosed_string', at: i });
      tokens.push({ t: 'string', text: out, at: i });
      i = j + 1;
      continue;
    }
    if ('(),:'.includes(ch)) {
      tokens.push({ t: ch as '(' | ')' | ',' | ':', at: i });
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '!=' || two === '<>' || two === '<=' || two === '>=') {
      tokens.push({ t: 'op', op: two === '<>' ? '!=' : (two as CompareOp), at: i });
      i += 2;
      continue;
    }
    if (ch === '=' || ch === '<' || ch === '>') {
      tokens.push({ t: 'op', op: ch as CompareOp, at: i });
      i++;
      continue;
    }
    if (ch === '~') {
      tokens.push({ t: 'op', op: 'contains', at: i });
      i++;
      continue;
    }
    DATE.lastIndex = i;
    const date = DATE.exec(text);
    if (date) {
      tokens.push({ t: 'date', day: date[0], at: i });
      i += date[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number && !(ch === '-' && tokens.length > 0 && tokens.at(-1)!.t === 'word')) {
      tokens.push({ t: 'number', value: Number(number[0]), raw: number[0], at: i });
      i += number[0].length;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word) {
      tokens.push({ t: 'word', text: word[0], at: i });
      i += word[0].length;
      continue;
    }
    throw new FilterSyntaxError({ code: 'unexpected', at: i, found: ch, expected: ['value'] });
  }
  tokens.push({ t: 'end', at: text.length });
  return tokens;
}

const UNITS: Record<string, TimeUnit> = {
  day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year',
  день: 'day', дня: 'day', дней: 'day', неделя: 'week', недели: 'week', недель: 'week', месяц: 'month', месяца: 'month', месяцев: 'month', год: 'year', года: 'year', лет: 'year',
};
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'contains', 'starts', 'with', 'ago', 'назад', 'set', 'empty', 'true', 'false', 'yes', 'no', 'today']);

function lower(token: Token): string | null {
  return token.t === 'word' ? token.text.toLowerCase() : null;
}

/** Parses filter text; an empty text is null (no filter). Throws FilterSyntaxError. */
export function parseFilter(text: string): FilterNode | null {
  if (text.length > FILTER_LIMITS.length) throw new FilterSyntaxError({ code: 'too_long', at: FILTER_LIMITS.length, limit: FILTER_LIMITS.length });
  const tokens = tokenize(text);
  if (tokens.length === 1) return null;
  let pos = 0;
  let conditions = 0;
  const peek = () => tokens[pos]!;
  const next = () => tokens[pos++]!;
  const fail = (expected: Expected[]): never => {
    const token = peek();
    throw new FilterSyntaxError({ code: 'unexpected', at: token.at, found: token.t === 'end' ? '' : shownToken(token, text), expected });
  };
  const isWord = (word: string) => lower(peek()) === word;

  function orExpr(depth: number): FilterNode {
    if (depth > FILTER_LIMITS.depth) throw new FilterSyntaxError({ code: 'too_deep', at: peek().at, limit: FILTER_LIMITS.depth });
    const items = [andExpr(depth)];
    while (isWord('or') || isWord('или')) {
      next();
      items.push(andExpr(depth));
    }
    return items.length === 1 ? items[0]! : { type: 'or', items };
  }
  function andExpr(depth: number): FilterNode {
    const items = [notExpr(depth)];
    while (isWord('and') || isWord('и')) {
      next();
      items.push(notExpr(depth));
    }
    return items.length === 1 ? items[0]! : { type: 'and', items };
  }
  function notExpr(depth: number): FilterNode {
    if (isWord('not') || isWord('не')) {
      if (depth >= FILTER_LIMITS.depth) throw new FilterSyntaxError({ code: 'too_deep', at: peek().at, limit: FILTER_LIMITS.depth });
      next();
      return { type: 'not', item: notExpr(depth + 1) };
    }
    return primary(depth);
  }
  function primary(depth: number): FilterNode {
    const token = peek();
    if (token.t === '(') {
      next();
      const inner = orExpr(depth + 1);
      if (peek().t !== ')') fail(['close', 'operator']);
      next();
      return inner;
    }
    if (token.t !== 'word' || KEYWORDS.has(token.text.toLowerCase())) return fail(['field', 'open']);
    next();
    if (++conditions > FILTER_LIMITS.conditions) throw new FilterSyntaxError({ code: 'too_many', at: token.at, limit: FILTER_LIMITS.conditions });
    if (peek().t === '(') return call(token.text, token.at);
    return condition(token.text, token.at);
  }
  function call(name: string, at: number): FilterNode {
    next();
    const args: { name: string; at: number; value: FilterValue }[] = [];
    while (peek().t !== ')') {
      const arg = peek();
      if (arg.t !== 'word') return fail(['field', 'close']);
      next();
      if (peek().t !== ':') fail(['colon']);
      next();
      args.push({ name: arg.text.toLowerCase(), at: arg.at, value: value(true) });
      if (peek().t === ',') next();
      else if (peek().t !== ')') fail(['comma', 'close']);
    }
    next();
    return { type: 'call', name: name.toLowerCase(), at, args };
  }
  function condition(field: string, at: number): FilterNode {
    const token = peek();
    if (token.t === 'op') {
      next();
      return { type: 'compare', field, at, op: token.op, value: value(false) };
    }
    const word = lower(token);
    if (word === 'contains') {
      next();
      return { type: 'compare', field, at, op: 'contains', value: value(false) };
    }
    if (word === 'starts') {
      next();
      if (isWord('with')) next();
      return { type: 'compare', field, at, op: 'starts', value: value(false) };
    }
    if (word === 'in' || (word === 'not' && lower(tokens[pos + 1]!) === 'in')) {
      const negated = word === 'not';
      next();
      if (negated) next();
      if (peek().t !== '(') fail(['open']);
      next();
      const values: FilterValue[] = [];
      while (true) {
        values.push(value(false));
        if (values.length > FILTER_LIMITS.listValues) throw new FilterSyntaxError({ code: 'too_many', at: peek().at, limit: FILTER_LIMITS.listValues });
        if (peek().t === ',') {
          next();
          continue;
        }
        if (peek().t === ')') break;
        fail(['comma', 'close']);
      }
      next();
      return { type: 'in', field, at, negated, values };
    }
    if (word === 'is') {
      next();
      let negated = false;
      if (isWord('not')) {
        next();
        negated = true;
      }
      if (isWord('set')) {
        next();
        return { type: 'set', field, at, negated };
      }
      if (isWord('empty')) {
        next();
        return { type: 'set', field, at, negated: !negated };
      }
      return fail(['set']);
    }
    return fail(['operator']);
  }
  function value(inCall: boolean): FilterValue {
    const token = peek();
    if (token.t === 'string') {
      next();
      return { kind: 'text', text: token.text, quoted: true, at: token.at };
    }
    if (token.t === 'date') {
      next();
      const d = new Date(`${token.day}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== token.day) throw new FilterSyntaxError({ code: 'bad_date', at: token.at, value: token.day });
      return { kind: 'date', day: token.day, at: token.at };
    }
    if (token.t === 'number') {
      next();
      const unit = UNITS[lower(peek()) ?? ''];
      if (unit) {
        next();
        if (isWord('ago') || isWord('назад')) {
          next();
          return { kind: 'ago', amount: token.value, unit, at: token.at };
        }
        if (inCall) return { kind: 'duration', amount: token.value, unit, at: token.at };
        return fail(['ago']);
      }
      return { kind: 'number', value: token.value, at: token.at };
    }
    if (token.t === 'word') {
      const word = token.text.toLowerCase();
      if (word === 'today' || word === 'сегодня') {
        next();
        return { kind: 'ago', amount: 0, unit: 'day', at: token.at };
      }
      if (word === 'true' || word === 'yes' || word === 'да') {
        next();
        return { kind: 'bool', value: true, at: token.at };
      }
      if (word === 'false' || word === 'no' || word === 'нет') {
        next();
        return { kind: 'bool', value: false, at: token.at };
      }
      if (word === 'and' || word === 'or' || word === 'not') return fail(['value']);
      next();
      // A bare word is text: VIP, gold, Referral.
      return { kind: 'text', text: token.text, quoted: false, at: token.at };
    }
    return fail(['value']);
  }

  const tree = orExpr(0);
  if (peek().t !== 'end') fail(peek().t === ')' ? ['end'] : ['operator', 'end']);
  return tree;
}

function shownToken(token: Token, text: string): string {
  switch (token.t) {
    case 'word':
    case 'date':
      return token.t === 'word' ? token.text : token.day;
    case 'string':
      return `"${token.text}"`;
    case 'number':
      return token.raw;
    case 'op':
      return text.slice(token.at, token.at + (token.op.length > 1 && token.op !== 'contains' && token.op !== 'starts' ? 2 : 1));
    case 'end':
      return '';
    default:
      return token.t;
  }
}

// ——— Writing a tree back as text (the visual builder's text form) ———

function quote(text: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.-]*$/u.test(text) && !KEYWORDS.has(text.toLowerCase()) && !UNITS[text.toLowerCase()] ? text : `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export function formatValue(value: FilterValue): string {
  switch (value.kind) {
    case 'text':
      return quote(value.text);
    case 'number':
      return String(value.value);
    case 'date':
      return value.day;
    case 'bool':
      return value.value ? 'yes' : 'no';
    case 'ago':
      return value.amount === 0 && value.unit === 'day' ? 'today' : `${value.amount} ${value.unit}${value.amount === 1 ? '' : 's'} ago`;
    case 'duration':
      return `${value.amount} ${value.unit}${value.amount === 1 ? '' : 's'}`;
  }
}

export function formatFilter(node: FilterNode | null, parent: 'and' | 'or' | 'not' | null = null): string {
  if (!node) return '';
  switch (node.type) {
    case 'and':
    case 'or': {
      const text = node.items.map((item) => formatFilter(item, node.type)).join(` ${node.type} `);
      return parent && parent !== node.type ? `(${text})` : text;
    }
    case 'not':
      return `not ${formatFilter(node.item, 'not')}`;
    case 'compare':
      return `${node.field} ${node.op === 'starts' ? 'starts with' : node.op} ${formatValue(node.value)}`;
    case 'in':
      return `${node.field} ${node.negated ? 'not in' : 'in'} (${node.values.map(formatValue).join(', ')})`;
    case 'set':
      return `${node.field} is ${node.negated ? 'not ' : ''}set`;
    case 'call':
      return `${node.name}(${node.args.map((a) => `${a.name}: ${formatValue(a.value)}`).join(', ')})`;
  }
}

// ——— Messages ———

type Locale = 'en' | 'ru';

const EXPECTED: Record<Locale, Record<Expected, string>> = {
  en: { field: 'a field name', operator: 'an operator (=, !=, <, >, in, is set, contains) or "and"/"or"', value: 'a value', close: '")"', open: '"("', comma: '","', colon: '":"', end: 'the end of the filter', unit: 'days, weeks, months or years', ago: '"ago" (as in "90 days ago")', set: '"set" or "not set"' },
  ru: { field: 'имя поля', operator: 'оператор (=, !=, <, >, in, is set, contains) или and/or', value: 'значение', close: '«)»', open: '«(»', comma: '«,»', colon: '«:»', end: 'конец фильтра', unit: 'days, weeks, months или years', ago: '«ago» (как в «90 days ago»)', set: '«set» или «not set»' },
};

const KINDS: Record<Locale, Record<ValueKind, string>> = {
  en: { number: 'a number', money: 'an amount of money (a number)', date: 'a date (YYYY-MM-DD, "N days ago" or today)', text: 'text', boolean: 'yes or no', choice: 'one of its choices', duration: 'a duration ("180 days")' },
  ru: { number: 'числом', money: 'суммой (числом)', date: 'датой (ГГГГ-ММ-ДД, «N days ago» или today)', text: 'текстом', boolean: 'yes или no', choice: 'одним из вариантов', duration: 'сроком («180 days»)' },
};

/** The problem in words, in English or Russian, naming where it is (characters counted from 1). */
export function describeFilterError(problem: FilterProblem, locale: Locale): string {
  const ru = locale === 'ru';
  const where = ru ? `Позиция ${problem.at + 1}: ` : `At character ${problem.at + 1}: `;
  const suggest = (s: string | null) => (s ? (ru ? ` Может быть, «${s}»?` : ` Did you mean "${s}"?`) : '');
  switch (problem.code) {
    case 'unexpected': {
      const expected = problem.expected.map((e) => EXPECTED[locale][e]).join(ru ? ' или ' : ' or ');
      if (!problem.found) return `${where}${ru ? `фильтр оборвался, ожидалось ${expected}.` : `the filter ends where ${expected} was expected.`}`;
      return `${where}${ru ? `ожидалось ${expected}, а стоит «${problem.found}».` : `expected ${expected}, found "${problem.found}".`}`;
    }
    case 'unclosed_string':
      return `${where}${ru ? 'кавычка не закрыта.' : 'the quoted text is not closed.'}`;
    case 'too_long':
      return ru ? `Фильтр длиннее ${problem.limit} символов.` : `The filter is longer than ${problem.limit} characters.`;
    case 'too_deep':
      return `${where}${ru ? `скобки и not вложены глубже ${problem.limit} уровней.` : `brackets and "not" nest deeper than ${problem.limit} levels.`}`;
    case 'too_many':
      return `${where}${ru ? `больше ${problem.limit} условий или значений.` : `more than ${problem.limit} conditions or values.`}`;
    case 'unknown_field':
      return `${where}${ru ? `нет поля «${problem.field}».` : `there is no field "${problem.field}".`}${suggest(problem.suggestion)}`;
    case 'unknown_function':
      return `${where}${ru ? `нет функции «${problem.name}».` : `there is no function "${problem.name}".`}${suggest(problem.suggestion)}`;
    case 'bad_argument':
      return `${where}${ru ? `у ${problem.function}() нет аргумента «${problem.name}»; есть ${problem.allowed.join(', ')}.` : `${problem.function}() takes no "${problem.name}"; it takes ${problem.allowed.join(', ')}.`}`;
    case 'type_mismatch':
      return `${where}${ru ? `${problem.field} сравнивается с ${KINDS.ru[problem.expects]}, а здесь ${problem.found}.` : `${problem.field} compares with ${KINDS.en[problem.expects]}, not ${problem.found}.`}`;
    case 'unknown_choice':
      return `${where}${ru ? `у ${problem.field} нет варианта «${problem.value}»; есть ${problem.choices.join(', ')}.` : `${problem.field} has no choice "${problem.value}"; it is one of ${problem.choices.join(', ')}.`}${suggest(problem.suggestion)}`;
    case 'bad_operator':
      return `${where}${ru ? `${problem.field} не сравнивается через «${problem.op}»; можно ${problem.allowed.join(', ')}.` : `${problem.field} does not take "${problem.op}"; use ${problem.allowed.join(', ')}.`}`;
    case 'bad_date':
      return `${where}${ru ? `нет такой даты: ${problem.value}.` : `${problem.value} is not a date.`}`;
    case 'segment_cycle':
      return `${where}${ru ? `сегмент «${problem.segment}» ссылается сам на себя.` : `segment "${problem.segment}" refers to itself.`}`;
  }
}

/** The closest of some names to a misspelt one (edit distance at most a third of its length), or null. */
export function nearestName(name: string, names: readonly string[]): string | null {
  const target = name.toLowerCase();
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.ceil(target.length / 3)) + 1;
  for (const candidate of names) {
    const d = editDistance(target, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]!;
}
