// Registrations per day: a plain SVG bar chart, scaled to the busiest day.

const HEIGHT = 120;
const LABEL = 16;

export function BarChart({ days, label }: { days: Array<{ day: string; count: number }>; label: string }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const width = Math.max(days.length * 24, 240);
  const bar = width / Math.max(days.length, 1);
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${HEIGHT + LABEL}`} role="img" aria-label={label} preserveAspectRatio="none">
      {days.map((d, i) => {
        const h = Math.round((d.count / max) * (HEIGHT - 14));
        const x = i * bar + bar * 0.15;
        return (
          <g key={d.day}>
            <title>{`${d.day}: ${d.count}`}</title>
            <rect x={x} y={HEIGHT - h} width={bar * 0.7} height={h} rx="2" />
            {d.count > 0 && (
              <text x={x + bar * 0.35} y={HEIGHT - h - 3} text-anchor="middle" class="value">
                {d.count}
              </text>
            )}
            {(days.length <= 10 || i % Math.ceil(days.length / 8) === 0) && (
              <text x={x + bar * 0.35} y={HEIGHT + LABEL - 3} text-anchor="middle" class="day">
                {d.day.slice(8)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
