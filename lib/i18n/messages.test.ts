import { describe, expect, it } from 'vitest';
import { MESSAGES, renderMessage, translator } from './messages';
import { localize, messageKey } from './form-labels';

describe('the one catalogue', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(MESSAGES.zh).sort()).toEqual(Object.keys(MESSAGES.en).sort());
    for (const [k, v] of Object.entries(MESSAGES.zh)) expect(v.trim(), k).not.toBe('');
  });

  it('chooses plural forms by the language’s rules', () => {
    expect(translator('en')('error.fieldsNeedFixing', { count: 1 })).toBe('Nothing was saved: 1 field needs fixing.');
    expect(translator('en')('error.fieldsNeedFixing', { count: 3 })).toBe('Nothing was saved: 3 fields need fixing.');
    expect(translator('zh')('error.fieldsNeedFixing', { count: 3 })).toBe('未保存：有 3 处需要修改。');
    expect(translator('en')('unit.decimals', { count: 0 })).toBe('whole numbers');
    expect(translator('zh')('unit.decimals', { count: 2 })).toBe('2 位小数');
    expect(renderMessage('{n, plural, one {# week} other {# weeks}}', 'en', { n: 1200 })).toBe('1,200 weeks');
  });

  it('renders a key with values in the reader’s language', () => {
    expect(localize(messageKey('error.fieldsNeedFixing', { count: 2 }), 'zh')).toBe('未保存：有 2 处需要修改。');
    expect(localize('error.draftSaved', 'zh')).toBe('草稿已保存。');
    expect(localize('error.draftSaved', 'en')).toBe('Draft saved.');
  });
});
