// Colours that stay distinguishable for common colour-vision deficiencies (Okabe–Ito).
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
export const GRADE_COLORS = { A: '#7f1d1d', B: '#dc2626', C: '#f59e0b', D: '#fcd34d', ungraded: '#94a3b8' } as const;
