// The weekly form's words in both languages, handed from the server page to the client form.
import type { Language } from '../constants';

const en = {
  values: 'Values',
  events: 'Production events',
  noEvents: 'No production events this week.',
  event: 'Event',
  title: 'Event',
  cause: 'Cause',
  handling: 'Handling',
  start: 'Start',
  end: 'End',
  duration: 'Duration (min)',
  grade: 'Grade',
  gradeNone: 'None',
  gradeStatus: 'Grade status',
  estimated: 'Estimated',
  final: 'Final',
  remove: 'Remove event',
  add: 'Add event',
  done: 'Done',
  total: 'Total',
  optional: 'optional',
  lastWeek: 'Last week',
  target: 'Target',
  dp: 'dp',
  notes: 'Notes (shown with the week, also on share links)',
  internalNotes: 'Internal notes (never on share links)',
  reason: 'Reason for changing published values',
  published: 'Published',
  draft: 'Draft',
  unpublish: 'Unpublish',
  saveChanges: 'Save changes',
  // Issue 14: on a published week, saves (a restatement) and freezes the next published version.
  republish: 'Save and republish',
  saveDraft: 'Save draft',
  publish: 'Publish',
  publishAnyway: 'Publish without them',
  missing: 'Missing',
};

export type FormLabels = typeof en;

const zh: FormLabels = {
  values: '指标数值',
  events: '生产稳定性事件',
  noEvents: '本周无生产稳定性事件。',
  event: '事件',
  title: '事件',
  cause: '原因',
  handling: '处置',
  start: '开始',
  end: '结束',
  duration: '持续（分钟）',
  grade: '等级',
  gradeNone: '未定级',
  gradeStatus: '定级状态',
  estimated: '预估',
  final: '定级',
  remove: '删除事件',
  add: '添加事件',
  done: '已完成',
  total: '总数',
  optional: '选填',
  lastWeek: '上周',
  target: '目标',
  dp: '位小数',
  notes: '备注（随周报展示，分享链接可见）',
  internalNotes: '内部备注（分享链接不可见）',
  reason: '修改已发布数值的原因',
  published: '已发布',
  draft: '草稿',
  unpublish: '撤回发布',
  saveChanges: '保存修改',
  republish: '保存并重新发布',
  saveDraft: '保存草稿',
  publish: '发布',
  publishAnyway: '仍然发布',
  missing: '缺少',
};

export const FORM_LABELS: Record<Language, FormLabels> = { en, zh };

/** Validation and save messages in Chinese; English is what the schemas and actions produce. */
const ZH_MESSAGES: Record<string, string> = {
  'Enter a number, e.g. 99.95.': '请输入数字，例如 99.95。',
  'Enter a whole number, 0 or more.': '请输入 0 或正整数。',
  'Enter a percentage from 0 to 100.': '请输入 0 到 100 之间的百分比。',
  'Use at most 4 decimals.': '最多 4 位小数。',
  'Enter 0 or more.': '请输入 0 或更大的数。',
  'Describe the event.': '请描述事件。',
  'Keep it under 300 characters.': '请少于 300 字。',
  'Enter the start as date and time.': '请填写开始日期和时间。',
  'Enter the end as date and time.': '请填写结束日期和时间。',
  'Choose A, B, C, D or none.': '请选择 A、B、C、D 或未定级。',
  'Choose estimated or final.': '请选择预估或定级。',
  'The end is before the start.': '结束时间早于开始时间。',
  'Does not match start and end; clear one of them.': '与开始、结束时间不符，请清空其一。',
  'Say whether the grade is estimated or final.': '请说明等级是预估还是定级。',
  'Choose the grade, or clear its status.': '请选择等级，或清空定级状态。',
  'Only progress metrics take counts.': '只有进度类指标可填写数量。',
  'The total must be more than 0.': '总数必须大于 0。',
  'Done cannot be more than the total.': '已完成数不能大于总数。',
  'Enter the total too.': '请同时填写总数。',
  // Impossible weeks and times (issue 11 item 5)
  'The week must be a date like 2026-11-30.': '周必须是形如 2026-11-30 的日期。',
  'A week starts on a Monday.': '每周从周一开始，请填写周一的日期。',
  'Weeks before 2000 cannot be saved.': '不能保存 2000 年以前的周。',
  'Weeks more than a year ahead cannot be saved.': '不能保存一年以后的周。',
  'This week has not started yet: save it as a draft and publish it once the week has begun.': '本周尚未开始：请先保存为草稿，待本周开始后再发布。',
  'Keep it under 2,000 characters.': '请少于 2000 字。',
  'Give a reason for changing published values.': '修改已发布的数值需要填写原因。',
  'Draft saved.': '草稿已保存。',
  'Saved and published.': '已保存并发布。',
  'No changes to save.': '没有需要保存的修改。',
  'You are not allowed to edit weeks.': '您没有编辑周数据的权限。',
  'Some required metrics have no value. Confirm to publish without them.': '部分必填指标没有数值。确认后可在缺少这些指标的情况下发布。',
  'This week is published: say why the values change.': '本周已发布：请说明修改原因。',
  // The weekly form's report sections (issue 13, R3)
  'Say why it was not done in full.': '请说明未完成（或未全部完成）的原因。',
  // ---- Issue 13 R1: the report part of a save, initiatives and findings. ----
  'Enter a progress from 0 to 100.': '请输入 0 到 100 之间的进度。',
  'Choose focus, other or next week.': '请选择重点工作、其他或下周计划。',
  'Write the item, or remove it.': '请填写内容，或删除该条。',
  'Keep an item under 2,000 characters.': '每条不超过 2,000 字。',
  'Choose a status.': '请选择状态。',
  'Keep an update under 5,000 characters.': '进展不超过 5,000 字。',
  'Keep a note under 5,000 characters.': '说明不超过 5,000 字。',
  'Choose done, partly or not done.': '请选择已完成、部分完成或未完成。',
  'Keep the reflection under 10,000 characters.': '收获与反思不超过 10,000 字。',
  'At most 200 items a week.': '每周最多 200 条。',
  'At most 500 updates a week.': '每周最多 500 条进展。',
  'At most 500 notes a week.': '每周最多 500 条说明。',
  'At most 200 plan checks a week.': '每周最多核对 200 条计划。',
  'Listed twice.': '重复列出。',
  'This initiative does not exist.': '该工作项不存在。',
  'This finding does not exist.': '该问题不存在。',
  'This is not one of last week’s plan items.': '这不是上周计划中的一项。',
  'Give it a title.': '请填写标题。',
  'Keep the title under 200 characters.': '标题不超过 200 字。',
  'Keep the owner under 80 characters.': '负责人不超过 80 字。',
  'Enter a date like 2024-06-30.': '请输入日期，例如 2024-06-30。',
  'Enter the week’s Monday.': '请输入该周的周一。',
  'A code like O1.': '编号形如 O1。',
  'A half-year like 2024H1.': '半年度形如 2024H1。',
  'It no longer exists.': '该项已不存在。',
  'Nothing was saved: check the highlighted fields.': '未保存：请检查标出的字段。',
  // ---- end R1 ----
};

export function localize(message: string, lang: Language): string {
  if (lang === 'en') return message;
  const fixed = ZH_MESSAGES[message];
  if (fixed) return fixed;
  const fields = /^Nothing was saved: (\d+) fields? needs? fixing\.$/.exec(message);
  return fields ? `未保存：有 ${fields[1]} 处需要修改。` : message;
}

export function localizeErrors(errors: Record<string, string[]>, lang: Language): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.map((m) => localize(m, lang))]));
}
