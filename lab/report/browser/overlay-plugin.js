/*
 * archlab report: a chart.js plugin drawing fault windows as shaded boxes behind the data, and
 * lifecycle events (crash, restart, ready) and SLO guides as lines in front of it. Options come from
 * a line chart spec: { bands, markers, guides } (lab/report/charts/chart-spec.ts).
 */
(function (archlab) {
  'use strict';
  var DASH = { solid: [], dashed: [6, 4], dotted: [2, 3] };

  // Fault windows as shaded boxes behind the data; lifecycle events and SLOs as lines in front of it.
  archlab.overlayPlugin = {
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
      });
      ctx.restore();
    },
    afterDatasetsDraw: function (chart, _args, options) {
      var ctx = chart.ctx;
      var area = chart.chartArea;
      var x = chart.scales.x;
      var y = chart.scales.y;
      ctx.save();
      // The fault's name over the data, on a light box so lines crossing it do not hide it.
      ctx.font = '13px system-ui, sans-serif';
      ctx.textAlign = 'left';
      (options.bands || []).forEach(function (band) {
        var left = Math.max(area.left, x.getPixelForValue(band.fromX));
        var right = Math.min(area.right, x.getPixelForValue(band.toX));
        if (right - left < 20) return;
        var width = Math.min(ctx.measureText(band.label).width, right - left - 8);
        ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
        ctx.fillRect(left + 2, area.bottom - 20, width + 4, 17);
        ctx.fillStyle = '#333';
        ctx.fillText(band.label, left + 4, area.bottom - 7, right - left - 8);
      });
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
})(window.archlab = window.archlab || {});
