/*
 * archlab report: draws the charts described by the JSON in #report-charts (see lab/report/charts/chart-spec.ts).
 * Plain browser JavaScript, inlined into every report after chart.js. It only draws on canvases: every
 * word on the page was escaped by the report builder, and nothing here writes text into the DOM.
 * When every chart is drawn it sets <html data-charts-ready>, which the PNG renderer waits for.
 */
(function () {
  'use strict';
  var specs = JSON.parse(document.getElementById('report-charts').textContent);
  var Chart = window.Chart;
  Chart.defaults.animation = false;
  Chart.defaults.font.size = 15;
  Chart.defaults.color = '#1a1a1a';
  Chart.defaults.borderColor = '#e3e3e3';

  var DASH = { solid: [], dashed: [6, 4], dotted: [2, 3] };

  // Fault windows as shaded boxes behind the data; lifecycle events and SLOs as lines in front of it.
  var overlay = {
    id: 'archlabOverlay',
    beforeDatasetsDraw: function (chart, _args, options) {
      var ctx = chart.ctx;
      var area = chart.chartArea;
      var x = chart.scales.x;
      ctx.save();
      (options.bands || []).forEach(function (band) {
        var left = Math.max(area.left, x.getPixelForValue(band.fromX));
        var right = Math.min(area.right, x.getPixelForValue(band.toX));
        if (right <= left) return;
        ctx.fillStyle = 'rgba(90, 90, 90, 0.13)';
        ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
        ctx.fillStyle = '#444';
        ctx.font = '13px system-ui, sans-serif';
        ctx.textAlign = 'left';
        ctx.fillText(band.label, left + 4, area.bottom - 6, right - left - 8);
      });
      ctx.restore();
    },
    afterDatasetsDraw: function (chart, _args, options) {
      var ctx = chart.ctx;
      var area = chart.chartArea;
      var x = chart.scales.x;
      var y = chart.scales.y;
      ctx.save();
      ctx.font = '12px system-ui, sans-serif';
      // Labels go on the first row where they do not overlap an earlier one.
      var rowEnds = [];
      (options.markers || []).slice().sort(function (a, b) { return a.x - b.x; }).forEach(function (marker) {
        var px = x.getPixelForValue(marker.x);
        if (px < area.left || px > area.right) return;
        ctx.strokeStyle = marker.color;
        ctx.lineWidth = 1.5;
        ctx.setLineDash(DASH[marker.style] || []);
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        if (!marker.label) return;
        var width = ctx.measureText(marker.label).width;
        var row = 0;
        while (row < rowEnds.length && rowEnds[row] > px) row += 1;
        if (row >= 6) return;
        rowEnds[row] = px + width + 10;
        ctx.fillStyle = marker.color;
        ctx.textAlign = 'left';
        ctx.fillText(marker.label, px + 3, area.top + 12 + 15 * row);
      });
      (options.guides || []).forEach(function (guide) {
        var py = y.getPixelForValue(guide.y);
        if (py < area.top || py > area.bottom) return;
        ctx.strokeStyle = '#b3261e';
        ctx.lineWidth = 2;
        ctx.setLineDash([8, 4]);
        ctx.beginPath();
        ctx.moveTo(area.left, py);
        ctx.lineTo(area.right, py);
        ctx.stroke();
        ctx.fillStyle = '#b3261e';
        ctx.textAlign = 'right';
        ctx.fillText(guide.label, area.right - 4, py - 5);
      });
      ctx.restore();
    },
  };

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
            borderDash: s.dash || [], borderWidth: s.secondary ? 1.5 : 2.5, pointRadius: many ? 0 : 4, pointStyle: many ? 'line' : 'circle', tension: 0, spanGaps: false,
          };
        }),
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: { type: 'linear', min: spec.xMin, max: spec.xMax, title: { display: true, text: spec.xLabel } },
          y: {
            type: spec.yScale === 'log' ? 'logarithmic' : 'linear', min: spec.yMin, max: spec.yMax,
            title: { display: true, text: spec.yLabel }, ticks: { callback: percentTicks(spec.yPercent) },
          },
        },
        plugins: { legend: { position: 'top', labels: many ? { usePointStyle: true, pointStyleWidth: 36 } : { usePointStyle: true, boxHeight: 10 } }, archlabOverlay: { bands: spec.bands, markers: spec.markers, guides: spec.guides } },
      },
      plugins: [overlay],
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

  // Availability from red (0) through yellow (50%) to green (100%); the number is printed in every cell too.
  function heatColor(value) {
    if (value === null || value === undefined) return '#d9d9d9';
    var stops = [[215, 48, 39], [254, 224, 139], [26, 152, 80]];
    var t = Math.max(0, Math.min(1, value)) * 2;
    var a = stops[t < 1 ? 0 : 1];
    var b = stops[t < 1 ? 1 : 2];
    var f = t < 1 ? t : t - 1;
    return 'rgb(' + a.map(function (c, i) { return Math.round(c + (b[i] - c) * f); }).join(',') + ')';
  }

  function heatmap(canvas, spec) {
    var box = canvas.parentElement;
    var width = box.clientWidth;
    var height = box.clientHeight;
    var ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = '100%';
    canvas.style.height = height + 'px';
    var ctx = canvas.getContext('2d');
    ctx.scale(ratio, ratio);
    var labelWidth = Math.min(360, width * 0.38);
    var top = 40;
    var cellW = (width - labelWidth - 8) / Math.max(1, spec.columns.length);
    var cellH = Math.max(30, (height - top - 8) / Math.max(1, spec.rows.length));
    ctx.font = '600 15px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'center';
    ctx.fillStyle = '#1a1a1a';
    spec.columns.forEach(function (column, c) { ctx.fillText(column, labelWidth + cellW * (c + 0.5), top / 2); });
    spec.rows.forEach(function (row, r) {
      var y = top + r * cellH;
      ctx.textAlign = 'right';
      ctx.fillStyle = '#1a1a1a';
      ctx.font = (row.marked ? '700 ' : '400 ') + '16px system-ui, sans-serif';
      ctx.fillText(row.label, labelWidth - 12, y + cellH / 2 - (row.note ? 8 : 0), labelWidth - 16);
      if (row.note) {
        ctx.font = '13px system-ui, sans-serif';
        ctx.fillStyle = row.marked ? '#b3261e' : '#5f6368';
        ctx.fillText(row.note, labelWidth - 12, y + cellH / 2 + 10, labelWidth - 16);
      }
      spec.columns.forEach(function (_column, c) {
        var value = spec.values[r][c];
        var x = labelWidth + c * cellW;
        ctx.fillStyle = heatColor(value);
        ctx.fillRect(x + 2, y + 2, cellW - 4, cellH - 4);
        ctx.fillStyle = value !== null && value < 0.25 ? '#ffffff' : '#1a1a1a';
        ctx.textAlign = 'center';
        ctx.font = '600 16px system-ui, sans-serif';
        ctx.fillText(value === null ? 'n/a' : Math.round(value * 100) + '%', x + cellW / 2, y + cellH / 2);
      });
      if (row.marked) {
        ctx.strokeStyle = '#1a1a1a';
        ctx.lineWidth = 4;
        ctx.strokeRect(labelWidth, y + 1, cellW * spec.columns.length, cellH - 2);
      }
    });
  }

  var draw = { line: lineChart, bar: barChart, heatmap: heatmap };
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
    resizeTimer = setTimeout(function () { heatmaps.forEach(function (h) { heatmap(h[0], h[1]); }); }, 150);
  });
  document.documentElement.setAttribute('data-charts-ready', 'true');
})();
