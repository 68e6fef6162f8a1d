import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/ApiError.ts';
import { caretLines, parseFilterText, serverFilterMistake } from './filterErrors.ts';

describe('filter mistakes', () => {
  it('parses, or says where the syntax is wrong in the user’s language', () => {
    expect(parseFilterText('tier = gold', 'en').mistake).toBeNull();
    expect(parseFilterText('tier = gold and', 'en').mistake).toEqual({ at: 15, message: 'At character 16: the filter ends where a field name or "(" was expected.' });
    expect(parseFilterText('tier = gold and', 'ru').mistake?.message).toBe('Позиция 16: фильтр оборвался, ожидалось имя поля или «(».');
  });

  it('reads the server’s filters.invalid in the user’s language', () => {
    const error = new ApiError(400, 'filters.invalid', 'At character 1: there is no field "teir".', {
      problem: { code: 'unknown_field', at: 0, field: 'teir', suggestion: 'tier' },
      at: 0,
      message: { en: 'At character 1: there is no field "teir". Did you mean "tier"?', ru: 'Позиция 1: нет поля «teir». Может быть, «tier»?' },
    });
    expect(serverFilterMistake(error, 'ru')).toEqual({ at: 0, message: 'Позиция 1: нет поля «teir». Может быть, «tier»?' });
    expect(serverFilterMistake(new ApiError(500, 'internal.error', 'x'), 'en')).toBeNull();
  });

  it('puts a caret under the character, on its own line', () => {
    expect(caretLines('tier = gold and', 15)).toEqual({ line: 'tier = gold and', caret: '               ^' });
    expect(caretLines('tier = gold\nand x', 16)).toEqual({ line: 'and x', caret: '    ^' });
  });
});
