// Filters, search and keys for the ftpseq HTML report. Everything it changes is already on the
// page: with scripts off the report reads the same, only without these controls.
(function () {
  'use strict';
  var doc = document;
  function all(selector, root) {
    return Array.prototype.slice.call((root || doc).querySelectorAll(selector));
  }
  var findings = all('details.finding');
  var sessions = all('section.session');
  // the table's lines of sessions not drawn: each is that session's only place on the page
  var lines = all('.index tr[id]');
  var severities = all('.toolbar input[name=severity]');
  var ruleFilter = doc.getElementById('rule-filter');
  var search = doc.getElementById('search');
  var onlyFindings = doc.getElementById('only-findings');
  var shown = doc.getElementById('shown');
  var current = null;

  function sessionOf(element) {
    return element.closest('section.session');
  }

  function isShown(finding) {
    return !finding.classList.contains('hidden') && !sessionOf(finding).classList.contains('hidden');
  }

  function apply() {
    var wanted = {};
    var allSeverities = true;
    severities.forEach(function (box) {
      wanted[box.value] = box.checked;
      allSeverities = allSeverities && box.checked;
    });
    var rule = ruleFilter.value;
    var query = search.value.trim().toLowerCase();
    findings.forEach(function (finding) {
      var visible = wanted[finding.dataset.severity] && (!rule || finding.dataset.rule === rule);
      finding.classList.toggle('hidden', !visible);
      all('[data-finding="' + finding.id + '"]', sessionOf(finding)).forEach(function (mark) {
        mark.classList.toggle('hidden', !visible);
      });
      all('a[href="#' + finding.id + '"]', sessionOf(finding)).forEach(function (link) {
        link.parentNode.classList.toggle('hidden', !visible);
      });
    });
    all('.row.loud').forEach(function (row) {
      var any = row.querySelector('details.finding:not(.hidden)') !== null;
      row.classList.toggle('muted', !any && row.querySelector('details.finding') !== null);
    });
    var needFinding = onlyFindings.checked || rule !== '' || !allSeverities;
    sessions.forEach(function (session) {
      var hasFinding = session.querySelector('details.finding:not(.hidden)') !== null;
      var matches = !query || session.textContent.toLowerCase().indexOf(query) >= 0;
      var visible = (!needFinding || hasFinding) && matches;
      session.classList.toggle('hidden', !visible);
      var entry = doc.querySelector('tr[data-session="' + session.id + '"]');
      if (entry) {
        entry.classList.toggle('hidden', !visible);
      }
      all('.row', session).forEach(function (row) {
        var hit = query !== '' && visible && row.textContent.toLowerCase().indexOf(query) >= 0;
        row.classList.toggle('hit', hit);
        var fold = hit && row.closest('details.fold');
        if (fold) {
          fold.open = true;
        }
      });
    });
    lines.forEach(function (line) {
      var hasFinding = (line.dataset.findings || '').split(' ').some(function (kind) {
        var parts = kind.split('/');
        return parts.length === 2 && wanted[parts[0]] && (!rule || parts[1] === rule);
      });
      var matches = !query || line.textContent.toLowerCase().indexOf(query) >= 0;
      var visible = (!needFinding || hasFinding) && matches;
      line.classList.toggle('hidden', !visible);
      if (visible && query) {
        openAround(line);
      }
    });
    var count = findings.filter(isShown).length;
    shown.textContent = shown.dataset.pattern
      .replace('{0}', String(count))
      .replace('{1}', String(findings.length));
  }

  function openAround(element) {
    for (var node = element; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS' && node !== element) {
        node.open = true;
      }
    }
  }

  function go(step) {
    var list = findings.filter(isShown);
    if (list.length === 0) {
      return;
    }
    var index = list.indexOf(current);
    index = index < 0 ? (step > 0 ? 0 : list.length - 1) : (index + step + list.length) % list.length;
    if (current) {
      current.classList.remove('current');
    }
    current = list[index];
    current.classList.add('current');
    openAround(current);
    current.querySelector('summary').focus({ preventScroll: true });
    current.scrollIntoView({ block: 'center' });
    if (history.replaceState) {
      history.replaceState(null, '', '#' + current.id);
    }
  }

  function followHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && doc.getElementById(id);
    if (target) {
      openAround(target);
      target.scrollIntoView({ block: 'center' });
    }
  }

  doc.addEventListener('keydown', function (event) {
    var tag = event.target.tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') {
      if (event.key === 'Escape') {
        event.target.blur();
      }
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key === 'j' || event.key === 'n') {
      go(1);
    } else if (event.key === 'k' || event.key === 'p') {
      go(-1);
    } else if (event.key === 'o' && current) {
      current.open = !current.open;
    } else if (event.key === '/') {
      event.preventDefault();
      search.focus();
    } else {
      return;
    }
    event.preventDefault();
  });

  severities.forEach(function (box) {
    box.addEventListener('change', apply);
  });
  ruleFilter.addEventListener('change', apply);
  onlyFindings.addEventListener('change', apply);
  var pending = 0;
  search.addEventListener('input', function () {
    clearTimeout(pending);
    pending = setTimeout(apply, 150);
  });
  window.addEventListener('hashchange', followHash);
  apply();
  followHash();
})();
