/** The report page's CSS, inlined into report.html (no external stylesheet, no web fonts). */
export const reportCss = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d9d9d9; --accent: #0072B2; --bad: #a0301a; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.45; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 28px 0 8px; }
p.lead { color: var(--muted); margin: 0 0 16px; }
nav ol { columns: 2; margin: 8px 0 0; padding-left: 20px; }
nav a, a { color: var(--accent); }
table { border-collapse: collapse; font-size: 0.85rem; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 10px 4px 0; text-align: left; vertical-align: top; }
th { font-weight: 600; border-bottom: 2px solid #999; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-wrap { overflow-x: auto; }
figure { margin: 12px 0 32px; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 6px; }
.problem { border-left: 4px solid var(--bad); background: #fbefec; padding: 8px 12px; margin: 8px 0; font-size: 0.9rem; }
.skipped { border-left: 4px solid #bbb; background: #f4f4f4; padding: 8px 12px; margin: 8px 0; font-size: 0.9rem; color: var(--muted); }
.note { color: var(--muted); font-size: 0.85rem; }
details summary { cursor: pointer; color: var(--accent); margin: 4px 0; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }
`;
