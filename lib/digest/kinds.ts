import type { ChannelKind } from '../constants';

/** Channel kinds as the team names them (both languages: the providers' own names). */
export const KIND_NAMES: Record<ChannelKind, string> = { wecom: '企业微信 WeCom', dingtalk: '钉钉 DingTalk', feishu: '飞书 Feishu / Lark', webhook: 'Webhook (JSON)' };
