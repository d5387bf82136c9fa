/*
 * archlab report: the sweep's heatmap, drawn on a plain canvas (component broken × journey, the
 * availability printed in every cell, single points of failure outlined).
 */
(function (archlab) {
  'use strict';
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

  archlab.drawHeatmap = function (canvas, spec) {
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
  };
})(window.archlab = window.archlab || {});
