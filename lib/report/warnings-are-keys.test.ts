// Issue 15: the parser's warnings are catalogue keys with values, shown in the reader's language (the import
// preview) or in English (the command line); never English sentences, never a half-Chinese mix.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localize } from '../i18n/form-labels';
import { MESSAGES } from '../i18n/messages';
import { parseReport } from './parse-report';

const SAMPLES = path.resolve(__dirname, '../../fixtures/reports');
const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join(SAMPLES, f), 'utf8'));

// Texts that trip each kind of warning the parser has.
const TROUBLE = [
  'no heading at all',
  '# 第29周 2023-02-30\n',
  '# 第29周 2023-07-15\n# 第30周 2023-07-22\n',
  '# 第31周 2023-07-15\n',
  '# 第29周 2023-07-15\n入金有效成功率：199.5%\n入金有效成功率：99.95%\n入金有效成功率：99.90%\n',
  '# 第29周 2023-07-15\nAB级2次，A级3次\nC级1次，C级2次\n',
  '# 第29周 2023-07-15\nHive迁移进度：50%（共0个）\nHive迁移进度 30/20\n数据分类分级打标完成率 10%，已完成 5，总数 4\n',
  '# 第29周 2023-07-15\n数据分类分级打标完成率 16.08%，已完成 50，总数 100\nHive迁移进度：51%（10/20）\n',
  '# 第29周 2023-07-15\n## 生产事件\n- 7月13日 支付失败率升高\n- 2月30日 10:00 渠道抖动\n',
  '# 第29周 2023-07-15\n| 指标 | 7/8 | 7/15 |\n|---|---|---|\n| 入金有效成功率 | 99.9% | 99.95% |\n',
  `# 第29周 2023-07-15\n${'x'.repeat(210_000)}`,
];

describe('report warnings', () => {
  it('are catalogue keys with both languages, rendered without leftover braces', () => {
    const warnings = [...samples, ...TROUBLE].flatMap((text) => parseReport(text, { numbering: 'jan1' }).warnings);
    expect(new Set(warnings.map((w) => w.code)).size).toBeGreaterThan(5);
    for (const w of warnings) {
      const head = w.message.split('|')[0];
      expect(head in MESSAGES.en && head in MESSAGES.zh, `${w.code}: ${w.message}`).toBe(true);
      for (const lang of ['en', 'zh'] as const) expect(localize(w.message, lang), w.message).not.toMatch(/\{[a-zA-Z]+\}/);
    }
  });
});
