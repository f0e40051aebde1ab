import { describe, expect, it } from 'vitest';
import { findingStatusOf, findingText, initiativeStatusOf, initiativeText, readTag } from './status-words';

describe('statuses in the team’s words', () => {
  it('reads an initiative’s status from what the item states', () => {
    expect(initiativeStatusOf('live', undefined)).toBe('done');
    expect(initiativeStatusOf('in_development', 40)).toBe('on_track');
    expect(initiativeStatusOf(undefined, 100)).toBe('done');
    expect(initiativeStatusOf(undefined, undefined)).toBe('on_track');
  });

  it('reads a finding’s state after the dash; work on it is not "resolved"', () => {
    expect(findingStatusOf('材料已提交，等待受理')).toBe('in_progress');
    expect(findingStatusOf('已完成采购，本月底部署')).toBe('in_progress');
    expect(findingStatusOf('审批流程已上线，已关闭')).toBe('resolved');
    expect(findingStatusOf('经评估接受风险')).toBe('accepted_risk');
    expect(findingStatusOf('')).toBe('open');
  });

  it('tags only what the words cannot say, and reads the tag back', () => {
    expect(initiativeText('先享后付', '开发进度 40%', 'on_track', 40)).toBe('开发进度 40%');
    const tagged = initiativeText('先享后付', '开发进度 40%', 'at_risk', 40);
    expect(tagged).toBe('开发进度 40% 〔有风险 40%〕');
    expect(readTag(tagged)).toMatchObject({ text: '开发进度 40%', initiative: 'at_risk', progress: 40, tagged: true });
    expect(readTag(initiativeText('x', '', 'paused', null))).toMatchObject({ text: '', initiative: 'paused', progress: null });
    expect(findingText('已整改', 'resolved')).toBe('已整改');
    expect(readTag(findingText('已整改', 'open'))).toMatchObject({ text: '已整改', finding: 'open' });
    // Brackets a person typed that are not a tag stay text.
    expect(readTag('见〔2024〕12号文')).toMatchObject({ tagged: false, text: '见〔2024〕12号文' });
  });
});
