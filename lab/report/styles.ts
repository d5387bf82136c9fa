/** The pages' one style sheet: large type and strong contrast, for a class reading it off a wall. */
export const STYLES = `
:root { --fg: #1a1a1a; --muted: #5f6368; --line: #d9d9d9; --ok: #1b7f3b; --warn: #a15c00; --bad: #b3261e; --bg: #ffffff; }
* { box-sizing: border-box; }
body { margin: 0; font: 18px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1500px; margin: 0 auto; padding: 24px 32px 64px; }
header.page { border-bottom: 3px solid var(--fg); margin-bottom: 16px; padding-bottom: 8px; }
h1 { font-size: 34px; margin: 4px 0; }
h2 { font-size: 26px; margin: 40px 0 6px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 20px; margin: 16px 0 4px; }
p.intro, p.lead { color: var(--muted); margin: 4px 0 14px; max-width: 70em; }
.muted { color: var(--muted); }
.banner { border: 2px solid var(--bad); border-radius: 6px; padding: 0.6em 1em; margin: 1em 0; background: #fff5f5; }
.reason { margin: 0.3em 0; }
.ok { color: var(--ok); } .warn { color: var(--warn); } .bad { color: var(--bad); font-weight: 600; }
table.skew tr.mixed td { background: rgba(127, 127, 127, 0.08); }
nav.sections { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 16px; margin: 8px 0; }
a { color: #0b57d0; }
.chip { display: inline-block; padding: 1px 10px; border-radius: 999px; color: #fff; background: var(--chip); font-weight: 600; white-space: nowrap; }
.badge { display: inline-block; padding: 1px 10px; border-radius: 6px; border: 2px solid currentColor; font-weight: 700; margin-left: 8px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 17px; }
th, td { text-align: left; padding: 6px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { border-bottom: 2px solid var(--fg); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.examples { font-size: 13px; color: var(--muted); font-weight: 400; }
table.kv th { color: var(--muted); font-weight: 500; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 0 32px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(620px, 1fr)); gap: 24px; }
.grid.one { grid-template-columns: 1fr; }
figure.chart { margin: 0; padding: 12px 16px; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
figure.chart h3 { margin: 0 0 2px; }
figure.chart figcaption p { margin: 0 0 8px; color: var(--muted); font-size: 16px; }
.plot { position: relative; width: 100%; }
p.note { font-size: 15px; color: var(--muted); margin: 6px 0 0; }
.verdicts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
.verdict { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; }
.verdict .statement { font-size: 19px; margin: 8px 0; }
.verdict ul { margin: 0; padding-left: 20px; font-size: 15px; color: var(--muted); }
ul.files { font-size: 16px; }
footer { margin-top: 48px; color: var(--muted); font-size: 14px; }
.deploy-timelines { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 16px; margin: 12px 0; }
.deploy-timelines.side-by-side { grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); }
svg.deploy-timeline { display: block; max-width: 900px; height: auto; }
`;
