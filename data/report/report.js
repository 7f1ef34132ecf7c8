// sitrep's report page: reads the report data (the JSON in #data, shape in
// src/report/html.h) and the world outlines (#world, TopoJSON) and draws every section with
// d3. Text from the data only ever goes in through textContent (d3's .text()), never as
// markup. Each section draws on its own: one that fails reports the error (the page's error
// capture puts it in #errors) and the others still draw. When done, <html> gets
// data-rendered="1" and counts of what was drawn (data-timeline-bars, data-map-paths,
// data-map-points, ...) for the headless-browser test.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('data').textContent);
  var fusion = data.fusion || {};
  var evidence = {};
  (data.evidence || []).forEach(function (e, i) { e.n = i + 1; evidence[e.id] = e; });
  var documents = {};
  (data.documents || []).forEach(function (d) { documents[d.id] = d; });
  var drawn = {
    'timeline-bars': 0, 'timeline-charts': 0, 'expected-markers': 0,
    'map-paths': 0, 'map-points': 0, 'stories': 0, 'claims': 0, 'conflicts': 0,
    'outlets': 0, 'evidence': 0
  };
  var tooltip = d3.select('#tooltip');

  // ---- helpers -----------------------------------------------------------------------

  function body(id) { return d3.select('#' + id + ' .body'); }
  function empty(sel, text) { sel.append('p').attr('class', 'empty').text(text); }
  function name(entity) { return entity ? (entity.name || entity.id || '') : ''; }
  function key(entity) { return entity ? (entity.id || entity.name || '?') : '?'; }
  function list(a) { return Array.isArray(a) ? a : []; }
  function num(v) {
    if (v === null || v === undefined) return '';
    return Math.round(v) === v ? d3.format(',')(v) : d3.format(',.1f')(v);
  }
  function range(low, high) {
    if (low === null && high === null) return '';
    if (low === null) return 'up to ' + num(high);
    if (high === null) return num(low) + ' or more';
    if (low === high) return num(low);
    return num(low) + '–' + num(high);
  }
  function words(s) { return String(s || '').replace(/_/g, ' '); }

  // Links to evidence entries: "[3] [7]".
  function evLinks(sel, ids) {
    var span = sel.append('span').attr('class', 'evlinks');
    list(ids).forEach(function (id) {
      var e = evidence[id];
      if (!e) return;
      span.append('a').attr('class', 'ev').attr('href', '#' + id)
        .attr('title', (e.source || e.outlet || e.doc) + ': ' + e.before + e.mark + e.after)
        .text('[' + e.n + ']');
    });
    return span;
  }
  function goTo(ids) {
    var first = list(ids).find(function (id) { return evidence[id]; });
    if (first) location.hash = '#' + first;
  }

  // "2016", "2016-03", "2016-03-27", "2016-03-27T10:00" -> Date (UTC, start of the period).
  function parseDate(s) {
    if (!s) return null;
    var m = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?/.exec(s);
    if (!m) return null;
    return new Date(Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1,
                             m[4] ? +m[4] : 0, m[5] ? +m[5] : 0));
  }

  function showTip(event, lines) {
    tooltip.selectAll('*').remove();
    lines.forEach(function (l, i) {
      tooltip.append('div').attr('class', i ? 'tip-line' : 'tip-title').text(l);
    });
    tooltip.attr('hidden', null)
      .style('left', (event.pageX + 12) + 'px')
      .style('top', (event.pageY + 12) + 'px');
  }
  function hideTip() { tooltip.attr('hidden', ''); }

  function guarded(nameOfPart, fn) {
    try {
      fn();
    } catch (err) {
      console.error('report: ' + nameOfPart + ' failed: ' + (err && err.stack || err));
    }
  }

  var controllerColour = d3.scaleOrdinal(d3.schemeTableau10);
  var typeColour = d3.scaleOrdinal(d3.schemeSet2.concat(d3.schemeDark2));

  // ---- summary -----------------------------------------------------------------------

  function drawSummary() {
    var c = data.counts || {};
    var s = d3.select('#summary');
    var items = [
      [c.documents || 0, 'documents'], [c.events || 0, 'events'], [c.claims || 0, 'claims'],
      [list(fusion.stories).length, 'events across sources'],
      [list(fusion.timelines).length, 'places with a control timeline'],
      [list(fusion.conflicts).length, 'contradictions'],
      [list(fusion.duplicates).length, 'groups of near-duplicate documents']
    ];
    var ul = s.append('ul').attr('class', 'counts');
    items.forEach(function (it) {
      var li = ul.append('li');
      li.append('strong').text(num(it[0]));
      li.append('span').text(' ' + it[1]);
    });
  }

  // ---- control timelines -------------------------------------------------------------

  function drawTimelines() {
    var root = body('timelines');
    var timelines = list(fusion.timelines);
    if (!timelines.length) { empty(root, 'No control events: no timeline to draw.'); return; }
    root.append('p').attr('class', 'help')
      .text('Bars: who held the place, coloured by controller. Hatched: disputed (sources ' +
            'disagree). Dashed outline: implied by a later report (a recapture implies an ' +
            'earlier loss). Faded end: held since before, or still at, the last report. ' +
            'Hollow markers below the bar: expected or planned, never facts.');
    timelines.forEach(function (t, ti) {
      guarded('timeline ' + ti, function () { drawTimeline(root, t, ti); });
    });
  }

  function drawTimeline(root, t, ti) {
    var periods = list(t.periods), expected = list(t.expected);
    var box = root.append('div').attr('class', 'timeline');
    var h = box.append('h3').text(name(t.place) || 'Unknown place');
    if (t.place && t.place.country) h.append('span').attr('class', 'country').text(' ' + t.place.country);
    if (!periods.length && !expected.length) {
      empty(box, 'No control periods recorded.');
      return;
    }

    var dates = [];
    periods.forEach(function (p) {
      var a = parseDate(p.from), b = parseDate(p.until);
      if (a) dates.push(a);
      if (b) dates.push(b);
    });
    expected.forEach(function (x) { var a = parseDate(x.after); if (a) dates.push(a); });
    var lo = d3.min(dates), hi = d3.max(dates);
    if (!lo) { lo = new Date(Date.UTC(2000, 0, 1)); hi = new Date(Date.UTC(2001, 0, 1)); }
    var day = 864e5;
    if (hi - lo < 30 * day) { lo = new Date(+lo - 15 * day); hi = new Date(+hi + 15 * day); }
    var pad = (hi - lo) * 0.06;
    lo = new Date(+lo - pad); hi = new Date(+hi + pad);

    // Lanes: a period goes in the first lane it does not overlap.
    var lanes = [];
    var bars = periods.map(function (p) {
      var a = parseDate(p.from), b = parseDate(p.until);
      var start = a || lo, end = b || hi;
      if (end < start) end = start;
      var lane = 0;
      while (lanes[lane] !== undefined && lanes[lane] > +start) lane++;
      lanes[lane] = +end;
      return {p: p, start: start, end: end, openStart: !a, openEnd: !b, lane: lane};
    });
    var nLanes = Math.max(1, lanes.length);

    var width = 960, left = 10, right = 10, laneH = 26, top = 8;
    var expectedH = expected.length ? 22 : 0;
    var height = top + nLanes * (laneH + 4) + expectedH + 28;
    var x = d3.scaleUtc().domain([lo, hi]).range([left, width - right]);
    var svg = box.append('svg').attr('class', 'timeline-chart')
      .attr('viewBox', '0 0 ' + width + ' ' + height)
      .attr('role', 'img').attr('aria-label', 'Control of ' + (name(t.place) || 'a place'));
    var defs = svg.append('defs');
    var hatchId = 'hatch-' + ti;
    var pattern = defs.append('pattern').attr('id', hatchId).attr('patternUnits', 'userSpaceOnUse')
      .attr('width', 6).attr('height', 6).attr('patternTransform', 'rotate(45)');
    pattern.append('rect').attr('width', 6).attr('height', 6).attr('fill', 'white').attr('fill-opacity', 0.0);
    pattern.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6)
      .attr('stroke', '#222').attr('stroke-width', 2.2).attr('stroke-opacity', 0.55);
    var fadeL = 'fade-l-' + ti, fadeR = 'fade-r-' + ti;
    [[fadeL, 0, 1], [fadeR, 1, 0]].forEach(function (f) {
      var g = defs.append('linearGradient').attr('id', f[0]);
      g.append('stop').attr('offset', '0%').attr('stop-color', 'white').attr('stop-opacity', f[1] ? 0 : 0.85);
      g.append('stop').attr('offset', '100%').attr('stop-color', 'white').attr('stop-opacity', f[1] ? 0.85 : 0);
    });

    var g = svg.append('g');
    var group = g.selectAll('g.period').data(bars).enter().append('g')
      .attr('class', function (d) {
        return 'period ' + (d.p.status === 'disputed' ? 'disputed' : 'asserted') +
               (d.p.implied ? ' implied' : '');
      })
      .attr('transform', function (d) { return 'translate(0,' + (top + d.lane * (laneH + 4)) + ')'; })
      .on('click', function (event, d) { goTo(d.p.ev); })
      .on('mousemove', function (event, d) {
        showTip(event, [
          name(d.p.controller) || 'unknown controller',
          'from ' + (d.p.from || 'before the first report') + ' until ' + (d.p.until || 'the last report'),
          d.p.status + (d.p.implied ? ', implied' : ''),
          list(d.p.ev).length + ' evidence sentence(s); click to read them'
        ]);
      })
      .on('mouseleave', hideTip);
    group.append('rect').attr('class', 'bar')
      .attr('x', function (d) { return x(d.start); })
      .attr('width', function (d) { return Math.max(3, x(d.end) - x(d.start)); })
      .attr('height', laneH)
      .attr('fill', function (d) { return controllerColour(key(d.p.controller)); });
    group.filter(function (d) { return d.p.status === 'disputed'; }).append('rect')
      .attr('class', 'hatch')
      .attr('x', function (d) { return x(d.start); })
      .attr('width', function (d) { return Math.max(3, x(d.end) - x(d.start)); })
      .attr('height', laneH).attr('fill', 'url(#' + hatchId + ')');
    group.filter(function (d) { return d.openStart; }).append('rect').attr('class', 'fade')
      .attr('x', function (d) { return x(d.start); })
      .attr('width', function (d) { return Math.min(40, Math.max(3, x(d.end) - x(d.start))); })
      .attr('height', laneH).attr('fill', 'url(#' + fadeL + ')');
    group.filter(function (d) { return d.openEnd; }).append('rect').attr('class', 'fade')
      .attr('x', function (d) { return x(d.end) - Math.min(40, Math.max(3, x(d.end) - x(d.start))); })
      .attr('width', function (d) { return Math.min(40, Math.max(3, x(d.end) - x(d.start))); })
      .attr('height', laneH).attr('fill', 'url(#' + fadeR + ')');
    group.append('text').attr('class', 'bar-label')
      .attr('x', function (d) { return x(d.start) + 4; }).attr('y', laneH / 2 + 4)
      .text(function (d) {
        var w = x(d.end) - x(d.start), label = name(d.p.controller);
        return w > label.length * 6.5 + 8 ? label : '';
      });
    drawn['timeline-bars'] += bars.length;

    var ey = top + nLanes * (laneH + 4) + 4;
    if (expected.length) {
      svg.append('text').attr('class', 'lane-label').attr('x', left).attr('y', ey + 12).text('expected');
      svg.selectAll('path.expected').data(expected).enter().append('path')
        .attr('class', 'expected')
        .attr('d', d3.symbol().type(d3.symbolDiamond).size(90))
        .attr('transform', function (d) {
          var at = parseDate(d.after);
          return 'translate(' + (at ? x(at) : width - right - 8) + ',' + (ey + 8) + ')';
        })
        .attr('stroke', function (d) { return controllerColour(key(d.controller)); })
        .on('click', function (event, d) { goTo(d.ev); })
        .on('mousemove', function (event, d) {
          showTip(event, ['Expected: ' + (name(d.controller) || 'unknown') + ' to take it',
                          'stated ' + (d.after || 'on an unknown date'), 'not a fact; click for the source']);
        })
        .on('mouseleave', hideTip);
      drawn['expected-markers'] += expected.length;
    }
    svg.append('g').attr('class', 'axis')
      .attr('transform', 'translate(0,' + (ey + expectedH) + ')')
      .call(d3.axisBottom(x).ticks(8));
    drawn['timeline-charts'] += 1;

    // The same in words, with the evidence.
    var ol = box.append('ol').attr('class', 'periods');
    periods.forEach(function (p) {
      var li = ol.append('li').attr('class', p.status === 'disputed' ? 'disputed' : null);
      li.append('span').attr('class', 'swatch').style('background', controllerColour(key(p.controller)));
      li.append('strong').text(name(p.controller) || 'unknown');
      li.append('span').text(' from ' + (p.from || '(before the record)') +
                             ' until ' + (p.until || '(still, at the last report)'));
      if (p.status === 'disputed') li.append('span').attr('class', 'badge disputed').text('disputed');
      if (p.implied) li.append('span').attr('class', 'badge implied').text('implied');
      evLinks(li, p.ev);
    });
    expected.forEach(function (xp) {
      var li = ol.append('li').attr('class', 'expected');
      li.append('span').attr('class', 'badge expected').text('expected');
      li.append('span').text(' ' + (name(xp.controller) || 'someone') + ' to take it (said ' +
                             (xp.after || 'on an unknown date') + ')');
      evLinks(li, xp.ev);
    });
  }

  // ---- map ---------------------------------------------------------------------------

  function drawMap() {
    var root = body('map');
    var points = list(data.points).filter(function (p) {
      return isFinite(p.lat) && isFinite(p.lon) && p.lat !== null && p.lon !== null;
    });
    if (!points.length) root.append('p').attr('class', 'empty').text('No events with a known position: the map shows the world.');
    var world = JSON.parse(document.getElementById('world').textContent);
    var countries = topojson.feature(world, world.objects.countries);
    var borders = topojson.mesh(world, world.objects.countries, function (a, b) { return a !== b; });
    var width = 960, height = 560;
    var projection = d3.geoMercator();
    if (points.length) {
      // The view: points placed more precisely than a region's centre, without the few
      // farthest outliers (a name resolved on another continent must not zoom out the map).
      var core = points.filter(function (p) { return p.precision !== 3; });
      if (!core.length) core = points;
      var lons = core.map(function (p) { return p.lon; }).sort(d3.ascending);
      var lats = core.map(function (p) { return p.lat; }).sort(d3.ascending);
      var q = core.length >= 20 ? 0.03 : 0;
      var x0 = d3.quantileSorted(lons, q), x1 = d3.quantileSorted(lons, 1 - q);
      var y0 = d3.quantileSorted(lats, q), y1 = d3.quantileSorted(lats, 1 - q);
      var padX = Math.max(2.0, (x1 - x0) * 0.15), padY = Math.max(1.5, (y1 - y0) * 0.15);
      projection.fitExtent([[20, 20], [width - 20, height - 20]], {
        type: 'MultiPoint',
        coordinates: [[x0 - padX, Math.max(-80, y0 - padY)], [x1 + padX, Math.min(80, y1 + padY)]]
      });
    } else {
      projection = d3.geoNaturalEarth1().fitExtent([[10, 10], [width - 10, height - 10]], {type: 'Sphere'});
    }
    var path = d3.geoPath(projection);
    var svg = root.append('svg').attr('class', 'map-chart').attr('viewBox', '0 0 ' + width + ' ' + height)
      .attr('role', 'img').attr('aria-label', 'Map of events');
    svg.append('defs').append('clipPath').attr('id', 'map-clip')
      .append('rect').attr('width', width).attr('height', height);
    var clip = svg.append('g').attr('clip-path', 'url(#map-clip)');
    clip.append('rect').attr('class', 'sea').attr('width', width).attr('height', height);
    var g = clip.append('g');
    var land = g.append('g').attr('class', 'countries').selectAll('path')
      .data(countries.features).enter().append('path')
      .attr('class', 'country').attr('d', path)
      .on('mousemove', function (event, d) { showTip(event, [d.properties && d.properties.name || '']); })
      .on('mouseleave', hideTip);
    g.append('path').datum(borders).attr('class', 'border').attr('d', path);
    drawn['map-paths'] += land.size();

    // Points at the same position fan out on a small spiral so each stays clickable.
    var seen = {};
    points.forEach(function (p) {
      var xy = projection([p.lon, p.lat]);
      var k = Math.round(xy[0]) + ',' + Math.round(xy[1]);
      var n = seen[k] = (seen[k] || 0) + 1;
      var angle = n * 2.4, r = n > 1 ? 5 * Math.sqrt(n - 1) : 0;
      p.x = xy[0] + r * Math.cos(angle);
      p.y = xy[1] + r * Math.sin(angle);
      p.at = xy;
    });
    var outside = points.filter(function (p) {
      return p.at[0] < 0 || p.at[0] > width || p.at[1] < 0 || p.at[1] > height;
    }).length;
    // Place names, most reported first, skipping any that would overlap one already placed.
    var places = d3.rollups(points, function (v) { return {at: v[0].at, n: v.length}; },
                            function (p) { return p.place; })
      .sort(function (a, b) { return b[1].n - a[1].n || d3.ascending(a[0], b[0]); });
    var boxes = [], labels = [];
    places.forEach(function (pl) {
      var w = String(pl[0]).length * 6.6, bx = {x: pl[1].at[0] + 8, y: pl[1].at[1] - 20, w: w, h: 14};
      var hit = boxes.some(function (o) {
        return bx.x < o.x + o.w && o.x < bx.x + bx.w && bx.y < o.y + o.h && o.y < bx.y + bx.h;
      });
      if (hit || labels.length >= 25) return;
      boxes.push(bx);
      labels.push(pl);
    });
    var labelG = g.append('g').attr('class', 'place-labels');
    labelG.selectAll('text').data(labels).enter().append('text')
      .attr('x', function (d) { return d[1].at[0] + 8; }).attr('y', function (d) { return d[1].at[1] - 8; })
      .text(function (d) { return d[0]; });
    var radius = function (p) { return 4 + 2 * Math.sqrt(Math.max(1, p.num_documents || 1)); };
    var dots = g.append('g').attr('class', 'points').selectAll('circle').data(points).enter().append('circle')
      .attr('class', function (p) { return 'point' + (p.precision === 3 ? ' region' : ''); })
      .attr('cx', function (p) { return p.x; }).attr('cy', function (p) { return p.y; })
      .attr('r', radius)
      .attr('fill', function (p) { return typeColour(p.type); })
      .attr('stroke', function (p) { return p.precision === 3 ? typeColour(p.type) : null; })
      .on('click', function (event, p) { goTo(p.ev); })
      .on('mousemove', function (event, p) {
        showTip(event, [words(p.label), (p.date || 'undated') + ' · ' + p.place +
                        (p.precision === 3 ? ' (region only)' : ''),
                        words(p.type) + ' · ' + p.status,
                        (p.num_documents || 1) + ' document(s), ' + (p.num_sources || 1) + ' outlet(s); click for evidence']);
      })
      .on('mouseleave', hideTip);
    labelG.raise();  // names above the points
    // Wheel or pinch to zoom, drag to pan; points and labels keep their size.
    svg.call(d3.zoom().scaleExtent([1, 40]).on('zoom', function (event) {
      var k = event.transform.k;
      g.attr('transform', event.transform);
      g.selectAll('.border').style('stroke-width', 0.6 / k);
      dots.attr('r', function (p) { return radius(p) / k; }).style('stroke-width', 1.2 / k);
      labelG.selectAll('text').style('font-size', (12 / k) + 'px').style('stroke-width', (3 / k) + 'px')
        .attr('x', function (d) { return d[1].at[0] + 8 / k; }).attr('y', function (d) { return d[1].at[1] - 8 / k; });
    }));
    root.append('p').attr('class', 'help').text(
      'Scroll to zoom, drag to pan. Hollow points: only the region is known (e.g. a country). ' +
      (outside ? outside + ' event(s) lie outside this view; zoom out to see them.' : ''));
    drawn['map-points'] += dots.size();

    var types = Array.from(new Set(points.map(function (p) { return p.type; }))).sort();
    var legend = root.append('ul').attr('class', 'legend');
    types.forEach(function (t) {
      var li = legend.append('li');
      li.append('span').attr('class', 'dot').style('background', typeColour(t));
      li.append('span').text(words(t));
    });
  }

  // ---- stories -----------------------------------------------------------------------

  function drawStories() {
    var root = body('stories');
    var stories = list(fusion.stories);
    if (!stories.length) { empty(root, 'No events.'); return; }
    var table = root.append('table').attr('class', 'stories');
    var head = table.append('thead').append('tr');
    ['Date', 'Event', 'Who', 'What / whom', 'Place', 'Status', 'Docs', 'Outlets', 'Mentions', 'Evidence']
      .forEach(function (h) { head.append('th').text(h); });
    var tbody = table.append('tbody');
    stories.forEach(function (s) {
      var tr = tbody.append('tr').attr('id', s.id);
      tr.append('td').attr('class', 'date').text(s.date || '');
      tr.append('td').text(words(s.type));
      tr.append('td').text(name(s.agent));
      tr.append('td').text(name(s.target));
      tr.append('td').text(name(s.place));
      tr.append('td').append('span').attr('class', 'badge status-' + s.status).text(s.status || '');
      tr.append('td').attr('class', 'n').text(num(s.num_documents));
      tr.append('td').attr('class', 'n').text(num(s.num_sources));
      tr.append('td').attr('class', 'n').text(num(s.num_mentions));
      evLinks(tr.append('td'), s.ev);
    });
    drawn.stories = stories.length;
  }

  // ---- claims ------------------------------------------------------------------------

  function drawClaims() {
    var root = body('claims');
    var groups = list(fusion.claim_groups);
    if (!groups.length) { empty(root, 'No claims.'); return; }
    var table = root.append('table').attr('class', 'claims');
    var head = table.append('thead').append('tr');
    ['Claim as written', 'Value', 'Claimed by', 'Outlet', 'Document', 'Evidence']
      .forEach(function (h) { head.append('th').text(h); });
    groups.forEach(function (g) {
      var tb = table.append('tbody').attr('id', g.id);
      var tr = tb.append('tr').attr('class', 'group');
      var td = tr.append('td').attr('colspan', 6);
      td.append('strong').text(g.subject || words(g.kind));
      td.append('span').attr('class', 'kind').text(' ' + words(g.kind));
      var est = td.append('span').attr('class', 'estimate');
      est.append('span').text(' low ');
      est.append('b').text(g.low === null ? '–' : num(g.low));
      est.append('span').text(' · best ');
      est.append('b').text(g.best === null ? '–' : num(g.best));
      est.append('span').text(' · high ');
      est.append('b').text(g.high === null ? '–' : num(g.high));
      list(g.values).forEach(function (v) {
        var row = tb.append('tr');
        row.append('td').text(v.text || '');
        row.append('td').attr('class', 'n').text(range(v.low, v.high));
        row.append('td').text(v.claimed_by || '(the outlet)');
        row.append('td').text(v.outlet || '');
        var doc = documents[v.doc];
        row.append('td').attr('class', 'doc').text(doc && doc.title ? doc.title : v.doc);
        evLinks(row.append('td'), v.ev);
      });
    });
    drawn.claims = groups.length;
  }

  // ---- contradictions ----------------------------------------------------------------

  function drawConflicts() {
    var root = body('conflicts');
    var conflicts = list(fusion.conflicts);
    var flags = list(fusion.date_flags);
    if (!conflicts.length) empty(root, 'No contradictions found.');
    conflicts.forEach(function (c) {
      var div = root.append('div').attr('class', 'conflict').attr('id', c.id);
      var h = div.append('h3');
      h.append('span').attr('class', 'badge kind-' + c.kind).text(c.kind);
      h.append('span').text(' ' + (c.subject || ''));
      div.append('p').attr('class', 'summary').text(c.summary || '');
      var ul = div.append('ul');
      list(c.items).forEach(function (it, i) {
        var li = ul.append('li');
        li.append('strong').text(it.value || '(no value)');
        li.append('span').text(' — ' + (it.source || it.outlet || 'unknown source') +
                               (it.outlet && it.source !== it.outlet ? ' via ' + it.outlet : '') +
                               (it.date ? ', ' + it.date : ''));
        evLinks(li, c.ev ? [c.ev[i]] : []);
      });
    });
    drawn.conflicts = conflicts.length;
  }

  // ---- outlets -----------------------------------------------------------------------

  // The evidence of `outlet` whose sentence holds `term`.
  function termEvidence(outlet, term) {
    var t = String(term).toLowerCase();
    return (data.evidence || []).filter(function (e) {
      return e.outlet === outlet && (e.before + e.mark + e.after).toLowerCase().indexOf(t) >= 0;
    }).map(function (e) { return e.id; }).slice(0, 3);
  }

  function drawOutlets() {
    var root = body('outlets');
    var outlets = list(fusion.outlets);
    if (!outlets.length) { empty(root, 'No outlet profiles.'); return; }
    root.append('p').attr('class', 'help').text('The words each outlet uses, counted. Descriptive only.');
    [['parties', 'Parties'], ['events', 'Kinds of event']].forEach(function (cat) {
      // Rows: every key any outlet has in this category.
      var rows = new Map();
      outlets.forEach(function (o) {
        list(o[cat[0]]).forEach(function (grp) { if (!rows.has(grp.key)) rows.set(grp.key, grp.label || grp.key); });
      });
      if (!rows.size) return;
      root.append('h3').text(cat[1]);
      var table = root.append('div').attr('class', 'scroll').append('table').attr('class', 'outlets');
      var head = table.append('thead').append('tr');
      head.append('th').text('');
      outlets.forEach(function (o) {
        head.append('th').text(o.outlet + ' (' + o.documents + ' doc' + (o.documents === 1 ? '' : 's') + ')');
      });
      var tbody = table.append('tbody');
      Array.from(rows.keys()).sort(function (a, b) { return d3.ascending(rows.get(a), rows.get(b)); })
        .forEach(function (k) {
          var tr = tbody.append('tr');
          tr.append('th').text(words(rows.get(k)));
          outlets.forEach(function (o) {
            var td = tr.append('td');
            var grp = list(o[cat[0]]).find(function (x) { return x.key === k; });
            if (!grp) { td.attr('class', 'none').text('—'); return; }
            list(grp.terms).forEach(function (t) {
              var span = td.append('span').attr('class', 'term');
              span.append('span').text(t.term);
              span.append('span').attr('class', 'count').text('×' + t.count);
              var ids = termEvidence(o.outlet, t.term);
              if (ids.length) evLinks(span, ids.slice(0, 1));
            });
          });
        });
    });
    drawn.outlets = outlets.length;
  }

  // ---- document dates ----------------------------------------------------------------

  function docTitle(id) {
    var d = documents[id];
    return d && d.title ? d.title + ' (' + id + ')' : id;
  }

  function drawDates() {
    var root = body('dates');
    var dated = list(fusion.doc_dates), flags = list(fusion.date_flags), dups = list(fusion.duplicates);
    if (!dated.length) empty(root, 'No document needed a date from other documents.');
    else {
      var ul = root.append('ul');
      dated.forEach(function (d) {
        var li = ul.append('li');
        li.append('strong').text(docTitle(d.doc));
        var date = d.date || {};
        li.append('span').text(': dated ' + (date.value || '?') + ' (' + (date.source || 'cross-document') + ')' +
                               (date.evidence ? ', ' + date.evidence : ''));
        evLinks(li, d.ev);
      });
    }
    if (flags.length) {
      root.append('h3').text('Dates the content contradicts');
      var ul2 = root.append('ul');
      flags.forEach(function (f) {
        var li = ul2.append('li');
        li.append('strong').text(docTitle(f.doc));
        li.append('span').text(': states ' + (f.stated || '?') + ', its events imply ' + (f.implied || '?') +
                               (f.why ? '. ' + f.why : ''));
        evLinks(li, f.ev);
      });
    }
    if (dups.length) {
      root.append('h3').text('Near-duplicate documents (counted once)');
      var ul3 = root.append('ul');
      dups.forEach(function (d) {
        ul3.append('li').text(docTitle(d.canonical) + ' = ' + list(d.copies).map(docTitle).join(', ') +
                              ' (similarity ' + d3.format('.2f')(d.similarity || 0) + ')');
      });
    }
  }

  // ---- evidence ----------------------------------------------------------------------

  function drawEvidence() {
    var root = body('evidence');
    var all = list(data.evidence);
    if (!all.length) { empty(root, 'No evidence.'); return; }
    var ol = root.append('ol').attr('class', 'evidence');
    all.forEach(function (e) {
      var li = ol.append('li').attr('id', e.id).attr('value', e.n);
      var meta = li.append('div').attr('class', 'meta');
      var doc = documents[e.doc];
      meta.append('strong').text(doc && doc.title ? doc.title : e.doc);
      meta.append('span').attr('class', 'docid').text(' ' + e.doc + ', sentence ' + e.sentence);
      if (e.outlet) meta.append('span').text(' · ' + e.outlet);
      if (e.source && e.source !== e.outlet) meta.append('span').text(' · according to ' + e.source);
      if (e.date) meta.append('span').text(' · ' + e.date);
      if (doc && doc.url && /^https?:\/\//.test(doc.url)) {
        meta.append('a').attr('class', 'orig').attr('href', doc.url).attr('rel', 'noopener noreferrer')
          .attr('target', '_blank').text('original');
      }
      var q = li.append('blockquote');
      q.append('span').text(e.before);
      if (e.mark) q.append('mark').text(e.mark);
      q.append('span').text(e.after);
      if (e.value) li.append('div').attr('class', 'value').text('says: ' + e.value);
    });
    drawn.evidence = all.length;
  }

  guarded('summary', drawSummary);
  guarded('timelines', drawTimelines);
  guarded('map', drawMap);
  guarded('stories', drawStories);
  guarded('claims', drawClaims);
  guarded('conflicts', drawConflicts);
  guarded('outlets', drawOutlets);
  guarded('dates', drawDates);
  guarded('evidence', drawEvidence);

  var html = document.documentElement;
  Object.keys(drawn).forEach(function (k) { html.setAttribute('data-' + k, String(drawn[k])); });
  html.setAttribute('data-rendered', '1');
})();
