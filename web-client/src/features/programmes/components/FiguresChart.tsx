import { useEffect, useRef } from "react";

/**
 * One bar chart of a figure by month, drawn by Chart.js (canvas). The library is imported here only, with the office's
 * figures page, so no other page's first load carries it. The canvas is decorative for screen readers: the same numbers
 * are in the table beside it.
 */
export function FiguresChart({ label, months, values }: { label: string; months: string[]; values: number[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy: () => void } | undefined;
    let cancelled = false;
    void import("chart.js").then(({ Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip }) => {
      if (cancelled || !canvas.current) return;
      Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
      chart = new Chart(canvas.current, {
        type: "bar",
        data: { labels: months, datasets: [{ label, data: values, backgroundColor: "#1f4e79" }] },
        options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } },
      });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [label, months, values]);
  return (
    <figure className="figures-chart">
      <figcaption>{label}</figcaption>
      <div style={{ position: "relative", height: "12rem" }}>
        <canvas ref={canvas} aria-hidden="true" />
      </div>
    </figure>
  );
}
