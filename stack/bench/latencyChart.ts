/**
 * The router bench's picture: latency (p50 dashed, p95 solid) against concurrent clients, one panel
 * per query, one colour per target. Plain SVG: three points per line need no charting library.
 */
export interface ChartPanel {
  title: string;
  /** Target → latency at each concurrency (same order as `concurrency`). */
  series: Record<string, { p50: number[]; p95: number[] }>;
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A round step (1, 2 or 5 × 10ⁿ) that cuts `max` into at most five intervals. */
function step(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
}

export function latencyChartSvg(concurrency: number[], panels: ChartPanel[], subtitle: string): string {
  const width = 460;
  const height = 320;
  const margin = { left: 56, right: 16, top: 40, bottom: 48 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const legendH = 24;
  const out: string[] = [];
  const totalW = width * panels.length;
  const totalH = height + legendH + 28;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${totalW}" height="${totalH}" viewBox="0 0 ${totalW} ${totalH}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${totalW / 2}" y="18" text-anchor="middle" font-size="13" fill="#555">${escapeXml(subtitle)}</text>`,
  );
  const targets = [...new Set(panels.flatMap((p) => Object.keys(p.series)))];
  panels.forEach((panel, index) => {
    const x0 = index * width + margin.left;
    const y0 = 28 + margin.top;
    const max = Math.max(1, ...Object.values(panel.series).flatMap((s) => [...s.p50, ...s.p95]));
    const yStep = step(max);
    const yMax = Math.ceil(max / yStep) * yStep;
    // Concurrencies evenly spaced (1, 10, 50 would crowd on a linear axis).
    const x = (i: number) => x0 + (concurrency.length === 1 ? plotW / 2 : (i / (concurrency.length - 1)) * plotW);
    const y = (ms: number) => y0 + plotH - (ms / yMax) * plotH;
    out.push(`<text x="${x0 + plotW / 2}" y="${y0 - 14}" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(panel.title)}</text>`);
    for (let v = 0; v <= yMax + 1e-9; v += yStep) {
      out.push(
        `<line x1="${x0}" x2="${x0 + plotW}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e5e5e5"/>`,
        `<text x="${x0 - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" fill="#444">${Number(v.toFixed(3))}</text>`,
      );
    }
    concurrency.forEach((c, i) => {
      out.push(`<text x="${x(i).toFixed(1)}" y="${y0 + plotH + 18}" text-anchor="middle" fill="#444">${c}</text>`);
    });
    out.push(
      `<line x1="${x0}" x2="${x0}" y1="${y0}" y2="${y0 + plotH}" stroke="#888"/>`,
      `<line x1="${x0}" x2="${x0 + plotW}" y1="${y0 + plotH}" y2="${y0 + plotH}" stroke="#888"/>`,
      `<text x="${x0 + plotW / 2}" y="${y0 + plotH + 38}" text-anchor="middle" fill="#444">concurrent clients</text>`,
      `<text transform="translate(${x0 - 42} ${y0 + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#444">latency (ms)</text>`,
    );
    for (const [name, s] of Object.entries(panel.series)) {
      const colour = COLOURS[targets.indexOf(name) % COLOURS.length];
      for (const [values, dash] of [
        [s.p95, ''],
        [s.p50, ' stroke-dasharray="5 4"'],
      ] as const) {
        const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
        out.push(`<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`);
        for (const [i, v] of values.entries()) out.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${colour}"/>`);
      }
    }
  });
  // One legend for all panels: a colour per target, and what solid and dashed mean.
  let lx = 16;
  const ly = totalH - 12;
  for (const [i, name] of targets.entries()) {
    const colour = COLOURS[i % COLOURS.length];
    out.push(
      `<line x1="${lx}" x2="${lx + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${colour}" stroke-width="3"/>`,
      `<text x="${lx + 30}" y="${ly}">${escapeXml(name)}</text>`,
    );
    lx += 40 + name.length * 7;
  }
  out.push(
    `<line x1="${lx + 10}" x2="${lx + 34}" y1="${ly - 4}" y2="${ly - 4}" stroke="#333" stroke-width="2"/>`,
    `<text x="${lx + 40}" y="${ly}">p95</text>`,
    `<line x1="${lx + 80}" x2="${lx + 104}" y1="${ly - 4}" y2="${ly - 4}" stroke="#333" stroke-width="2" stroke-dasharray="5 4"/>`,
    `<text x="${lx + 110}" y="${ly}">p50</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}
