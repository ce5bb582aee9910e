/** The report's whole stylesheet, inlined: the file must open anywhere with nothing else. */
export const REPORT_CSS = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #1b2430; background: #f7f8fa; line-height: 1.5; }
body { margin: 0; }
main { max-width: 70rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 2px solid #d9dee5; padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
.meta, .note { color: #4a5565; font-size: .9rem; }
nav a { margin-right: 1rem; color: #2a6fb0; }
dl.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .5rem 1rem; margin: 0; }
dl.grid div { background: #fff; border: 1px solid #d9dee5; border-radius: 6px; padding: .5rem .75rem; }
dt { color: #6b7483; font-size: .8rem; }
dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
ul.alerts { list-style: none; padding: 0; margin: 0; }
ul.alerts li { background: #fff; border: 1px solid #d9dee5; border-radius: 6px; padding: .5rem .75rem; margin-bottom: .4rem; }
.badge { display: inline-block; font-size: .75rem; font-weight: 700; border-radius: 999px; padding: 0 .5rem; margin-right: .4rem; }
.sev-high { background: #fdecec; color: #a4262c; }
.sev-medium { background: #fff4db; color: #8a5a00; }
.sev-low { background: #e7eef6; color: #1f4e79; }
.evidence { color: #6b7483; font-size: .8rem; margin: .2rem 0 0; }
.column { background: #fff; border: 1px solid #d9dee5; border-radius: 8px; padding: 1rem; margin-bottom: 1rem;
  display: grid; grid-template-columns: minmax(14rem, 1fr) minmax(0, 2fr); gap: 1rem; break-inside: avoid; }
.column dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .75rem; margin: 0; font-size: .9rem; }
.column dd { font-weight: 500; }
table { border-collapse: collapse; font-size: .85rem; margin-top: .5rem; }
td, th { border-bottom: 1px solid #eceff3; padding: .2rem .5rem; text-align: left; }
td.num, th.num { text-align: right; }
figure { margin: 0; }
svg { max-width: 100%; height: auto; }
@media (max-width: 700px) { .column { grid-template-columns: 1fr; } }
@media print { body { background: #fff; } nav { display: none; } }
`;
