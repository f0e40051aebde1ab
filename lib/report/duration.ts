// A duration as people read it: "2小时5分钟" / "2 h 5 min", never "125 min". Pure.
import type { Language } from '../constants';

export function formatDuration(minutes: number, lang: Language): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (lang === 'zh') return h === 0 ? `${rest}分钟` : rest === 0 ? `${h}小时` : `${h}小时${rest}分钟`;
  return h === 0 ? `${rest} min` : rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}
