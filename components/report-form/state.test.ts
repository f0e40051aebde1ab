import { describe, expect, it } from 'vitest';
import { canCarry, carryForward, initiativeOrder, isCarried, moveItem, removeAt, setPlanCheck } from './state';
import type { InitiativeDraft, ReportDraft } from './types';

function draft(over: Partial<ReportDraft> = {}): ReportDraft {
  return { focus: [], objectives: [], initiatives: [], findings: [], other: [], reflection: '', nextWeek: [], planChecks: [], ...over };
}

describe('moveItem / removeAt', () => {
  const list = ['a', 'b', 'c'];
  it('moves an item up and down by one place', () => {
    expect(moveItem(list, 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(list, 0, 1)).toEqual(['b', 'a', 'c']);
  });
  it('keeps the list at the ends and for an unknown index', () => {
    expect(moveItem(list, 0, -1)).toEqual(list);
    expect(moveItem(list, 2, 1)).toEqual(list);
    expect(moveItem(list, 7, -1)).toEqual(list);
  });
  it('never changes the list it was given', () => {
    moveItem(list, 0, 1);
    removeAt(list, 1);
    expect(list).toEqual(['a', 'b', 'c']);
  });
  it('removes only the item at the index', () => {
    expect(removeAt(list, 1)).toEqual(['a', 'c']);
  });
});

describe('planned last week: check off and carry forward', () => {
  const base = draft({
    planChecks: [
      { itemId: 11, text: '完成渠道A联调', outcome: '', reason: '' },
      { itemId: 12, text: 'Hive迁移第二批', outcome: '', reason: '' },
    ],
    nextWeek: [{ clientKey: 'k0', text: '已有计划' }],
  });

  it('sets one check without touching the other', () => {
    const d = setPlanCheck(base, 12, { outcome: 'not_done', reason: '资源不足' });
    expect(d.planChecks[1]).toMatchObject({ outcome: 'not_done', reason: '资源不足' });
    expect(d.planChecks[0]).toEqual(base.planChecks[0]);
  });

  it('only unfinished items can be carried', () => {
    expect(canCarry({ itemId: 1, text: '', outcome: 'done', reason: '' })).toBe(false);
    expect(canCarry({ itemId: 1, text: '', outcome: '', reason: '' })).toBe(false);
    expect(canCarry({ itemId: 1, text: '', outcome: 'partly', reason: '' })).toBe(true);
    expect(canCarry({ itemId: 1, text: '', outcome: 'not_done', reason: '' })).toBe(true);
  });

  it('adds the item to this week’s plan once, remembering where it came from', () => {
    const checked = setPlanCheck(base, 12, { outcome: 'not_done' });
    const once = carryForward(checked, 12, 'k1');
    expect(once.nextWeek).toEqual([{ clientKey: 'k0', text: '已有计划' }, { clientKey: 'k1', text: 'Hive迁移第二批', carriedFrom: 12 }]);
    expect(isCarried(once, 12)).toBe(true);
    expect(carryForward(once, 12, 'k2').nextWeek).toHaveLength(2);
  });

  it('a done or unknown item is not carried', () => {
    expect(carryForward(setPlanCheck(base, 11, { outcome: 'done' }), 11, 'k1').nextWeek).toHaveLength(1);
    expect(carryForward(base, 99, 'k1').nextWeek).toHaveLength(1);
  });
});

describe('initiativeOrder', () => {
  const i = (id: number, objectiveId: number, parentId: number | null): InitiativeDraft => ({ id, objectiveId, parentId, title: `i${id}`, owner: '', status: '', progress: '', text: '' });
  it('lists each group followed by its children, with their index in the draft', () => {
    const all = [i(3, 1, 1), i(1, 1, null), i(2, 2, null), i(4, 1, null), i(5, 1, 1)];
    expect(initiativeOrder(all, 1).map((x) => [x.item.id, x.index, x.nested])).toEqual([
      [1, 1, false],
      [3, 0, true],
      [5, 4, true],
      [4, 3, false],
    ]);
  });
  it('shows a child whose group is gone at the top level', () => {
    expect(initiativeOrder([i(7, 1, 99)], 1).map((x) => x.nested)).toEqual([false]);
  });
});
