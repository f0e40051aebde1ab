import { openDatabase } from '@/db/index';
import { createFinding, createInitiative, ensureObjective } from '@/db/queries/report-admin';
import { saveWeek } from '@/db/queries/save-week';
import { getUserByEmail } from '@/db/queries/users';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';

const db = openDatabase(process.env.DATABASE_PATH!);
const u = getUserByEmail('admin@e2e.test', db)!;
const actor = { userId: u.id, email: u.email };
const o1 = ensureObjective({ code: 'O1', titleZh: '服务业务', titleEn: 'Serve the business', period: '2024H1' }, actor, db);
const o2 = ensureObjective({ code: 'O2', titleZh: '系统升级', titleEn: 'System upgrades', period: '2024H1' }, actor, db);
const a = createInitiative({ objectiveId: o1, title: '新支付能力建设' }, actor, db);
const x = createInitiative({ objectiveId: o1, parentId: a, title: '先享后付' }, actor, db);
const y = createInitiative({ objectiveId: o1, parentId: a, title: '海外卡收单' }, actor, db);
const h = createInitiative({ objectiveId: o2, title: 'Hive迁移', owner: '王工' }, actor, db);
const f1 = createFinding({ title: '运维堡垒机双因素认证未全覆盖', source: '等保测评', owner: '李工', dueDate: '2024-05-10', openedWeek: '2024-04-29' }, actor, db);
const f2 = createFinding({ title: '数据库审计日志保留不足180天', source: '等保测评', dueDate: '2024-06-30', openedWeek: '2024-04-29' }, actor, db);
const schema = weekEntrySchema(DEFAULT_METRICS);
const weeks = [['2024-04-29', 35, 99.97], ['2024-05-06', 45, 99.94], ['2024-05-13', 55, 99.93]] as const;
for (const [w, p, rate] of weeks) {
  const out = saveWeek(schema.parse({
    weekStart: w, baseVersion: 0, intent: 'publish', notes: '', confirmMissing: true,
    values: { outbound_success_rate: { value: String(rate) }, health_score: { value: w === '2024-05-13' ? '600' : '654' } },
    report: {
      reflection: '对外部依赖的变更要有**主动探测**，不能只依赖对方通知。<script>alert(1)</script> [坏链接](javascript:alert(1)) 见 [方案](https://example.com/x)',
      items: [
        { section: 'focus', text: '支付中心半年目标中期复盘' }, { section: 'focus', text: '跨境收款合规材料准备' },
        { section: 'other', text: '组织支付安全意识培训一次' }, { section: 'other', text: '内部：更新值班联系人名单', internal: true },
        { section: 'next_week', text: `先享后付开发进度推进至${p + 10}%` }, { section: 'next_week', text: '堡垒机双因素认证全覆盖' },
      ],
      updates: [
        { initiativeId: a, status: 'on_track', text: '' },
        { initiativeId: x, status: 'on_track', progress: p, text: `- 接口联调完成\n- **风控规则**评审通过` },
        { initiativeId: y, status: 'at_risk', text: '需求评审中（内部备注）', internal: true },
        { initiativeId: h, status: 'off_track', progress: 45, text: '等待数据组排期' },
      ],
      findingNotes: [{ findingId: f1, status: 'in_progress', text: '已完成采购，本月底部署' }, { findingId: f2, status: 'open', text: '已扩容存储，待复测' }],
    },
  }), actor, db);
  console.log(w, out.ok ?? out);
}
db.$client.close();
