import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdownLite } from './markdown-lite';

describe('Markdown-lite', () => {
  it('reads lists, ordered and not, and paragraphs', () => {
    expect(parseMarkdownLite('进展如下：\n- 渠道A 已投产\n- 渠道B 开发进度 40%\n\n1. 第一\n2、第二')).toEqual([
      { kind: 'paragraph', inline: [{ kind: 'text', text: '进展如下：' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: '渠道A 已投产' }], [{ kind: 'text', text: '渠道B 开发进度 40%' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: '第一' }], [{ kind: 'text', text: '第二' }]] },
    ]);
  });
  it('bold becomes a bold part; a link shows its address as text', () => {
    expect(parseInline('**已投产**，见[方案](https://x.example/a)')).toEqual([
      { kind: 'bold', text: '已投产' },
      { kind: 'text', text: '，见方案 (https://x.example/a)' },
    ]);
  });
  it('markup stays text: nothing is turned into HTML', () => {
    const parts = parseInline('<img src=x onerror=alert(1)> [x](javascript:alert(1))');
    expect(parts).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)> x (javascript:alert(1))' }]);
  });
});
