// UI strings in both languages. Keys are grouped by page; a missing key is a type error.
const en = {
  'app.name': 'Weekline',
  'app.tagline': 'Payment operations, week by week',
  'nav.overview': 'Overview',
  'nav.entry': 'Enter week',
  'nav.import': 'Import',
  'nav.targets': 'Targets',
  'nav.metrics': 'Metrics',
  'nav.users': 'Users',
  'nav.shares': 'Share links',
  'nav.logout': 'Log out',
  'nav.language': '中文',
  'login.title': 'Log in to Weekline',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.failed': 'Wrong email or password.',
  'login.locked': 'Too many failed attempts. Try again in {minutes} min.',
  'login.invalid': 'Check the highlighted fields.',
  'forbidden.title': 'You do not have access to this page',
  'forbidden.body': 'Ask an admin for a role that allows it.',
  'overview.title': 'Latest week',
  'overview.empty': 'No published week yet. Enter this week’s numbers to get started.',
  'overview.target': 'Target',
  'overview.noValue': 'No value',
  'overview.noTarget': 'No target',
  'status.met': 'Met',
  'status.warning': 'Warning',
  'status.missed': 'Missed',
  'status.none': 'No target',
  'status.draft': 'Draft',
  'status.published': 'Published',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  'app.name': 'Weekline 周报看板',
  'app.tagline': '支付运营，按周追踪',
  'nav.overview': '总览',
  'nav.entry': '填报本周',
  'nav.import': '导入',
  'nav.targets': '目标',
  'nav.metrics': '指标',
  'nav.users': '用户',
  'nav.shares': '分享链接',
  'nav.logout': '退出登录',
  'nav.language': 'English',
  'login.title': '登录 Weekline',
  'login.email': '邮箱',
  'login.password': '密码',
  'login.submit': '登录',
  'login.failed': '邮箱或密码错误。',
  'login.locked': '失败次数过多，请 {minutes} 分钟后再试。',
  'login.invalid': '请检查标出的字段。',
  'forbidden.title': '您无权访问此页面',
  'forbidden.body': '请联系管理员分配相应角色。',
  'overview.title': '最新一周',
  'overview.empty': '还没有已发布的周数据。请先填报本周数据。',
  'overview.target': '目标',
  'overview.noValue': '无数据',
  'overview.noTarget': '无目标',
  'status.met': '达标',
  'status.warning': '预警',
  'status.missed': '未达标',
  'status.none': '无目标',
  'status.draft': '草稿',
  'status.published': '已发布',
};

export const MESSAGES = { en, zh } as const;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: 'zh' | 'en'): Translate {
  const table: Record<MessageKey, string> = MESSAGES[lang];
  return (key, params) =>
    Object.entries(params ?? {}).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), table[key] ?? key);
}
