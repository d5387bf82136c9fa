/*
 * archlab report: draws the charts described by the JSON in #report-charts (lab/report/charts/chart-spec.ts).
 * Plain browser JavaScript, inlined after chart.js, overlay-plugin.js and heatmap.js. It only draws on
 * canvases: every word on the page was escaped by the report builder; nothing here writes to the DOM.
 * When every chart is drawn it sets <html data-charts-ready>, which the PNG renderer waits for.
 */
(function (archlab) {
  'use strict';
  var specs = JSON.parse(document.getElementById('report-charts').textContent);
  var Chart = window.Chart;
  Chart.defaults.animation = false;
  Chart.defaults.font.size = 15;
  Chart.defaults.color = '#1a1a1a';
  Chart.defaults.borderColor = '#e3e3e3';

  function percentTicks(enabled) {
    return enabled ? function (value) { return value + '%'; } : undefined;
  }

  function lineChart(canvas, spec) {
    var many = spec.series.some(function (s) { return s.points.length > 40; });
    return new Chart(canvas, {
      type: 'line',
      data: {
        datasets: spec.series.map(function (s) {
          return {
            label: s.label, data: s.points, borderColor: s.secondary ? s.color + '99' : s.color, backgroundColor: s.color,
            borderDash: s.dash || [], borderWidth: s.secondary ? 1.5 : 2.5, pointRadius: s.dots ? 6 : many ? 0 : 4, pointStyle: many && !s.dots ? 'line' : 'circle', tension: 0, spanGaps: false,
            showLine: !s.dots,
          };
        }),
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: {
            type: 'linear', min: spec.xMin, max: spec.xMax, title: { display: true, text: spec.xLabel },
            // Categories on a numeric axis (the dots sit beside each other): one tick per category, named.
            afterBuildTicks: spec.xTickLabels ? function (axis) { axis.ticks = spec.xTickLabels.map(function (_, i) { return { value: i }; }); } : undefined,
            ticks: spec.xTickLabels ? { callback: function (value) { return spec.xTickLabels[value] !== undefined ? spec.xTickLabels[value] : ''; } } : undefined,
          },
          y: {
            type: spec.yScale === 'log' ? 'logarithmic' : 'linear', min: spec.yMin, max: spec.yMax,
            title: { display: true, text: spec.yLabel }, ticks: { callback: percentTicks(spec.yPercent) },
          },
        },
        plugins: { legend: { position: 'top', labels: many ? { usePointStyle: true, pointStyleWidth: 36 } : { usePointStyle: true, boxHeight: 10 } }, archlabOverlay: { bands: spec.bands, markers: spec.markers, guides: spec.guides } },
      },
      plugins: [archlab.overlayPlugin],
    });
  }

  function barChart(canvas, spec) {
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d) { return { label: d.label, data: d.values, backgroundColor: d.color, borderColor: d.color }; }),
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, max: spec.yMax, title: { display: true, text: spec.yLabel }, ticks: { callback: percentTicks(spec.yPercent) } } },
        plugins: { legend: { position: 'top' } },
      },
    });
  }

  var draw = { line: lineChart, bar: barChart, heatmap: archlab.drawHeatmap };
  var heatmaps = [];
  var byId = {};
  specs.forEach(function (spec) { byId[spec.id] = spec; });
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var spec = byId[canvas.getAttribute('data-chart')];
    if (!spec) { console.error('archlab report: no data for chart ' + canvas.getAttribute('data-chart')); return; }
    try {
      draw[spec.kind](canvas, spec);
      if (spec.kind === 'heatmap') heatmaps.push([canvas, spec]);
    } catch (error) {
      console.error('archlab report: chart ' + spec.id + ' failed: ' + error);
    }
  });
  // chart.js redraws its charts on resize; the heatmaps are redrawn here, once the resizing settles.
  var resizeTimer;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { heatmaps.forEach(function (h) { archlab.drawHeatmap(h[0], h[1]); }); }, 150);
  });
  document.documentElement.setAttribute('data-charts-ready', 'true');
})(window.archlab);
