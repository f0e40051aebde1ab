import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdownLite, plainText, safeHref } from './markdown-lite';

describe('parseMarkdownLite', () => {
  it('reads lists, numbered lists, bold and paragraphs', () => {
    const blocks = parseMarkdownLite('本周**已投产**两个渠道：\n- 云闪付 已投产\n- 数字人民币 开发进度 40%\n\n1. 需求评审\n2、联调\n结论');
    expect(blocks).toEqual([
      { kind: 'paragraph', lines: [[{ kind: 'text', text: '本周' }, { kind: 'bold', text: '已投产' }, { kind: 'text', text: '两个渠道：' }]] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: '云闪付 已投产' }], [{ kind: 'text', text: '数字人民币 开发进度 40%' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: '需求评审' }], [{ kind: 'text', text: '联调' }]] },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: '结论' }]] },
    ]);
  });

  it('keeps a number that starts a line as text', () => {
    expect(parseMarkdownLite('99.5%，\n2024.05 上线')).toEqual([{ kind: 'paragraph', lines: [[{ kind: 'text', text: '99.5%，' }], [{ kind: 'text', text: '2024.05 上线' }]] }]);
  });

  it('makes http(s) links links, with their text', () => {
    expect(parseInline('见 [方案](https://wiki.example.com/a?b=1) 。')).toEqual([
      { kind: 'text', text: '见 ' },
      { kind: 'link', text: '方案', href: 'https://wiki.example.com/a?b=1' },
      { kind: 'text', text: ' 。' },
    ]);
  });

  it('keeps script tags and javascript:/data:/relative links as the text that was typed', () => {
    expect(parseInline('<script>alert(1)</script>')).toEqual([{ kind: 'text', text: '<script>alert(1)</script>' }]);
    for (const src of ['[点我](javascript:alert(1))', '[x](JavaScript:alert(1))', '[x](data:text/html,<b>)', '[x](/admin)', '[](https://a.example)']) {
      const inline = parseInline(src);
      expect(inline.every((i) => i.kind === 'text')).toBe(true);
      expect(inline.map((i) => i.text).join('')).toBe(src);
    }
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' https://ok.example/')).toBe('https://ok.example/');
    const blocks = parseMarkdownLite('- <img src=x onerror=alert(1)>\n- **<b>bold</b>**');
    expect(blocks).toEqual([
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: '<img src=x onerror=alert(1)>' }], [{ kind: 'bold', text: '<b>bold</b>' }]] },
    ]);
  });

  it('gives the plain text for one-line summaries', () => {
    expect(plainText('- **A** 完成\n- 见 [方案](https://a.example)')).toBe('A 完成 见 方案');
    expect(plainText('')).toBe('');
  });
});
